using InfoTheory.Exercises;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>
/// Every exercise in the course: its own expected answer, at full precision, passes. (Answers as students type
/// them, right and wrong, are in ExerciseStudentAnswerTests.)
/// </summary>
public class ExerciseCatalogTests
{
    public static TheoryData<string> Ids() => new(ExerciseCatalog.All.Select(e => e.Id));

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
            TwoArrayFunctionExercise f => f.Reference,
            EssayExercise e => string.Join(' ', Enumerable.Repeat("word", e.MinimumWords)),
            ExactTextExercise t => t.Expected,
            _ => null,
        };
        Assert.NotNull(right);
        Assert.Null(exercise.Judge(right));
        Assert.True(exercise.Hint.Length > 10, "every exercise needs a real hint");
    }

    [Fact]
    public void Every_lesson_from_01_has_3_to_6_exercises()
    {
        var perLesson = ExerciseCatalog.All.GroupBy(e => e.Lesson).ToDictionary(g => g.Key, g => g.Count());
        var expectedLessons = Enumerable.Range(1, perLesson.Count).Select(n => n.ToString("00"));
        Assert.Equal(expectedLessons, perLesson.Keys.Order());
        Assert.Equal(expectedLessons, ExerciseCatalog.LessonNumbers.Order());
        Assert.All(perLesson.Values, count => Assert.InRange(count, 3, 6));
    }
}
