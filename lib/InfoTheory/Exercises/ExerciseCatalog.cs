namespace InfoTheory.Exercises;

/// <summary>
/// Every exercise of the course, by id. Each lesson's exercises are defined in their own file
/// (Lesson01.cs, …) as a partial of this class, and built the first time one of them is needed: checking
/// 01.1 never reads a corpus that only lesson 08's exercises use.
/// </summary>
public static partial class ExerciseCatalog
{
    /// <summary>The lessons that have exercises: number, notebook name, and the method defining them. Registering a lesson is one line.</summary>
    private static readonly LessonExercises[] Lessons =
    [
        new("01", "01-surprisal", Lesson01),
        new("02", "02-entropy", Lesson02),
        new("03", "03-codes-and-compression", Lesson03),
        new("04", "04-cross-entropy", Lesson04),
        new("05", "05-kl-divergence", Lesson05),
        new("06", "06-jensens-inequality", Lesson06),
        new("07", "07-mutual-information", Lesson07),
        new("08", "08-perplexity-and-language-models", Lesson08),
        new("09", "09-prediction-is-compression", Lesson09),
        new("10", "10-learning-with-information", Lesson10),
        new("11", "11-noisy-channels", Lesson11),
    ];

    /// <summary>The numbers of the lessons with exercises, "01", "02", ….</summary>
    public static IReadOnlyList<string> LessonNumbers => Lessons.Select(l => l.Number).ToList();

    /// <summary>Every exercise, in id order (this builds every lesson's exercises).</summary>
    public static IReadOnlyList<Exercise> All => Lessons.SelectMany(l => l.Exercises).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();

    /// <summary>The exercises of one lesson ("04"), in id order.</summary>
    public static IReadOnlyList<Exercise> ForLesson(string lesson) => FindLesson(lesson, nameof(lesson)).Exercises;

    /// <summary>The exercise with this id, or a clear error listing the ids of the same lesson.</summary>
    public static Exercise Find(string exerciseId)
    {
        ArgumentNullException.ThrowIfNull(exerciseId);
        string number = exerciseId.Split('.')[0];
        var lesson = Lessons.FirstOrDefault(l => l.Number == number);
        var exercise = lesson?.Exercises.FirstOrDefault(e => e.Id == exerciseId);
        if (exercise is not null) return exercise;
        string known = lesson is not null
            ? $"Lesson {number} has: {string.Join(", ", lesson.Exercises.Select(e => e.Id))}."
            : $"Lessons with exercises: {string.Join(", ", LessonNumbers)}; ids look like 04.2.";
        throw new ArgumentException($"There is no exercise '{exerciseId}'. {known}", nameof(exerciseId));
    }

    /// <summary>The lesson notebook's name without folder or extension, e.g. "04-cross-entropy".</summary>
    internal static string NotebookName(string lesson) => FindLesson(lesson, nameof(lesson)).Notebook;

    private static LessonExercises FindLesson(string lesson, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(lesson, argumentName);
        return Lessons.FirstOrDefault(l => l.Number == lesson)
            ?? throw new ArgumentException($"There is no lesson '{lesson}' with exercises. Use one of: {string.Join(", ", LessonNumbers)}.", argumentName);
    }

    /// <summary>One lesson's exercises, defined by a method and built once, on first use.</summary>
    private sealed class LessonExercises(string number, string notebook, Func<IEnumerable<Exercise>> define)
    {
        private readonly Lazy<IReadOnlyList<Exercise>> _exercises = new(() =>
        {
            var exercises = define().OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
            var stray = exercises.FirstOrDefault(e => e.Lesson != number);
            if (stray is not null) throw new InvalidOperationException($"Exercise {stray.Id} is defined with lesson {number}'s exercises.");
            var duplicate = exercises.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new InvalidOperationException($"Exercise id {duplicate.Key} is defined twice.");
            return exercises;
        });

        public string Number => number;
        public string Notebook => notebook;
        public IReadOnlyList<Exercise> Exercises => _exercises.Value;
    }
}
