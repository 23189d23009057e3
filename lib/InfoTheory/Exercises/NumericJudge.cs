using static InfoTheory.Exercises.SignificantFigures;

namespace InfoTheory.Exercises;

/// <summary>
/// What the judge says about an answer: right or not, and the words to show. A close answer is not right, but
/// needs more digits rather than a hint.
/// </summary>
internal sealed record Verdict(bool Right, string Message, bool Close = false)
{
    public static Verdict Wrong(string message) => new(false, message);
}

/// <summary>
/// Judges typed or computed numbers like a teacher. In order:
/// <list type="number">
/// <item>within the exercise's tolerance: correct;</item>
/// <item>closer to an anticipated mistake of the exercise than to the right value: that mistake's message;</item>
/// <item>every entry right to at least 3 significant figures: correct (to N significant figures);</item>
/// <item>right to the only 1–2 figures the student gave: close, give at least 3;</item>
/// <item>the right numbers in another order; then, entry by entry, a usual slip (unit, log base, sign, 1 − p);</item>
/// <item>otherwise: which entries are not right.</item>
/// </list>
/// Exact exercises (tolerance 0: counts, codes) skip the figures and the usual slips: right means equal.
/// </summary>
internal static class NumericJudge
{
    public static Verdict Judge(double[] answer, double[] expected, double tolerance, IReadOnlyList<Mistake> mistakes, bool oneNumber)
    {
        string yours = oneNumber ? "Your answer" : "Your list";
        if (answer.Any(double.IsNaN))
            return Verdict.Wrong($"{yours} contains NaN (not a number): look for 0 · log 0, or a log of a negative number.");

        bool[] withinTolerance = answer.Select((x, i) => WithinTolerance(x, expected[i], tolerance)).ToArray();
        if (withinTolerance.All(ok => ok)) return new(true, "Correct.");

        foreach (var mistake in mistakes)
            if (Matches(answer, expected, mistake.FromExpected(expected), exact: tolerance == 0))
                return Verdict.Wrong(mistake.Message);

        if (tolerance == 0)
            return Verdict.Wrong(oneNumber ? $"{Exercise.Format(answer[0])} is not right." : NotRight(answer, withinTolerance));

        int[] agreement = answer.Select((x, i) => Agreement(x, expected[i])).ToArray();
        bool[] right = answer.Select((_, i) => withinTolerance[i] || agreement[i] >= Needed).ToArray();
        if (right.All(ok => ok))
        {
            // Report the figures the student can stand behind: no more than they gave (at least 3, see Given).
            int figures = answer.Select((x, i) => withinTolerance[i] ? All : Math.Min(agreement[i], Math.Max(Given(x), Needed))).Min();
            return new(true, figures >= All ? "Correct." : $"Correct (to {figures} significant figures).");
        }
        bool[] roundedRight = answer.Select((x, i) => right[i] || RoundsTo(x, expected[i])).ToArray();
        if (roundedRight.All(ok => ok))
            return new(false, $"Close: {(oneNumber ? "your answer is" : "your numbers are")} right as far as {(oneNumber ? "it goes" : "they go")}. " +
                              $"Give at least {Needed} significant figures.", Close: true);

        if (!oneNumber && IsReordering(answer, expected))
            return Verdict.Wrong("These are the right numbers in the wrong order: reread which quantity goes in which position.");

        var slips = Enumerable.Range(0, answer.Length).Where(i => !right[i])
            .Select(i => (Position: i, Slip: UsualSlip(answer[i], expected[i]))).ToList();
        if (oneNumber)
            return Verdict.Wrong(slips[0].Slip is { } slip ? $"{Capitalised(slip)}" : $"{Exercise.Format(answer[0])} is not right.");
        var explained = slips.Where(s => s.Slip is not null).GroupBy(s => s.Slip!)
            .Select(g => $"At {Positions(g.Select(s => s.Position))}: {g.Key}");
        var unexplained = slips.Where(s => s.Slip is null).Select(s => s.Position).ToList();
        var parts = explained.ToList();
        if (unexplained.Count > 0) parts.Insert(0, NotRight(unexplained));
        return Verdict.Wrong(string.Join(" ", parts.Select(p => p.EndsWith('.') || p.EndsWith('?') ? p : p + ".")));
    }

    /// <summary>|x − expected| within tolerance, relative to the expected value's size (absolute near 0).</summary>
    public static bool WithinTolerance(double x, double expected, double tolerance) =>
        double.IsInfinity(expected)
            ? x == expected
            : Math.Abs(x - expected) <= tolerance * Math.Max(1, Math.Abs(expected));

    /// <summary>
    /// The answer is the mistake: every entry agrees with it (to the figures given, at most 3) at least as well
    /// as with the right value, and one entry agrees better. A mistake that changes one entry (a different seed)
    /// is recognised even when that entry is close to right.
    /// </summary>
    private static bool Matches(double[] answer, double[] expected, double[] mistaken, bool exact)
    {
        if (mistaken.Length != answer.Length) return false;
        if (exact) return answer.SequenceEqual(mistaken) && !answer.SequenceEqual(expected);
        bool closerSomewhere = false;
        for (int i = 0; i < answer.Length; i++)
        {
            int toMistake = Agreement(answer[i], mistaken[i]), toRight = Agreement(answer[i], expected[i]);
            if (!StandsFor(answer[i], mistaken[i]) || toMistake < toRight) return false;
            // Closer to the mistake than the student's own digits allow for the right value.
            closerSomewhere |= toMistake > toRight && toRight < Given(answer[i]);
        }
        return closerSomewhere;
    }

    /// <summary>The usual slip this entry shows, if one fits and is not itself (nearly) the right value.</summary>
    private static string? UsualSlip(double x, double expected)
    {
        foreach (var (message, from) in Mistake.Usual)
        {
            if (from(expected) is not { } slipped || Agreement(slipped, expected) >= Needed) continue;
            if (StandsFor(x, slipped)) return message;
        }
        return null;
    }

    private static bool IsReordering(double[] answer, double[] expected)
    {
        if (answer.Length < 2 || answer.SequenceEqual(expected)) return false;
        var sortedAnswer = answer.Order().ToArray();
        var sortedExpected = expected.Order().ToArray();
        return sortedAnswer.Select((x, i) => Agreement(x, sortedExpected[i]) >= Needed || WithinTolerance(x, sortedExpected[i], 1e-9)).All(ok => ok);
    }

    private static string NotRight(double[] answer, bool[] right) =>
        NotRight(Enumerable.Range(0, answer.Length).Where(i => !right[i]).ToList());

    private static string NotRight(IReadOnlyList<int> positions) =>
        $"{(positions.Count == 1 ? "The entry" : "Entries")} at {Positions(positions)} {(positions.Count == 1 ? "is" : "are")} not right (positions count from 0).";

    private static string Positions(IEnumerable<int> positions)
    {
        var list = positions.ToList();
        return $"position{(list.Count == 1 ? "" : "s")} {string.Join(", ", list)}";
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
