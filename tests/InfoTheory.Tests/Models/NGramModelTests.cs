using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InfoTheory.Coding;
using InfoTheory.Models;
using InfoTheory.Tests.Coding;
using Xunit;

namespace InfoTheory.Tests.Models;

public class NGramModelTests
{
    [Fact]
    public void Predictions_are_positive_and_sum_to_one_at_every_step()
    {
        Check.One(PropertyConfig.Quick(30), Prop.ForAll(PropertyConfig.Bytes(400), Gen.Choose(0, 4).ToArbitrary(), (data, order) =>
        {
            var model = new NGramModel(order);
            var frequencies = new int[256];
            foreach (byte b in data)
            {
                model.Predict(frequencies);
                if (frequencies.Any(f => f < 1) || frequencies.Sum() > RangeEncoder.MaxTotal) return false;
                if (Math.Abs(SequenceModels.PredictProbabilities(model).Sum() - 1) > 1e-12) return false;
                model.Learn(b);
            }
            return true;
        }));
    }

    [Fact]
    public void Distribution_matches_the_smoothing_formula_worked_by_hand()
    {
        // Trained on "abab": order 0 saw a,b twice each (N = 4, T = 2); after "a" came "b" twice (N = 2, T = 1).
        var model = NGramModel.Train("abab", order: 1);
        double uniform = 1.0 / 256;
        double order0B = (2 - 0.5) / 4 + (0.5 * 2 / 4) * uniform;
        double order1B = (2 - 0.5) / 2 + (0.5 * 1 / 2) * order0B;
        double order1Z = (0.5 * 1 / 2) * ((0.5 * 2 / 4) * uniform); // 'z' was never seen anywhere

        double[] p = model.Distribution("a"u8);
        Assert.Equal(order1B, p['b'], 4); // integer frequencies: within 0.003%
        Assert.Equal(order1Z, p['z'], 5);
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.Equal('b', (char)model.MostLikelyNext("xa", 1)[0].Key);
    }

    [Fact]
    public void Order_zero_of_a_constant_stream_learns_it()
    {
        var model = NGramModel.Train(new string('e', 1000), order: 0);
        double expected = (1000 - 0.5) / 1000 + 0.5 / 1000 / 256;
        Assert.Equal(expected, model.Distribution([])['e'], 4);
    }

    [Fact]
    public void Cross_entropy_is_the_mean_surprisal_and_a_frozen_model_does_not_learn()
    {
        var model = NGramModel.Train("the cat sat on the mat. the cat ate the rat.", order: 2);
        const string test = "the rat sat on the cat.";
        var surprisals = model.Surprisals(test);
        Assert.Equal(test.Length, surprisals.Count);
        Assert.Equal(surprisals.Average(s => s.Bits), model.CrossEntropy(test), 12);
        Assert.Equal(model.CrossEntropy(test), model.CrossEntropy(test), 15); // frozen: measuring changes nothing
        Assert.Equal("r", surprisals[4].Character);
    }

    [Fact]
    public void Seen_text_is_less_surprising_than_unseen_text_and_longer_contexts_help_on_it()
    {
        const string training = "she sells sea shells by the sea shore, and the shells she sells are sea shells for sure. ";
        string text = string.Concat(Enumerable.Repeat(training, 5));
        var ladder = Enumerable.Range(0, 5).Select(k => NGramModel.Train(text, k).CrossEntropy(training)).ToArray();
        for (int k = 1; k < ladder.Length; k++) Assert.True(ladder[k] < ladder[k - 1], $"order {k}: {ladder[k]} vs {ladder[k - 1]}");
        Assert.True(NGramModel.Train(text, 3).CrossEntropy("qzxv jkwy") > 7);
    }

    [Fact]
    public void Characters_outside_ascii_sum_their_bytes()
    {
        var model = NGramModel.Train("año", order: 1);
        var surprisals = model.Surprisals("ñ😀");
        Assert.Equal(["ñ", "😀"], surprisals.Select(s => s.Character));
        double bytesTotal = SequenceModels.ByteSurprisals(model.AsFrozen(), Encoding.UTF8.GetBytes("ñ😀")).Sum();
        Assert.Equal(bytesTotal, surprisals.Sum(s => s.Bits), 9);
    }

    [Fact]
    public void Ideal_code_length_of_the_coder_equals_the_summed_surprisal()
    {
        byte[] data = Encoding.UTF8.GetBytes("how much wood would a woodchuck chuck if a woodchuck could chuck wood");
        var code = ArithmeticCoder.EncodeBytes(data, new NGramModel(3));
        Assert.Equal(SequenceModels.ByteSurprisals(new NGramModel(3), data).Sum(), code.IdealBits, 6);
        Assert.Equal(8.0, SequenceModels.BitsPerByte(new UniformModel(), data), 12);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NGramModel(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NGramModel(NGramModel.MaxOrder + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NGramModel(1).Learn(256));
        Assert.Throws<ArgumentException>(() => new NGramModel(1).CrossEntropy(""));
    }
}
