using System.Globalization;

namespace InfoTheory.Exercises;

/// <summary>
/// Judges a function the student wrote by calling it on test cases. When every case is off in the same
/// telling way (a factor ln 2, the two arguments swapped) it says so instead of naming one case.
/// </summary>
internal static class FunctionJudge
{
    /// <summary>One call: how to describe the input, the call itself, the right result, and (for two arrays) the result with p and q swapped.</summary>
    public sealed record Case(string Input, Func<double> Call, double Expected, double? Swapped);

    public static Verdict Judge(IReadOnlyList<Case> cases, double tolerance)
    {
        var results = new List<double>();
        foreach (var c in cases)
        {
            try
            {
                results.Add(c.Call());
            }
            catch (Exception e)
            {
                return Verdict.Wrong($"Your function threw {e.GetType().Name} on {c.Input}: {e.Message}");
            }
        }
        int firstWrong = Enumerable.Range(0, cases.Count).FirstOrDefault(i => !NumericJudge.WithinTolerance(results[i], cases[i].Expected, tolerance), -1);
        if (firstWrong < 0) return new(true, "Correct: your function agrees with an independent computation on every test case.");

        bool AllCases(Func<int, double?> wanted) => cases.Count > 1 && Enumerable.Range(0, cases.Count).All(i =>
            wanted(i) is { } w && NumericJudge.WithinTolerance(results[i], w, tolerance));
        if (AllCases(i => cases[i].Swapped) && cases.Any(c => !NumericJudge.WithinTolerance(c.Expected, c.Swapped!.Value, tolerance)))
            return Verdict.Wrong("Your function gives the right numbers with p and q swapped: the first argument is p, the distribution the data follow.");
        if (AllCases(i => cases[i].Expected * Math.Log(2)))
            return Verdict.Wrong("Your function returns the right values × ln 2: nats where bits are asked? Use Math.Log2, or divide by Math.Log(2).");
        if (AllCases(i => cases[i].Expected / Math.Log(2)))
            return Verdict.Wrong("Your function returns the right values ÷ ln 2: bits where nats are asked? Use Math.Log.");

        var wrong = cases[firstWrong];
        string got = double.IsNaN(results[firstWrong]) ? "NaN (look for 0 · log 0)" : Exercise.Format(results[firstWrong]);
        return Verdict.Wrong($"On {wrong.Input} your function returns {got}, which is not right.");
    }

    public static string List(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
}
