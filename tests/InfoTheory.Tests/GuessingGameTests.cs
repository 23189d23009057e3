using InfoTheory;
using Xunit;

namespace InfoTheory.Tests;

public class GuessingGameTests
{
    private const double Tight = 1e-12;

    [Fact]
    public void Rank_counts_the_symbols_tried_before_the_actual_one()
    {
        double[] prediction = [0.1, 0.5, 0.3, 0.1];
        Assert.Equal(1, GuessingGame.GuessRank(prediction, 1));   // the favourite
        Assert.Equal(2, GuessingGame.GuessRank(prediction, 2));
        Assert.Equal(3, GuessingGame.GuessRank(prediction, 0));   // tie with symbol 3, tried first (lower index)
        Assert.Equal(4, GuessingGame.GuessRank(prediction, 3));
    }

    [Fact]
    public void Ranks_of_every_symbol_are_a_permutation()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            var prediction = Sampling.RandomDistribution(random, 1 + random.Next(10)).Probabilities;
            var ranks = Enumerable.Range(0, prediction.Count).Select(s => GuessingGame.GuessRank(prediction, s)).OrderBy(r => r);
            Assert.Equal(Enumerable.Range(1, prediction.Count), ranks);
        }
    }

    [Fact]
    public void A_player_who_is_always_right_at_once_gives_zero_bits()
    {
        var bounds = GuessingGame.ShannonBounds([1, 1, 1, 1], alphabetSize: 27);
        Assert.Equal(0, bounds.LowerBits, Tight);
        Assert.Equal(0, bounds.UpperBits, Tight);
    }

    [Fact]
    public void Uniform_ranks_over_four_pin_the_entropy_at_two_bits()
    {
        // q = (1/4, 1/4, 1/4, 1/4): upper = log2 4 = 2; lower = 4·(1/4 − 0)·log2 4 = 2.
        var bounds = GuessingGame.ShannonBounds([1, 2, 3, 4], alphabetSize: 4);
        Assert.Equal(2, bounds.LowerBits, Tight);
        Assert.Equal(2, bounds.UpperBits, Tight);
    }

    [Fact]
    public void Bounds_of_a_hand_example()
    {
        // q = (1/2, 1/4, 1/4): upper = 1/2·1 + 2·(1/4·2) = 1.5;
        // lower = 1·(1/4)·0 + 2·(1/4 − 1/4)·1 + 3·(1/4)·log2 3.
        var bounds = GuessingGame.ShannonBounds([1, 1, 2, 3], alphabetSize: 5);
        Assert.Equal(1.5, bounds.UpperBits, Tight);
        Assert.Equal(0.75 * Math.Log2(3), bounds.LowerBits, Tight);
    }

    [Fact]
    public void Lower_bound_never_exceeds_upper_bound_when_rank_frequencies_fall()
    {
        // Falling frequencies q₁ ≥ q₂ ≥ … (what a good guesser produces) make q a mixture of uniform
        // distributions on {1..i} with weights i·(qᵢ − qᵢ₊₁): the lower bound is the mixture's average entropy,
        // the upper bound the entropy of the mixture, which concavity puts above it.
        var random = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            int alphabet = 2 + random.Next(30);
            var counts = Enumerable.Range(0, alphabet).Select(_ => random.Next(50)).OrderByDescending(c => c).ToArray();
            if (counts[0] == 0) counts[0] = 1;
            var ranks = counts.SelectMany((count, i) => Enumerable.Repeat(i + 1, count)).ToArray();
            var bounds = GuessingGame.ShannonBounds(ranks, alphabet);
            Assert.True(bounds.LowerBits <= bounds.UpperBits + 1e-12, $"{bounds} for alphabet {alphabet}");
            Assert.InRange(bounds.UpperBits, 0, Math.Log2(alphabet) + 1e-12);
        }
    }

    [Fact]
    public void Rank_frequencies_sum_to_one()
    {
        var q = GuessingGame.RankFrequencies([1, 1, 3, 2, 1], alphabetSize: 4);
        Assert.Equal([0.6, 0.2, 0.2, 0.0], q.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Bad_input_names_the_argument()
    {
        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => GuessingGame.ShannonBounds([0, 1], 4)).ParamName);
        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => GuessingGame.ShannonBounds([5], 4)).ParamName);
        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => GuessingGame.ShannonBounds([], 4)).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => GuessingGame.GuessRank([0.5, 0.5], 2)).ParamName);
        Assert.Equal("prediction", Assert.Throws<ArgumentException>(() => GuessingGame.GuessRank([0.5, double.NaN], 0)).ParamName);
    }
}
