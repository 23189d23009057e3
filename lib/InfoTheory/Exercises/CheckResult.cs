using InfoTheory.Rendering;

namespace InfoTheory.Exercises;

/// <summary>The three outcomes of a check.</summary>
public enum CheckStatus
{
    /// <summary>The answer is right.</summary>
    Passed,

    /// <summary>There is an answer and it is not right.</summary>
    Wrong,

    /// <summary>The answer is still the placeholder null.</summary>
    NotAttempted,
}

/// <summary>What a check says about one answer. Renders as a coloured box in a notebook.</summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record CheckResult(string ExerciseId, string Title, CheckStatus Status, string Message) : IHtmlRenderable
{
    /// <summary>True when the answer is right.</summary>
    public bool Passed => Status == CheckStatus.Passed;

    /// <summary>One line, e.g. "✔ 01.2 Surprisal of a die roll: correct."</summary>
    public override string ToString() => $"{Symbol} {ExerciseId} {Title}: {Message}";

    /// <summary>A box coloured by status, readable on light and dark backgrounds.</summary>
    public string ToHtml() => ExerciseHtml.Check(this);

    internal string Symbol => CheckLook.Symbol(Status);
}

/// <summary>How a status looks, the same in checks and in the progress table.</summary>
internal static class CheckLook
{
    public static string Symbol(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "✔",
        CheckStatus.Wrong => "✘",
        _ => "○",
    };

    public static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "correct",
        CheckStatus.Wrong => "not yet",
        _ => "not attempted",
    };

    /// <summary>Colours readable on light and dark backgrounds.</summary>
    public static string Colour(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "#2e7d32",
        CheckStatus.Wrong => "#c62828",
        _ => "#757575",
    };
}
