using System.Text;

namespace InfoTheory.Models;

/// <summary>
/// An order-k byte n-gram model: it predicts the next byte from the previous k bytes, mixing in
/// the predictions of every shorter context (interpolated absolute discounting, explained below).
/// Use it adaptively as a compressor (<see cref="Predict"/> / <see cref="Learn"/>), or train it on one
/// text and measure it on another (<see cref="Train(string, int)"/>, <see cref="CrossEntropy"/>,
/// <see cref="Surprisals"/>, <see cref="Distribution"/>).
/// </summary>
/// <remarks>
/// <para>
/// Text is modelled as its UTF-8 bytes, so the "uniform" model of 256 symbols costs 8 bits and every
/// byte sequence is possible. For English text one byte is one character.
/// </para>
/// <para>
/// Smoothing. In a context seen N times with T distinct next bytes, where byte s was seen c(s) times,
/// we take away D = 1/2 from every seen count and hand the freed mass D·T/N to the prediction of the
/// context one byte shorter:
/// <code>
///   P_j(s) = max(c(s) − D, 0) / N  +  (D·T / N) · P_(j−1)(s)
/// </code>
/// starting from the uniform P_(−1)(s) = 1/256 and going up to order k. A context never seen just
/// passes the shorter prediction through. So no byte ever gets probability zero, frequent
/// continuations of long contexts dominate, and a context with many different continuations (large T)
/// leans more on its shorter context.
/// </para>
/// <para>
/// Determinism. The mixture is computed in 32-bit fixed point (probability × 2^32 in 64-bit integers),
/// then turned into the integer frequencies the coder needs: freq(s) = ⌊P(s)·2^23⌋ + 1 (the +1 keeps
/// every byte possible and shifts each probability by at most 256/2^23 ≈ 0.003%). The model's
/// probability of s is defined as freq(s) / Σ freq, and every method (coding, cross-entropy,
/// surprisal, distribution) uses exactly these numbers.
/// </para>
/// </remarks>
public sealed class NGramModel : ISequenceModel
{
    /// <summary>The longest context supported: 8 bytes fit in one 64-bit key.</summary>
    public const int MaxOrder = 8;

    private const int Alphabet = 256;
    private const int FrequencyShift = 9; // 2^32 fixed point → frequencies of about 2^23 in total

    /// <summary>
    /// The model stops adding new contexts once it holds this many (all orders together), which caps
    /// its memory near 70 MB even on incompressible input. A 700 KB novel needs about 120,000 at order 5.
    /// </summary>
    public const int MaxContexts = 1 << 19;

    private const int NoContext = -1;
    private const int MaxCount = 1 << 23; // counts are packed as count << 8 | byte in an int

    // _index[j] maps the last j bytes (packed into a ulong) to a context number. Context c's counts
    // are _pool[_contexts[c].Start ..][.. Distinct], one int per distinct next byte: count << 8 | byte.
    private readonly Dictionary<ulong, int>[] _index;
    private ContextRecord[] _contexts = new ContextRecord[1024];
    private int _contextCount;
    private int[] _pool = new int[4096];
    private int _poolUsed;

    private readonly ulong[] _scratch = new ulong[Alphabet];
    private readonly ulong[] _weights = new ulong[MaxOrder + 1];
    private readonly int[] _predicted;
    private ulong _history;          // last bytes, the most recent in the low 8 bits
    private long _historyLength;
    private bool _hasPrediction;

