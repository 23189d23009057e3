using FsCheck;
using FsCheck.Fluent;
using InfoTheory.Coding;
using InfoTheory.Models;
using Xunit;

namespace InfoTheory.Tests.Coding;

/// <summary>A fixed (non-learning) model over a small alphabet, for exact expectations.</summary>
internal sealed class FixedModel(params int[] frequencies) : ISequenceModel
{
    public int AlphabetSize => frequencies.Length;
    public void Predict(Span<int> output) => frequencies.CopyTo(output);
    public void Learn(int symbol) { }
}

public class ArithmeticCoderTests
{
    public static TheoryData<string> ModelNames => new(ModelCatalog.All.Select(m => m.Name));

    private static ISequenceModel Small(string name) =>
        name == "cm" ? new ContextMixingModel(tableBits: 12) : ModelCatalog.Create(name, 0);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Bytes_round_trip_and_cost_the_ideal_length_plus_a_few_bytes(string model)
    {
        Check.One(PropertyConfig.Quick(25), Prop.ForAll(PropertyConfig.Bytes(1500), data =>
        {
            var code = ArithmeticCoder.EncodeBytes(data, Small(model));
            byte[] back = ArithmeticCoder.DecodeBytes(code.Bytes, data.Length, Small(model));
            return back.AsSpan().SequenceEqual(data) && code.OverheadBytes is >= -1 and <= 4;
        }));
    }

    [Fact]
    public void Dyadic_model_costs_exactly_the_huffman_length()
    {
        // Robot moves N, E, S, W with probabilities 1/2, 1/4, 1/8, 1/8: -log2 p is the Huffman codeword length.
        var model = new FixedModel(4, 2, 1, 1);
        var moves = new Random(5).Let(r => Enumerable.Range(0, 4000).Select(_ => r.Next(8) switch { < 4 => 0, < 6 => 1, 6 => 2, _ => 3 }).ToArray());
        int huffmanBits = moves.Sum(m => m switch { 0 => 1, 1 => 2, _ => 3 });

        var code = ArithmeticCoder.Encode(moves, model);
        Assert.Equal(huffmanBits, code.IdealBits, 6);
        Assert.InRange(code.OverheadBytes, -1, 4);
        Assert.Equal(moves, ArithmeticCoder.Decode(code.Bytes, moves.Length, model));
    }

    [Fact]
    public void Non_dyadic_totals_beat_huffman()
    {
        // P = 0.9 / 0.1: entropy 0.469 bits, while any prefix code needs 1 bit per symbol.
        var model = new FixedModel(9, 1);
        var random = new Random(11);
        int[] symbols = Enumerable.Range(0, 10_000).Select(_ => random.Next(10) == 0 ? 1 : 0).ToArray();
        double ideal = symbols.Sum(s => -Math.Log2(s == 0 ? 0.9 : 0.1));

        var code = ArithmeticCoder.Encode(symbols, model);
        Assert.Equal(ideal, code.IdealBits, 6);
        Assert.InRange(code.OverheadBytes, -1, 4);
        Assert.True(code.Bytes.Length < symbols.Length / 8 * 0.6);
        Assert.Equal(symbols, ArithmeticCoder.Decode(code.Bytes, symbols.Length, model));
    }

    [Fact]
    public void Empty_input_codes_to_one_byte_and_back()
    {
        var code = ArithmeticCoder.EncodeBytes([], new UniformModel());
        Assert.Single(code.Bytes);
        Assert.Empty(ArithmeticCoder.DecodeBytes(code.Bytes, 0, new UniformModel()));
    }

    [Fact]
    public void Truncated_or_extended_codes_are_detected()
    {
        byte[] data = "abracadabra, abracadabra"u8.ToArray();
        var code = ArithmeticCoder.EncodeBytes(data, new NGramModel(2)).Bytes;

        var truncated = Assert.Throws<InvalidDataException>(() => ArithmeticCoder.DecodeBytes(code[..^1], data.Length, new NGramModel(2)));
        Assert.Contains("truncated", truncated.Message);
        var extended = Assert.Throws<InvalidDataException>(() => ArithmeticCoder.DecodeBytes([.. code, 0x42], data.Length, new NGramModel(2)));
        Assert.Contains("trailing", extended.Message);
    }

    [Fact]
    public void A_zero_probability_symbol_cannot_be_coded()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ArithmeticCoder.Encode([0, 1], new FixedModel(1, 0)));
        Assert.Contains("probability zero", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ArithmeticCoder.Encode([3], new FixedModel(1, 1)));
    }

    [Fact]
    public void Bytes_need_a_byte_or_bit_model()
    {
        Assert.Throws<ArgumentException>(() => ArithmeticCoder.EncodeBytes([1, 2], new FixedModel(1, 1, 1)));
    }

    [Fact]
    public void Encoder_output_does_not_depend_on_how_the_bits_are_driven()
    {
        // EncodeBit with 12-bit probabilities is the binary case of Encode with total 4096.
        var byBit = new RangeEncoder();
        var bySlice = new RangeEncoder();
        var random = new Random(3);
        for (int i = 0; i < 5000; i++)
        {
            int p1 = random.Next(1, 4096), bit = random.Next(2);
            byBit.EncodeBit(bit, p1, 12);
            bySlice.Encode(bit == 0 ? 0 : 4096 - p1, bit == 0 ? 4096 - p1 : p1, 4096);
        }
        Assert.Equal(bySlice.Finish(), byBit.Finish());
    }
}

internal static class LetExtension
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
