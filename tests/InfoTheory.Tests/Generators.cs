using FsCheck;
using FsCheck.Fluent;
using InfoTheory;

namespace InfoTheory.Tests;

/// <summary>Random distributions for property tests, and a small helper to run a property.</summary>
internal static class Generators
{
    /// <summary>Integer weights in [0, 1000], about a quarter of them 0, at least one positive.</summary>
    public static Gen<double[]> Weights(int count, bool allowZeros = true) =>
        Gen.Choose(allowZeros ? -300 : 1, 1000).ArrayOf(count)
           .Select(w => w.Select(x => (double)Math.Max(0, x)).ToArray())
           .Select(w => w.All(x => x == 0) ? w.Select((x, i) => i == 0 ? 1.0 : x).ToArray() : w);

    public static Gen<Distribution> Distributions(int maxOutcomes = 12, bool allowZeros = true) =>
        from k in Gen.Choose(1, maxOutcomes)
        from w in Weights(k, allowZeros)
        select Distribution.FromWeights(w);

    /// <summary>Two distributions over the same outcomes; q has full support so KL(p‖q) is finite.</summary>
    public static Gen<(Distribution P, Distribution Q)> Pairs(int maxOutcomes = 12) =>
        from k in Gen.Choose(1, maxOutcomes)
        from p in Weights(k)
        from q in Weights(k, allowZeros: false)
        select (Distribution.FromWeights(p), Distribution.FromWeights(q));

    /// <summary>A joint table of 1..5 by 1..5 outcomes.</summary>
    public static Gen<JointDistribution> Joints() =>
        from rows in Gen.Choose(1, 5)
        from columns in Gen.Choose(1, 5)
        from w in Weights(rows * columns)
        select JointDistribution.FromCounts(ToTable(w, rows, columns));

    public static double[,] ToTable(double[] flat, int rows, int columns)
    {
        var table = new double[rows, columns];
        for (int k = 0; k < flat.Length; k++) table[k / columns, k % columns] = flat[k];
        return table;
    }

    /// <summary>Runs a property on 300 random cases; a failing case throws with the counter-example.</summary>
    public static void ForAll<T>(Gen<T> generator, Action<T> property, int cases = 300) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), Prop.ForAll(generator.ToArbitrary(), property));
}
