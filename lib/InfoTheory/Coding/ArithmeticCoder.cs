using System.Runtime.CompilerServices;
using InfoTheory.Models;

namespace InfoTheory.Coding;

/// <summary>The output of <see cref="ArithmeticCoder"/>: the code and how it compares with the ideal.</summary>
/// <param name="Bytes">The compressed code.</param>
/// <param name="SymbolCount">Number of symbols coded (bytes for a byte model, bits for a bit model).</param>
/// <param name="IdealBits">The model's summed surprisal Σ -log2 p(symbol): the length no coder can beat for this model.</param>
public sealed record ArithmeticCode(byte[] Bytes, long SymbolCount, double IdealBits)
{
    /// <summary>Length of the actual code in bits.</summary>
    public long ActualBits => 8L * Bytes.Length;

    /// <summary>How many bytes the coder used beyond the model's ideal code length (a few at most).</summary>
    public double OverheadBytes => Bytes.Length - IdealBits / 8;
}

/// <summary>
/// Arithmetic coding driven by any <see cref="ISequenceModel"/>: each symbol is coded with the
/// probability the model predicted for it, so the code length is the model's surprisal plus a few bytes.
/// </summary>
/// <remarks>
/// Decoding needs a fresh model built exactly like the encoder's: both then make the same predictions
/// step by step, which is why the models compute in integers.
/// </remarks>
public static class ArithmeticCoder
{
    /// <summary>Codes a sequence of symbols (each in 0 .. model.AlphabetSize − 1).</summary>
    public static ArithmeticCode Encode(IEnumerable<int> symbols, ISequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(model);
        var encoder = new RangeEncoder();
        var frequencies = new int[model.AlphabetSize];
        foreach (int symbol in symbols)
        {
            if ((uint)symbol >= (uint)model.AlphabetSize)
                throw new ArgumentOutOfRangeException(nameof(symbols), symbol, $"Every symbol must be in 0..{model.AlphabetSize - 1} for this model.");
            EncodeSymbol(encoder, model, frequencies, symbol);
        }
        return new ArithmeticCode(encoder.Finish(), encoder.SymbolCount, encoder.IdealBits);
    }

    /// <summary>Decodes <paramref name="count"/> symbols; <paramref name="model"/> must be fresh and configured like the encoder's.</summary>
    public static int[] Decode(ReadOnlySpan<byte> code, int count, ISequenceModel model)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(model);
        var decoder = new RangeDecoder(code);
        var frequencies = new int[model.AlphabetSize];
        var symbols = new int[count];
        for (int i = 0; i < count; i++) symbols[i] = DecodeSymbol(decoder, model, frequencies);
        decoder.CheckFullyConsumed();
        return symbols;
    }

    /// <summary>
    /// Codes bytes: one symbol per byte for a byte model (alphabet 256), or eight symbols per byte,
    /// most significant bit first, for a bit model (alphabet 2).
    /// </summary>
    public static ArithmeticCode EncodeBytes(ReadOnlySpan<byte> data, ISequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int bitsPerSymbol = BitsPerSymbol(model);
        var encoder = new RangeEncoder();
        var frequencies = new int[model.AlphabetSize];
        foreach (byte value in data)
        {
            if (bitsPerSymbol == 8)
            {
                EncodeSymbol(encoder, model, frequencies, value);
                continue;
            }
            for (int shift = 7; shift >= 0; shift--) EncodeSymbol(encoder, model, frequencies, (value >> shift) & 1);
        }
        return new ArithmeticCode(encoder.Finish(), encoder.SymbolCount, encoder.IdealBits);
    }

    /// <summary>Decodes <paramref name="length"/> bytes written by <see cref="EncodeBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The code is truncated, has trailing bytes, or is corrupt.</exception>
    public static byte[] DecodeBytes(ReadOnlySpan<byte> code, int length, ISequenceModel model)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentNullException.ThrowIfNull(model);
        int bitsPerSymbol = BitsPerSymbol(model);
        var decoder = new RangeDecoder(code);
        var frequencies = new int[model.AlphabetSize];
        // Grow the output as it is decoded rather than trusting the length up front: a corrupt
        // length then fails (as truncated input) before it can allocate much.
        var data = new byte[Math.Min(length, 1 << 16)];
        for (int i = 0; i < length; i++)
        {
            if (i == data.Length) Array.Resize(ref data, (int)Math.Min(length, 2L * data.Length));
            if (bitsPerSymbol == 8)
            {
                data[i] = (byte)DecodeSymbol(decoder, model, frequencies);
                continue;
            }
            int value = 0;
            for (int bit = 0; bit < 8; bit++) value = (value << 1) | DecodeSymbol(decoder, model, frequencies);
            data[i] = (byte)value;
        }
        decoder.CheckFullyConsumed();
        return data;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EncodeSymbol(RangeEncoder encoder, ISequenceModel model, int[] frequencies, int symbol)
    {
        model.Predict(frequencies);
        if (frequencies.Length == 2)
        {
            encoder.Encode(symbol == 0 ? 0 : frequencies[0], frequencies[symbol], frequencies[0] + frequencies[1]);
            model.Learn(symbol);
            return;
        }
        int cumulative = 0;
        for (int s = 0; s < symbol; s++) cumulative += frequencies[s];
        int total = cumulative;
        for (int s = symbol; s < frequencies.Length; s++) total += frequencies[s];
        encoder.Encode(cumulative, frequencies[symbol], total);
        model.Learn(symbol);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DecodeSymbol(RangeDecoder decoder, ISequenceModel model, int[] frequencies)
    {
        model.Predict(frequencies);
        if (frequencies.Length == 2)
        {
            int bit = decoder.DecodeBinary(frequencies[0], frequencies[1]);
            model.Learn(bit);
            return bit;
        }
        int total = 0;
        foreach (int f in frequencies) total += f;
        int target = decoder.GetTarget(total);
        // Find the symbol whose slice [cumulative, cumulative + freq) holds the target.
        int symbol = 0, cumulative = 0;
        while (cumulative + frequencies[symbol] <= target)
        {
            cumulative += frequencies[symbol];
            symbol++;
        }
        decoder.Decode(cumulative, frequencies[symbol], total);
        model.Learn(symbol);
        return symbol;
    }

    private static int BitsPerSymbol(ISequenceModel model) => model.AlphabetSize switch
    {
        256 => 8,
        2 => 1,
        _ => throw new ArgumentException($"Bytes can be coded with a byte model (alphabet 256) or a bit model (alphabet 2), not alphabet {model.AlphabetSize}.", nameof(model)),
    };
}
