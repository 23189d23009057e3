using System.Runtime.CompilerServices;
using System.Numerics;

namespace InfoTheory.Models;

/// <summary>
/// A context-mixing model of bytes, predicting one bit at a time (alphabet 2: each byte is 8 bits,
/// most significant first). The course's strongest predictor, and so its strongest compressor.
/// </summary>
/// <remarks>
/// <para>
/// How it predicts a bit. Several context models (<c>ContextModels.cs</c>: each a small class with
/// <c>Predict</c>, which writes its opinion into the mixer's inputs, and <c>Update</c>, which
/// learns the bit) each look at a different piece of the past: the previous 0, 1, 2, 3, 4, 6, 10
/// and 16 bytes; the current word alone, with the word before it and with the word before that
/// (skipping the one between), and the word before with the byte before; the column (how far into
/// its line the next byte is: prose wrapped at 70 columns ends its lines there); two indirect
/// contexts (the two bytes that followed the previous byte, or the previous two bytes, the last two
/// times they came: "what came next last time" predicts what comes next now); a sparse one (the two
/// bytes before the previous one); and the longest earlier repeat of the recent text (two match
/// models: one starts on 6 repeated bytes, one on 20 and keeps its place through a few changed
/// bytes). Each context model has seen its context before, a few or many times, and remembers a
/// compact history of the bits that followed (a <see cref="BitHistory"/> state). An adaptive map
/// turns that history into a probability pᵢ that the next bit is 1; a hashed context also tells the
/// mixer when its history is one-sided (only 0s or only 1s so far). One more model
/// (<c>CounterModel</c>) keeps plain counts instead, for the previous 6 bytes: a bit history
/// forgets old evidence, counts do not, which pays where the statistics stay put (DNA). And two run
/// models (<c>RunModel</c>) remember, after the previous 2 and 4 bytes, the byte that came next
/// last time and how many times in a row it did.
/// </para>
/// <para>
/// How it mixes. The probabilities are combined in the logistic domain: p = squash(Σ wᵢ·stretch(pᵢ)).
/// The weights are learned online by gradient descent on the code length (a weight set that has
/// learned little takes bigger steps, so a rarely chosen one catches up). Four mixers do this side by
/// side, each with a weight vector chosen by its own context: the bits of the byte so far, the match
/// length, the byte before (with the bits so far), and how many of the hashed contexts were seen
/// before. So each learns, for instance, that the order-6 model is trustworthy when it has seen its
/// context many times, or that a long match should be believed. A final mixer weighs the four, its
/// weights chosen by the bit position and the kind of byte before (<see cref="TwoLayerMixer"/>).
/// Three secondary estimation stages (<c>Apm</c>) then correct the mix given the partial byte and, in
/// turn, the kind of byte before it (letter, capital, digit or punctuation, space), the byte before,
/// and the two bytes before; the mix and the corrections are averaged. <see cref="Stages"/> lists the
/// parts in order.
/// </para>
/// <para>
/// Why bits: with two outcomes a prediction is one number, mixing is one dot product, and learning is
/// one subtraction. A byte is coded as a path down a binary tree of 255 nodes; the contexts are
/// looked up once per half-byte (nibble) in hash tables whose 16-byte slots hold the 15 tree nodes
/// of a nibble; a context's slots for both nibbles share one 128-byte bucket, so a byte costs each
/// context model one trip to memory.
/// </para>
/// <para>
/// Speed: the per-bit methods are marked <c>AggressiveOptimization</c>, so .NET compiles them fully
/// optimized on first use instead of starting with quick, slow code, and the small helpers they call
/// are marked <c>AggressiveInlining</c>. Most of the remaining time is spent waiting for memory: the
/// hashed contexts' buckets and the largest weight and correction tables are asked for as soon as
/// their contexts are known (<c>CacheLine.Prefetch</c>), so the trips to memory overlap with work.
/// </para>
/// <para>
/// Everything is integer arithmetic with fixed tables (see <see cref="Logistic"/>), so a decoder on
/// any machine reproduces the encoder's probabilities exactly. Memory: the slot tables (16 bytes ×
/// 2^<c>tableBits</c> each for orders 6 and 10; half that for orders 4 and 16 and the three word
/// contexts; a quarter for the previous word and the first indirect context; at most 1 MB for order 2
/// and 4 MB each for order 3, the second indirect and the sparse context), up to 16 MB of counts,
/// up to 4 MB per run model, 4 MB for the third secondary estimate, plus the input itself for the
/// match models: about 230 MB from a 512 KB input up (<see cref="TableBitsFor"/> gives the largest
/// tables there), less below.
/// </para>
/// </remarks>
public sealed class ContextMixingModel : ISequenceModel
{
    /// <summary>Default (and largest automatic) table size: 2^21 slots of 16 bytes (32 MiB) per high-order model.</summary>
    public const int DefaultTableBits = 21;

