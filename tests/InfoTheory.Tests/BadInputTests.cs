using InfoTheory.Charts;
using Xunit;
using static InfoTheory.Learning;

namespace InfoTheory.Tests;

/// <summary>
/// Inputs that used to slip through (a sum overflowing to 0, a NaN passed along) or failed with a message about
/// the library's own internals: each is now an ArgumentException naming the caller's argument.
/// </summary>
public class BadInputTests
{
    private static ArgumentException Refused(string parameter, Action call, string? messagePart = null)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
        if (messagePart is not null) Assert.Contains(messagePart, error.Message);
        return error;
    }

    [Fact]
    public void Weights_whose_sum_overflows_are_still_normalised_instead_of_becoming_zeros()
    {
        // 1e308 + 1e308 overflows a double; the shares are still 1/2 each, and 1 : 3 still gives 1/4 and 3/4.
        Assert.Equal(new[] { 0.5, 0.5 }, Distribution.FromWeights([1e308, 1e308]).Probabilities.ToArray());
        var d = Distribution.FromWeights([0.5e308, 1.5e308, double.MaxValue]);
        Assert.Equal(1.0, d.Probabilities.Sum(), 12);
        Assert.Equal(3.0, d.Probabilities[1] / d.Probabilities[0], 12);
    }

    [Fact]
    public void Large_weights_that_still_sum_to_a_finite_number_are_fine()
    {
        var d = Distribution.FromWeights([1e307, 3e307]);
        Assert.Equal(0.25, d.Probabilities[0], 12);
    }

    [Fact]
    public void Counts_whose_sum_overflows_are_still_normalised()
    {
        var joint = JointDistribution.FromCounts(new[,] { { 1e308, 1e308 }, { 1e308, 1e308 } });
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(0.25, joint.Probability(i, j), 15);
    }

    [Fact]
    public void All_zero_weights_and_counts_are_refused()
    {
        Refused("weights", () => Distribution.FromWeights([0, 0]), "positive weight");
        Refused("counts", () => JointDistribution.FromCounts(new double[,] { { 0, 0 } }), "positive count");
    }

    [Fact]
    public void Gaussian_functions_refuse_nan_and_infinite_means()
    {
        Refused("mean1", () => GaussianKl(double.NaN, 1, 0, 1), "finite");
        Refused("mean2", () => GaussianKl(0, 1, double.PositiveInfinity, 1), "finite");
        Refused("x", () => NormalDensity(double.NaN, 0, 1));
        Refused("mean", () => NormalDensity(0, double.NaN, 1));
    }

    [Fact]
    public void A_null_outcome_name_is_refused_with_its_position()
    {
        Refused("outcomes", () => Distribution.FromProbabilities([0.5, 0.5], ["a", null!]), "outcomes[1] is null");
        Refused("outcomes", () => Distribution.Uniform(["a", null!]), "outcomes[1] is null");
        Refused("xOutcomes", () => JointDistribution.FromTable(new[,] { { 0.5 }, { 0.5 } }, [null!, "b"]), "xOutcomes[0] is null");
        Refused("pairs", () => JointDistribution.FromPairs([("a", "b"), (null!, "c")]), "pairs[1]");
    }

    [Fact]
    public void Looking_up_a_null_outcome_names_the_argument()
    {
        var d = Distribution.Uniform(2);
        Assert.Equal("outcome", Assert.Throws<ArgumentNullException>(() => d[null!]).ParamName);
        Assert.False(d.Contains(null!));
        var joint = JointDistribution.FromTable(new[,] { { 0.5, 0.5 } });
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => joint[null!, "0"]).ParamName);
    }

    [Fact]
    public void A_joint_cell_out_of_range_says_which_index_and_the_range()
    {
        var joint = JointDistribution.FromTable(new[,] { { 0.25, 0.25 }, { 0.25, 0.25 } });
        Refused("i", () => joint.Probability(5, 0), "from 0 to 1");
        Refused("j", () => joint.Probability(0, -1), "from 0 to 1");
        Assert.Equal(0.25, joint.Probability(1, 1));
    }

    [Fact]
    public void A_temperature_so_small_that_logits_overflow_is_named()
    {
        Refused("temperature", () => Softmax([1.0, 2.0], temperature: 1e-320), "overflows");
        Assert.Equal([0.0, 1.0], Softmax([1.0, 2.0], temperature: 1e-3));   // small but representable: one-hot
    }

    [Fact]
    public void Nan_logits_are_named_as_logits_not_as_an_internal_argument()
    {
        Refused("logits", () => CrossEntropyFromLogits([double.NaN, 2], 0), "logits[0] is NaN");
        Refused("logits", () => CrossEntropyGradient([1, double.PositiveInfinity], 0), "logits[1]");
        Refused("logits", () => LogSoftmax([double.NaN]), "logits[0] is NaN");
    }

    [Fact]
    public void Empty_logits_say_they_are_empty_rather_than_index_from_0_to_minus_1()
    {
        var error = Refused("logits", () => CrossEntropyGradient([], 0), "logits is empty");
        Assert.DoesNotContain("-1", error.Message);
        Refused("target", () => CrossEntropyFromLogits([1.0, 2.0], 2), "from 0 to 1");
    }

    [Fact]
    public void Info_nce_names_the_embedding_that_holds_a_nan()
    {
        double[][] good = [[1, 0], [0, 1]];
        Refused("anchors", () => InfoNceLoss([[1, double.NaN], [0, 1]], good), "anchors[0][1] is NaN");
        Refused("positives", () => InfoNceLoss(good, [[1, 0], [0, double.NaN]]), "positives[1][1] is NaN");
        Refused("positives", () => InfoNceLoss(good, [[1, 0], [0, 1, 2]]), "dimension");
        Refused("temperature", () => InfoNceLoss([[1e200, 0], [0, 1]], good, temperature: 1e-200), "overflow");
    }

    [Fact]
    public void Dot_of_a_null_vector_names_it() =>
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => Dot([1.0], null!)).ParamName);

    [Fact]
    public void Chart_names_cannot_be_null()
    {
        Refused("categories", () => Chart.Bar(["a", null!], [1, 2]), "categories[1] is null");
        Refused("rows", () => Chart.Heatmap(new double[,] { { 1 }, { 2 } }, rows: ["a", null!]), "rows[1] is null");
    }

    [Fact]
    public void Sampling_names_a_negative_size_or_a_bad_normal_parameter()
    {
        var random = new Random(1);
        Refused("sd", () => Sampling.Normal(random, 0, -1), "positive");
        Refused("mean", () => Sampling.Normal(random, double.NaN, 1), "finite");
        Refused("dimension", () => Sampling.NormalVector(random, -1), "at least 0");
        Refused("count", () => Sampling.RandomBytes(-5, 1), "at least 0");
        Refused("count", () => Sampling.RandomDistribution(random, 0), "at least 1");
        Assert.Empty(Sampling.RandomBytes(0, 1));
    }

    [Fact]
    public void Converting_a_nan_amount_of_information_is_refused()
    {
        Refused("amount", () => Units.Convert(double.NaN, Unit.Bits, Unit.Nats), "NaN");
        Assert.Equal(Math.Log(2), Units.Convert(1, Unit.Bits, Unit.Nats), 15);
    }
}
