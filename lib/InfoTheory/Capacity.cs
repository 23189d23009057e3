namespace InfoTheory;

/// <summary>
/// The capacity of a channel, C = max over input distributions p(x) of I(X; Y): the most information one use of
/// the channel can carry. The noisy-channel coding theorem says that below C bits per use, codes exist whose
/// error rate is as small as you like; above C, none do.
/// </summary>
public static class Capacity
{
    /// <summary>The binary symmetric channel with flip probability ε: C = 1 − H₂(ε) bits, reached by a fair input.</summary>
    public static double BinarySymmetric(double flipProbability, Unit unit)
    {
        Guard.Probability(flipProbability, nameof(flipProbability));
        return Units.Convert(1 - Info.BinaryEntropy(flipProbability, Unit.Bits), Unit.Bits, unit);
    }

    /// <summary>The binary erasure channel with erasure probability ε: C = 1 − ε bits, reached by a fair input.</summary>
    public static double BinaryErasure(double erasureProbability, Unit unit)
    {
        Guard.Probability(erasureProbability, nameof(erasureProbability));
        return Units.Convert(1 - erasureProbability, Unit.Bits, unit);
    }

    /// <summary>
    /// The capacity of any channel by the Blahut–Arimoto algorithm. Start from the uniform input r(x) and repeat:
    /// <list type="number">
    /// <item>q(y) = Σ_x r(x) p(y|x), the output distribution;</item>
    /// <item>D(x) = KL(p(·|x) ‖ q), how far input x's output row is from the average output;</item>
    /// <item>the capacity lies between Σ_x r(x) D(x) (that is I(X; Y) for r, a lower bound) and max_x D(x) (an upper bound);</item>
    /// <item>r(x) ← r(x) · e^D(x), normalised: inputs whose outputs stand out get sent more often.</item>
    /// </list>
    /// It stops when the two bounds are within <paramref name="tolerance"/> (in <paramref name="unit"/>), and returns
    /// the lower bound with the input that reaches it, and the trace of both bounds.
    /// </summary>
    public static CapacityEstimate BlahutArimoto(Channel channel, Unit unit, double tolerance = 1e-12, int maxIterations = 100_000)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Guard.Positive(tolerance, nameof(tolerance));
        if (maxIterations < 1) throw new ArgumentException($"maxIterations must be at least 1, not {maxIterations}.", nameof(maxIterations));

        var inputs = channel.Inputs;
        var rows = inputs.Select(channel.OutputGiven).ToArray();
        var r = Distribution.Uniform(inputs);
        var trace = new List<BlahutArimotoStep>();
        for (int iteration = 0; ; iteration++)
        {
            var q = channel.Transmit(r).MarginalY();
            var d = rows.Select(row => Info.KlDivergence(row, q, Unit.Nats)).ToArray();   // nats: e^D below
            double lower = Enumerable.Range(0, d.Length).Sum(x => r.Probabilities[x] * d[x]);
            double upper = d.Max();
            trace.Add(new BlahutArimotoStep(iteration, Units.Convert(lower, Unit.Nats, unit), Units.Convert(upper, Unit.Nats, unit)));
            bool converged = trace[^1].Gap <= tolerance;
            if (converged || iteration + 1 == maxIterations)
                return new CapacityEstimate(trace[^1].Lower, r, trace, converged, unit);
            // Subtracting the largest D before exponentiating changes nothing after normalising, and keeps e^D finite.
            r = Distribution.FromWeights(Enumerable.Range(0, d.Length).Select(x => r.Probabilities[x] * Math.Exp(d[x] - upper)).ToArray(), inputs);
        }
    }
}

/// <summary>One step of Blahut–Arimoto: the capacity lies between <see cref="Lower"/> and <see cref="Upper"/>.</summary>
public sealed record BlahutArimotoStep(int Iteration, double Lower, double Upper)
{
    /// <summary>Upper − Lower: how far from the capacity the current input can be.</summary>
    public double Gap => Upper - Lower;
}

/// <summary>
/// What Blahut–Arimoto found: the capacity (in <see cref="Unit"/>), an input distribution that reaches it, the trace of
/// the bounds, and whether they met within the tolerance before the iteration limit.
/// </summary>
public sealed record CapacityEstimate(double Value, Distribution BestInput, IReadOnlyList<BlahutArimotoStep> Trace, bool Converged, Unit Unit)
{
    /// <summary>How many updates of the input it took.</summary>
    public int Iterations => Trace.Count - 1;

    public override string ToString() =>
        $"C = {Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)} {(Unit == Unit.Bits ? "bits" : "nats")} per use " +
        $"after {Iterations} iterations{(Converged ? "" : " (not converged: raise maxIterations or the tolerance)")}";
}
