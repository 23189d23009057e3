using InfoTheory;
using InfoTheory.Exercises;
using Xunit;
using static InfoTheory.Exercises.ExerciseCheck;
using static InfoTheory.Info;
using static InfoTheory.Learning;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

/// <summary>
/// The answers a student reaches with the library pass the checks of lessons 06 and 07, and the
/// likely slips (wrong unit, wrong sign, wrong order) do not.
/// </summary>
public class Lesson06And07ExerciseTests
{
    [Fact]
    public void Jensen_gap_of_log()
    {
        double[] x = [0.5, 1, 2, 4], p = [0.1, 0.4, 0.3, 0.2];
        double mean = x.Zip(p, (xi, pi) => xi * pi).Sum();
        double meanLog = x.Zip(p, (xi, pi) => Math.Log(xi) * pi).Sum();
        Assert.True(Check("06.1", Math.Log(mean) - meanLog).Passed);
        Assert.False(Check("06.1", meanLog - Math.Log(mean)).Passed);
        Assert.False(Check("06.1", Math.Log2(mean) - x.Zip(p, (xi, pi) => Math.Log2(xi) * pi).Sum()).Passed);
    }

    [Fact]
    public void Kl_is_at_least_the_support_bound()
    {
        double[] p = [0.4, 0.6, 0], q = [0.3, 0.3, 0.4];
        double kl = KlDivergence(p, q, Nats);
        Assert.True(kl >= -Math.Log(0.6) && -Math.Log(0.6) >= 1 - 0.6);
        Assert.True(Check("06.2", [kl, -Math.Log(0.6), 1 - 0.6]).Passed);
        Assert.False(Check("06.2", [kl, 0.0, 0.0]).Passed);
        Assert.False(Check("06.2", [KlDivergence(q.Take(2).Select(v => v / 0.6).ToArray(), p.Take(2).ToArray(), Nats), -Math.Log(0.6), 1 - 0.6]).Passed);
    }

    [Fact]
    public void Vae_kl_term_and_its_gradient()
    {
        double[] mu = [0.8, -0.3, 0], logVar = [0, -1, 0.5];
        Assert.True(Check("06.3", GaussianKlToStandardNormal(mu, logVar)).Passed);
        Assert.False(Check("06.3", GaussianKlToStandardNormal(mu, logVar.Select(Math.Exp).ToArray())).Passed);   // variances passed as log-variances

        var gradient = NumericalGradient(v => GaussianKlToStandardNormal(v[..3], v[3..]), [.. mu, .. logVar]);
        Assert.True(Check("06.4", gradient).Passed);
        Assert.False(Check("06.4", gradient.Select(g => -g).ToArray()).Passed);
    }

    [Fact]
    public void Mutual_information_from_tables()
    {
        var spam = JointDistribution.FromCounts(new double[,] { { 30, 20 }, { 10, 140 } });
        Assert.True(Check("07.1", MutualInformation(spam, Bits)).Passed);
        Assert.False(Check("07.1", MutualInformation(spam, Nats)).Passed);

        double[] answers =
        [
            MutualInformation(JointDistribution.FromTable(new[,] { { 0.08, 0.12, 0.20 }, { 0.12, 0.18, 0.30 } }), Bits),
            MutualInformation(JointDistribution.FromTable(new[,] { { 0.20, 0.20 }, { 0.10, 0.50 } }), Bits),
            MutualInformation(JointDistribution.FromTable(new[,] { { 0.30, 0 }, { 0, 0.50 }, { 0.20, 0 } }), Bits),
        ];
        Assert.Equal(0, answers[0], 1e-12);
        Assert.Equal(1, answers[2], 1e-12);   // C: Y is a function of X and a fair bit
        Assert.True(Check("07.2", answers).Passed);
        Assert.False(Check("07.2", answers.Reverse().ToArray()).Passed);
    }

    [Fact]
    public void Info_nce_with_128_pairs()
    {
        var random = new Random(3);
        double[] UnitVector() { var v = Sampling.NormalVector(random, 1024); double n = Math.Sqrt(Dot(v, v)); return v.Select(x => x / n).ToArray(); }
        var anchors = Enumerable.Range(0, 128).Select(_ => UnitVector()).ToList();
        var others = Enumerable.Range(0, 128).Select(_ => UnitVector()).ToList();
        double unrelated = InfoNceLoss(anchors, others, temperature: 0.1);
        double identical = InfoNceLoss(anchors, anchors, temperature: 0.1);
        Assert.True(Check("07.3", [unrelated, identical, Math.Log(128) - identical]).Passed);
        Assert.False(Check("07.3", [identical, unrelated, Math.Log(128) - unrelated]).Passed);
        Assert.False(Check("07.3", [Math.Log2(128), 0, Math.Log2(128)]).Passed);
    }
}
