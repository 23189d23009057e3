using System.Globalization;

namespace InfoTheory.Exercises;

/// <summary>
/// One exercise of the course: an id such as "05.3", a title, and what counts as a right answer.
/// The expected values live here, computed independently of the student's code; a check never shows
/// them, only whether the answer is right and a hint when it is not.
/// </summary>
public abstract record Exercise(string Id, string Title, string Hint)
{
    /// <summary>Judges an answer that is not null. Returns null when it is right, or what is wrong with it.</summary>
    internal abstract string? Judge(object answer);

    /// <summary>Which kind of answer the exercise wants, for messages.</summary>
    internal abstract string AnswerKind { get; }

    internal static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>An exercise whose answer is one number, right within a relative tolerance.</summary>
public sealed record NumberExercise(string Id, string Title, string Hint, double Expected, double Tolerance = 1e-6)
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => "one number";

    internal override string? Judge(object answer) => answer switch
    {
        double x when double.IsNaN(x) => "Your answer is NaN (not a number): look for 0 · log 0, or a log of a negative number.",
        double x => Close(x, Expected, Tolerance) ? null : $"{Format(x)} is not right.",
        _ => $"This exercise wants {AnswerKind}.",
    };

    /// <summary>|x − expected| within tolerance, relative to the expected value's size (absolute near 0).</summary>
    internal static bool Close(double x, double expected, double tolerance) =>
        double.IsInfinity(expected)
            ? x == expected
            : Math.Abs(x - expected) <= tolerance * Math.Max(1, Math.Abs(expected));
}

/// <summary>An exercise whose answer is a list of numbers, each right within a relative tolerance.</summary>
public sealed record VectorExercise(string Id, string Title, string Hint, double[] Expected, double Tolerance = 1e-6)
    : Exercise(Id, Title, Hint)
{
    // Not the length: for some exercises (decode these bits into moves) the count is part of the answer.
    internal override string AnswerKind => "a list of numbers";

    internal override string? Judge(object answer)
    {
        if (answer is not IReadOnlyList<double> values) return $"This exercise wants {AnswerKind}.";
        if (values.Count != Expected.Length) return $"Your list has {values.Count} numbers; this exercise wants {Expected.Length}.";
        var wrong = Enumerable.Range(0, values.Count).Where(i => !NumberExercise.Close(values[i], Expected[i], Tolerance)).ToArray();
        return wrong.Length == 0 ? null : $"Entries at positions {string.Join(", ", wrong)} are not right (positions count from 0).";
    }
}

/// <summary>
/// An exercise where the student writes a function (for example their own entropy). The check calls it on
/// test cases and compares with a reference computed independently.
/// </summary>
public sealed record FunctionExercise(
    string Id, string Title, string Hint,
    IReadOnlyList<double[]> TestInputs,
    Func<double[], double> Reference,
    double Tolerance = 1e-9)
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => "a function from a double[] to a double";

    internal override string? Judge(object answer)
    {
        if (answer is not Func<double[], double> f) return $"This exercise wants {AnswerKind}.";
        foreach (var input in TestInputs)
        {
            double got;
            try
            {
                got = f(input.ToArray());
            }
            catch (Exception e)
            {
                return $"Your function threw {e.GetType().Name} on [{string.Join(", ", input.Select(Format))}]: {e.Message}";
            }
            if (!NumberExercise.Close(got, Reference(input), Tolerance))
                return $"On [{string.Join(", ", input.Select(Format))}] your function returns {Format(got)}, which is not right.";
        }
        return null;
    }
}

/// <summary>
/// An exercise answered in words (an argued paragraph). The check only sees that there is an argument of
/// some length; the solution notebook gives the strongest case on each side to compare with.
/// </summary>
public sealed record EssayExercise(string Id, string Title, string Hint, int MinimumWords = 60)
    : Exercise(Id, Title, Hint)
{
    internal override string AnswerKind => "a paragraph of text";

    internal override string? Judge(object answer)
    {
        if (answer is not string text) return $"This exercise wants {AnswerKind}.";
        int words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= MinimumWords ? null : $"Your paragraph has {words} words; argue it in at least {MinimumWords}.";
    }
}
