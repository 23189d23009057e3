namespace InfoTheory;

/// <summary>
/// Typical sequences of a biased coin. Toss a coin with P(1) = p n times. A sequence x is typical when its surprisal
/// per toss is close to the entropy: |−(1/n)·log₂ P(x) − H(p)| ≤ β. As n grows, the typical sequences carry almost
/// all the probability, yet number only about 2^(nH) of the 2ⁿ: that is why n tosses compress to about nH bits.
/// </summary>
public static class TypicalSet
{
    /// <summary>
    /// Counts the typical sequences exactly. A sequence's probability depends only on its number of ones k, so the
    /// count is a sum of binomial coefficients C(n, k) over the typical k. The sums are done with logarithms, so n in
    /// the thousands does not overflow (C(1000, 500) alone is about 10³⁰⁰).
    /// </summary>
    public static TypicalSetSize OfCoin(double p, int n, double beta)
    {
        var groups = ByNumberOfOnes(p, n);
        Guard.Positive(beta, nameof(beta));
        double entropy = Info.BinaryEntropy(p, Unit.Bits);
        var typical = groups.Where(g => Math.Abs(g.BitsPerToss - entropy) <= beta).ToList();
        return new TypicalSetSize(p, n, beta, entropy,
            Log2Count: LogSumExp(typical.Select(g => g.LogCount)) / Math.Log(2),
            Probability: Math.Min(1, Math.Exp(LogSumExp(typical.Select(g => g.LogProbability)))));
    }

    /// <summary>
    /// The 2ⁿ sequences of n tosses in n + 1 groups, by their number of ones k: every sequence in a group has the same
    /// probability p^k (1 − p)^(n−k), so the same surprisal per toss. Each group has C(n, k) members.
    /// </summary>
    public static IReadOnlyList<SequenceGroup> ByNumberOfOnes(double p, int n)
    {
        if (double.IsNaN(p) || p <= 0 || p >= 1)
            throw new ArgumentException($"p must lie strictly between 0 and 1, but it is {Guard.Format(p)}: a coin that always lands the same way has one possible sequence.", nameof(p));
        if (n < 1) throw new ArgumentException($"n must be at least 1, not {n}.", nameof(n));
        var logFactorial = LogFactorials(n);
        return Enumerable.Range(0, n + 1).Select(k =>
        {
            double logChoose = logFactorial[n] - logFactorial[k] - logFactorial[n - k];   // ln C(n, k)
            double logEach = k * Math.Log(p) + (n - k) * Math.Log(1 - p);                 // ln P(one such sequence)
            return new SequenceGroup(k, n, -logEach / Math.Log(2) / n, logChoose, logChoose + logEach);
        }).ToList();
    }

    /// <summary>ln 0!, ln 1!, …, ln n!.</summary>
    private static double[] LogFactorials(int n)
    {
        var table = new double[n + 1];
        for (int i = 1; i <= n; i++) table[i] = table[i - 1] + Math.Log(i);
        return table;
    }

    /// <summary>ln Σ e^aᵢ without overflow; −∞ for an empty list.</summary>
    private static double LogSumExp(IEnumerable<double> values)
    {
        var logs = values.ToList();
        if (logs.Count == 0) return double.NegativeInfinity;
        double max = logs.Max();
        return max + Math.Log(logs.Sum(a => Math.Exp(a - max)));
    }
}

/// <summary>
/// The typical set of n tosses of a coin with P(1) = p, at tolerance β: how many sequences it holds (as log₂, since
/// the count itself can overflow a double) and how much probability they carry.
/// </summary>
public sealed record TypicalSetSize(double P, int N, double Beta, double EntropyBits, double Log2Count, double Probability)
{
    /// <summary>The share of all 2ⁿ sequences that are typical: 2^(log₂ count − n).</summary>
    public double ShareOfSequences => Math.Pow(2, Log2Count - N);

    /// <summary>log₂ count / n: the bits per toss needed to give every typical sequence its own index.</summary>
    public double BitsPerToss => Log2Count / N;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"n = {N}, p = {P:0.###}, β = {Beta:0.###}: log₂ count = {Log2Count:0.###} (nH = {N * EntropyBits:0.###}, n = {N}), " +
        $"share of sequences = {ShareOfSequences:G3}, probability = {Probability:0.####}");
}

/// <summary>
/// The sequences of <see cref="N"/> tosses with exactly <see cref="K"/> ones: their surprisal per toss, how many there
/// are and the probability they carry together, both as natural logs (the counts overflow a double for large n).
/// </summary>
public sealed record SequenceGroup(int K, int N, double BitsPerToss, double LogCount, double LogProbability)
{
    /// <summary>The probability that n tosses give exactly k ones: C(n, k) p^k (1 − p)^(n−k).</summary>
    public double Probability => Math.Exp(LogProbability);

    /// <summary>The share of all 2ⁿ sequences in this group: C(n, k) / 2ⁿ.</summary>
    public double ShareOfSequences => Math.Exp(LogCount - N * Math.Log(2));
}
