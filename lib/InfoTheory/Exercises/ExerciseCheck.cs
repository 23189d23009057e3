namespace InfoTheory.Exercises;

/// <summary>
/// The calls an exercise notebook makes. <c>Check("02.1", answer)</c> ends each exercise cell: it renders
/// pass, wrong (with what the mistake looks like and a hint) or not attempted (while the answer is still
/// null), and never throws for a wrong or missing answer. <c>Hint("02.1")</c> shows the next hint, and
/// <c>Progress()</c>, the last cell, lists the notebook's exercises with their latest status.
/// An unknown exercise id is a mistake in the notebook, so that one throws.
/// </summary>
/// <remarks>What was checked and which hints were shown is remembered for as long as the kernel runs.</remarks>
public static class ExerciseCheck
{
    /// <summary>This kernel's record of checks and hints.</summary>
    internal static ExerciseLog Log { get; } = new();

    /// <summary>Checks a numeric answer.</summary>
    public static CheckResult Check(string exerciseId, double? answer) => Log.Check(exerciseId, answer);

    /// <summary>Checks an answer that is a list of numbers.</summary>
    public static CheckResult Check(string exerciseId, IReadOnlyList<double>? answer) => Log.Check(exerciseId, answer);

    /// <summary>Checks a function the student wrote, e.g. their own entropy.</summary>
    public static CheckResult Check(string exerciseId, Func<double[], double>? answer) => Log.Check(exerciseId, answer);

    /// <summary>Checks a function of two arrays the student wrote, e.g. their own KL(p‖q).</summary>
    public static CheckResult Check(string exerciseId, Func<double[], double[], double>? answer) => Log.Check(exerciseId, answer);

    /// <summary>Checks a written answer (an argued paragraph).</summary>
    public static CheckResult Check(string exerciseId, string? answer) => Log.Check(exerciseId, answer);

    /// <summary>The next hint for an exercise; the last one says which part of the lesson to reread. Never the answer.</summary>
    public static HintResult Hint(string exerciseId) => Log.NextHint(exerciseId);

    /// <summary>
    /// This notebook's exercises with their latest status. "This notebook" is the lesson of the exercise
    /// checked last, which in an exercise notebook run from the top is its own lesson.
    /// </summary>
    public static ProgressReport Progress() => Log.Progress(null);

    /// <summary>One lesson's exercises ("04") with their latest status.</summary>
    public static ProgressReport Progress(string lesson) => Log.Progress(lesson ?? throw new ArgumentNullException(nameof(lesson)));
}

/// <summary>
/// What happened to each exercise in one kernel: its latest status and how far up its hint ladder the
/// student has climbed. Tests make their own; notebooks share <see cref="ExerciseCheck.Log"/>.
/// </summary>
internal sealed class ExerciseLog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, CheckStatus> _status = new();
    private readonly Dictionary<string, int> _hintsShown = new();
    private string? _lastLesson;

    public CheckResult Check(string exerciseId, object? answer)
    {
        var exercise = ExerciseCatalog.Find(exerciseId);
        CheckResult result;
        if (answer is null)
        {
            result = new(exercise.Id, exercise.Title, CheckStatus.NotAttempted,
                $"Replace null with your answer ({exercise.AnswerKind}) and run the cell again.");
        }
        else
        {
            Verdict verdict;
            try
            {
                verdict = exercise.Assess(answer);
            }
            catch (Exception e)
            {
                verdict = Verdict.Wrong($"Checking your answer raised {e.GetType().Name}: {e.Message}");
            }
            result = verdict switch
            {
                { Right: true } => new(exercise.Id, exercise.Title, CheckStatus.Passed, verdict.Message),
                { Close: true } => new(exercise.Id, exercise.Title, CheckStatus.Wrong, verdict.Message),   // more digits, not a hint
                _ => new(exercise.Id, exercise.Title, CheckStatus.Wrong, $"{verdict.Message} {HintAfterWrongAnswer(exercise)}"),
            };
        }
        lock (_gate)
        {
            _status[exercise.Id] = result.Status;
            _lastLesson = exercise.Lesson;
        }
        return result;
    }

    /// <summary>The first wrong answer shows hint 1; later ones repeat the hint the student has reached.</summary>
    private string HintAfterWrongAnswer(Exercise exercise)
    {
        var ladder = Ladder(exercise);
        int rung;
        lock (_gate) rung = _hintsShown[exercise.Id] = Math.Max(1, _hintsShown.GetValueOrDefault(exercise.Id));
        string more = rung < ladder.Count ? $" (More: Hint(\"{exercise.Id}\").)" : "";
        return $"Hint {rung} of {ladder.Count}: {ladder[rung - 1]}{more}";
    }

    public HintResult NextHint(string exerciseId)
    {
        var exercise = ExerciseCatalog.Find(exerciseId);
        var ladder = Ladder(exercise);
        int rung;
        lock (_gate) rung = _hintsShown[exercise.Id] = Math.Min(ladder.Count, _hintsShown.GetValueOrDefault(exercise.Id) + 1);
        return new HintResult(exercise.Id, exercise.Title, rung, ladder.Count, ladder[rung - 1]);
    }

    public ProgressReport Progress(string? lesson)
    {
        string? chosen;
        lock (_gate) chosen = lesson ?? _lastLesson;
        if (chosen is null) return new ProgressReport(null, []);
        var rows = ExerciseCatalog.ForLesson(chosen).Select(e =>
        {
            CheckStatus status;
            lock (_gate) status = _status.GetValueOrDefault(e.Id, CheckStatus.NotAttempted);
            return new ProgressRow(e.Id, e.Title, status);
        }).ToList();
        return new ProgressReport(chosen, rows);
    }

    /// <summary>The exercise's hints in order, ending with the part of the lesson to reread.</summary>
    internal static IReadOnlyList<string> Ladder(Exercise exercise)
    {
        string notebook = $"notebooks/{ExerciseCatalog.NotebookName(exercise.Lesson)}.dib";
        string reread = exercise.Reread is null
            ? $"Reread lesson {exercise.Lesson} ({notebook}) up to the point this exercise practises, run its cells again, then redo your steps one at a time."
            : $"Reread {exercise.Reread} in lesson {exercise.Lesson} ({notebook}), run its cells again, then redo your steps one at a time.";
        return [exercise.Hint, .. exercise.MoreHints, reread];
    }
}
