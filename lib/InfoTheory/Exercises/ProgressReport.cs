using InfoTheory.Rendering;

namespace InfoTheory.Exercises;

/// <summary>One exercise's line in a <see cref="ProgressReport"/>.</summary>
public sealed record ProgressRow(string ExerciseId, string Title, CheckStatus Status);

/// <summary>A lesson's exercises with their latest status. Renders as a table in a notebook.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record ProgressReport(string? Lesson, IReadOnlyList<ProgressRow> Rows) : IHtmlRenderable
{
    /// <summary>How many of the exercises are answered correctly.</summary>
    public int Correct => Rows.Count(r => r.Status == CheckStatus.Passed);

    internal string Heading => Lesson is null
        ? "No exercise has been checked yet: run the exercise cells above, or name the lesson, as in Progress(\"04\")."
        : $"Lesson {Lesson} exercises: {Correct} of {Rows.Count} correct";

    /// <summary>A heading line and one line per exercise, e.g. "✔ 01.1 Surprisal of rolling a six: correct".</summary>
    public override string ToString() =>
        string.Join("\n", Rows.Select(r => $"{CheckLook.Symbol(r.Status)} {r.ExerciseId} {r.Title}: {CheckLook.Label(r.Status)}").Prepend(Heading));

    /// <summary>A small table, one row per exercise, coloured by status.</summary>
    public string ToHtml() => ExerciseHtml.Progress(this);
}

/// <summary>A step up an exercise's hint ladder. Renders as a box in a notebook.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record HintResult(string ExerciseId, string Title, int Rung, int Rungs, string Text) : IHtmlRenderable
{
    internal string Position => Rung < Rungs
        ? $"hint {Rung} of {Rungs} (run Hint(\"{ExerciseId}\") again for the next)"
        : $"hint {Rung} of {Rungs}, the last";

    /// <summary>One line, e.g. "→ 04.2 …, hint 1 of 2: …".</summary>
    public override string ToString() => $"→ {ExerciseId} {Title}, {Position}: {Text}";

    /// <summary>A box in the colours of the checks.</summary>
    public string ToHtml() => ExerciseHtml.Hint(this);
}
