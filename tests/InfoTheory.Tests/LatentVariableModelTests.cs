using FsCheck.Fluent;
using InfoTheory;
using Xunit;
using static InfoTheory.Info;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

public class LatentVariableModelTests
{
    private static readonly string[] Words = ["goal", "oven", "cup"];

    // Topic z ∈ {sport, cooking} with prior (0.6, 0.4); each topic emits one word.
    private static readonly LatentVariableModel Topics = new(
        Distribution.FromProbabilities(("sport", 0.6), ("cooking", 0.4)),
        [Distribution.FromProbabilities([0.6, 0.1, 0.3], Words), Distribution.FromProbabilities([0.05, 0.55, 0.4], Words)]);

    [Fact]
    public void Evidence_and_posterior_of_a_hand_example()
    {
        // p(cup) = 0.6·0.3 + 0.4·0.4 = 0.34; p(sport | cup) = 0.18 / 0.34.
        Assert.Equal(0.34, Topics.Evidence("cup"), 1e-12);
        Assert.Equal(Math.Log(0.34), Topics.LogEvidence("cup", Nats), 1e-12);
        Assert.Equal(Math.Log2(0.34), Topics.LogEvidence("cup", Bits), 1e-12);
        Assert.Equal(0.18 / 0.34, Topics.Posterior("cup")["sport"], 1e-12);
    }

    [Fact]
    public void Evidence_sums_to_one_over_the_observations() =>
        Assert.Equal(1.0, Words.Sum(Topics.Evidence), 1e-12);

    [Fact]
    public void Elbo_of_the_prior_by_hand()
    {
        // q = prior: ELBO = Σ_z p(z) · ln p(x | z), the expected log-likelihood.
        double expected = 0.6 * Math.Log(0.1) + 0.4 * Math.Log(0.55);
        Assert.Equal(expected, Topics.EvidenceLowerBound("oven", Topics.Prior, Nats), 1e-12);
    }

    [Fact]
    public void Elbo_equals_the_log_evidence_at_the_posterior()
    {
        foreach (var word in Words)
            Assert.Equal(Topics.LogEvidence(word, Nats), Topics.EvidenceLowerBound(word, Topics.Posterior(word), Nats), 1e-12);
    }

    [Fact]
    public void The_gap_is_the_kl_from_q_to_the_posterior_and_never_negative() =>
        Generators.ForAll(
            from w in Generators.Weights(2)
            from word in Gen.Elements(Words)
            select (Q: Distribution.FromWeights(w, ["sport", "cooking"]), Word: word),
            c =>
            {
                double gap = Topics.LogEvidence(c.Word, Nats) - Topics.EvidenceLowerBound(c.Word, c.Q, Nats);
                Assert.True(gap >= -1e-12, $"ELBO above log p(x) by {-gap}");
                Assert.Equal(KlDivergence(c.Q, Topics.Posterior(c.Word), Nats), gap, 1e-9);
            });

    [Fact]
    public void Joint_has_the_prior_and_the_evidence_as_marginals()
    {
        var joint = Topics.Joint();
        Assert.Equal(Topics.Prior.Probabilities, joint.MarginalX().Probabilities, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Words.Select(Topics.Evidence), joint.MarginalY().Probabilities, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Weight_on_an_impossible_cause_makes_the_elbo_minus_infinity()
    {
        var model = new LatentVariableModel(Distribution.Uniform(["a", "b"]),
            [Distribution.FromProbabilities([1.0, 0.0], ["x", "y"]), Distribution.FromProbabilities([0.5, 0.5], ["x", "y"])]);
        Assert.Equal(double.NegativeInfinity, model.EvidenceLowerBound("y", Distribution.Uniform(["a", "b"]), Nats));
        Assert.Equal(Math.Log(0.25), model.EvidenceLowerBound("y", model.Posterior("y"), Nats), 1e-12);
    }

    [Fact]
    public void Bad_arguments_say_what_is_wrong()
    {
        var count = Assert.Throws<ArgumentException>(() => new LatentVariableModel(Distribution.Uniform(2), [Distribution.Uniform(3)]));
        Assert.Equal("likelihoods", count.ParamName);
        var outcomes = Assert.Throws<ArgumentException>(() => new LatentVariableModel(Distribution.Uniform(2),
            [Distribution.Uniform(["x", "y"]), Distribution.Uniform(["x", "z"])]));
        Assert.Contains("likelihoods[1]", outcomes.Message);
        var unknown = Assert.Throws<ArgumentException>(() => Topics.Evidence("ball"));
        Assert.Contains("goal, oven, cup", unknown.Message);
        Assert.Throws<ArgumentException>(() => Topics.EvidenceLowerBound("cup", Distribution.Uniform(3), Nats));
    }
}
