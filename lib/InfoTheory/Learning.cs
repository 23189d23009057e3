namespace InfoTheory;

/// <summary>
/// The machine-learning side of information theory: softmax, the cross-entropy loss from logits and its
/// gradient, InfoNCE, and the Gaussian KL used by VAEs. Losses are in nats, as in every ML framework.
/// </summary>
public static class Learning
{
    /// <summary>
    /// log Σ exp(x_i), computed as m + log Σ exp(x_i − m) with m = max x_i, so no exp overflows
    /// (logits of ±1000 are fine).
    /// </summary>
    public static double LogSumExp(IReadOnlyList<double> x)
    {
        Guard.FiniteVector(x, nameof(x));
        return LogSumExpOfFinite(x);
    }

    /// <summary>log Σ exp(x_i) of values already checked finite by the caller (who names its own argument).</summary>
    private static double LogSumExpOfFinite(IReadOnlyList<double> x)
    {
        double max = x.Max();
        double sum = 0;
        foreach (double xi in x) sum += Math.Exp(xi - max);
        return max + Math.Log(sum);
    }

    /// <summary>
    /// softmax(z / T)_i = exp(z_i / T) / Σ_j exp(z_j / T): logits to probabilities. Temperature T below 1
    /// sharpens the distribution, above 1 flattens it. Stable for large logits.
    /// </summary>
    public static double[] Softmax(IReadOnlyList<double> logits, double temperature = 1)
    {
        Guard.FiniteVector(logits, nameof(logits));
        Guard.Positive(temperature, nameof(temperature));
        var scaled = logits.Select(z => z / temperature).ToArray();
        int overflow = Array.FindIndex(scaled, z => !double.IsFinite(z));
        if (overflow >= 0)
            throw new ArgumentException(
                $"temperature {Guard.Format(temperature)} is so small that logits[{overflow}] / temperature overflows to ±∞. " +
                "Use a larger temperature: already at 0.01 the softmax is nearly one-hot.", nameof(temperature));
        double logNormaliser = LogSumExpOfFinite(scaled);
        return scaled.Select(z => Math.Exp(z - logNormaliser)).ToArray();
    }

    /// <summary>log softmax(z)_i = z_i − logsumexp(z), without ever forming a probability that could underflow to 0.</summary>
    public static double[] LogSoftmax(IReadOnlyList<double> logits)
    {
        Guard.FiniteVector(logits, nameof(logits));
        double logNormaliser = LogSumExpOfFinite(logits);
        return logits.Select(z => z - logNormaliser).ToArray();
    }

    /// <summary>
    /// The classification loss −log softmax(logits)[target]: the surprisal of the true class, in nats unless
    /// you ask for bits. Takes raw logits (not probabilities) and is stable for any logits.
    /// </summary>
    public static double CrossEntropyFromLogits(IReadOnlyList<double> logits, int target, Unit unit = Unit.Nats)
    {
        CheckTarget(logits, target);
        double nats = LogSumExpOfFinite(logits) - logits[target];
        return Units.Convert(nats, Unit.Nats, unit);
    }

    /// <summary>
    /// The gradient of <see cref="CrossEntropyFromLogits"/> (in nats) with respect to the logits:
    /// softmax(logits) − onehot(target), i.e. "predicted minus true".
    /// </summary>
    public static double[] CrossEntropyGradient(IReadOnlyList<double> logits, int target)
    {
        CheckTarget(logits, target);
        var gradient = Softmax(logits);
        gradient[target] -= 1;
        return gradient;
    }

    /// <summary>
    /// A central-difference estimate of ∂f/∂x_i = (f(x + h e_i) − f(x − h e_i)) / 2h for every i, to check
    /// an analytic gradient.
    /// </summary>
    public static double[] NumericalGradient(Func<double[], double> f, IReadOnlyList<double> x, double h = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.FiniteVector(x, nameof(x));
        Guard.Positive(h, nameof(h));
        var gradient = new double[x.Count];
        for (int i = 0; i < x.Count; i++)
        {
            var plus = x.ToArray();
            var minus = x.ToArray();
            plus[i] += h;
            minus[i] -= h;
            gradient[i] = (f(plus) - f(minus)) / (2 * h);
        }
        return gradient;
    }

