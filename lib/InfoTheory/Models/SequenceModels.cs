using System.Text;

namespace InfoTheory.Models;

/// <summary>The surprisal of one character of a text under a model.</summary>
/// <param name="Character">The character (one Unicode scalar; may be two UTF-16 chars).</param>
/// <param name="Bits">-log2 of the probability the model gave it (summed over its UTF-8 bytes).</param>
public readonly record struct CharSurprisal(string Character, double Bits);

/// <summary>Measuring any <see cref="ISequenceModel"/> on data: surprisal per byte or character, bits per byte or character.</summary>
/// <remarks>
/// These run the model forward exactly as the arithmetic coder would (predict, then learn), so for an
/// adaptive model the total is the ideal compressed size. Pass a frozen view
/// (<see cref="NGramModel.AsFrozen"/>) to measure a trained model without letting it learn.
/// Text is measured as its UTF-8 bytes. Surprisals are computed with Math.Log2 for display only; the
/// model's predictions themselves are integers.
/// </remarks>
public static class SequenceModels
{
    /// <summary>Surprisal in bits of each byte of <paramref name="data"/>, the model learning as it goes.</summary>
    public static double[] ByteSurprisals(ISequenceModel model, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = new double[data.Length];
        var frequencies = new int[model.AlphabetSize];
        for (int i = 0; i < data.Length; i++) result[i] = StepByte(model, frequencies, data[i]);
        return result;
    }

    /// <summary>Surprisal of each character of <paramref name="text"/> (the sum over its UTF-8 bytes).</summary>
    public static IReadOnlyList<CharSurprisal> CharSurprisals(ISequenceModel model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<CharSurprisal>(text.Length);
        var frequencies = new int[model.AlphabetSize];
        Span<byte> utf8 = stackalloc byte[4];
        foreach (Rune rune in text.EnumerateRunes())
        {
            int byteCount = rune.EncodeToUtf8(utf8);
            double bits = 0;
            for (int i = 0; i < byteCount; i++) bits += StepByte(model, frequencies, utf8[i]);
            result.Add(new CharSurprisal(rune.ToString(), bits));
        }
        return result;
    }

    /// <summary>Average bits per character of <paramref name="text"/> (total surprisal / number of characters).</summary>
    public static double BitsPerChar(ISequenceModel model, string text)
    {
        var surprisals = CharSurprisals(model, text);
        if (surprisals.Count == 0) throw new ArgumentException("The text is empty: bits per character is undefined.", nameof(text));
        return surprisals.Sum(s => s.Bits) / surprisals.Count;
    }

    /// <summary>Average bits per byte of <paramref name="data"/>: the model's ideal compression rate.</summary>
    public static double BitsPerByte(ISequenceModel model, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) throw new ArgumentException("The data is empty: bits per byte is undefined.", nameof(data));
        return ByteSurprisals(model, data).Sum() / data.Length;
    }

    /// <summary>
    /// The model's current prediction as probabilities (they sum to 1): frequencies[s] / Σ frequencies.
    /// Does not advance the model.
    /// </summary>
    public static double[] PredictProbabilities(ISequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var frequencies = new int[model.AlphabetSize];
        model.Predict(frequencies);
        double total = 0;
        foreach (int f in frequencies) total += f;
        return frequencies.Select(f => f / total).ToArray();
    }

    // One byte: one step of a byte model, or eight steps (most significant bit first) of a bit model.
    private static double StepByte(ISequenceModel model, int[] frequencies, byte value)
    {
        if (model.AlphabetSize == 256) return Step(model, frequencies, value);
        if (model.AlphabetSize != 2)
            throw new ArgumentException($"Bytes can be measured with a byte model (alphabet 256) or a bit model (alphabet 2), not alphabet {model.AlphabetSize}.", nameof(model));
        double bits = 0;
        for (int shift = 7; shift >= 0; shift--) bits += Step(model, frequencies, (value >> shift) & 1);
        return bits;
    }

    private static double Step(ISequenceModel model, int[] frequencies, int symbol)
    {
        model.Predict(frequencies);
        long total = 0;
        foreach (int f in frequencies) total += f;
        double bits = -Math.Log2((double)frequencies[symbol] / total);
        model.Learn(symbol);
        return bits;
    }
}