    /// <summary>
    /// The model's parts in the order lesson 09 adds them: a model with the first k stages uses only
    /// those, so each stage's gain can be measured.
    /// </summary>
    public static IReadOnlyList<ContextMixingStage> Stages { get; } =
    [
        new("orders 0-2", "the previous 0, 1 and 2 bytes, mixed by one mixer whose weights depend on the bits of the byte so far"),
        new("orders 3-16", "the previous 3, 4, 6, 10 and 16 bytes, and plain counts after the previous 6"),
        new("words", "the current word alone, with the word before it, and with the word before that; and the word before with the byte before"),
        new("column", "the position in the line: how many bytes since the last line break"),
        new("indirect", "what followed the previous byte, and the previous two bytes, the last two times they came; the byte that followed the previous 2 and 4 bytes last time, and how many times in a row; and the two bytes before the previous one"),
        new("match", "the longest earlier repeat of the recent text, and of the last 20 bytes or more (followed through a few changed bytes)"),
        new("more mixers", "three more mixers, weights chosen by match length, by the byte before with the bits so far, and by how many contexts were seen before; a final mixer weighs the four, with weights chosen by the kind of byte before"),
        new("corrections", "three secondary estimates, by the kind of byte before, by the byte before and by the two bytes before"),
    ];

    private readonly Past _past = new();
    private readonly ContextModel[] _models;          // each fills its mixer inputs, in this order:
    private readonly NibbleContextModel[] _contexts;  // first these (the per-bit loops call them without a virtual call),
    private readonly ContextModel[] _others;          // then the rest (counts, runs, matches), in stage order
    private readonly MatchModel? _match;              // the first match model (its length chooses mixer weights)
    private readonly NibbleContextModel[] _hashed;    // the models whose contexts are hashed (orders 2+ and the words)
    private readonly TwoLayerMixer _mixer;
    private readonly int[] _mixerContexts;
    private readonly Apm? _apmByKind, _apmOrder1;     // secondary estimates (null before the last stage)
    private readonly Apm? _apmOrder2;                 // and a third (format 5 on)
    private readonly bool _version3;                  // as format version 3 wrote it (see Version3)
    private readonly bool _finalByKind;               // the final mixer's weights chosen by the kind of byte before too (format 5 on)
    private int _p = 2048;                            // the prediction for the next bit (12 bits)
    private bool _hasPrediction;

    /// <summary>Creates a model with hash tables of 2^<paramref name="tableBits"/> slots (16 bytes each).</summary>
    /// <param name="tableBits">12 .. 22: larger remembers more contexts of big inputs, but costs memory.</param>
    /// <param name="stages">How many of <see cref="Stages"/> to use (all by default; fewer for lesson 09's ladder).</param>
    public ContextMixingModel(int tableBits = DefaultTableBits, int? stages = null)
        : this(tableBits, stages, formatVersion: 5) { }

    /// <summary>
    /// The model as format version 3 wrote it: no order-16, previous-word, indirect or sparse contexts,
    /// one mixer input per context model, and mixers that learned at one rate throughout.
    /// </summary>
    internal static ContextMixingModel Version3(int tableBits) => new(tableBits, null, formatVersion: 3);

    /// <summary>
    /// The model as format version 4 wrote it: without the skip-a-word context, the run models, the
    /// long match model and the secondary estimate by the two bytes before, and with a final mixer
    /// whose weights depended on the bit position alone.
    /// </summary>
    internal static ContextMixingModel Version4(int tableBits) => new(tableBits, null, formatVersion: 4);

