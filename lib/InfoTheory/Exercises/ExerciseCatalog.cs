namespace InfoTheory.Exercises;

/// <summary>
/// Every exercise of the course, by id. Each lesson's exercises are defined in their own file
/// (Lesson01.cs, …) as a partial of this class.
/// </summary>
public static partial class ExerciseCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, Exercise>> ById = new(() =>
    {
        var all = new[] { Lesson01(), Lesson02(), Lesson03(), Lesson04(), Lesson05(), Lesson06(), Lesson07(), Lesson08(), Lesson09(), Lesson10() }
            .SelectMany(lesson => lesson)
            .ToList();
        var duplicate = all.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Exercise id {duplicate.Key} is defined twice.");
        return all.ToDictionary(e => e.Id);
    });

    /// <summary>Every exercise, in id order.</summary>
    public static IReadOnlyList<Exercise> All => ById.Value.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();

    /// <summary>The exercise with this id, or a clear error listing the ids of the same lesson.</summary>
    public static Exercise Find(string exerciseId)
    {
        ArgumentNullException.ThrowIfNull(exerciseId);
        if (ById.Value.TryGetValue(exerciseId, out var exercise)) return exercise;
        string lesson = exerciseId.Split('.')[0];
        var sameLesson = ById.Value.Keys.Where(id => id.StartsWith(lesson + ".", StringComparison.Ordinal)).OrderBy(id => id, StringComparer.Ordinal).ToList();
        string known = sameLesson.Count > 0 ? $"Lesson {lesson} has: {string.Join(", ", sameLesson)}." : $"Known ids: {string.Join(", ", ById.Value.Keys.OrderBy(id => id, StringComparer.Ordinal))}.";
        throw new ArgumentException($"There is no exercise '{exerciseId}'. {known}", nameof(exerciseId));
    }
}
