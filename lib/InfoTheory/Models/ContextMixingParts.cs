using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
using System.Runtime.Intrinsics.X86;
namespace InfoTheory.Models;

// The building blocks of ContextMixingModel. Each is a few lines of integer arithmetic.

/// <summary>
/// Learns a probability for each of a fixed number of contexts: p ← p + (bit − p) / (n + 1.5),
/// where n counts the updates so far (capped), so early updates move fast and later ones average.
/// </summary>
internal sealed class AdaptiveProbabilityMap
{
    // Each entry: probability in the top 22 bits, update count in the low 10 bits.
    private readonly uint[] _entries;
    private readonly int _countLimit;
    private static readonly int[] Reciprocal = BuildReciprocals(); // 2^16 / (n + 1.5)

    public AdaptiveProbabilityMap(int contexts, int countLimit, Func<int, int> initialP12)
    {
        _entries = new uint[contexts];
        _countLimit = countLimit;
        for (int i = 0; i < contexts; i++) _entries[i] = (uint)initialP12(i) << 20;
    }

    /// <summary>Starts loading the entries of contexts <paramref name="first"/> .. first + count − 1 into the cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int first, int count) => CacheLine.Prefetch(_entries, first, count);

    /// <summary>The 12-bit probability that the next bit is 1 in <paramref name="context"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int P(int context) => (int)(_entries[context] >> 20);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int context, int bit)
    {
        uint entry = _entries[context];
        int count = (int)(entry & 1023);
        long p22 = entry >> 10;
        long target = bit == 0 ? 0 : (1 << 22) - 1;
        p22 += (target - p22) * Reciprocal[count] >> 16;
        if (count < _countLimit) count++;
        _entries[context] = ((uint)p22 << 10) | (uint)count;
    }

    private static int[] BuildReciprocals()
    {
        var table = new int[1024];
        for (int n = 0; n < table.Length; n++) table[n] = 2 * 65536 / (2 * n + 3);
        return table;
    }
}

/// <summary>
/// Logistic mixing: p = squash(Σ wᵢ·stretch(pᵢ)), with one weight vector per mixer context. After each
/// bit the weights take a small step that reduces the coding cost: wᵢ += rate · (bit − p) · stretch(pᵢ)
/// (the gradient of −log2 p with respect to wᵢ, up to a constant). Each weight vector starts with a
/// high rate that falls as it learns.
/// </summary>
/// <remarks>
/// As many inputs at a time as the processor's vector registers hold (<see cref="Vector{T}"/>: 8 with
/// AVX2, one instruction multiplies 8 pairs; 4 on older or smaller processors). The sums are of integers,
/// so the result does not depend on how many are added at once.
/// To stay in 32-bit integers, weights are kept within ±8 and each product is shifted right by 8 bits
/// before it is added; the result is the same on every machine.
/// </remarks>
internal sealed class Mixer
{
    private const int MaxWeight = (1 << 19) - 1;   // ±8.0 in 16.16: |weight × input| < 2^30
    private static readonly int Lanes = Vector<int>.Count;

    private readonly int[] _inputs;     // shared with other mixers of the same inputs; length a multiple of the vector width
    private readonly int[] _weights;    // 16.16 fixed point, one vector of _inputs.Length per context
    private readonly int _learningRate;
    private readonly int _startBoost;   // extra rate of a fresh weight vector
    private readonly int[] _updates;    // per weight vector: how many times it has learned (up to 2^20)
    private int _context;               // the selected weight vector (it starts at _context * _inputs.Length)
    private int _p;

