using FsCheck;
using FsCheck.Fluent;
using InfoTheory.Coding;
using Xunit;

namespace InfoTheory.Tests.Coding;

public class HuffmanTests
{
    private static readonly Dictionary<string, double> Robot = new() { ["N"] = 0.5, ["E"] = 0.25, ["S"] = 0.125, ["W"] = 0.125 };

    [Fact]
    public void Robot_moves_get_the_codewords_derived_by_hand_and_exactly_1_75_bits()
    {
        var code = Huffman.Build(Robot);

        // By the documented tie rule: S+W join first (S takes 0), then E (rank 0) beats the S/W subtree
        // at weight 1/4, then N beats the rest at weight 1/2.
        Assert.Equal("0", code.CodewordOf("N"));
        Assert.Equal("10", code.CodewordOf("E"));
        Assert.Equal("110", code.CodewordOf("S"));
        Assert.Equal("111", code.CodewordOf("W"));

        var stats = Huffman.Statistics(code, Robot);
        Assert.Equal(1.75, stats.AverageLength);
        Assert.Equal(1.75, stats.Entropy, 12);
        Assert.Equal(1.0, stats.KraftSum);
        Assert.Equal(2, stats.FixedLength);
    }

    [Fact]
    public void Equal_weights_are_ranked_by_symbol_order()
    {
        var code = Huffman.Build(new Dictionary<char, int> { ['D'] = 1, ['C'] = 1, ['B'] = 1, ['A'] = 1 });
        Assert.Equal(["00", "01", "10", "11"], new[] { 'A', 'B', 'C', 'D' }.Select(code.CodewordOf));
    }

    [Fact]
    public void A_single_symbol_gets_one_bit()
    {
        var code = Huffman.Build(new Dictionary<char, int> { ['x'] = 7 });
        Assert.Equal("0", code.CodewordOf('x'));
        Assert.Equal("000", code.Encode("xxx"));
        Assert.Equal("xxx", string.Concat(code.Decode("000")));
    }

    [Fact]
    public void Robot_message_round_trips_and_costs_the_sum_of_its_codeword_lengths()
    {
        var code = Huffman.Build(Robot);
        string[] moves = ["N", "N", "E", "S", "N", "W", "E", "N"];
        string bits = code.Encode(moves);
        Assert.Equal("0" + "0" + "10" + "110" + "0" + "111" + "10" + "0", bits);
        Assert.Equal(moves, code.Decode(bits));
    }

