using InfoTheory.Exercises;
using Xunit;
using static InfoTheory.Exercises.ExerciseCheck;

namespace InfoTheory.Tests;

public class ExerciseCheckTests
{
    [Fact]
    public void Null_is_not_attempted_and_does_not_reveal_the_answer()
    {
        var result = Check("01.1", (double?)null);
        Assert.Equal(CheckStatus.NotAttempted, result.Status);
        string expected = (-Math.Log2(1.0 / 6)).ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(expected, result.ToString());
        Assert.DoesNotContain(expected, result.ToHtml());
    }

    [Fact]
    public void Right_answer_passes_and_wrong_answer_fails_with_a_hint()
    {
        Assert.Equal(CheckStatus.Passed, Check("01.1", Math.Log2(6)).Status);
        var wrong = Check("01.1", 6.0);
        Assert.Equal(CheckStatus.Wrong, wrong.Status);
        Assert.Contains("Hint", wrong.Message);
    }

    [Fact]
    public void Wrong_kind_of_answer_is_a_wrong_answer_not_an_exception() =>
        Assert.Equal(CheckStatus.Wrong, Check("01.1", [1.0, 2.0]).Status);

    [Fact]
    public void Unknown_id_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Check("01.99", 1.0));
        Assert.Contains("01.1", e.Message);
        Assert.Equal("exerciseId", e.ParamName);
    }

    [Fact]
    public void Function_answers_are_compared_with_the_reference()
    {
        var exercise = new FunctionExercise("x", "t", "h", [[0.5, 0.5], [1.0, 0.0]], p => p.Sum());
        Assert.Null(exercise.Judge((Func<double[], double>)(p => p[0] + p[1])));
        Assert.NotNull(exercise.Judge((Func<double[], double>)(p => p[0])));
        Assert.Contains("threw", exercise.Judge((Func<double[], double>)(_ => throw new InvalidOperationException("boom"))));
    }

    [Fact]
    public void Nan_answers_get_a_specific_hint() =>
        Assert.Contains("NaN", Check("01.1", double.NaN).Message);

    [Fact]
    public void Html_escapes_titles_and_messages() =>
        Assert.DoesNotContain("<script>", new CheckResult("1", "<script>", CheckStatus.Wrong, "<script>").ToHtml());

    [Fact]
    public void Catalog_ids_are_unique_and_well_formed() =>
        Assert.All(ExerciseCatalog.All, e => Assert.Matches(@"^\d\d\.\d+$", e.Id));
}