    /// <param name="inputs">The inputs, filled before each <see cref="Mix"/>; its length must be a multiple of the vector width (see <see cref="NewInputs"/>).</param>
    /// <param name="contexts">How many weight vectors: one per value of the context that selects them.</param>
    /// <param name="learningRate">How far a weight moves per unit of error once its vector has learned a while (larger: faster, noisier).</param>
    /// <param name="initialWeight">Every weight's starting value, in 16.16 fixed point.</param>
    /// <param name="startBoost">How much faster a fresh weight vector learns: its rate is learningRate + startBoost·256/(256 + n) after n updates.</param>
    public Mixer(int[] inputs, int contexts, int learningRate, int initialWeight, int startBoost = 0)
    {
        if (inputs.Length % Lanes != 0) throw new ArgumentException($"The inputs' length must be a multiple of {Lanes}.", nameof(inputs));
        _inputs = inputs;
        _weights = new int[inputs.Length * contexts];
        _updates = new int[contexts];
        Array.Fill(_weights, initialWeight);
        _learningRate = learningRate;
        _startBoost = startBoost;
    }

    /// <summary>An input array for <paramref name="count"/> inputs, padded with zeros to a multiple of the vector width.</summary>
    public static int[] NewInputs(int count) => new int[(count + Lanes - 1) / Lanes * Lanes];

    /// <summary>Starts loading the weights of <paramref name="context"/> into the cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int context) => CacheLine.Prefetch(_weights, context * _inputs.Length, _inputs.Length);

    /// <summary>Mixes the inputs with the weights of <paramref name="context"/>; returns a 12-bit probability.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Mix(int context)
    {
        _context = context;
        ReadOnlySpan<Vector<int>> inputs = MemoryMarshal.Cast<int, Vector<int>>(_inputs);
        ReadOnlySpan<Vector<int>> weights = MemoryMarshal.Cast<int, Vector<int>>(_weights.AsSpan(context * _inputs.Length, _inputs.Length));
        var sum = Vector<int>.Zero;
        for (int i = 0; i < inputs.Length; i++)
            sum += Vector.ShiftRightArithmetic(inputs[i] * weights[i], 8);
        _p = Logistic.Squash(Vector.Sum(sum) >> 8);
        return _p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int bit)
    {
        int miss = (bit << 12) - _p;
        if (miss > -20 && miss < 20) return; // right to within 0.5%: too little to learn from (and faster)
        // A weight vector that has learned little learns fast: its rate starts startBoost above the
        // base rate and falls to it as its updates n grow, so rarely chosen vectors catch up.
        int n = _updates[_context];
        if (n < 1 << 20) _updates[_context] = n + 1;
        var error = new Vector<int>(miss * (_learningRate + _startBoost * 256 / (256 + n)));
        var max = new Vector<int>(MaxWeight);
        ReadOnlySpan<Vector<int>> inputs = MemoryMarshal.Cast<int, Vector<int>>(_inputs);
        Span<Vector<int>> weights = MemoryMarshal.Cast<int, Vector<int>>(_weights.AsSpan(_context * _inputs.Length, _inputs.Length));
        for (int i = 0; i < inputs.Length; i++)
            weights[i] = Vector.Min(Vector.Max(weights[i] + Vector.ShiftRightArithmetic(inputs[i] * error, 14), -max), max);
    }
}

/// <summary>
/// Mixing in two layers: several mixers weigh the same inputs, each choosing its weight set by its own
/// context (the bits of the byte so far, the match length, …); a final mixer weighs their outputs. Each
/// first-layer mixer specialises in one kind of situation, and the final one learns which to believe.
/// </summary>
internal sealed class TwoLayerMixer
{
    private readonly int[] _inputs;
    private readonly Mixer[] _mixers;
    private readonly Mixer? _final;   // null with one mixer: its output is the result
    private readonly int[] _finalInputs;

    /// <param name="inputCount">How many inputs each mixer weighs.</param>
    /// <param name="fastStart">Fresh weight sets learn faster (format version 4 on); false: one rate throughout (version 3).</param>
    /// <param name="finalContexts">How many weight sets the final mixer has.</param>
    /// <param name="contexts">For each first-layer mixer, how many weight sets it has.</param>
    public TwoLayerMixer(int inputCount, bool fastStart, int finalContexts, params int[] contexts)
    {
        _inputs = Mixer.NewInputs(inputCount);
        _mixers = contexts.Select(count => fastStart
            ? new Mixer(_inputs, count, learningRate: 2, initialWeight: 1 << 14, startBoost: 32)
            : new Mixer(_inputs, count, learningRate: 3, initialWeight: 1 << 14)).ToArray();
        _finalInputs = Mixer.NewInputs(_mixers.Length);
        if (_mixers.Length > 1) _final = new Mixer(_finalInputs, finalContexts, learningRate: 2, initialWeight: 65536 / _mixers.Length, startBoost: fastStart ? 32 : 0);
    }