    /// <summary>
    /// The InfoNCE loss (nats) of a batch of N paired embeddings: for each anchor a_i, a classification of
    /// which of the N candidates b_1..b_N is its partner, with logits a_i · b_j / temperature. The loss is
    /// near log N when the pairs are unrelated and near 0 when each anchor matches only its partner; log N
    /// minus the loss is a lower bound on the mutual information between the two views.
    /// </summary>
    public static double InfoNceLoss(IReadOnlyList<double[]> anchors, IReadOnlyList<double[]> positives, double temperature = 1)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(positives);
        if (anchors.Count == 0) throw new ArgumentException("The batch is empty.", nameof(anchors));
        Guard.SameLength(anchors, nameof(anchors), positives, nameof(positives));
        Guard.Positive(temperature, nameof(temperature));
        int dimension = CheckEmbeddings(anchors, nameof(anchors), -1);
        CheckEmbeddings(positives, nameof(positives), dimension);

        double total = 0;
        for (int i = 0; i < anchors.Count; i++)
        {
            var logits = positives.Select(b => Dot(anchors[i], b) / temperature).ToArray();
            if (logits.Any(z => !double.IsFinite(z)))
                throw new ArgumentException(
                    $"The similarities of anchors[{i}] divided by temperature {Guard.Format(temperature)} overflow to ±∞: " +
                    "scale the embeddings down (e.g. normalise them to length 1) or raise the temperature.", nameof(temperature));
            total += CrossEntropyFromLogits(logits, i);
        }
        return total / anchors.Count;
    }

    /// <summary>
    /// KL(N(μ, diag σ²) ‖ N(0, I)) in nats, the VAE regulariser, in closed form:
    /// ½ Σ (σ² + μ² − 1 − ln σ²). Takes log-variances, as a VAE's encoder outputs them.
    /// </summary>
    public static double GaussianKlToStandardNormal(IReadOnlyList<double> means, IReadOnlyList<double> logVariances)
    {
        Guard.FiniteVector(means, nameof(means));
        Guard.FiniteVector(logVariances, nameof(logVariances));
        Guard.SameLength(means, nameof(means), logVariances, nameof(logVariances));
        double kl = 0;
        for (int i = 0; i < means.Count; i++)
            kl += 0.5 * (Math.Exp(logVariances[i]) + means[i] * means[i] - 1 - logVariances[i]);
        return kl;
    }

    /// <summary>
    /// KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) in nats for two one-dimensional Gaussians:
    /// ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½.
    /// </summary>
    public static double GaussianKl(double mean1, double sd1, double mean2, double sd2)
    {
        Guard.Finite(mean1, nameof(mean1));
        Guard.Finite(mean2, nameof(mean2));
        Guard.Positive(sd1, nameof(sd1));
        Guard.Positive(sd2, nameof(sd2));
        return Math.Log(sd2 / sd1) + (sd1 * sd1 + (mean1 - mean2) * (mean1 - mean2)) / (2 * sd2 * sd2) - 0.5;
    }

    /// <summary>The density of N(mean, sd²) at x.</summary>
    public static double NormalDensity(double x, double mean, double sd)
    {
        Guard.Finite(x, nameof(x));
        Guard.Finite(mean, nameof(mean));
        Guard.Positive(sd, nameof(sd));
        double z = (x - mean) / sd;
        return Math.Exp(-0.5 * z * z) / (sd * Math.Sqrt(2 * Math.PI));
    }

    /// <summary>The dot product of two vectors of the same length.</summary>
    public static double Dot(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Guard.SameLength(a, nameof(a), b, nameof(b));
        double sum = 0;
        for (int i = 0; i < a.Count; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Logits finite and non-empty, and the target one of their indices.</summary>
    private static void CheckTarget(IReadOnlyList<double> logits, int target)
    {
        Guard.FiniteVector(logits, nameof(logits));
        Guard.Index(target, logits.Count, nameof(target), "class");
    }

    /// <summary>
    /// A batch of embeddings: none null, all finite, all of one dimension (that of <paramref name="dimension"/>,
    /// or of the first one when it is −1). Returns the dimension.
    /// </summary>
    private static int CheckEmbeddings(IReadOnlyList<double[]> embeddings, string argument, int dimension)
    {
        for (int i = 0; i < embeddings.Count; i++)
        {
            if (embeddings[i] is null) throw new ArgumentException($"{argument}[{i}] is null: every embedding needs its numbers.", argument);
            int bad = Array.FindIndex(embeddings[i], v => !double.IsFinite(v));
            if (bad >= 0)
                throw new ArgumentException($"{argument}[{i}][{bad}] is {Guard.Format(embeddings[i][bad])}: every number of an embedding must be finite.", argument);
            if (dimension < 0) dimension = embeddings[i].Length;
            if (embeddings[i].Length != dimension)
                throw new ArgumentException(
                    $"{argument}[{i}] has {embeddings[i].Length} numbers but the embeddings have dimension {dimension}: every embedding must have the same dimension.", argument);
        }
        return dimension;
    }
}
