namespace InfoTheory.Exercises;

/// <summary>
/// An exercise whose answer is a short piece of text that must match exactly, such as the bits a decoder outputs
/// ("0110"). Spaces are ignored, so "01 10" counts as "0110"; nothing else is forgiven.
/// </summary>
public sealed record ExactTextExercise(string Id, string Title, string Hint, string Expected, string Form = "a piece of text")
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => $"{Form}, written exactly";

    internal override Verdict Assess(object answer)
    {
        if (answer is not string text) return Verdict.Wrong($"This exercise wants {AnswerKind}.");
        return WithoutSpaces(text) == WithoutSpaces(Expected)
            ? new(true, "Correct.")
            : Verdict.Wrong($"\"{text.Trim()}\" is not right.");
    }

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
