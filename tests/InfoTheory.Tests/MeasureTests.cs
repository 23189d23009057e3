using InfoTheory;
using Xunit;
using static InfoTheory.Info;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

/// <summary>Values worked out by hand, and the identities that tie the measures together.</summary>
public class MeasureTests
{
    private const double Tight = 1e-12;

    [Fact]
    public void Fair_coin_has_one_bit()
    {
        Assert.Equal(1.0, Entropy(Distribution.Bernoulli(0.5), Bits), Tight);
        Assert.Equal(Math.Log(2), Entropy(Distribution.Bernoulli(0.5), Nats), Tight);
    }

    [Fact]
    public void Fair_die_has_log2_6_bits() =>
        Assert.Equal(Math.Log(6) / Math.Log(2), Entropy(Distribution.Uniform(6), Bits), Tight);

    [Fact]
    public void Robot_with_four_moves_has_1_75_bits() =>
        // 1/2·1 + 1/4·2 + 2·(1/8·3) = 0.5 + 0.5 + 0.75
        Assert.Equal(1.75, Entropy([0.5, 0.25, 0.125, 0.125], Bits), Tight);

    [Fact]
    public void Certain_outcome_has_zero_entropy_and_zero_surprisal()
    {
        Assert.Equal(0.0, Entropy([1.0, 0.0, 0.0], Bits));
        Assert.Equal(0.0, Surprisal(1, Bits));
        Assert.False(double.IsNegative(Surprisal(1, Nats)), "no negative zero");
    }

    [Fact]
    public void Surprisal_of_a_quarter_is_two_bits_and_of_zero_is_infinite()
    {
        Assert.Equal(2.0, Surprisal(0.25, Bits), Tight);
        Assert.Equal(Math.Log(4), Surprisal(0.25, Nats), Tight);
        Assert.Equal(double.PositiveInfinity, Surprisal(0, Bits));
    }

    [Fact]
    public void Cross_entropy_and_kl_of_a_hand_example()
    {
        // p = (1/2, 1/2), q = (1/4, 3/4): H(p,q) = ½·2 + ½·log2(4/3) = 1 + ½(2 − log2 3)
        double expectedCross = 1 + 0.5 * (2 - Math.Log2(3));
        Assert.Equal(expectedCross, CrossEntropy([0.5, 0.5], [0.25, 0.75], Bits), Tight);
        Assert.Equal(expectedCross - 1, KlDivergence([0.5, 0.5], [0.25, 0.75], Bits), Tight);
    }

    [Fact]
    public void Kl_is_asymmetric()
    {
        double forward = KlDivergence([0.8, 0.2], [0.5, 0.5], Bits);
        double reverse = KlDivergence([0.5, 0.5], [0.8, 0.2], Bits);
        Assert.Equal(0.8 * Math.Log2(1.6) + 0.2 * Math.Log2(0.4), forward, Tight);
        Assert.Equal(0.5 * Math.Log2(0.625) + 0.5 * Math.Log2(2.5), reverse, Tight);
        Assert.NotEqual(forward, reverse, 3);
    }

    [Fact]
    public void Kl_and_cross_entropy_are_infinite_when_q_misses_the_support_of_p()
    {
        Assert.Equal(double.PositiveInfinity, KlDivergence([0.5, 0.5], [1.0, 0.0], Bits));
        Assert.Equal(double.PositiveInfinity, CrossEntropy([0.5, 0.5], [1.0, 0.0], Nats));
        // …but not the other way round: outcomes p never produces cost nothing.
        Assert.Equal(1.0, KlDivergence([1.0, 0.0], [0.5, 0.5], Bits), Tight);
    }

    [Fact]
    public void Jensen_shannon_of_disjoint_distributions_is_one_bit() =>
        Assert.Equal(1.0, JensenShannon([1.0, 0.0], [0.0, 1.0], Bits), Tight);

    [Fact]
    public void Perplexity_of_uniform_is_the_number_of_outcomes()
    {
        Assert.Equal(50257, Perplexity(Distribution.Uniform(50257)), 1e-6);
        Assert.Equal(4.0, Perplexity([0.25, 0.25, 0.25, 0.25]), Tight);
    }

