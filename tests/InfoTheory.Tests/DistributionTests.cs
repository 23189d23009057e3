using InfoTheory;
using Xunit;

namespace InfoTheory.Tests;

public class DistributionTests
{
    [Fact]
    public void Probabilities_that_do_not_sum_to_one_are_rejected_with_the_sum_and_a_remedy()
    {
        var e = Assert.Throws<ArgumentException>(() => Distribution.FromProbabilities([0.5, 0.503]));
        Assert.Equal("probabilities", e.ParamName);
        Assert.Contains("1.003", e.Message);
        Assert.Contains("FromWeights", e.Message);
    }

    [Fact]
    public void Sums_within_the_tolerance_are_accepted() =>
        Assert.Equal(3, Distribution.FromProbabilities([0.3333333, 0.3333333, 0.3333334]).Count);

    [Theory]
    [InlineData(-0.1, "negative")]
    [InlineData(double.NaN, "finite")]
    [InlineData(double.PositiveInfinity, "finite")]
    public void Bad_probabilities_name_the_argument_and_position(double bad, string word)
    {
        var e = Assert.Throws<ArgumentException>(() => Distribution.FromProbabilities([1.1, bad]));
        Assert.Equal("probabilities", e.ParamName);
        Assert.Contains("[1]", e.Message);
        Assert.Contains(word, e.Message);
    }

    [Fact]
    public void Empty_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Distribution.FromProbabilities(Array.Empty<double>()));
        Assert.Throws<ArgumentException>(() => Distribution.OfCharacters(""));
        Assert.Throws<ArgumentException>(() => Distribution.Uniform(0));
        Assert.Throws<ArgumentException>(() => Distribution.FromWeights([0.0, 0.0]));
    }

    [Fact]
    public void Mismatched_lengths_and_supports_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Info.KlDivergence([0.5, 0.5], [0.2, 0.3, 0.5], Unit.Bits));
        Assert.Equal("q", e.ParamName);
        var p = Distribution.FromProbabilities(("a", 0.5), ("b", 0.5));
        var q = Distribution.FromProbabilities(("a", 0.5), ("c", 0.5));
        var e2 = Assert.Throws<ArgumentException>(() => Info.CrossEntropy(p, q, Unit.Bits));
        Assert.Contains("'c'", e2.Message);
        Assert.Contains("OverOutcomes", e2.Message);
    }

    [Fact]
    public void Wrong_q_is_named_q_in_messages()
    {
        var e = Assert.Throws<ArgumentException>(() => Info.CrossEntropy([0.5, 0.5], [0.5, 0.6], Unit.Bits));
        Assert.Equal("q", e.ParamName);
        Assert.Contains("1.1", e.Message);
    }

    [Fact]
    public void Outcome_names_must_match_in_number_and_be_distinct()
    {
        var twice = Assert.Throws<ArgumentException>(() => Distribution.FromProbabilities([0.5, 0.5], ["a", "a"]));
        Assert.Contains("'a' appears twice", twice.Message);
        var count = Assert.Throws<ArgumentException>(() => JointDistribution.FromTable(new[,] { { 0.5, 0.5 } }, ["x"], ["p", "q", "r"]));
        Assert.Equal("yOutcomes", count.ParamName);
        Assert.Contains("3 names for 2 outcomes", count.Message);
        Assert.Equal(["0", "1", "2"], Distribution.Uniform(3).Outcomes);
    }

    [Fact]
    public void Weights_and_counts_are_normalised()
    {
        var d = Distribution.FromWeights(("x", 1), ("y", 3));
        Assert.Equal(0.25, d["x"]);
        Assert.Equal(0.75, d["y"]);
        var text = Distribution.OfCharacters("abracadabra");
        Assert.Equal(5.0 / 11, text["a"], 1e-15);
        Assert.Equal(["a", "b", "c", "d", "r"], text.Outcomes);
    }

    [Fact]
    public void Bytes_are_counted_and_named_in_hex()
    {
        var d = Distribution.OfBytes([0x41, 0x41, 0x00, 0xFF]);
        Assert.Equal(0.5, d["0x41"]);
        Assert.Equal(3, d.Count);
    }

    [Fact]
    public void Unknown_outcomes_name_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Distribution.Bernoulli(0.3)["heads"]);
        Assert.Contains("'1'", e.Message);
    }

    [Fact]
    public void Over_outcomes_extends_with_zeros_but_never_drops_mass()
    {
        var d = Distribution.FromProbabilities(("a", 1.0)).OverOutcomes(["a", "b"]);
        Assert.Equal(0.0, d["b"]);
        Assert.Throws<ArgumentException>(() => Distribution.FromProbabilities(("a", 0.5), ("b", 0.5)).OverOutcomes(["a"]));
    }

    [Fact]
    public void Sampling_follows_the_probabilities()
    {
        var d = Distribution.FromProbabilities(("a", 0.2), ("b", 0.8));
        var random = new Random(7);
        int bs = Enumerable.Range(0, 20_000).Count(_ => d.Sample(random) == "b");
        // Binomial standard deviation: sqrt(20000·0.8·0.2) ≈ 57, so ±300 is over five sigma.
        Assert.InRange(bs, 16_000 - 300, 16_000 + 300);
    }

    [Fact]
    public void Text_and_html_show_the_outcomes()
    {
        var d = Distribution.FromProbabilities(("<b>", 0.5), (" ", 0.5));
        Assert.Equal("{<b>: 0.5, ␣: 0.5}", d.ToString());
        Assert.Contains("&lt;b&gt;", d.ToHtml());
        Assert.DoesNotContain("<b>", d.ToHtml());
    }
}
