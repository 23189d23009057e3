using FsCheck.Fluent;
using InfoTheory;
using Xunit;
using static InfoTheory.Info;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

public class ChannelTests
{
    private static double H2(double p) => p is 0 or 1 ? 0 : -(p * Math.Log2(p) + (1 - p) * Math.Log2(1 - p));

    [Fact]
    public void A_fair_bit_through_a_binary_symmetric_channel_keeps_one_minus_h_of_the_flip_rate()
    {
        foreach (double e in new[] { 0.0, 0.1, 0.25, 0.5, 0.9 })
            Assert.Equal(1 - H2(e), MutualInformation(Channel.BinarySymmetric(e).Transmit(Distribution.Bernoulli(0.5)), Bits), 1e-12);
    }

    [Fact]
    public void Transmit_multiplies_the_input_by_each_row()
    {
        var joint = Channel.BinarySymmetric(0.1).Transmit(Distribution.FromProbabilities([0.3, 0.7], ["0", "1"]));
        Assert.Equal(0.3 * 0.9, joint["0", "0"], 1e-12);
        Assert.Equal(0.3 * 0.1, joint["0", "1"], 1e-12);
        Assert.Equal(0.7 * 0.1, joint["1", "0"], 1e-12);
    }

    [Fact]
    public void Two_binary_symmetric_channels_in_a_row_flip_when_exactly_one_flips()
    {
        var both = Channel.BinarySymmetric(0.1).Then(Channel.BinarySymmetric(0.2));
        Assert.Equal(0.1 * 0.8 + 0.9 * 0.2, both.OutputGiven("0")["1"], 1e-12);
        Assert.Equal(0.1 * 0.8 + 0.9 * 0.2, both.OutputGiven("1")["0"], 1e-12);
    }

    [Fact]
    public void Apply_to_y_is_the_same_as_sending_through_both_channels() =>
        Generators.ForAll(
            from input in Generators.Weights(3)
            from a in Generators.Weights(3, allowZeros: false).ArrayOf(3)
            from b in Generators.Weights(2, allowZeros: false).ArrayOf(3)
            select (Input: Distribution.FromWeights(input), First: Stochastic(a), Second: Stochastic(b)),
            c =>
            {
                var viaY = c.Second.ApplyToY(c.First.Transmit(c.Input));
                var direct = c.First.Then(c.Second).Transmit(c.Input);
                for (int i = 0; i < 3; i++)
                    for (int k = 0; k < 2; k++)
                        Assert.Equal(direct.Probability(i, k), viaY.Probability(i, k), 1e-12);
            }, cases: 100);

    [Fact]
    public void Processing_never_adds_information_about_x() =>
        Generators.ForAll(
            from joint in Generators.Joints()
            from rows in Generators.Weights(3, allowZeros: true).ArrayOf(joint.YOutcomes.Count)
            select (Joint: joint, Channel: Stochastic(rows)),
            c =>
            {
                double before = MutualInformation(c.Joint, Bits);
                double after = MutualInformation(c.Channel.ApplyToY(c.Joint), Bits);
                Assert.True(after <= before + 1e-9, $"I(X;Z) = {after} > I(X;Y) = {before}");
            });

    [Fact]
    public void The_noiseless_channel_keeps_everything()
    {
        var joint = JointDistribution.FromTable(new[,] { { 0.4, 0.1 }, { 0.1, 0.4 } });
        var copied = Channel.Identity(joint.YOutcomes).ApplyToY(joint);
        Assert.Equal(MutualInformation(joint, Bits), MutualInformation(copied, Bits), 1e-12);
    }

    [Fact]
    public void Bad_tables_and_symbols_are_named()
    {
        var row = Assert.Throws<ArgumentException>(() => Channel.FromTable(new[,] { { 0.5, 0.5 }, { 0.5, 0.4 } }));
        Assert.Contains("row 1", row.Message);
        Assert.Throws<ArgumentException>(() => Channel.BinarySymmetric(1.5));
        var symbol = Assert.Throws<ArgumentException>(() => Channel.BinarySymmetric(0.1).OutputGiven("2"));
        Assert.Contains("0, 1", symbol.Message);
        var mismatch = Assert.Throws<ArgumentException>(() =>
            Channel.BinarySymmetric(0.1).ApplyToY(JointDistribution.FromTable(new[,] { { 0.5, 0.5 } }, ["x"], ["a", "b"])));
        Assert.Equal("joint", mismatch.ParamName);
    }

    /// <summary>A channel whose rows are the given weights, each normalised.</summary>
    internal static Channel Stochastic(double[][] rows)
    {
        int columns = rows[0].Length;
        var table = new double[rows.Length, columns];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < columns; j++)
                table[i, j] = rows[i][j] / rows[i].Sum();
        return Channel.FromTable(table, Enumerable.Range(0, rows.Length).Select(i => i.ToString()).ToArray());
    }
}
