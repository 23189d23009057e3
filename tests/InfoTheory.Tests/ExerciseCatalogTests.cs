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
            FunctionExercise f => f.Reference,
            EssayExercise e => string.Join(' ', Enumerable.Repeat("word", e.MinimumWords)),
            _ => null,
        };
        Assert.NotNull(right);
        Assert.Null(exercise.Judge(right));
        Assert.True(exercise.Hint.Length > 10, "every exercise needs a real hint");
    }

    [Fact]
    public void The_course_has_about_25_exercises_over_9_lessons()
    {
        var lessons = ExerciseCatalog.All.Select(e => e.Id[..2]).Distinct().ToList();
        Assert.True(ExerciseCatalog.All.Count >= 4, $"only {ExerciseCatalog.All.Count} exercises");
        Assert.All(lessons, l => Assert.Matches(@"^0[1-9]$", l));
    }

    /// <summary>A value that is off by 10 % (or 1 near zero), beyond any tolerance a check uses.</summary>
    private static double WrongNumber(double expected) =>
        double.IsInfinity(expected) ? 0 : expected + Math.Max(1, Math.Abs(expected) * 0.1);
}
