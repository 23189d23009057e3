using InfoTheory;
using InfoTheory.Exercises;
using Xunit;
using static InfoTheory.Exercises.ExerciseCheck;
using static InfoTheory.Info;
using static InfoTheory.Learning;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

/// <summary>
/// The exercises of lessons 02 (entropy), 04 (cross-entropy) and 05 (KL divergence): the answer a student
/// gets with the library passes, and a plausible mistake fails. The catalog computes its expected values
/// by hand, so these tests also cross-check the library against those hand computations.
/// </summary>
public class EntropyLessonsExerciseTests
{
    private static void Passes(CheckResult result) => Assert.True(result.Passed, result.ToString());

    private static void Fails(CheckResult result) => Assert.Equal(CheckStatus.Wrong, result.Status);

    [Fact]
    public void Ex02_1_uniform_entropy_is_log_n()
    {
        Passes(Check("02.1", Entropy(Distribution.Uniform(20), Bits)));
        Fails(Check("02.1", Entropy(Distribution.Uniform(20), Nats)));   // wrong unit
    }

    [Fact]
    public void Ex02_2_accepts_a_correct_entropy_and_rejects_common_mistakes()
    {
        Passes(Check("02.2", (Func<double[], double>)(p => Entropy(p, Bits))));
        Fails(Check("02.2", (Func<double[], double>)(p => Entropy(p, Nats))));
        // Forgetting that 0 · log 0 = 0 gives NaN on inputs with a zero.
        Fails(Check("02.2", (Func<double[], double>)(p => -p.Sum(x => x * Math.Log2(x)))));
    }

    [Fact]
    public void Ex02_3_byte_entropies_rank_dna_english_code_random()
    {
        double english = Entropy(Distribution.OfCharacters(Corpus.Text("pride-and-prejudice")), Bits);
        double code = Entropy(Distribution.OfBytes(Corpus.Bytes("sqlite3.h")), Bits);
        double dna = Entropy(Distribution.OfBytes(Corpus.Bytes("ecoli")), Bits);
        double random = Entropy(Distribution.OfBytes(Sampling.RandomBytes(1_000_000, seed: 7)), Bits);
        Passes(Check("02.3", [english, code, dna, random]));
        Assert.True(dna < english && english < code && code < random);
        Assert.InRange(random, 7.99, 8.0);
        Fails(Check("02.3", [code, english, dna, random]));   // out of order
        // Fewer random bytes leave visibly fewer than 8 bits: the sample's frequencies are uneven.
        Fails(Check("02.3", [english, code, dna, Entropy(Distribution.OfBytes(Sampling.RandomBytes(10_000, seed: 7)), Bits)]));
    }

    [Fact]
    public void Ex04_1_three_measures()
    {
        double[] p = [0.5, 0.3, 0.2], q = [0.6, 0.3, 0.1];
        Passes(Check("04.1", [Entropy(p, Bits), CrossEntropy(p, q, Bits), KlDivergence(p, q, Bits)]));
        Fails(Check("04.1", [Entropy(p, Bits), CrossEntropy(q, p, Bits), KlDivergence(q, p, Bits)]));   // arguments swapped
    }

    [Fact]
    public void Ex04_2_lowest_cross_entropy_is_the_entropy()
    {
        double[] p = [0.7, 0.2, 0.1];
        Passes(Check("04.2", CrossEntropy(p, p, Bits)));
        Fails(Check("04.2", CrossEntropy(p, [1.0 / 3, 1.0 / 3, 1.0 / 3], Bits)));
    }

    [Fact]
    public void Ex04_3_numerical_and_analytic_gradients_both_pass()
    {
        double[] z = [1.5, -0.5, 2.0, 0.0];
        Passes(Check("04.3", CrossEntropyGradient(z, 0)));
        Passes(Check("04.3", NumericalGradient(logits => CrossEntropyFromLogits(logits, 0), z)));
        Fails(Check("04.3", Softmax(z)));   // forgot to subtract the one-hot target
    }

    [Fact]
    public void Ex04_4_binary_cross_entropy_in_nats()
    {
        double[] predicted = [0.99, 0.5, 0.01];
        Passes(Check("04.4", predicted.Select(q => CrossEntropy([1.0, 0.0], [q, 1 - q], Nats)).ToArray()));
        Fails(Check("04.4", predicted.Select(q => CrossEntropy([1.0, 0.0], [q, 1 - q], Bits)).ToArray()));
    }