    private ContextMixingModel(int tableBits, int? stages, int formatVersion)
    {
        if (tableBits < 12 || tableBits > 22)
            throw new ArgumentOutOfRangeException(nameof(tableBits), tableBits, "The table size must be 2^12 .. 2^22 slots.");
        int used = stages ?? Stages.Count;
        if (used < 1 || used > Stages.Count)
            throw new ArgumentOutOfRangeException(nameof(stages), stages, $"A model uses 1 .. {Stages.Count} stages (see ContextMixingModel.Stages).");

        // The context models, in the order their inputs reach the mixer. Each hashed table is sized for
        // how many contexts its model can meet (order 2 has at most 65,536; order 6 up to one per byte).
        // Format version 3 had fewer models, a bigger order-4 table and one input per hashed model;
        // version 4 had no skip-a-word context, run models, long match model or third secondary estimate,
        // and its final mixer did not look at the byte before.
        bool v4 = formatVersion >= 4, v5 = formatVersion >= 5;
        _version3 = !v4;
        NibbleContextModel Hashed(Func<Past, uint> contextOf, int slotBits) =>
            new(_past, contextOf, directContexts: 0, slotBits, oneSidedInput: v4);
        var models = new List<ContextModel>
        {
            new NibbleContextModel(_past, _ => 0, directContexts: 1, slotBits: 0),                       // order 0
            new NibbleContextModel(_past, p => (uint)p.LastByte, directContexts: 256, slotBits: 0),       // order 1
            Hashed(p => Hash(p.Recent & 0xFFFF, 2), Math.Min(tableBits, 16)),                             // order 2
        };
        if (used >= 2)
        {
            models.Add(Hashed(p => Hash(p.Recent & 0xFF_FFFF, 3), Math.Min(tableBits, 18)));             // order 3
            models.Add(Hashed(p => Hash(p.Recent & 0xFFFF_FFFF, 4), v4 ? tableBits - 1 : tableBits));     // order 4
            models.Add(Hashed(p => Hash(p.Recent & 0xFFFF_FFFF_FFFF, 6), tableBits));                      // order 6
            models.Add(Hashed(p => Hash(p.Recent ^ Hash(p.Older & 0xFFFF, 10), 10), tableBits));          // order 10
            if (v4) models.Add(Hashed(p => Hash(p.Recent ^ Hash(p.Older, 16), 16), tableBits - 1));        // order 16
            models.Add(new CounterModel(_past, p => Hash(p.Recent & 0xFFFF_FFFF_FFFF, 16), Math.Min(tableBits + 3, 22))); // order 6, counted
        }
        if (used >= 3)
        {
            models.Add(Hashed(p => Hash(WordOrByte(p), 7), tableBits - 1));                               // the word
            models.Add(Hashed(p => Hash(WordOrByte(p) << 32 ^ p.PreviousWordHash, 8), tableBits - 1));   // and the word before
            if (v4) models.Add(Hashed(p => Hash((ulong)p.PreviousWordHash << 8 | (p.Recent & 0xFF), 14), tableBits - 2)); // the word before, and the byte before
            if (v5) models.Add(Hashed(p => Hash(WordOrByte(p) << 32 ^ p.WordBeforePreviousHash, 15), tableBits - 1)); // the word, and the one before the word before
        }
        if (used >= 4) models.Add(new NibbleContextModel(_past, p => (uint)p.Column, directContexts: 256, slotBits: 0)); // the column
        if (used >= 5 && v4)
        {
            models.Add(Hashed(p => Hash((ulong)p.AfterLastByte << 16 | (p.Recent & 0xFFFF), 12), tableBits - 2)); // what followed the byte before, and the 2 bytes before
            models.Add(Hashed(p => Hash((ulong)p.AfterLastPair << 8 | (p.Recent & 0xFF), 11), Math.Min(tableBits, 18))); // what followed the 2 bytes before, and the byte before
            models.Add(Hashed(p => Hash(p.Recent & 0xFFFF00, 13), Math.Min(tableBits, 18)));             // bytes 2 and 3 back, skipping the last
        }
        if (used >= 5 && v5)
        {
            models.Add(new RunModel(_past, p => Hash(p.Recent & 0xFFFF, 16), Math.Min(tableBits, 16)));       // the run after the 2 bytes before
            models.Add(new RunModel(_past, p => Hash(p.Recent & 0xFFFF_FFFF, 17), Math.Min(tableBits - 1, 20)));  // and after the 4 bytes before
        }
        if (used >= 6)
        {
            models.Add(_match = new MatchModel(_past, Math.Max(tableBits - 2, 12)));
            // A second match model that starts only on repeats of 20 bytes or more: the first one holds on to
            // the most recent short repeat, and this one finds the long repeat the short one would miss,
            // and follows it through a few changed bytes.
            if (v5) models.Add(new MatchModel(_past, Math.Max(tableBits - 2, 12), minLength: 20, survivesMismatches: true));
        }
        _models = [.. models];
        _contexts = [.. models.OfType<NibbleContextModel>()];
        _others = [.. models.Where(m => m is not NibbleContextModel)];
        _hashed = [.. _contexts.Where(m => m.IsHashed)];

        int inputs = _models.Sum(m => m.InputCount) + 1; // + a constant bias
        _mixer = used >= 7
            ? new TwoLayerMixer(inputs, fastStart: v4, finalContexts: v5 ? 8 * 8 : 8, 256, 16 * 8, 256 * (v4 ? 256 : 8), (_hashed.Length + 1) * 256)
            : new TwoLayerMixer(inputs, fastStart: v4, finalContexts: 8, 256);
        _finalByKind = v5;
        _mixerContexts = new int[used >= 7 ? 4 : 1];
        if (used >= 8)
        {
            _apmByKind = new Apm(256 * 8, 7);
            _apmOrder1 = new Apm(256 * 256, 7);
            if (v5) _apmOrder2 = new Apm(1 << 16, 7);
        }
        foreach (ContextModel model in _models) model.StartNibble();
    }

