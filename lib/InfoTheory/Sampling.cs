namespace InfoTheory;

/// <summary>Seeded random draws for experiments: reproducible when you pass the same seed.</summary>
public static class Sampling
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random, double mean = 0, double sd = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.Finite(mean, nameof(mean));
        Guard.Positive(sd, nameof(sd));
        double u1 = 1 - random.NextDouble();   // in (0, 1], so the log is finite
        double u2 = random.NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A vector of independent standard normal draws.</summary>
    public static double[] NormalVector(Random random, int dimension)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.AtLeast(dimension, 0, nameof(dimension));
        return Enumerable.Range(0, dimension).Select(_ => Normal(random)).ToArray();
    }

    /// <summary>
    /// A random distribution over <paramref name="count"/> outcomes, uniform over the simplex
    /// (normalised exponential draws, i.e. a flat Dirichlet).
    /// </summary>
    public static Distribution RandomDistribution(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.AtLeast(count, 1, nameof(count));
        return Distribution.FromWeights(Enumerable.Range(0, count).Select(_ => -Math.Log(1 - random.NextDouble()) + 1e-300).ToArray());
    }

    /// <summary><paramref name="count"/> random bytes from a seeded generator: data with no pattern to learn.</summary>
    public static byte[] RandomBytes(int count, int seed)
    {
        Guard.AtLeast(count, 0, nameof(count));
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
