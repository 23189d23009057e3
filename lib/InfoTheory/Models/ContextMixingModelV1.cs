using System.Runtime.CompilerServices;
using System.Numerics;

namespace InfoTheory.Models;

/// <summary>
/// The first context-mixing model, frozen: it reads files of format version 1 (and is lesson 09's
/// earlier rung). Do not change it: every bit of its predictions is part of that file format.
/// <see cref="ContextMixingModel"/> explains the pieces; this one has a single mixer and one
/// secondary estimate.
/// </summary>
internal sealed class ContextMixingModelV1 : ISequenceModel
{
    private readonly Past _past = new();
    private readonly ContextModel[] _models;  // each fills its mixer inputs, in this order
    private readonly MixerV1 _mixer;
    private readonly Apm _apm = new(256 * 8, 7);
    private int _p = 2048;                     // the prediction for the next bit (12 bits)
    private bool _hasPrediction;

    /// <summary>The table size version 1 chose for an input of <paramref name="length"/> bytes (a decoder must choose the same).</summary>
    public static int TableBitsFor(long length) =>
        Math.Clamp(System.Numerics.BitOperations.Log2((ulong)Math.Max(length, 1)), 12, ContextMixingModel.DefaultTableBits);

    /// <summary>Creates a model with hash tables of 2^<paramref name="tableBits"/> slots (16 bytes each).</summary>
    /// <param name="tableBits">12 .. 22: larger remembers more contexts of big inputs, but costs memory.</param>
    public ContextMixingModelV1(int tableBits = ContextMixingModel.DefaultTableBits)
    {
        if (tableBits < 12 || tableBits > 22)
            throw new ArgumentOutOfRangeException(nameof(tableBits), tableBits, "The table size must be 2^12 .. 2^22 slots.");
        // The stages, in the order their inputs reach the mixer. Each hashed table is sized for how
        // many contexts its model can meet (order 2 has at most 65,536; order 6 up to one per byte).
        _models =
        [
            new NibbleContextModel(_past, _ => 0, directContexts: 1, slotBits: 0),                       // order 0
            new NibbleContextModel(_past, p => (uint)p.LastByte, directContexts: 256, slotBits: 0),       // order 1
            new NibbleContextModel(_past, p => Hash(p.Recent & 0xFFFF, 2), 0, Math.Min(tableBits, 16)),   // order 2
            new NibbleContextModel(_past, p => Hash(p.Recent & 0xFF_FFFF, 3), 0, Math.Min(tableBits, 18)),// order 3
            new NibbleContextModel(_past, p => Hash(p.Recent & 0xFFFF_FFFF, 4), 0, tableBits),           // order 4
            new NibbleContextModel(_past, p => Hash(p.Recent & 0xFFFF_FFFF_FFFF, 6), 0, tableBits),      // order 6
            new NibbleContextModel(_past, WordContext, 0, tableBits - 1),                                  // the word
            new MatchModel(_past, Math.Max(tableBits - 2, 12)),
        ];
        int inputs = _models.Sum(m => m.InputCount) + 1; // + a constant bias
        _mixer = new MixerV1(inputs, 256, learningRate: 3, initialWeight: 1 << 14);
        foreach (ContextModel model in _models) model.StartNibble();
    }

    /// <inheritdoc />
    public int AlphabetSize => 2;

    /// <inheritdoc />
    public void Predict(Span<int> frequencies)
    {
        if (frequencies.Length != 2) throw new ArgumentException($"Expected a span of 2 frequencies, got {frequencies.Length}.", nameof(frequencies));
        int p = PredictBit();
        frequencies[0] = 4096 - p;
        frequencies[1] = p;
    }