    /// <summary>
    /// Starts loading weight set <paramref name="context"/> of first-layer mixer <paramref name="mixer"/>
    /// into the cache: call it as soon as that context is known, well before <see cref="Mix"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int mixer, int context) => _mixers[mixer].Prefetch(context);

    /// <summary>The inputs (stretched probabilities) for this bit: fill them, then call <see cref="Mix"/>.</summary>
    public Span<int> Inputs => _inputs;

    /// <summary>Mixes with weight set <c>contexts[i]</c> in mixer i, then with the final mixer's set <paramref name="finalContext"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Mix(ReadOnlySpan<int> contexts, int finalContext)
    {
        if (_final is null) return _mixers[0].Mix(contexts[0]);
        for (int i = 0; i < _mixers.Length; i++) _finalInputs[i] = Logistic.Stretch(_mixers[i].Mix(contexts[i]));
        return _final.Mix(finalContext);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int bit)
    {
        foreach (Mixer mixer in _mixers) mixer.Update(bit);
        _final?.Update(bit);
    }
}

/// <summary>
/// Adaptive probability map (secondary estimation): refines a probability given a small context, by
/// learning a correction curve per context. The curve is stored at 33 points along the stretched
/// probability axis and read by linear interpolation.
/// </summary>
internal sealed class Apm
{
    private readonly ushort[] _table; // 16-bit probabilities, 33 per context
    private readonly int _rate;
    private int _index;

    public Apm(int contexts, int rate)
    {
        _rate = rate;
        _table = new ushort[contexts * 33];
        for (int c = 0; c < contexts; c++)
            for (int j = 0; j < 33; j++)
                _table[c * 33 + j] = (ushort)(Logistic.Squash((j - 16) * 128) * 16);
    }

    /// <summary>Starts loading the curve of <paramref name="context"/> into the cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int context) => CacheLine.Prefetch(_table, context * 33, 33);

    /// <summary>The refined 12-bit probability of <paramref name="p12"/> in <paramref name="context"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Refine(int p12, int context)
    {
        int s = Logistic.Stretch(p12) + 2048;   // 1 .. 4095
        int low = s >> 7, weight = s & 127;      // between points low and low + 1
        int baseIndex = context * 33 + low;
        _index = baseIndex + (weight >> 6);      // the nearer point learns
        return (_table[baseIndex] * (128 - weight) + _table[baseIndex + 1] * weight) >> 11;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int bit)
    {
        int target = bit << 16;
        int value = _table[_index];
        value += (target - value) >> _rate;
        _table[_index] = (ushort)Math.Clamp(value, 16, 65535 - 16);
    }
}

/// <summary>
/// A hint to the processor: start loading part of an array into the cache now, because it will be
/// read soon. A read from main memory takes as long as a few hundred simple instructions; asked for
/// early, it arrives while other work goes on. The model's largest tables (tens of MB of hashed
/// contexts, 10 MB of one mixer's weights) are far bigger than the caches, so most of their reads
/// would otherwise wait. A hint never changes a result, only when data arrives.
/// </summary>
internal static class CacheLine
{
    private const int Bytes = 64;

    /// <summary>Asks for every cache line of <c>array[first .. first + count − 1]</c> (on x86; elsewhere, such as in the browser, it does nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(T[] array, int first, int count) where T : unmanaged
    {
        if (!Sse.IsSupported) return;
        _ = array[first + count - 1]; // the range must lie in the array
        fixed (T* start = &array[first])
        {
            int length = count * sizeof(T);
            for (int offset = 0; offset < length; offset += Bytes) Sse.Prefetch0((byte*)start + offset);
            Sse.Prefetch0((byte*)start + length - 1); // the last line, when the range does not start on a line
        }
    }
}