    [Fact]
    public void Sequence_perplexity_is_two_to_the_bits_per_token()
    {
        double[] probabilities = [0.1, 0.3, 0.8, 0.05, 0.6];
        double bitsPerToken = probabilities.Average(p => -Math.Log2(p));
        Assert.Equal(bitsPerToken, MeanSurprisal(probabilities, Bits), Tight);
        Assert.Equal(Math.Pow(2, bitsPerToken), Perplexity(probabilities), 1e-9);
        Assert.Equal(probabilities.Sum(p => -Math.Log(p)), NegativeLogLikelihood(probabilities, Nats), Tight);
    }

    [Fact]
    public void Named_outcomes_are_aligned_by_name_not_position()
    {
        var p = Distribution.FromProbabilities(("a", 0.5), ("b", 0.5));
        var q = Distribution.FromProbabilities(("b", 0.75), ("a", 0.25));
        Assert.Equal(CrossEntropy([0.5, 0.5], [0.25, 0.75], Bits), CrossEntropy(p, q, Bits), Tight);
    }

    [Fact]
    public void Binary_entropy_is_symmetric_and_peaks_at_one_half()
    {
        Assert.Equal(BinaryEntropy(0.1, Bits), BinaryEntropy(0.9, Bits), Tight);
        Assert.True(BinaryEntropy(0.5, Bits) > BinaryEntropy(0.4999, Bits));
        Assert.Equal(0.0, BinaryEntropy(0, Bits));
    }

    // ---------------------------------------------------------------- properties over random distributions

    [Fact]
    public void Entropy_lies_between_zero_and_log_k() =>
        Generators.ForAll(Generators.Distributions(), p =>
        {
            double h = Entropy(p, Bits);
            Assert.InRange(h, 0, Math.Log2(p.Count) + 1e-12);
        });

    [Fact]
    public void Kl_is_non_negative_and_zero_only_for_equal_distributions() =>
        Generators.ForAll(Generators.Pairs(), pair =>
        {
            double kl = KlDivergence(pair.P, pair.Q, Bits);
            Assert.True(kl >= 0);
            Assert.Equal(0.0, KlDivergence(pair.P, pair.P, Bits));
            bool equal = pair.P.Probabilities.Zip(pair.Q.Probabilities).All(t => Math.Abs(t.First - t.Second) < 1e-12);
            if (!equal) Assert.True(kl > 0, $"KL = {kl} for different distributions {pair.P} and {pair.Q}");
        });

    [Fact]
    public void Cross_entropy_is_entropy_plus_kl() =>
        Generators.ForAll(Generators.Pairs(), pair =>
            Assert.Equal(Entropy(pair.P, Nats) + KlDivergence(pair.P, pair.Q, Nats), CrossEntropy(pair.P, pair.Q, Nats), 1e-9));

    [Fact]
    public void Jensen_shannon_is_symmetric_and_at_most_one_bit() =>
        Generators.ForAll(Generators.Pairs(), pair =>
        {
            double js = JensenShannon(pair.P, pair.Q, Bits);
            Assert.Equal(js, JensenShannon(pair.Q, pair.P, Bits), 1e-12);
            Assert.InRange(js, 0, 1 + 1e-12);
        });

    [Fact]
    public void Bits_are_nats_divided_by_ln_2() =>
        Generators.ForAll(Generators.Pairs(), pair =>
        {
            Assert.Equal(Entropy(pair.P, Nats) / Math.Log(2), Entropy(pair.P, Bits), 1e-12);
            Assert.Equal(KlDivergence(pair.P, pair.Q, Nats) / Math.Log(2), KlDivergence(pair.P, pair.Q, Bits), 1e-12);
            Assert.Equal(Units.Convert(Entropy(pair.P, Nats), Nats, Bits), Entropy(pair.P, Bits), 1e-12);
        });

    [Fact]
    public void Perplexity_is_two_to_the_entropy_in_bits() =>
        Generators.ForAll(Generators.Distributions(), p =>
            Assert.Equal(Math.Pow(2, Entropy(p, Bits)), Perplexity(p), 1e-9 * Perplexity(p)));
}
