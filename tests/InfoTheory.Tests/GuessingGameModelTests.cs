using System.Text;
using InfoTheory;
using InfoTheory.Models;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>The guessing game played by the library's sequence models.</summary>
public class GuessingGameModelTests
{
    [Fact]
    public void Uniform_player_tries_bytes_in_order_so_the_rank_is_the_byte_value_plus_one()
    {
        byte[] data = [0, 65, 255, 32];
        Assert.Equal([1, 66, 256, 33], GuessingGame.Ranks(new UniformModel(), data));
    }

    [Fact]
    public void Ranks_of_a_frozen_model_match_its_next_byte_distributions()
    {
        var model = NGramModel.Train("the cat sat on the mat; the hat sat on the cat.", 2);
        byte[] text = Encoding.ASCII.GetBytes("the rat sat on the hat");
        int[] expected = Enumerable.Range(0, text.Length)
            .Select(i => GuessingGame.GuessRank(model.Distribution(text.AsSpan(0, i)), text[i]))
            .ToArray();
        Assert.Equal(expected, GuessingGame.Ranks(model.AsFrozen(), text));
    }

    [Fact]
    public void An_adaptive_player_learns_a_repeated_byte()
    {
        // After a few 'a's, an order-0 model that learns puts 'a' first.
        int[] ranks = GuessingGame.Ranks(new NGramModel(0), Encoding.ASCII.GetBytes("aaaaaaaa"));
        Assert.Equal((int)'a' + 1, ranks[0]);
        Assert.All(ranks.Skip(1), r => Assert.Equal(1, r));
    }

    [Fact]
    public void A_bit_model_is_refused_with_a_reason() =>
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => GuessingGame.Ranks(new ContextMixingModel(16), [1, 2])).ParamName);
}
