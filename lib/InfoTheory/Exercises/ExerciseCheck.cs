namespace InfoTheory.Exercises;

/// <summary>
/// The check an exercise cell ends with: <c>Check("02.1", answer)</c>. It renders pass, wrong (with a hint)
/// or not attempted (while the answer is still null), and never throws for a wrong or missing answer.
/// An unknown exercise id is a mistake in the notebook, so that one throws.
/// </summary>
public static class ExerciseCheck
{
    /// <summary>Checks a numeric answer.</summary>
    public static CheckResult Check(string exerciseId, double? answer) => Judge(exerciseId, answer);

    /// <summary>Checks an answer that is a list of numbers.</summary>
    public static CheckResult Check(string exerciseId, IReadOnlyList<double>? answer) => Judge(exerciseId, answer);

    /// <summary>Checks a function the student wrote, e.g. their own entropy.</summary>
    public static CheckResult Check(string exerciseId, Func<double[], double>? answer) => Judge(exerciseId, answer);

    /// <summary>Checks a written answer (an argued paragraph).</summary>
    public static CheckResult Check(string exerciseId, string? answer) => Judge(exerciseId, answer);

    private static CheckResult Judge(string exerciseId, object? answer)
    {
        var exercise = ExerciseCatalog.Find(exerciseId);
        if (answer is null)
            return new CheckResult(exercise.Id, exercise.Title, CheckStatus.NotAttempted,
                $"Replace null with your answer ({exercise.AnswerKind}) and run the cell again.");

        string? problem;
        try
        {
            problem = exercise.Judge(answer);
        }
        catch (Exception e)
        {
            problem = $"Checking your answer raised {e.GetType().Name}: {e.Message}";
        }
        return problem is null
            ? new CheckResult(exercise.Id, exercise.Title, CheckStatus.Passed, "Correct.")
            : new CheckResult(exercise.Id, exercise.Title, CheckStatus.Wrong, $"{problem} Hint: {exercise.Hint}");
    }
}
