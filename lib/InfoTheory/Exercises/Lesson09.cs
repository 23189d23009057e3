namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    private static IEnumerable<Exercise> Lesson09() => [];
}
