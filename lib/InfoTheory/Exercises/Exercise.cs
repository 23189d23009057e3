using System.Globalization;

namespace InfoTheory.Exercises;

/// <summary>
/// One exercise of the course: an id such as "05.3", a title, and what counts as a right answer.
/// The expected values live here, computed independently of the student's code; a check never shows
/// them, only whether the answer is right, what kind of mistake it looks like, and a hint when it is not.
/// </summary>
public abstract record Exercise(string Id, string Title, string Hint)
{
    /// <summary>Wrong answers this exercise anticipates (beyond the usual slips every number is tried for), each with its message.</summary>
    public IReadOnlyList<Mistake> Mistakes { get; init; } = [];

    /// <summary>Further hints, shown one at a time after <see cref="Hint"/> by <c>Hint("NN.k")</c>.</summary>
    public IReadOnlyList<string> MoreHints { get; init; } = [];

    /// <summary>The part of the lesson to reread, named as in its heading, e.g. "“The Kraft inequality”"; the last hint points there.</summary>
    public string? Reread { get; init; }

    /// <summary>The lesson number, "05" for exercise "05.3".</summary>
    public string Lesson => Id.Split('.')[0];

    /// <summary>Judges an answer that is not null. Returns null when it is right, or what is wrong with it.</summary>
    internal string? Judge(object answer) => Assess(answer) is { Right: false } verdict ? verdict.Message : null;

    /// <summary>Judges an answer that is not null: right or not, and what to tell the student.</summary>
    internal abstract Verdict Assess(object answer);

    /// <summary>Which kind of answer the exercise wants, for messages.</summary>
    internal abstract string AnswerKind { get; }

    internal static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>
/// An exercise whose answer is one number. A typed answer is judged by significant figures (right to at
/// least 3 passes); <paramref name="Tolerance"/> is the relative error within which any answer is right,
/// and 0 makes the exercise exact (a count of rolls).
/// </summary>
public sealed record NumberExercise(string Id, string Title, string Hint, double Expected, double Tolerance = 1e-6)
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => "one number";

    internal override Verdict Assess(object answer) => answer switch
    {
        double x => NumericJudge.Judge([x], [Expected], Tolerance, Mistakes, oneNumber: true),
        _ => Verdict.Wrong($"This exercise wants {AnswerKind}."),
    };
}

/// <summary>
/// An exercise whose answer is a list of numbers, each judged like a <see cref="NumberExercise"/>'s answer.
/// Tolerance 0 makes it exact (decode these bits into moves).
/// </summary>
public sealed record VectorExercise(string Id, string Title, string Hint, double[] Expected, double Tolerance = 1e-6)
    : Exercise(Id, Title, Hint)
{
    // Not the length: for some exercises (decode these bits into moves) the count is part of the answer.
    internal override string AnswerKind => "a list of numbers";

    internal override Verdict Assess(object answer) => JudgeList(answer, Expected, Tolerance, Mistakes);

    internal static Verdict JudgeList(object answer, double[] expected, double tolerance, IReadOnlyList<Mistake> mistakes)
    {
        if (answer is not IReadOnlyList<double> values) return Verdict.Wrong("This exercise wants a list of numbers.");
        if (values.Count != expected.Length) return Verdict.Wrong($"Your list has {values.Count} numbers; this exercise wants {expected.Length}.");
        return NumericJudge.Judge(values.ToArray(), expected, tolerance, mistakes, oneNumber: false);
    }
}

/// <summary>
/// An exercise where the student writes a function (for example their own entropy). The check calls it on
/// test cases and compares with a reference computed independently, within a tight tolerance: a function
/// is a computation, not a typed number.
/// </summary>
public sealed record FunctionExercise(
    string Id, string Title, string Hint,
    IReadOnlyList<double[]> TestInputs,
    Func<double[], double> Reference,
    double Tolerance = 1e-9)
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => "a function from a double[] to a double";

    internal override Verdict Assess(object answer) => answer is Func<double[], double> f
        ? FunctionJudge.Judge(TestInputs.Select(input => new FunctionJudge.Case(
            $"[{FunctionJudge.List(input)}]", () => f(input.ToArray()), Reference(input), null)).ToList(), Tolerance)
        : Verdict.Wrong($"This exercise wants {AnswerKind}.");
}

/// <summary>
/// An exercise where the student writes a function of two arrays, such as their own KL(p‖q) or H(p, q).
/// The check calls it on pairs (p, q) and compares with a reference computed independently.
/// </summary>
public sealed record TwoArrayFunctionExercise(
    string Id, string Title, string Hint,
    IReadOnlyList<(double[] P, double[] Q)> TestInputs,
    Func<double[], double[], double> Reference,
    double Tolerance = 1e-9)
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => "a function from two double[] to a double";

    internal override Verdict Assess(object answer) => answer is Func<double[], double[], double> f
        ? FunctionJudge.Judge(TestInputs.Select(pair => new FunctionJudge.Case(
            $"p = [{FunctionJudge.List(pair.P)}], q = [{FunctionJudge.List(pair.Q)}]",
            () => f(pair.P.ToArray(), pair.Q.ToArray()), Reference(pair.P, pair.Q), Reference(pair.Q, pair.P))).ToList(), Tolerance)
        : Verdict.Wrong($"This exercise wants {AnswerKind}.");
}

/// <summary>
/// An exercise answered in words (an argued paragraph). The check only sees that there is an argument of
/// some length; the solution notebook gives the strongest case on each side to compare with.
/// </summary>
public sealed record EssayExercise(string Id, string Title, string Hint, int MinimumWords = 60)
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => "a paragraph of text";

    internal override Verdict Assess(object answer)
    {
        if (answer is not string text) return Verdict.Wrong($"This exercise wants {AnswerKind}.");
        int words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= MinimumWords
            ? new(true, "Thank you: compare your argument with the solution notebook's.")
            : Verdict.Wrong($"Your paragraph has {words} words; argue it in at least {MinimumWords}.");
    }
}