    /// <summary>An empty model that uses contexts of up to <paramref name="order"/> bytes (0 = byte frequencies only).</summary>
    public NGramModel(int order)
    {
        if (order < 0 || order > MaxOrder)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"The order (context length) must be in 0..{MaxOrder}.");
        Order = order;
        _index = new Dictionary<ulong, int>[order + 1];
        for (int j = 0; j <= order; j++) _index[j] = new Dictionary<ulong, int>();
        _predicted = new int[order + 1];
    }

    /// <summary>The context length k.</summary>
    public int Order { get; }

    /// <inheritdoc />
    public int AlphabetSize => Alphabet;

    /// <summary>Number of distinct contexts stored, all orders together (a measure of the model's size).</summary>
    public int ContextCount => _contextCount;

    /// <summary>A model of order <paramref name="order"/> trained on the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static NGramModel Train(string text, int order)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Train(Encoding.UTF8.GetBytes(text), order);
    }

    /// <summary>A model of order <paramref name="order"/> trained on <paramref name="data"/>.</summary>
    public static NGramModel Train(ReadOnlySpan<byte> data, int order)
    {
        var model = new NGramModel(order);
        foreach (byte b in data) model.Learn(b);
        return model;
    }

    /// <summary>
    /// A view of this model that predicts with its current counts but never changes them: for
    /// measuring a trained model on new text. The view starts with an empty history.
    /// </summary>
    public ISequenceModel AsFrozen() => new FrozenView(this);

    /// <summary>Bits per character of <paramref name="text"/> under this model, frozen (the cross-entropy).</summary>
    public double CrossEntropy(string text) => SequenceModels.BitsPerChar(AsFrozen(), text);

    /// <summary>Surprisal of each character of <paramref name="text"/> under this model, frozen.</summary>
    public IReadOnlyList<CharSurprisal> Surprisals(string text) => SequenceModels.CharSurprisals(AsFrozen(), text);

    /// <summary>
    /// The probability of every next byte after <paramref name="context"/> (only its last
    /// <see cref="Order"/> bytes matter). The 256 values sum to 1.
    /// </summary>
    public double[] Distribution(ReadOnlySpan<byte> context)
    {
        ulong history = 0;
        foreach (byte b in context) history = (history << 8) | b;
        var frequencies = new int[Alphabet];
        ComputeFrequencies(history, context.Length, frequencies, null);
        double total = frequencies.Sum();
        return frequencies.Select(f => f / total).ToArray();
    }

    /// <summary>The probability of each next character after <paramref name="context"/>, for display: byte → probability, most likely first.</summary>
    public IReadOnlyList<KeyValuePair<byte, double>> MostLikelyNext(string context, int count = 10) =>
        Distribution(Encoding.UTF8.GetBytes(context))
            .Select((p, b) => new KeyValuePair<byte, double>((byte)b, p))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Take(count).ToList();

    /// <inheritdoc />
    public void Predict(Span<int> frequencies)
    {
        CheckLength(frequencies);
        ComputeFrequencies(_history, _historyLength, frequencies, _predicted);
        _hasPrediction = true;
    }

    /// <inheritdoc />
    public void Learn(int symbol)
    {
        if ((uint)symbol >= Alphabet) throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "A byte model learns symbols 0..255.");
        int usable = (int)Math.Min(Order, _historyLength);
        for (int j = 0; j <= usable; j++)
        {
            int context = _hasPrediction ? _predicted[j] : Find(_history, j);
            if (context == NoContext) context = Add(ContextKey(_history, j), j);
            if (context != NoContext) Count(context, (byte)symbol);
        }
        _hasPrediction = false;
        _history = (_history << 8) | (byte)symbol;
        _historyLength++;
    }

    /// <summary>The integer frequencies after the given history (shared by the adaptive model and frozen views).</summary>
    private void ComputeFrequencies(ulong history, long historyLength, Span<int> frequencies, int[]? found)
    {
        const ulong One = 1ul << 32;
        int usable = (int)Math.Min(Order, historyLength);
        Span<int> contexts = stackalloc int[MaxOrder + 1];
        for (int j = 0; j <= usable; j++) contexts[j] = Find(history, j);
        if (found is not null)
        {
            Array.Fill(found, NoContext);
            contexts[..(usable + 1)].CopyTo(found);
        }

        // Unrolling the recursion: P(s) = Σ_j gain_j(s)·weight_j + uniform·weight_(−1), where weight_j is
        // the product of the "keep" factors of every order above j (1 for the top order). Going down
        // from the top computes the weights; then only the bytes actually seen in a context need work.
        Span<ulong> p = _scratch;
        ulong weight = One;
        for (int j = usable; j >= 0; j--)
        {
            if (contexts[j] == NoContext) continue;
            ContextRecord record = _contexts[contexts[j]];

            // With D = 1/2 and denominators doubled: keep = T / 2N, seen byte s gains (2c − 1) / 2N.
            ulong twiceN = 2ul * (ulong)record.Total;
            _weights[j] = weight;
            weight = (weight * (((ulong)record.Distinct << 32) / twiceN)) >> 32;
        }
        p.Fill((weight * (One / Alphabet)) >> 32); // order −1: uniform

        for (int j = 0; j <= usable; j++)
        {
            if (contexts[j] == NoContext) continue;
            ContextRecord record = _contexts[contexts[j]];
            ulong twiceN = 2ul * (ulong)record.Total;
            foreach (int entry in _pool.AsSpan(record.Start, record.Distinct))
            {
                ulong gain = ((2ul * (ulong)(entry >> 8) - 1) << 32) / twiceN; // < 2^32
                p[entry & 0xFF] += (gain * _weights[j]) >> 32;                 // < 2^64: no overflow
            }
        }

        for (int s = 0; s < Alphabet; s++) frequencies[s] = (int)(p[s] >> FrequencyShift) + 1;
    }

    private int Find(ulong history, int order) =>
        _index[order].TryGetValue(ContextKey(history, order), out int context) ? context : NoContext;

    // A new, empty context (or NoContext once the model is full).
    private int Add(ulong key, int order)
    {
        if (_contextCount == MaxContexts) return NoContext;
        if (_contextCount == _contexts.Length) Array.Resize(ref _contexts, 2 * _contexts.Length);
        _contexts[_contextCount] = new ContextRecord { Start = Allocate(2), Capacity = 2 };
        _index[order].Add(key, _contextCount);
        return _contextCount++;
    }

    // One more occurrence of symbol after this context.
    private void Count(int context, byte symbol)
    {
        ref ContextRecord record = ref _contexts[context];
        Span<int> entries = _pool.AsSpan(record.Start, record.Distinct);
        record.Total++;
        for (int i = 0; i < entries.Length; i++)
        {
            if ((entries[i] & 0xFF) != symbol) continue;
            entries[i] += 1 << 8;
            if (entries[i] >> 8 == MaxCount) Halve(ref record);
            return;
        }
        if (record.Distinct == record.Capacity)
        {
            // Full: move the list to a new block twice the size at the end of the pool.
            int start = Allocate(2 * record.Capacity);
            Array.Copy(_pool, record.Start, _pool, start, record.Distinct);
            record.Start = start;
            record.Capacity *= 2;
        }
        _pool[record.Start + record.Distinct++] = 1 << 8 | symbol;
    }

    // Keeps counts in range on enormous inputs: halve every count of the context (at least 1).
    private void Halve(ref ContextRecord record)
    {
        Span<int> entries = _pool.AsSpan(record.Start, record.Distinct);
        record.Total = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            int count = Math.Max(1, (entries[i] >> 8) / 2);
            entries[i] = count << 8 | (entries[i] & 0xFF);
            record.Total += count;
        }
    }

    private int Allocate(int length)
    {
        while (_poolUsed + length > _pool.Length) Array.Resize(ref _pool, 2 * _pool.Length);
        int start = _poolUsed;
        _poolUsed += length;
        return start;
    }

    private static ulong ContextKey(ulong history, int order) =>
        order == 0 ? 0 : order >= 8 ? history : history & ((1ul << (8 * order)) - 1);

    private static void CheckLength(Span<int> frequencies)
    {
        if (frequencies.Length != Alphabet)
            throw new ArgumentException($"Expected a span of {Alphabet} frequencies, got {frequencies.Length}.", nameof(frequencies));
    }

    /// <summary>Where one context's counts are in the pool, and their sum.</summary>
    private struct ContextRecord
    {
        public int Start;
        public int Capacity;
        public int Distinct;
        public int Total;
    }

    /// <summary>Predicts with the shared counts, keeps its own history, never learns.</summary>
    private sealed class FrozenView(NGramModel model) : ISequenceModel
    {
        private ulong _history;
        private long _historyLength;

        public int AlphabetSize => Alphabet;

        public void Predict(Span<int> frequencies)
        {
            CheckLength(frequencies);
            model.ComputeFrequencies(_history, _historyLength, frequencies, null);
        }

        public void Learn(int symbol)
        {
            if ((uint)symbol >= Alphabet) throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "A byte model learns symbols 0..255.");
            _history = (_history << 8) | (byte)symbol;
            _historyLength++;
        }
    }
}