    /// <summary>
    /// A table size for an input of <paramref name="length"/> bytes: big enough, no bigger than needed.
    /// About four slots per input byte (each byte asks for two, and crowded buckets evict contexts
    /// that would come back): measured on the corpora, one slot per byte costs 0.4% more output.
    /// </summary>
    public static int TableBitsFor(long length) =>
        Math.Clamp(BitOperations.Log2((ulong)Math.Max(length, 1)) + 2, 12, DefaultTableBits);

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
        // 0. The largest tables a bit reads (the weights of the mixer chosen by the byte before, 10 MB,
        //    and the corrections by the byte and the two bytes before, 4 MB each) are far bigger than
        //    the processor's caches: ask for this bit's entries now, so they arrive while the context
        //    models predict.
        int partial = _past.Partial;
        int byteBefore = _version3 ? _past.LastByte * 8 + _past.BitPosition : _past.LastByte * 256 + partial;
        int order1 = partial | _past.LastByte << 8;
        int order2 = (int)(Hash((_past.Recent & 0xFFFF) << 8 | (uint)partial, 18) & 0xFFFF);
        if (_mixerContexts.Length > 1) _mixer.Prefetch(mixer: 2, context: byteBefore);
        _apmOrder1?.Prefetch(order1);
        _apmOrder2?.Prefetch(order2);

        // 1. Every context model gives its opinion.
        Span<int> inputs = _mixer.Inputs;
        int next = 0;
        foreach (NibbleContextModel model in _contexts)
        {
            model.Predict(inputs[next..]);
            next += model.InputCount;
        }
        foreach (ContextModel model in _others)
        {
            model.Predict(inputs[next..]);
            next += model.InputCount;
        }
        inputs[next] = 256;

        // 2. The mixers weigh them, each with the weights learned for its own situation: the bits of
        //    the byte so far; the match length; the byte before with the bits so far; how many hashed
        //    contexts were seen before (few: trust the short contexts; many: the long ones).
        _mixerContexts[0] = partial;
        if (_mixerContexts.Length > 1)
        {
            int seen = 0;
            foreach (NibbleContextModel model in _hashed) if (model.Seen) seen++;
            _mixerContexts[1] = Math.Min(_match!.LengthBucket, 15) * 8 + _past.BitPosition;
            _mixerContexts[2] = byteBefore;
            _mixerContexts[3] = seen * 256 + partial;
        }
        //    The final mixer's weights are chosen by the bit position (and, from format 5 on, the kind
        //    of byte before: after a space the word models deserve other trust than inside a word).
        int final = _finalByKind ? (_past.LastByte >> 5) * 8 + _past.BitPosition : _past.BitPosition;
        int mixed = _mixer.Mix(_mixerContexts, final);

        // 3. Secondary estimates correct the mix, given the kind of byte before (the top 3 bits of
        //    a byte tell letters, capitals, digits/punctuation and spaces apart) and given the byte
        //    before, and given the two bytes before; the corrections are averaged with the mix. The
        //    last one's contexts (the two bytes and the bits so far) are hashed into 65,536 (step 0): a
        //    table of all 2^24 would take 1 GB, and most of them never come.
        if (_apmByKind is not null && _apmOrder1 is not null)
        {
            int byKind = _apmByKind.Refine(mixed, partial | (_past.LastByte & 0xE0) << 3);
            int byOrder1 = _apmOrder1.Refine(mixed, order1);
            if (_apmOrder2 is null)
                mixed = (mixed + byKind + 2 * byOrder1 + 2) >> 2;
            else
            {
                int byOrder2 = _apmOrder2.Refine(mixed, order2);
                mixed = (mixed + byKind + 2 * byOrder1 + 2 * byOrder2 + 3) / 6;
            }
        }
        _p = Math.Clamp(mixed, 1, 4095);
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

        foreach (NibbleContextModel model in _contexts) model.Update(bit);
        foreach (ContextModel model in _others) model.Update(bit);
        _mixer.Update(bit);
        _apmByKind?.Update(bit);
        _apmOrder1?.Update(bit);
        _apmOrder2?.Update(bit);
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

    // The word models' context: the current word, or between words the byte before.
    private static ulong WordOrByte(Past past) =>
        past.WordHash == 0 ? past.Recent & 0xFF : (ulong)past.WordHash << 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ulong value, int salt)
    {
        ulong h = (value + (ulong)salt * 0x9E37_79B9_7F4A_7C15ul) * 0xD6E8_FEB8_6659_FD93ul;
        return (uint)(h >> 32) ^ (uint)(h >> 13);
    }
}

/// <summary>One stage of <see cref="ContextMixingModel"/>: a short name and what it adds.</summary>
public sealed record ContextMixingStage(string Name, string Adds);
