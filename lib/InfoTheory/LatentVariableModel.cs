namespace InfoTheory;

/// <summary>
/// A tiny generative model with a hidden cause z and an observation x, both discrete: a prior p(z) and,
/// for each z, a likelihood p(x | z). Small enough that the evidence p(x) = Σ_z p(z) p(x | z) can be
/// summed exactly, so the evidence lower bound (ELBO) of any guess q(z) can be compared with the truth.
/// Immutable.
/// </summary>
public sealed class LatentVariableModel
{
    private readonly Distribution[] _likelihoods;

    /// <summary>
    /// A model from its prior p(z) and one likelihood p(x | z) per hidden value, in the order of
    /// <paramref name="prior"/>'s outcomes. Every likelihood must be over the same observations.
    /// </summary>
    public LatentVariableModel(Distribution prior, IReadOnlyList<Distribution> likelihoods)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(likelihoods);
        if (likelihoods.Count != prior.Count)
            throw new ArgumentException(
                $"The prior has {prior.Count} hidden values but there are {likelihoods.Count} likelihoods: give one p(x | z) per hidden value z.",
                nameof(likelihoods));
        for (int i = 0; i < likelihoods.Count; i++)
        {
            if (likelihoods[i] is null) throw new ArgumentNullException(nameof(likelihoods), $"likelihoods[{i}] is null.");
            if (!likelihoods[i].Outcomes.SequenceEqual(likelihoods[0].Outcomes))
                throw new ArgumentException(
                    $"likelihoods[{i}] is over different observations than likelihoods[0]: list the same observations, in the same order, for every z.",
                    nameof(likelihoods));
        }
        Prior = prior;
        _likelihoods = likelihoods.ToArray();
    }

    /// <summary>The prior p(z) over the hidden values.</summary>
    public Distribution Prior { get; }

    /// <summary>p(x | z) for each hidden value, in the order of <see cref="Prior"/>'s outcomes.</summary>
    public IReadOnlyList<Distribution> Likelihoods => _likelihoods;

    /// <summary>The hidden values z.</summary>
    public IReadOnlyList<string> HiddenValues => Prior.Outcomes;

    /// <summary>The possible observations x.</summary>
    public IReadOnlyList<string> Observations => _likelihoods[0].Outcomes;

    /// <summary>The evidence p(x) = Σ_z p(z) · p(x | z): how probable the model finds the observation.</summary>
    public double Evidence(string x)
    {
        CheckObservation(x);
        double sum = 0;
        for (int i = 0; i < _likelihoods.Length; i++) sum += Prior.Probabilities[i] * _likelihoods[i][x];
        return sum;
    }

    /// <summary>The log-evidence log p(x), the quantity the ELBO bounds from below. −∞ when p(x) = 0.</summary>
    public double LogEvidence(string x, Unit unit)
    {
        double evidence = Evidence(x);
        return evidence == 0 ? double.NegativeInfinity : Units.Log(evidence, unit);
    }

    /// <summary>The posterior p(z | x) = p(z) p(x | z) / p(x): Bayes' rule, the best possible q(z).</summary>
    public Distribution Posterior(string x)
    {
        double evidence = Evidence(x);
        if (evidence == 0)
            throw new ArgumentException($"The model gives the observation '{x}' probability 0, so p(z | x) is undefined.", nameof(x));
        return Distribution.FromWeights(
            Enumerable.Range(0, _likelihoods.Length).Select(i => Prior.Probabilities[i] * _likelihoods[i][x]).ToArray(),
            Prior.Outcomes);
    }

    /// <summary>
    /// The evidence lower bound of a guess q(z) at the hidden value:
    /// ELBO(q) = Σ_z q(z) · log( p(z) p(x | z) / q(z) ) ≤ log p(x), with equality exactly when q is the
    /// posterior. The gap log p(x) − ELBO(q) is KL(q ‖ p(z | x)). −∞ when q puts weight on a z that
    /// cannot have produced x.
    /// </summary>
    public double EvidenceLowerBound(string x, Distribution q, Unit unit)
    {
        CheckObservation(x);
        ArgumentNullException.ThrowIfNull(q);
        double[] qAligned = q.AlignedTo(Prior, nameof(q));
        double elbo = 0;
        for (int i = 0; i < qAligned.Length; i++)
        {
            if (qAligned[i] == 0) continue;   // 0 · log(anything) = 0
            double joint = Prior.Probabilities[i] * _likelihoods[i][x];   // p(x, z)
            if (joint == 0) return double.NegativeInfinity;
            elbo += qAligned[i] * Units.Log(joint / qAligned[i], unit);
        }
        return elbo;
    }

    /// <summary>The joint p(z, x) as a table: one row per hidden value, one column per observation.</summary>
    public JointDistribution Joint()
    {
        var table = new double[HiddenValues.Count, Observations.Count];
        for (int i = 0; i < HiddenValues.Count; i++)
            for (int j = 0; j < Observations.Count; j++)
                table[i, j] = Prior.Probabilities[i] * _likelihoods[i].Probabilities[j];
        return JointDistribution.FromCounts(table, HiddenValues, Observations).WithNames("z", "x");
    }

    private void CheckObservation(string x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!_likelihoods[0].Contains(x))
            throw new ArgumentException($"'{x}' is not one of the observations ({string.Join(", ", Observations)}).", nameof(x));
    }
}
