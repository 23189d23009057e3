using InfoTheory;
using InfoTheory.Exercises;
using Xunit;
using static InfoTheory.Exercises.ExerciseCheck;
using static InfoTheory.Info;
using static InfoTheory.Learning;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

/// <summary>
/// The exercises of lessons 03, 08 and 09: the answer a solution notebook computes with the library passes,
/// and a plausible mistake fails.
/// </summary>
public class PredictionExercisesTests
{
    [Fact]
    public void Robot_with_new_habits()
    {
        double[] p = [0.4, 0.3, 0.2, 0.1];
        int[] lengths = [1, 2, 3, 3];
        Assert.True(Check("03.1", p.Zip(lengths, (pi, l) => pi * l).Sum()).Passed);
        Assert.False(Check("03.1", Entropy(p, Bits)).Passed);   // the entropy is not the code's length
    }

    [Fact]
    public void Kraft_sum_of_lengths_1_2_3_3_4_exceeds_one()
    {
        Assert.True(Check("03.2", new[] { 1, 2, 3, 3, 4 }.Sum(l => Math.Pow(2, -l))).Passed);
        Assert.False(Check("03.2", 1.0).Passed);
    }

    [Fact]
    public void Huffman_against_entropy()
    {
        double[] p = [0.4, 0.2, 0.2, 0.1, 0.1];
        Assert.True(Check("03.3", [2.2, Entropy(p, Bits)]).Passed);
        Assert.False(Check("03.3", [Entropy(p, Bits), 2.2]).Passed);
    }

    [Fact]
    public void Robot_log_decodes_to_eight_moves()
    {
        Assert.True(Check("03.4", [0.0, 2, 1, 0, 0, 3, 1, 0]).Passed);
        Assert.False(Check("03.4", [0.0, 2, 1, 0, 0, 3, 1]).Passed);
    }

    [Fact]
    public void Perplexity_with_a_rare_token_matches_a_twenty_token_sample()
    {
        // One token in twenty at 0.001, the rest at 0.5: exactly the 5% / 95% mix.
        var tokens = Enumerable.Repeat(0.5, 19).Append(0.001).ToArray();
        Assert.True(Check("08.1", Perplexity(tokens)).Passed);
        Assert.False(Check("08.1", 0.05 * 1000 + 0.95 * 2).Passed);   // averaging perplexities instead of surprisals
    }

    [Fact]
    public void Five_token_probabilities()
    {
        double[] p = [0.1, 0.3, 0.8, 0.05, 0.6];
        double[] answer = [-NegativeLogLikelihood(p, Nats), MeanSurprisal(p, Bits), Perplexity(p)];
        Assert.True(Check("08.2", answer).Passed);
        Assert.False(Check("08.2", [NegativeLogLikelihood(p, Nats), answer[1], answer[2]]).Passed);   // sign
        Assert.False(Check("08.2", [answer[0], MeanSurprisal(p, Nats), answer[2]]).Passed);            // unit
    }

    [Fact]
    public void Classifier_trained_with_the_library_matches_the_expected_log()
    {
        var (loss, entropy, perplexity) = TrainWithLibrary(steps: 100);
        Assert.True(Check("08.4", [loss, entropy, perplexity]).Passed);
        Assert.True(loss < Math.Log(3) && loss > 0, $"loss {loss}");
        Assert.Equal(Math.Exp(loss), perplexity, 12);

        var (early, earlyEntropy, earlyPerplexity) = TrainWithLibrary(steps: 99);
        Assert.False(Check("08.4", [early, earlyEntropy, earlyPerplexity]).Passed);
    }

    [Fact]
    public void Untrained_classifier_is_uniform_over_three_classes()
    {
        var (loss, entropy, perplexity) = TrainWithLibrary(steps: 0);
        Assert.Equal(Math.Log(3), loss, 12);
        Assert.Equal(Math.Log(3), entropy, 12);
        Assert.Equal(3, perplexity, 12);
    }

    [Fact]
    public void Adaptive_abracadabra()
    {
        // Add-one counts over 5 letters: the probabilities' numerators are 1,1,1,2,1,3,1,4,2,2,5 (product 480)
        // and the denominators 5, 6, …, 15 (product 15!/4!).
        double adaptive = Math.Log2(Enumerable.Range(5, 11).Aggregate(1.0, (a, d) => a * d) / 480);
        double staticBits = 11 * Entropy(Distribution.OfCharacters("abracadabra"), Bits);
        Assert.True(Check("09.1", [adaptive, staticBits]).Passed);
        Assert.True(adaptive > staticBits);
        Assert.False(Check("09.1", [staticBits, staticBits]).Passed);
    }

    [Fact]
    public void Price_of_a_wrong_model_in_bytes()
    {
        double bytes = 1_000_000 * KlDivergence([0.7, 0.2, 0.1], [0.5, 0.3, 0.2], Bits) / 8;
        Assert.True(Check("09.2", bytes).Passed);
        Assert.False(Check("09.2", 1_000_000 * KlDivergence([0.7, 0.2, 0.1], [0.5, 0.3, 0.2], Nats) / 8).Passed);
        Assert.False(Check("09.2", 1_000_000 * KlDivergence([0.5, 0.3, 0.2], [0.7, 0.2, 0.1], Bits) / 8).Passed);
    }

    [Fact]
    public void Essay_needs_an_argument_of_some_length()
    {
        Assert.False(Check("09.3", "Yes, obviously.").Passed);
        Assert.True(Check("09.3", string.Join(' ', Enumerable.Repeat("word", 130))).Passed);
    }

    [Fact]
    public void Computed_exercise_computes_only_when_checked()
    {
        int calls = 0;
        var exercise = new ComputedVectorExercise("99.1", "t", "h", () => { calls++; return [1.0, 2.0]; });
        Assert.Equal(0, calls);
        Assert.Null(exercise.Judge(new[] { 1.0, 2.0 }));
        Assert.NotNull(exercise.Judge(new[] { 1.0, 2.5 }));
        Assert.Equal(1, calls);
    }

    /// <summary>The solution notebook's loop: softmax regression with the library's softmax and gradient.</summary>
    private static (double Loss, double Entropy, double Perplexity) TrainWithLibrary(int steps)
    {
        var data = Datasets.Clusters();
        var weights = new double[3][] { new double[2], new double[2], new double[2] };
        var biases = new double[3];
        double[] Logits(double[] x) => Enumerable.Range(0, 3).Select(c => Dot(weights[c], x) + biases[c]).ToArray();

        for (int step = 0; step < steps; step++)
        {
            var gradW = new double[3, 2];
            var gradB = new double[3];
            for (int i = 0; i < data.Count; i++)
            {
                var g = CrossEntropyGradient(Logits(data.Features[i]), data.Labels[i]);
                for (int c = 0; c < 3; c++)
                {
                    gradW[c, 0] += g[c] * data.Features[i][0] / data.Count;
                    gradW[c, 1] += g[c] * data.Features[i][1] / data.Count;
                    gradB[c] += g[c] / data.Count;
                }
            }
            for (int c = 0; c < 3; c++)
            {
                weights[c][0] -= 0.5 * gradW[c, 0];
                weights[c][1] -= 0.5 * gradW[c, 1];
                biases[c] -= 0.5 * gradB[c];
            }
        }
        double loss = Enumerable.Range(0, data.Count).Average(i => CrossEntropyFromLogits(Logits(data.Features[i]), data.Labels[i]));
        double entropy = Enumerable.Range(0, data.Count).Average(i => Entropy(Softmax(Logits(data.Features[i])), Nats));
        return (loss, entropy, Math.Exp(loss));
    }
}
