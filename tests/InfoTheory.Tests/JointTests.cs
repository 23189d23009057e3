using InfoTheory;
using Xunit;
using static InfoTheory.Info;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

public class JointTests
{
    private static readonly JointDistribution Correlated = JointDistribution.FromTable(new[,] { { 0.4, 0.1 }, { 0.1, 0.4 } });

    [Fact]
    public void Marginals_and_conditionals_of_a_hand_table()
    {
        Assert.Equal([0.5, 0.5], Correlated.MarginalX().Probabilities);
        Assert.Equal([0.5, 0.5], Correlated.MarginalY().Probabilities);
        var yGiven0 = Correlated.YGivenX("0");
        Assert.Equal(0.8, yGiven0["0"], 1e-12);
        Assert.Equal(0.2, yGiven0["1"], 1e-12);
    }

    [Fact]
    public void Mutual_information_of_a_hand_table()
    {
        // H(X) = 1 bit; H(X|Y) = H(0.8, 0.2) for either y, so I = 1 − H(0.2).
        double h02 = -(0.2 * Math.Log2(0.2) + 0.8 * Math.Log2(0.8));
        Assert.Equal(1 - h02, MutualInformation(Correlated, Bits), 1e-12);
        Assert.Equal(h02, ConditionalEntropyXGivenY(Correlated, Bits), 1e-12);
    }

    [Fact]
    public void Independent_variables_share_no_information()
    {
        var joint = JointDistribution.Independent(Distribution.FromProbabilities([0.3, 0.7]), Distribution.Uniform(3));
        Assert.Equal(0.0, MutualInformation(joint, Bits), 1e-12);
        Assert.Equal(Entropy([0.3, 0.7], Bits) + Math.Log2(3), JointEntropy(joint, Bits), 1e-12);
    }

    [Fact]
    public void A_copy_shares_all_its_information()
    {
        var copy = JointDistribution.FromTable(new[,] { { 0.25, 0, 0 }, { 0, 0.25, 0 }, { 0, 0, 0.5 } });
        Assert.Equal(1.5, MutualInformation(copy, Bits), 1e-12);
        Assert.Equal(0.0, ConditionalEntropyXGivenY(copy, Bits), 1e-12);
    }

    [Fact]
    public void From_pairs_counts_the_pairs()
    {
        var joint = JointDistribution.FromPairs([("a", "x"), ("a", "x"), ("b", "y"), ("a", "y")]);
        Assert.Equal(0.5, joint["a", "x"]);
        Assert.Equal(0.25, joint["b", "y"]);
        Assert.Equal(0.0, joint["b", "x"]);
    }

    [Fact]
    public void Mutual_information_is_symmetric_and_non_negative() =>
        Generators.ForAll(Generators.Joints(), joint =>
        {
            double i = MutualInformation(joint, Bits);
            Assert.True(i >= 0);
            Assert.Equal(i, MutualInformation(joint.Transpose(), Bits), 1e-9);
        });

    [Fact]
    public void Chain_rule_holds() =>
        Generators.ForAll(Generators.Joints(), joint =>
        {
            double hxy = JointEntropy(joint, Nats);
            Assert.Equal(hxy, Entropy(joint.MarginalY(), Nats) + ConditionalEntropyXGivenY(joint, Nats), 1e-9);
            Assert.Equal(hxy, Entropy(joint.MarginalX(), Nats) + ConditionalEntropyYGivenX(joint, Nats), 1e-9);
        });

    [Fact]
    public void Mutual_information_is_entropy_minus_conditional_entropy() =>
        Generators.ForAll(Generators.Joints(), joint =>
            Assert.Equal(Entropy(joint.MarginalX(), Bits) - ConditionalEntropyXGivenY(joint, Bits), MutualInformation(joint, Bits), 1e-9));

    [Fact]
    public void Named_variables_label_the_table_and_swap_with_a_transpose()
    {
        var named = Correlated.WithNames("z", "word");
        Assert.Contains("p(z)", named.ToHtml());
        Assert.Contains("p(word)", named.ToHtml());
        Assert.Contains("z \\ word", named.ToHtml());
        Assert.Equal(("word", "z"), (named.Transpose().XName, named.Transpose().YName));
        Assert.Contains("p(x)", Correlated.ToHtml());
        Assert.Throws<ArgumentException>(() => Correlated.WithNames("", "y"));
    }

    [Fact]
    public void Bad_tables_are_rejected_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => JointDistribution.FromTable(new[,] { { 0.5, 0.6 } }));
        Assert.Equal("table", e.ParamName);
        Assert.Contains("1.1", e.Message);
        Assert.Throws<ArgumentException>(() => JointDistribution.FromTable(new[,] { { 0.5, 0.5 } }, ["a", "b"]));
        Assert.Throws<ArgumentException>(() => Correlated.YGivenX("nope"));
    }
}