    [Fact]
    public void Huffman_codes_are_complete_and_within_one_bit_of_the_entropy()
    {
        var weights = Gen.Choose(2, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 1000), n)).ToArbitrary();
        Check.One(PropertyConfig.Quick(200), Prop.ForAll(weights, counts =>
        {
            var table = counts.Select((c, i) => (c, i)).ToDictionary(x => $"s{x.i}", x => (double)x.c);
            var code = Huffman.Build(table);
            var stats = Huffman.Statistics(code, table);
            return PrefixCode<string>.IsPrefixFree(code.Codewords)
                && stats.KraftSum == 1.0
                && stats.AverageLength >= stats.Entropy - 1e-12
                && stats.AverageLength < stats.Entropy + 1;
        }));
    }

    [Fact]
    public void Huffman_is_deterministic()
    {
        var weights = new Dictionary<char, double> { ['a'] = 3, ['b'] = 3, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 1 };
        var first = Huffman.Build(weights).Codewords;
        var reversed = Huffman.Build(weights.Reverse().ToDictionary(kv => kv.Key, kv => kv.Value)).Codewords;
        Assert.Equal(first.OrderBy(kv => kv.Key), reversed.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void English_text_code_beats_fixed_length_and_not_entropy()
    {
        const string text = "the quick brown fox jumps over the lazy dog while the cat sleeps in the warm sun";
        var code = Huffman.FromText(text);
        var weights = Huffman.CharacterCounts(text).ToDictionary(kv => kv.Key, kv => (double)kv.Value);
        var stats = Huffman.Statistics(code, weights);
        Assert.InRange(stats.AverageLength, stats.Entropy, stats.Entropy + 1);
        Assert.True(stats.AverageLength < stats.FixedLength);
        Assert.Equal(text, string.Concat(code.Decode(code.Encode(text))));
        // The encoded length is the weighted average length times the text length.
        Assert.Equal(stats.AverageLength * text.Length, code.Encode(text).Length, 9);
    }

    [Fact]
    public void Bad_weights_are_rejected_with_the_symbol_named()
    {
        var negative = Assert.Throws<ArgumentException>(() => Huffman.Build(new Dictionary<char, double> { ['a'] = 1, ['q'] = -2 }));
        Assert.Contains("'q'", negative.Message);
        Assert.Throws<ArgumentException>(() => Huffman.Build(new Dictionary<char, double> { ['a'] = double.NaN }));
        Assert.Throws<ArgumentException>(() => Huffman.Build(new Dictionary<char, double> { ['a'] = 0, ['b'] = 0 }));
        Assert.Throws<ArgumentException>(() => Huffman.Build(new Dictionary<char, double>()));
        Assert.Throws<ArgumentException>(() => Huffman.FromText(""));
    }
}

public class PrefixCodeTests
{
    [Fact]
    public void Any_prefix_free_table_decodes()
    {
        // Not a Huffman code (Kraft sum 7/8), still prefix-free.
        var code = new PrefixCode<char>(new Dictionary<char, string> { ['a'] = "00", ['b'] = "01", ['c'] = "10", ['d'] = "110" });
        Assert.Equal(7.0 / 8, code.KraftSum);
        Assert.Equal("cabd", string.Concat(code.Decode("10" + "00" + "01" + "110")));
    }

    [Fact]
    public void Clashing_codewords_are_named()
    {
        var table = new Dictionary<string, string> { ["N"] = "0", ["E"] = "10", ["S"] = "01", ["W"] = "11" };
        var error = Assert.Throws<ArgumentException>(() => new PrefixCode<string>(table));
        Assert.Contains("\"0\" of 'N'", error.Message);
        Assert.Contains("\"01\" of 'S'", error.Message);
        Assert.False(PrefixCode<string>.IsPrefixFree(table));

        var duplicate = Assert.Throws<ArgumentException>(() => new PrefixCode<char>(new Dictionary<char, string> { ['a'] = "10", ['b'] = "10" }));
        Assert.Contains("is the same as", duplicate.Message);
    }

    [Fact]
    public void Malformed_codewords_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PrefixCode<char>(new Dictionary<char, string> { ['a'] = "" }));
        var error = Assert.Throws<ArgumentException>(() => new PrefixCode<char>(new Dictionary<char, string> { ['a'] = "0", ['b'] = "12" }));
        Assert.Contains("'b'", error.Message);
    }

    [Fact]
    public void Bad_bit_strings_are_rejected_clearly()
    {
        var code = new PrefixCode<char>(new Dictionary<char, string> { ['a'] = "0", ['b'] = "10" });
        Assert.Contains("left over", Assert.Throws<ArgumentException>(() => code.Decode("01")).Message);
        Assert.Contains("'2'", Assert.Throws<ArgumentException>(() => code.Decode("02")).Message);
        Assert.Contains("No codeword starts with \"11\"", Assert.Throws<ArgumentException>(() => code.Decode("011")).Message);
        Assert.Throws<ArgumentException>(() => code.Encode("abc"));
    }

    [Fact]
    public void The_code_table_renders_as_text_and_html()
    {
        var code = Huffman.Build(new Dictionary<char, int> { ['e'] = 5, [' '] = 3, ['<'] = 1 });
        // '<' (1) and ' ' (3) join first, '<' taking 0; that subtree (4) then comes before 'e' (5).
        Assert.Equal(string.Join(Environment.NewLine, "e: 1", "<: 00", "␣: 01"), code.ToString());
        string html = code.ToHtml();
        Assert.Contains("<td>&lt;</td><td><code>00</code></td><td>2</td>", html);
        Assert.Contains("<td>␣</td>", html);
        Assert.Contains("Kraft sum 1", html);
    }

    [Fact]
    public void Kraft_sum_of_lengths_matches_the_definition()
    {
        Assert.Equal(1.0, PrefixCode<char>.KraftSumOf([1, 2, 3, 3]));
        Assert.Equal(1.25, PrefixCode<char>.KraftSumOf([1, 1, 2]));
    }
}
