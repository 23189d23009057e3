using System.Globalization;
using InfoTheory.Exercises;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>
/// The acceptance test of the checks: every exercise in the catalog, answered the way students answer. Right
/// answers typed to 3 and 4 significant figures pass; the other unit gets the unit message; each anticipated
/// mistake gets its own message; 5 % off fails; null is "not attempted" and reveals nothing. Exercises added to
/// the catalog (lessons 10, 11, …) are picked up without editing this file; a kind of exercise this test cannot
/// answer fails it, saying so.
/// </summary>
public class ExerciseStudentAnswerTests
{
    public static TheoryData<string> Ids() => new(ExerciseCatalog.All.Select(e => e.Id));

    private static CheckResult Check(string id, object? answer) => new ExerciseLog().Check(id, answer);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Null_is_not_attempted_and_reveals_no_digit_and_no_length(string id)
    {
        var result = Check(id, null);
        Assert.Equal(CheckStatus.NotAttempted, result.Status);
        Assert.DoesNotMatch(@"\d", result.Message);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Right_answers_typed_to_3_or_4_significant_figures_pass(string id)
    {
        var exercise = ExerciseCatalog.Find(id);
        if (Numbers(exercise) is not { } numbers)
        {
            AnswersOfOtherKinds(exercise);
            return;
        }
        if (numbers.Exact)
        {
            // Counts and codes: the exact value passes, one more does not; there is nothing to round.
            Assert.True(Check(id, numbers.Answer(numbers.Expected)).Passed);
            Assert.Equal(CheckStatus.Wrong, Check(id, numbers.Answer(numbers.Expected.Select(x => x + 1).ToArray())).Status);
            return;
        }
        foreach (int figures in new[] { 3, 4 })
        {
            var result = Check(id, numbers.Answer(numbers.Expected.Select(x => Rounded(x, figures)).ToArray()));
            Assert.True(result.Passed, $"{figures} figures: {result}");
            Assert.Contains("Correct", result.Message);
        }
        var twoFigures = Check(id, numbers.Answer(numbers.Expected.Select(x => Rounded(x, 2)).ToArray()));
        Assert.True(twoFigures.Passed || twoFigures.Message.StartsWith("Close", StringComparison.Ordinal), twoFigures.ToString());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void An_answer_in_the_other_unit_gets_the_unit_message(string id)
    {
        var exercise = ExerciseCatalog.Find(id);
        if (Numbers(exercise) is not { Exact: false } numbers) return;   // exact answers (counts, codes) have no unit; functions: see AnswersOfOtherKinds
        foreach (double factor in new[] { Math.Log(2), 1 / Math.Log(2) })
        {
            var result = Check(id, numbers.Answer(numbers.Expected.Select(x => x * factor).ToArray()));
            Assert.Equal(CheckStatus.Wrong, result.Status);
            Assert.Contains(factor < 1 ? "nats where bits are asked" : "bits where nats are asked", result.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_anticipated_mistake_gets_its_own_message(string id)
    {
        var exercise = ExerciseCatalog.Find(id);
        foreach (var mistake in exercise.Mistakes)
        {
            var numbers = Numbers(exercise) ?? throw new InvalidOperationException($"{id}: mistakes are only defined for numeric exercises.");
            var result = Check(id, numbers.Answer(mistake.FromExpected(numbers.Expected)));
            Assert.Equal(CheckStatus.Wrong, result.Status);
            Assert.Contains(mistake.Message, result.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Five_percent_off_fails_and_is_not_called_close(string id)
    {
        var exercise = ExerciseCatalog.Find(id);
        if (Numbers(exercise) is not { } numbers) return;   // functions and essays: see AnswersOfOtherKinds
        double tolerance = numbers.Tolerance;
        var off = numbers.Expected.Select(x => double.IsInfinity(x) ? x : x + Math.Max(0.05 * Math.Max(Math.Abs(x), 1e-3), 2 * tolerance * Math.Max(1, Math.Abs(x)))).ToArray();
        var result = Check(id, numbers.Answer(off));
        Assert.Equal(CheckStatus.Wrong, result.Status);
        Assert.DoesNotContain("Close", result.Message);
    }

    /// <summary>Functions and essays: the reference passes, the other unit is named, 5 % off and a short essay fail.</summary>
    private static void AnswersOfOtherKinds(Exercise exercise)
    {
        switch (exercise)
        {
            case FunctionExercise f:
                Assert.True(Check(f.Id, f.Reference).Passed);
                Assert.Contains("nats where bits are asked", Check(f.Id, (Func<double[], double>)(x => f.Reference(x) * Math.Log(2))).Message);
                Assert.Equal(CheckStatus.Wrong, Check(f.Id, (Func<double[], double>)(x => f.Reference(x) * 1.05 + 0.01)).Status);
                break;
            case TwoArrayFunctionExercise f:
                Assert.True(Check(f.Id, f.Reference).Passed);
                Assert.Contains("nats where bits are asked", Check(f.Id, (Func<double[], double[], double>)((p, q) => f.Reference(p, q) * Math.Log(2))).Message);
                Assert.Equal(CheckStatus.Wrong, Check(f.Id, (Func<double[], double[], double>)((p, q) => f.Reference(p, q) * 1.05 + 0.01)).Status);
                break;
            case EssayExercise e:
                Assert.True(Check(e.Id, string.Join(' ', Enumerable.Repeat("word", e.MinimumWords))).Passed);
                Assert.Equal(CheckStatus.Wrong, Check(e.Id, "Yes.").Status);
                break;
            case ExactTextExercise t:
                // Spaces are forgiven; one changed character is not, and a number is the wrong kind of answer.
                Assert.True(Check(t.Id, string.Join(' ', t.Expected.ToCharArray())).Passed);
                string changed = (t.Expected[0] == '0' ? "1" : "0") + t.Expected[1..];
                Assert.Equal(CheckStatus.Wrong, Check(t.Id, changed).Status);
                Assert.Contains("not right", Check(t.Id, changed).Message);
                Assert.Contains("wants", Check(t.Id, 3.0).Message);
                break;
            default:
                Assert.Fail($"{exercise.Id} is a {exercise.GetType().Name}, which this test cannot answer: teach Numbers or AnswersOfOtherKinds about it.");
                break;
        }
    }

    /// <summary>A numeric exercise's expected values, how to hand an answer to the check, and whether it is exact.</summary>
    private sealed record NumericAnswers(double[] Expected, double Tolerance, bool OneNumber)
    {
        public bool Exact => Tolerance == 0;
        public object Answer(double[] values) => OneNumber ? values[0] : values;
    }

    private static NumericAnswers? Numbers(Exercise exercise) => exercise switch
    {
        NumberExercise n => new([n.Expected], n.Tolerance, OneNumber: true),
        VectorExercise v => new(v.Expected, v.Tolerance, OneNumber: false),
        ComputedVectorExercise c => new(c.Expected, c.Tolerance, OneNumber: false),
        _ => null,
    };

    /// <summary>What a student types when rounding to this many significant figures.</summary>
    private static double Rounded(double x, int figures) =>
        double.IsFinite(x) ? double.Parse(x.ToString("G" + figures, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : x;
}
