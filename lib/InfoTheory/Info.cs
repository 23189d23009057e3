namespace InfoTheory;

/// <summary>
/// The measures of information, each a function of distributions, with the unit always explicit.
/// Write <c>using static InfoTheory.Info;</c> and <c>using static InfoTheory.Unit;</c> in a notebook to call
/// them as <c>Entropy(p, Bits)</c>.
/// Conventions: 0 · log 0 = 0 (an impossible outcome contributes nothing), and a model that gives
/// probability 0 to something that happens costs +∞ (never NaN, never an exception).
/// </summary>
public static class Info
{
    /// <summary>The surprisal (self-information) of an outcome of probability p: −log p. +∞ when p = 0.</summary>
    public static double Surprisal(double p, Unit unit)
    {
        Guard.Probability(p, nameof(p));
        if (p == 0) return double.PositiveInfinity;
        if (p == 1) return 0;   // −log 1 would be −0, which prints as "-0"
        return -Units.Log(p, unit);
    }

    /// <summary>The entropy H(p) = Σ p(x) · (−log p(x)): the expected surprisal.</summary>
    public static double Entropy(Distribution p, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(p);
        double h = 0;
        foreach (double px in p.Probabilities)
            if (px > 0) h -= px * Units.Log(px, unit);
        return h;
    }

    /// <summary>The entropy of a probability vector (validated: non-negative, summing to 1).</summary>
    public static double Entropy(IReadOnlyList<double> p, Unit unit) => Entropy(Distribution.FromProbabilities(p), unit);

    /// <summary>
    /// The cross-entropy H(p, q) = Σ p(x) · (−log q(x)): the average cost of coding outcomes drawn from p
    /// with a code built for q. +∞ when q gives 0 to an outcome p can produce.
    /// </summary>
    public static double CrossEntropy(Distribution p, Distribution q, Unit unit) =>
        SumOverSupport(p, q, (px, qx) => -px * Units.Log(qx, unit));

    /// <summary>The cross-entropy of two probability vectors of the same length.</summary>
    public static double CrossEntropy(IReadOnlyList<double> p, IReadOnlyList<double> q, Unit unit) =>
        CrossEntropy(Vector(p, nameof(p)), Vector(q, nameof(q), p.Count), unit);

    /// <summary>
    /// The Kullback–Leibler divergence KL(p‖q) = Σ p(x) · log(p(x)/q(x)) = H(p, q) − H(p): the extra cost
    /// of using q's code for p's outcomes. Never negative; 0 only when p = q; +∞ when q misses p's support.
    /// Not symmetric: KL(p‖q) and KL(q‖p) usually differ.
    /// </summary>
    public static double KlDivergence(Distribution p, Distribution q, Unit unit) =>
        // Mathematically KL ≥ 0; summing terms of both signs can leave a rounding residue like −1e-17.
        Math.Max(SumOverSupport(p, q, (px, qx) => px * Units.Log(px / qx, unit)), 0);

    /// <summary>KL(p‖q) of two probability vectors of the same length.</summary>
    public static double KlDivergence(IReadOnlyList<double> p, IReadOnlyList<double> q, Unit unit) =>
        KlDivergence(Vector(p, nameof(p)), Vector(q, nameof(q), p.Count), unit);

    /// <summary>
    /// The Jensen–Shannon divergence: the average KL of p and q to their midpoint m = (p + q)/2.
    /// Symmetric, always finite, and at most 1 bit.
    /// </summary>
    public static double JensenShannon(Distribution p, Distribution q, Unit unit)
    {
        var m = p.Mix(q, 0.5);
        return 0.5 * KlDivergence(p, m, unit) + 0.5 * KlDivergence(q.OverOutcomes(p.Outcomes), m, unit);
    }

    /// <summary>The Jensen–Shannon divergence of two probability vectors of the same length.</summary>
    public static double JensenShannon(IReadOnlyList<double> p, IReadOnlyList<double> q, Unit unit) =>
        JensenShannon(Vector(p, nameof(p)), Vector(q, nameof(q), p.Count), unit);

    /// <summary>
    /// The perplexity of a distribution, 2^H(p) (the same in any unit): the number of equally likely
    /// outcomes that would be as hard to guess.
    /// </summary>
    public static double Perplexity(Distribution p) => Math.Exp(Entropy(p, Unit.Nats));