    [Fact]
    public void Ex04_5_uniform_model_costs_log2_26_bits_per_letter()
    {
        var letters = Corpus.Text("pride-and-prejudice").ToLowerInvariant().Where(c => c is >= 'a' and <= 'z');
        var p = Distribution.FromCounts(letters);
        var u = Distribution.Uniform(p.Outcomes);
        Assert.Equal(26, p.Count);
        Assert.Equal(Math.Log2(26), CrossEntropy(p, u, Bits), 1e-12);
        Passes(Check("04.5", [Entropy(p, Bits), CrossEntropy(p, u, Bits), KlDivergence(p, u, Bits)]));
        Fails(Check("04.5", [Entropy(p, Bits), CrossEntropy(u, p, Bits), KlDivergence(u, p, Bits)]));
    }

    [Fact]
    public void Ex04_6_cross_entropy_function_including_infinity()
    {
        Passes(Check("04.6", (Func<double[], double[], double>)((p, q) => CrossEntropy(p, q, Bits))));
        var swapped = Check("04.6", (Func<double[], double[], double>)((p, q) => CrossEntropy(q, p, Bits)));
        Fails(swapped);
        Assert.Contains("swapped", swapped.Message);
        Assert.Contains("nats", Check("04.6", (Func<double[], double[], double>)((p, q) => CrossEntropy(p, q, Nats))).Message);
        // Forgetting that an outcome with p = 0 adds nothing gives NaN (0 · −∞) on the cases with q = 0 there.
        Fails(Check("04.6", (Func<double[], double[], double>)((p, q) => -p.Zip(q).Sum(t => t.First * Math.Log2(t.Second)))));
    }

    [Fact]
    public void Ex05_1_kl_function_including_infinity()
    {
        Passes(Check("05.1", (Func<double[], double[], double>)((p, q) => KlDivergence(p, q, Bits))));
        Assert.Contains("swapped", Check("05.1", (Func<double[], double[], double>)((p, q) => KlDivergence(q, p, Bits))).Message);
        // A version that skips q = 0 instead of returning +∞ is wrong.
        Fails(Check("05.1", (Func<double[], double[], double>)((p, q) =>
            p.Zip(q).Where(t => t.First > 0 && t.Second > 0).Sum(t => t.First * Math.Log2(t.First / t.Second)))));
        // The one-array form of before is now the wrong kind of answer, with a message saying which kind is wanted.
        Assert.Contains("two double[]", Check("05.1", (Func<double[], double>)(pq => 0)).Message);
    }

    [Fact]
    public void Ex05_2_kl_both_ways_with_an_infinite_one()
    {
        double[] p = [0.8, 0.2], half = [0.6, 0.4], sure = [1.0, 0.0];
        double[] answer = [KlDivergence(p, half, Bits), KlDivergence(half, p, Bits), KlDivergence(p, sure, Bits), KlDivergence(sure, p, Bits)];
        Assert.Equal(double.PositiveInfinity, answer[2]);
        Assert.True(double.IsFinite(answer[3]));
        Passes(Check("05.2", answer));
        Fails(Check("05.2", [answer[1], answer[0], answer[3], answer[2]]));
    }

    [Fact]
    public void Ex05_3_forward_fit_seeks_the_mean_and_reverse_fit_a_mode()
    {
        var target = Densities.Mixture((0.4, Densities.Normal(-3, 1)), (0.6, Densities.Normal(3, 1)));
        var grid = new DensityGrid(-10, 10, 401);
        var p = grid.Discretise(target);
        var mus = Enumerable.Range(0, 1201).Select(i => -6 + i * 0.01).ToArray();
        double forward = mus.MinBy(mu => KlDivergence(p, grid.Discretise(Densities.Normal(mu, 1)), Nats));
        double reverse = mus.MinBy(mu => KlDivergence(grid.Discretise(Densities.Normal(mu, 1)), p, Nats));
        Assert.Equal(0.6, forward, 1e-9);
        Assert.InRange(reverse, 2.9, 3.0);
        Passes(Check("05.3", [forward, reverse]));
        Fails(Check("05.3", [reverse, forward]));
        Fails(Check("05.3", [0.6, 3.0]));   // the bump's centre is close, but the other bump pulls the fit a little
    }
}
