using InfoTheory.Exercises;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>
/// Every exercise in the course: its own expected answer passes, and a wrong answer of the right kind fails.
/// (The solution notebooks show the reasoning; this guards the checks themselves.)
/// </summary>
public class ExerciseCatalogTests
{
    public static TheoryData<string> Ids() => new(ExerciseCatalog.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_wrong_answer_fails(string id)
    {
        var exercise = ExerciseCatalog.Find(id);
        object wrong = exercise switch
        {
            NumberExercise n => WrongNumber(n.Expected),
            VectorExercise v => v.Expected.Select((x, i) => i == 0 ? WrongNumber(x) : x).ToArray(),
            ComputedVectorExercise c => c.Expected.Select((x, i) => i == 0 ? WrongNumber(x) : x).ToArray(),
            FunctionExercise f => (Func<double[], double>)(input => f.Reference(input) + 0.01),
            EssayExercise => "Yes.",
            _ => throw new InvalidOperationException($"No wrong answer is defined for {exercise.GetType().Name}."),
        };
        Assert.NotNull(exercise.Judge(wrong));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_expected_answer_passes(string id)
    {
        var exercise = ExerciseCatalog.Find(id);
        object? right = exercise switch
        {
            NumberExercise n => n.Expected,
            VectorExercise v => v.Expected,
            ComputedVectorExercise c => c.Expected,
            FunctionExercise f => f.Reference,
            EssayExercise e => string.Join(' ', Enumerable.Repeat("word", e.MinimumWords)),
            _ => null,
        };
        Assert.NotNull(right);
        Assert.Null(exercise.Judge(right));
        Assert.True(exercise.Hint.Length > 10, "every exercise needs a real hint");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Not_attempted_says_nothing_about_the_answer(string id)
    {
        var result = ExerciseCheck.Check(id, (double?)null);
        Assert.Equal(CheckStatus.NotAttempted, result.Status);
        Assert.DoesNotMatch(@"\d", result.Message);   // no value, no count, no length
    }

    [Fact]
    public void The_course_has_about_25_exercises_spread_over_every_lesson_from_01_on()
    {
        var perLesson = ExerciseCatalog.All.GroupBy(e => e.Id[..2]).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(perLesson.Count, 9, 12);
        Assert.Equal(Enumerable.Range(1, perLesson.Count).Select(n => n.ToString("00")), perLesson.Keys.Order());
        Assert.All(perLesson.Values, count => Assert.InRange(count, 3, 6));
        Assert.InRange(ExerciseCatalog.All.Count, 25, 60);
    }

    /// <summary>A value that is off by 10 % (or 1 near zero), beyond any tolerance a check uses.</summary>
    private static double WrongNumber(double expected) =>
        double.IsInfinity(expected) ? 0 : expected + Math.Max(1, Math.Abs(expected) * 0.1);
}