    /// <summary>
    /// The perplexity of a model on a sequence, given the probability the model gave each observed token:
    /// exp of the mean surprisal in nats, or equivalently 2^(bits per token).
    /// </summary>
    public static double Perplexity(IReadOnlyList<double> tokenProbabilities) =>
        Math.Exp(MeanSurprisal(tokenProbabilities, Unit.Nats));

    /// <summary>The average surprisal per token (bits per token, or nats per token: the usual LM loss).</summary>
    public static double MeanSurprisal(IReadOnlyList<double> tokenProbabilities, Unit unit) =>
        NegativeLogLikelihood(tokenProbabilities, unit) / tokenProbabilities.Count;

    /// <summary>The total surprisal −Σ log p(token) of a sequence: its ideal code length, or its negative log-likelihood.</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<double> tokenProbabilities, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(tokenProbabilities);
        if (tokenProbabilities.Count == 0)
            throw new ArgumentException("There are no token probabilities.", nameof(tokenProbabilities));
        double total = 0;
        for (int i = 0; i < tokenProbabilities.Count; i++)
        {
            Guard.Probability(tokenProbabilities[i], $"{nameof(tokenProbabilities)}[{i}]");
            total += Surprisal(tokenProbabilities[i], unit);
        }
        return total;
    }

    /// <summary>The binary entropy H(p) of a coin with heads probability p.</summary>
    public static double BinaryEntropy(double p, Unit unit) => Entropy(Distribution.Bernoulli(p), unit);

    // ---------------------------------------------------------------- two variables

    /// <summary>The joint entropy H(X, Y).</summary>
    public static double JointEntropy(JointDistribution joint, Unit unit) => Entropy(joint.Flatten(), unit);

    /// <summary>The conditional entropy H(X | Y) = Σ_y p(y) · H(X | Y = y): what is left to learn about X once Y is known.</summary>
    public static double ConditionalEntropyXGivenY(JointDistribution joint, Unit unit)
    {
        var py = joint.MarginalY();
        return joint.YOutcomes.Where(y => py[y] > 0).Sum(y => py[y] * Entropy(joint.XGivenY(y), unit));
    }

    /// <summary>The conditional entropy H(Y | X) = Σ_x p(x) · H(Y | X = x).</summary>
    public static double ConditionalEntropyYGivenX(JointDistribution joint, Unit unit) =>
        ConditionalEntropyXGivenY(joint.Transpose(), unit);

    /// <summary>
    /// The mutual information I(X; Y) = KL(p(x, y) ‖ p(x)p(y)): how far the joint is from independence,
    /// equal to H(X) − H(X | Y). Zero exactly when X and Y are independent.
    /// </summary>
    public static double MutualInformation(JointDistribution joint, Unit unit)
    {
        var independent = JointDistribution.Independent(joint.MarginalX(), joint.MarginalY());
        return KlDivergence(joint.Flatten(), independent.Flatten(), unit);
    }

    /// <summary>
    /// Σ term(p(x), q(x)) over the outcomes p can produce (p(x) > 0; the others contribute nothing), with q
    /// aligned to p by outcome name. +∞ as soon as q gives 0 to one of them: q cannot pay for what p produces.
    /// </summary>
    private static double SumOverSupport(Distribution p, Distribution q, Func<double, double, double> term)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        double[] qAligned = q.AlignedTo(p, nameof(q));
        double sum = 0;
        for (int i = 0; i < p.Count; i++)
        {
            double px = p.Probabilities[i];
            if (px == 0) continue;
            if (qAligned[i] == 0) return double.PositiveInfinity;
            sum += term(px, qAligned[i]);
        }
        return sum;
    }

    private static Distribution Vector(IReadOnlyList<double> probabilities, string argument, int? expectedLength = null)
    {
        if (probabilities is null) throw new ArgumentNullException(argument);
        if (expectedLength is int n && probabilities.Count != n)
            throw new ArgumentException($"p has {n} probabilities but {argument} has {probabilities.Count}: they must describe the same outcomes.", argument);
        return Distribution.FromProbabilities(probabilities, null, argument);
    }
}