    /// <summary>The probability (in 4096ths) that the next bit is 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int PredictBit()
    {
        if (_hasPrediction) return _p;
        Span<int> inputs = _mixer.Inputs;
        int next = 0;
        foreach (ContextModel model in _models)
        {
            model.Predict(inputs[next..]);
            next += model.InputCount;
        }
        inputs[next] = 256;

        // Mix, then let a secondary estimate correct the mix given the kind of byte before (the top 3
        // bits of the previous byte tell letters, capitals, digits/punctuation and spaces apart).
        int partial = _past.Partial;
        int mixed = _mixer.Mix(partial);
        int refined = _apm.Refine(mixed, partial | (_past.LastByte & 0xE0) << 3);
        _p = Math.Clamp((mixed + 3 * refined + 2) >> 2, 1, 4095);
        _hasPrediction = true;
        return _p;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Learn(int symbol)
    {
        if ((uint)symbol > 1) throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "A bit model learns symbols 0 and 1.");
        if (!_hasPrediction) PredictBit(); // the updates below need this bit's prediction
        int bit = symbol;

        foreach (ContextModel model in _models) model.Update(bit);
        _mixer.Update(bit);
        _apm.Update(bit);
        _hasPrediction = false;

        _past.AddBit(bit);
        if (_past.BitPosition == 8)
        {
            _past.EndByte((byte)_past.Partial);
            foreach (ContextModel model in _models) model.StartByte();
            foreach (ContextModel model in _models) model.StartNibble();
        }
        else if (_past.BitPosition == 4)
        {
            foreach (ContextModel model in _models) model.StartNibble();
        }
    }

    // The word model's context: the current word, or between words the byte before.
    private static uint WordContext(Past past) =>
        Hash(past.WordHash == 0 ? past.Recent & 0xFF : (ulong)past.WordHash << 8, 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ulong value, int salt)
    {
        ulong h = (value + (ulong)salt * 0x9E37_79B9_7F4A_7C15ul) * 0xD6E8_FEB8_6659_FD93ul;
        return (uint)(h >> 32) ^ (uint)(h >> 13);
    }
}

/// <summary>
/// The mixer of format version 1, frozen with <see cref="ContextMixingModelV1"/> (today's <see cref="Mixer"/>
/// works four inputs at a time and rounds differently). Logistic mixing: p = squash(Σ wᵢ·stretch(pᵢ)), with one weight vector per mixer context. After each
/// bit the weights take a small step that reduces the coding cost: wᵢ += rate · (bit − p) · stretch(pᵢ)
/// (the gradient of −log2 p with respect to wᵢ, up to a constant).
/// </summary>
internal sealed class MixerV1
{
    private readonly int _inputCount;
    private readonly int[] _weights;    // 16.16 fixed point
    private readonly int[] _inputs;
    private readonly int _learningRate;
    private int _offset;                // start of the selected weight vector
    private int _p;

    public MixerV1(int inputCount, int contexts, int learningRate, int initialWeight)
    {
        _inputCount = inputCount;
        _inputs = new int[inputCount];
        _weights = new int[inputCount * contexts];
        Array.Fill(_weights, initialWeight);
        _learningRate = learningRate;
    }

    /// <summary>The inputs (stretched probabilities) for this bit: fill them, then call <see cref="Mix"/>.</summary>
    public Span<int> Inputs => _inputs;

    /// <summary>Mixes the inputs with the weights of <paramref name="context"/>; returns a 12-bit probability.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Mix(int context)
    {
        _offset = context * _inputCount;
        ReadOnlySpan<int> weights = _weights.AsSpan(_offset, _inputCount), inputs = _inputs;
        long dot = 0;
        for (int i = 0; i < inputs.Length; i++) dot += (long)inputs[i] * weights[i];
        _p = Logistic.Squash((int)(dot >> 16));
        return _p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int bit)
    {
        int miss = (bit << 12) - _p;
        if (miss > -20 && miss < 20) return; // right to within 0.5%: too little to learn from (and faster)
        int error = miss * _learningRate;
        Span<int> weights = _weights.AsSpan(_offset, _inputCount);
        ReadOnlySpan<int> inputs = _inputs;
        for (int i = 0; i < inputs.Length; i++) weights[i] += (inputs[i] * error) >> 14;
    }
}
