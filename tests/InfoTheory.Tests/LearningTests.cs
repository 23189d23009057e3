using InfoTheory;
using Xunit;
using static InfoTheory.Learning;

namespace InfoTheory.Tests;

public class LearningTests
{
    [Fact]
    public void Softmax_of_equal_logits_is_uniform_and_sums_to_one()
    {
        Assert.All(Softmax([3.0, 3.0, 3.0, 3.0]), p => Assert.Equal(0.25, p, 1e-15));
        Assert.Equal(1.0, Softmax([1.0, -2.0, 0.5]).Sum(), 1e-15);
    }

    [Fact]
    public void Softmax_and_log_sum_exp_survive_logits_of_plus_minus_1000()
    {
        var p = Softmax([1000.0, 999.0, -1000.0]);
        Assert.All(p, x => Assert.True(double.IsFinite(x)));
        // exp(1000) overflows; by hand: p0/p1 = e, p2 ≈ 0.
        Assert.Equal(Math.E, p[0] / p[1], 1e-12);
        Assert.Equal(1000 + Math.Log(1 + Math.Exp(-1)), LogSumExp([1000.0, 999.0]), 1e-12);
        Assert.Equal(-1000 + Math.Log(2), LogSumExp([-1000.0, -1000.0]), 1e-12);
    }

    [Fact]
    public void Temperature_sharpens_and_flattens()
    {
        double[] logits = [2.0, 1.0, 0.0];
        double hot = Info.Entropy(Softmax(logits, 10), Unit.Bits);
        double normal = Info.Entropy(Softmax(logits), Unit.Bits);
        double cold = Info.Entropy(Softmax(logits, 0.1), Unit.Bits);
        Assert.True(hot > normal && normal > cold);
    }

    [Fact]
    public void Cross_entropy_from_logits_is_minus_log_softmax_of_the_target()
    {
        double[] logits = [2.0, -1.0, 0.5];
        Assert.Equal(-Math.Log(Softmax(logits)[2]), CrossEntropyFromLogits(logits, 2), 1e-12);
        Assert.Equal(-Math.Log2(Softmax(logits)[2]), CrossEntropyFromLogits(logits, 2, Unit.Bits), 1e-12);
        // Huge margins do not produce infinities or NaN.
        Assert.Equal(2000.0, CrossEntropyFromLogits([1000.0, -1000.0], 1), 1e-9);
    }

    [Fact]
    public void Gradient_is_softmax_minus_one_hot_and_matches_a_numerical_gradient()
    {
        var random = new Random(1);
        for (int trial = 0; trial < 50; trial++)
        {
            var logits = Sampling.NormalVector(random, 5).Select(z => 3 * z).ToArray();
            int target = random.Next(5);
            var analytic = CrossEntropyGradient(logits, target);
            var numeric = NumericalGradient(z => CrossEntropyFromLogits(z, target), logits);
            for (int i = 0; i < 5; i++) Assert.Equal(numeric[i], analytic[i], 1e-7);
            Assert.Equal(0.0, analytic.Sum(), 1e-12);
        }
    }

    [Fact]
    public void Bad_targets_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropyFromLogits([1.0, 2.0], 2));

    [Fact]
    public void Info_nce_is_near_log_n_for_unrelated_and_near_zero_for_matching_pairs()
    {
        var random = new Random(3);
        int n = 128;
        var anchors = Enumerable.Range(0, n).Select(_ => Sampling.NormalVector(random, 64)).ToList();
        var unrelated = Enumerable.Range(0, n).Select(_ => Sampling.NormalVector(random, 64).Select(x => 0.01 * x).ToArray()).ToList();
        Assert.Equal(Math.Log(n), InfoNceLoss(anchors, unrelated), 0.05);
        Assert.True(InfoNceLoss(anchors, anchors) < 1e-6);
    }

    [Fact]
    public void Gaussian_kl_closed_forms_agree()
    {
        Assert.Equal(0.0, GaussianKlToStandardNormal([0.0, 0.0], [0.0, 0.0]), 1e-15);
        // One dimension, μ = 1, σ = 2: both formulas, and the hand value ln(1/2) + (4 + 1)/2 − 1/2 = 2 − ln 2.
        Assert.Equal(2 - Math.Log(2), GaussianKl(1, 2, 0, 1), 1e-12);
        Assert.Equal(GaussianKl(1, 2, 0, 1), GaussianKlToStandardNormal([1.0], [Math.Log(4)]), 1e-12);
    }

    [Fact]
    public void Gaussian_kl_matches_monte_carlo()
    {
        // KL(q‖p) = E_q[log q(x) − log p(x)], estimated from 200,000 draws of q.
        var random = new Random(11);
        double mean = 0.7, sd = 0.6, total = 0;
        int draws = 200_000;
        for (int i = 0; i < draws; i++)
        {
            double x = Sampling.Normal(random, mean, sd);
            total += Math.Log(NormalDensity(x, mean, sd)) - Math.Log(NormalDensity(x, 0, 1));
        }
        Assert.Equal(GaussianKl(mean, sd, 0, 1), total / draws, 0.01);
    }
}
