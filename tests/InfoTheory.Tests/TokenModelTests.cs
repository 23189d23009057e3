using Microsoft.ML.Tokenizers;
using Xunit;

namespace InfoTheory.Tests;

public class TokenModelTests
{
    // Six tokens over a vocabulary of 4: counts 3, 2, 1, 0; after token 0 came 1, 1 and 2.
    private static readonly int[] Training = [0, 1, 0, 1, 0, 2];
    private static TokenModel Bigram() => TokenModel.Train(Training, vocabularySize: 4, order: 1, discount: 0.5, pseudoCount: 1);

    [Fact]
    public void Unigram_is_add_k_over_the_whole_vocabulary()
    {
        var model = TokenModel.Train(Training, 4, order: 0, pseudoCount: 1);
        // (count + 1) / (6 + 4)
        Assert.Equal([0.4, 0.3, 0.2, 0.1], Enumerable.Range(0, 4).Select(model.UnigramProbability).ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(0.1, model.Probability(0, 3), 12);   // order 0 ignores the previous token
    }

    [Fact]
    public void Bigram_matches_interpolated_absolute_discounting_by_hand()
    {
        var model = Bigram();
        // After 0: c(0) = 3, n(0) = 2, so the unigram gets D·n/c = 0.5·2/3 = 1/3 of the mass.
        Assert.Equal((2 - 0.5) / 3 + 1.0 / 3 * 0.3, model.Probability(0, 1), 12);   // 0.6
        Assert.Equal((1 - 0.5) / 3 + 1.0 / 3 * 0.2, model.Probability(0, 2), 12);
        Assert.Equal(1.0 / 3 * 0.4, model.Probability(0, 0), 12);                   // never seen after 0, still > 0
        Assert.Equal(1.0 / 3 * 0.1, model.Probability(0, 3), 12);
        Assert.Equal(0.3, model.Probability(3, 1), 12);                             // 3 never seen: unigram
        Assert.Equal(0.3, model.Probability(null, 1), 12);                          // start of a text: unigram
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_prediction_sums_to_one_and_agrees_with_probability(int? previous)
    {
        var model = Bigram();
        var p = model.NextDistribution(previous);
        Assert.Equal(1, p.Sum(), 12);
        for (int w = 0; w < 4; w++) Assert.Equal(model.Probability(previous, w), p[w], 12);
    }

    [Fact]
    public void Surprisal_entropy_and_bits_per_character_fit_together()
    {
        var model = Bigram();
        int[] text = [0, 1, 3, 0];
        var bits = model.Surprisals(text, Unit.Bits);
        Assert.Equal(-Math.Log2(0.4), bits[0], 12);          // first token: unigram
        Assert.Equal(-Math.Log2(0.6), bits[1], 12);
        Assert.Equal(bits.Sum(), model.TotalBits(text), 12);
        Assert.Equal(bits.Average(), model.CrossEntropy(text, Unit.Bits), 12);
        Assert.Equal(model.CrossEntropy(text, Unit.Nats) / Math.Log(2), model.CrossEntropy(text, Unit.Bits), 12);
        // bits per character = total bits / characters = bits per token × tokens per character
        Assert.Equal(model.TotalBits(text) / 10, model.BitsPerCharacter(text, 10), 12);
        Assert.Equal(model.CrossEntropy(text, Unit.Bits) * text.Length / 10, model.BitsPerCharacter(text, 10), 12);
        // the entropy before token 1 is that of the prediction after token 0
        var afterZero = model.NextDistribution(0);
        Assert.Equal(-afterZero.Sum(q => q * Math.Log2(q)), model.Entropies(text, Unit.Bits)[1], 12);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => TokenModel.Train([0, 4], 4)).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => TokenModel.Train([], 4)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentException>(() => TokenModel.Train([0], 4, order: 2)).ParamName);
        Assert.Equal("discount", Assert.Throws<ArgumentException>(() => TokenModel.Train([0], 4, discount: 1.5)).ParamName);
        Assert.Equal("pseudoCount", Assert.Throws<ArgumentException>(() => TokenModel.Train([0], 4, pseudoCount: 0)).ParamName);
        Assert.Equal("next", Assert.Throws<ArgumentException>(() => Bigram().Probability(0, -1)).ParamName);
        Assert.Equal("characterCount", Assert.Throws<ArgumentException>(() => Bigram().BitsPerCharacter([0], 0)).ParamName);
    }

    /// <summary>
    /// GPT-2's tokenizer on a sentence checked by hand: words carry their leading space, punctuation is its own
    /// token, and "'s" is split off, so the 25 characters make 8 tokens.
    /// </summary>
    [Fact]
    public void Gpt2_tokenizes_a_short_sentence_as_checked_by_hand()
    {
        var tokenizer = TiktokenTokenizer.CreateForModel("gpt2");
        const string sentence = "Hello world, it's a test.";
        var tokens = tokenizer.EncodeToTokens(sentence, out _);
        Assert.Equal(["Hello", " world", ",", " it", "'s", " a", " test", "."], tokens.Select(t => t.Value).ToArray());
        Assert.Equal([15496, 995, 11, 340, 338, 257, 1332, 13], tokens.Select(t => t.Id).ToArray());
        Assert.Equal(25, sentence.Length);
        Assert.Equal(sentence, tokenizer.Decode(tokens.Select(t => t.Id)));
        // The vocabulary: ids 0 to 50,256 decode to text, the last being the end-of-text marker.
        Assert.Equal(50256, tokenizer.SpecialTokens!["<|endoftext|>"]);
        Assert.Equal("", tokenizer.Decode([50257]));
    }

    /// <summary>Exercise 08.5's texts: the token counts stored in the catalog are what the tokenizer gives.</summary>
    [Fact]
    public void Exercise_08_5_token_counts_are_the_tokenizers()
    {
        var tokenizer = TiktokenTokenizer.CreateForModel("gpt2");
        var counts = InfoTheory.Exercises.ExerciseCatalog.TokenProfileTexts.Select(t => tokenizer.CountTokens(t.Text)).ToArray();
        Assert.Equal(InfoTheory.Exercises.ExerciseCatalog.TokenProfileTexts.Select(t => t.Gpt2Tokens).ToArray(), counts);
    }
}
