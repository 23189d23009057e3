using System.Runtime.CompilerServices;
namespace InfoTheory.Models;

// The context models of ContextMixingModel: each looks at one piece of the past and gives the mixer
// its opinion about the next bit, as stretched probabilities (log-odds; see Logistic).

/// <summary>What every stage of the context-mixing model may look at: the bytes so far and the bits of the current byte.</summary>
internal sealed class Past
{
    /// <summary>The last 8 bytes, most recent lowest.</summary>
    public ulong Recent;

    /// <summary>The 8 bytes before <see cref="Recent"/>.</summary>
    public ulong Older;

    /// <summary>A hash of the letters of the current word (0 between words).</summary>
    public uint WordHash;

    /// <summary>The hash of the word before the current one (or before this gap between words).</summary>
    public uint PreviousWordHash;

    /// <summary>The hash of the word before that one.</summary>
    public uint WordBeforePreviousHash;

    /// <summary>Every byte so far.</summary>
    public readonly ByteHistory History = new();

    /// <summary>How many bytes of the current line are known (capped at 255): the next byte's column.</summary>
    public int Column;

    // For each byte, and each pair of bytes: the last two bytes that came right after it (most recent lowest).
    private readonly ushort[] _afterByte = new ushort[1 << 8];
    private readonly ushort[] _afterPair = new ushort[1 << 16];

    /// <summary>The bits of the current byte so far, behind a leading 1 (1 .. 255).</summary>
    public int Partial = 1;

    /// <summary>How many bits of the current byte are known: 0 .. 7.</summary>
    public int BitPosition;

    /// <summary>The node of the current nibble's binary tree: 1 at the start of a nibble, then 2..3, 4..7, 8..15.</summary>
    public int Node = 1;

    /// <summary>The previous byte.</summary>
    public int LastByte => (int)(Recent & 0xFF);

    /// <summary>The two bytes that followed the previous byte the last two times it came (an indirect context).</summary>
    public int AfterLastByte => _afterByte[(int)(Recent & 0xFF)];

    /// <summary>The two bytes that followed the previous two bytes the last two times they came.</summary>
    public int AfterLastPair => _afterPair[(int)(Recent & 0xFFFF)];

    /// <summary>Which of the 17 nibble trees of a byte we are in: 0 for the first nibble, 1 + its value for the second.</summary>
    public int Nibble => BitPosition == 0 ? 0 : 1 + (Partial & 15);

    /// <summary>
    /// The next bit of a guessed byte (given behind a leading 1: 256 .. 511), or −1 when there is no guess
    /// (0) or the bits of the current byte so far disagree with it.
    /// </summary>
    public int NextBitOf(int guessedByte) =>
        guessedByte != 0 && guessedByte >> (8 - BitPosition) == Partial ? (guessedByte >> (7 - BitPosition)) & 1 : -1;

    /// <summary>Records a bit of the current byte.</summary>
    public void AddBit(int bit)
    {
        Partial = (Partial << 1) | bit;
        Node = (Node << 1) | bit;
        BitPosition++;
        if (BitPosition == 4) Node = 1;
    }

    /// <summary>Records a finished byte and starts the next one.</summary>
    public void EndByte(byte value)
    {
        ref ushort afterByte = ref _afterByte[(int)(Recent & 0xFF)];
        afterByte = (ushort)(afterByte << 8 | value);
        ref ushort afterPair = ref _afterPair[(int)(Recent & 0xFFFF)];
        afterPair = (ushort)(afterPair << 8 | value);
        History.Add(value);
        Older = (Older << 8) | (Recent >> 56);
        Recent = (Recent << 8) | value;
        bool letter = value is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= 128;
        if (letter) WordHash = (WordHash + (uint)(value | 0x20) + 1) * 0x2F0B_4A93u;
        else if (WordHash != 0) (WordBeforePreviousHash, PreviousWordHash, WordHash) = (PreviousWordHash, WordHash, 0);
        Column = value == (byte)'\n' ? 0 : Math.Min(Column + 1, 255);
        Partial = 1;
        BitPosition = 0;
        Node = 1;
    }
}

/// <summary>
/// One context model: before each bit it writes its prediction(s) into the mixer's inputs, after the
/// bit it learns. Between bytes and nibbles it moves to its new context.
/// </summary>
internal abstract class ContextModel
{
    /// <summary>How many mixer inputs <see cref="Predict"/> fills.</summary>
    public abstract int InputCount { get; }

    /// <summary>Writes stretched probabilities that the next bit is 1 into <paramref name="inputs"/>.</summary>
    public abstract void Predict(Span<int> inputs);

    /// <summary>Learns the bit that came (the <see cref="Past"/> still shows the bits before it).</summary>
    public abstract void Update(int bit);

    /// <summary>A byte has ended (it is <see cref="Past.LastByte"/>): find the context of the next one.</summary>
    public abstract void StartByte();

    /// <summary>A nibble begins (after <see cref="StartByte"/>, and after the first 4 bits of a byte).</summary>
    public virtual void StartNibble() { }
}

/// <summary>
/// A context model in the style of a counting n-gram, but one bit at a time: for each context it keeps
/// a <see cref="BitHistory"/> state per node of the byte's binary tree, and an adaptive map learns
/// what each state predicts. The context is a function of the past (the last k bytes, the current
/// word…), computed once per byte.
/// </summary>
/// <remarks>
/// The states of a nibble's 15 tree nodes sit together in a 16-byte slot, so a byte costs two lookups.
/// Few contexts (order 0 and 1) get a slot each (directContexts &gt; 0: the context is the index);
/// many are hashed into a <see cref="SlotTable"/> of 2^slotBits slots.
/// </remarks>
internal sealed class NibbleContextModel : ContextModel
{
    private const int NibbleTrees = 17; // a byte's first nibble, and its second after each of 16 first nibbles

    private readonly Past _past;
    private readonly Func<Past, uint> _contextOf;
    private readonly SlotTable? _hashed;  // null: direct
    private readonly byte[] _table;       // the slots: the hash table's, or one per direct context and nibble tree
    private readonly AdaptiveProbabilityMap _stateMap = new(256, 1023, InitialProbability);
    private uint _context;  // this byte's context (a hash unless direct)
    private int _slot;      // this nibble's slot
    private byte _state;    // the state this bit's prediction used
    private readonly bool _oneSidedInput; // a second mixer input (see the constructor)

    /// <param name="past">The past every stage shares.</param>
    /// <param name="contextOf">The context of the next byte, computed once per byte (a hash, or an index below directContexts).</param>
    /// <param name="directContexts">How many contexts get a slot each (0: hash them into a table).</param>
    /// <param name="slotBits">The hash table's size: 2^slotBits slots (ignored for direct contexts).</param>
    /// <param name="oneSidedInput">
    /// Give the mixer a second input: the prediction again when the context has seen only 0s or only 1s
    /// there, else 0. Such "deterministic" contexts deserve more trust than their counts suggest, and
    /// the mixer learns how much.
    /// </param>
    public NibbleContextModel(Past past, Func<Past, uint> contextOf, int directContexts, int slotBits, bool oneSidedInput = false)
    {
        _past = past;
        _contextOf = contextOf;
        _hashed = directContexts > 0 ? null : new SlotTable(slotBits);
        _table = _hashed?.Bytes ?? new byte[directContexts * NibbleTrees * SlotTable.SlotBytes];
        _oneSidedInput = oneSidedInput;
    }

    public override int InputCount => _oneSidedInput ? 2 : 1;

    /// <summary>Whether the contexts are hashed into a table (not one slot each).</summary>
    public bool IsHashed => _hashed is not null;

    /// <summary>Whether this bit's context has been seen before (its state is not the empty history).</summary>
    public bool Seen => _state != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Predict(Span<int> inputs)
    {
        _state = _table[_slot + _past.Node];
        int st = Logistic.Stretch(_stateMap.P(_state));
        inputs[0] = st;
        if (_oneSidedInput) inputs[1] = BitHistory.IsOneSided(_state) ? st : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Update(int bit)
    {
        _stateMap.Update(_state, bit);
        _table[_slot + _past.Node] = BitHistory.Next(_state, bit);
    }

    /// <summary>The next byte's context; its bucket starts loading into the cache (see <see cref="SlotTable.Prefetch"/>).</summary>
    public override void StartByte()
    {
        _context = _contextOf(_past);
        _hashed?.Prefetch(_context);
    }

    // A context's bucket depends only on the context, so its second-nibble slots sit next to its
    // first-nibble slot and the second lookup of a byte finds its bucket already in the cache.
    // The check byte tells the slots apart: the context's own check, shifted per nibble value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void StartNibble()
    {
        int nibble = _past.Nibble;
        _slot = _hashed is null
            ? ((int)_context * NibbleTrees + nibble) * SlotTable.SlotBytes
            : _hashed.Find(_context, (byte)((_context >> 24) + nibble * 59));
    }

    // A state's starting probability: (n1 + 1/2) / (n0 + n1 + 1), before anything is learned.
    private static int InitialProbability(int state)
    {
        if (state >= BitHistory.StateCount) return 2048;
        int n0 = BitHistory.ZerosOf((byte)state), n1 = BitHistory.OnesOf((byte)state);
        return Math.Clamp((2 * n1 + 1) * 4096 / (2 * (n0 + n1) + 2), 1, 4095);
    }
}

/// <summary>
/// A hash table of nibble slots: 16 bytes each, a check byte then the 15 bit-history states of a
/// nibble's binary tree. Eight slots make a 128-byte bucket (two cache lines).
/// </summary>
internal sealed class SlotTable(int slotBits)
{
    public const int SlotBytes = 16;      // 1 check byte + 15 nibble-tree nodes
    private const int BucketSlots = 8;

    public readonly byte[] Bytes = new byte[SlotBytes << slotBits];
    private readonly uint _bucketMask = (uint)((1 << slotBits) / BucketSlots - 1);

    /// <summary>
    /// Asks for the bucket of a hash, so it is on its way before <see cref="Find"/> needs it: buckets
    /// are far apart in a big table, so each is likely a cache miss, and every model asks for its
    /// bucket before any searches one, so the trips to memory overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(uint hash) => CacheLine.Prefetch(Bytes, BucketOf(hash), SlotBytes * BucketSlots);

    /// <summary>
    /// The slot with check byte <paramref name="check"/> in the bucket chosen by the low bits of
    /// <paramref name="hash"/>. A new slot replaces the one with the least evidence in its first node.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(uint hash, byte check)
    {
        int bucket = BucketOf(hash);
        int victim = bucket, victimPriority = int.MaxValue;
        for (int s = 0; s < BucketSlots; s++)
        {
            int slot = bucket + s * SlotBytes;
            if (Bytes[slot] == check) return slot;
            int priority = BitHistory.Total(Bytes[slot + 1]);
            if (priority < victimPriority) (victim, victimPriority) = (slot, priority);
        }
        Array.Clear(Bytes, victim, SlotBytes);
        Bytes[victim] = check;
        return victim;
    }

    private int BucketOf(uint hash) => (int)(hash & _bucketMask) * (SlotBytes * BucketSlots);
}

/// <summary>
/// Predicts the next bit from the longest recent repeat: if the last few bytes occurred before,
/// guess that what followed then follows now. How much to trust that guess is learned per match
/// length.
/// </summary>
/// <param name="past">The past every stage shares (its <see cref="Past.History"/> is searched).</param>
/// <param name="hashBits">The table of where each context last came has 2^hashBits entries.</param>
/// <param name="minLength">How many bytes must repeat to start a match (at least 6).</param>
/// <param name="survivesMismatches">
/// After a byte that differs from the guess, keep following the repeat (up to 8 mismatches, one
/// forgiven per 16 bytes that agree): a long repeat often comes back with a few changes, a changed word
/// in a copied line or a mutation in a repeated gene. How much a match that has survived mismatches
/// deserves to be believed is learned apart.
/// </param>
internal sealed class MatchModel(Past past, int hashBits, int minLength = 6, bool survivesMismatches = false) : ContextModel
{
    private readonly ByteHistory _history = past.History;
    private readonly int[] _lastPosition = new int[1 << hashBits]; // hash of the last minLength bytes → position after them
    private readonly int _hashMask = (1 << hashBits) - 1;
    private int _matchPointer;            // position in _history of the predicted byte (0: no match)
    private int _matchLength;
    private int _context;                 // the map context for this bit
    private int _mismatches;              // mismatches the current match has survived (less one per 16 bytes that agreed)
    private readonly AdaptiveProbabilityMap _map = new(64 * 2 * 4, 1023, _ => 2048); // by length, expected bit, mismatches (0..3)

    public override int InputCount => 1;

    /// <summary>The length of the current match in bytes (0: none), capped at 63 buckets: short ones exact, long ones by 8s.</summary>
    public int LengthBucket => _matchLength < 16 ? _matchLength : Math.Min(16 + ((_matchLength - 16) >> 3), 63);

    /// <summary>The byte the match predicts, behind a leading 1 (256 .. 511), or 0 without a match.</summary>
    public int ExpectedByte { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Predict(Span<int> inputs)
    {
        int expectedBit = past.NextBitOf(ExpectedByte);
        _context = expectedBit < 0 ? 0 : (LengthBucket * 2 + expectedBit) * 4 + Math.Min(_mismatches, 3);
        inputs[0] = Logistic.Stretch(_map.P(_context));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Update(int bit) => _map.Update(_context, bit);

    public override void StartByte()
    {
        byte value = (byte)past.LastByte;
        int length = _history.Length;

        if (_matchLength > 0 && _history[_matchPointer] == value)
        {
            _matchLength++;
            _matchPointer++;
            if (_mismatches > 0 && _matchLength % 16 == 0) _mismatches--;
        }
        else if (survivesMismatches && _matchLength > 0 && _mismatches < 8)
        {
            _mismatches++;
            _matchPointer++;
        }
        else
        {
            _matchLength = 0;
            _mismatches = 0;
        }
        if (length >= minLength) FindMatch(length);
        ExpectedByte = _matchLength > 0 ? _history[_matchPointer] | 256 : 0;
    }

    // Looks up where the last minLength bytes came before (if no match is running), and remembers
    // where they are now.
    private void FindMatch(int length)
    {
        uint h = 0;
        for (int i = length - minLength; i < length; i++) h = (h + _history[i] + 1) * 0x01000193u;
        int slot = (int)((h ^ (h >> 15)) & (uint)_hashMask);
        if (_matchLength == 0)
        {
            int candidate = _lastPosition[slot];
            if (candidate > 0)
            {
                int repeat = 0; // verify: count how many bytes really repeat
                while (repeat < 400 && repeat < candidate && _history[candidate - 1 - repeat] == _history[length - 1 - repeat]) repeat++;
                if (repeat >= minLength)
                {
                    _matchLength = repeat;
                    _matchPointer = candidate;
                }
            }
        }
        _lastPosition[slot] = length;
    }
}

/// <summary>
/// Every byte seen so far, in blocks of 1 MiB: growing never copies, so it costs the input's size plus
/// at most one block (an array doubled to fit would cost up to three times the input while it grows).
/// </summary>
internal sealed class ByteHistory
{
    private const int BlockBits = 20;
    private const int BlockMask = (1 << BlockBits) - 1;
    private readonly List<byte[]> _blocks = [];

    /// <summary>How many bytes have been added.</summary>
    public int Length { get; private set; }

    /// <summary>The byte added <paramref name="position"/>-th (from 0).</summary>
    public byte this[int position] => _blocks[position >> BlockBits][position & BlockMask];

    /// <summary>Appends a byte, starting a new block when the last one is full.</summary>
    public void Add(byte value)
    {
        if (Length >> BlockBits == _blocks.Count) _blocks.Add(new byte[1 << BlockBits]);
        _blocks[Length >> BlockBits][Length & BlockMask] = value;
        Length++;
    }
}

/// <summary>
/// The simplest context model: one adaptive probability per context and node of the byte's tree,
/// learned at rate 1/n (so it converges to the frequency of 1s there). Unlike a bit history it
/// keeps exact long-run frequencies, which pays on data whose statistics stay put (DNA).
/// </summary>
/// <remarks>A nibble's 15 nodes sit together (60 bytes, about one cache line), so a byte costs two trips to memory.</remarks>
internal sealed class CounterModel(Past past, Func<Past, uint> contextOf, int bits) : ContextModel
{
    private readonly AdaptiveProbabilityMap _map = new(1 << bits, 1023, _ => 2048);
    private readonly uint _nibbleMask = (1u << (bits - 4)) - 1;
    private uint _context;  // this byte's context (a hash)
    private int _nibbleBase;  // where this nibble's 16 entries start
    private int _index;       // this bit's entry

    public override int InputCount => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Predict(Span<int> inputs)
    {
        _index = _nibbleBase | past.Node;
        inputs[0] = Logistic.Stretch(_map.P(_index));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Update(int bit) => _map.Update(_index, bit);

    public override void StartByte()
    {
        _context = contextOf(past);
        _map.Prefetch(NibbleBase(0), 16); // the first nibble's entries: on their way while the other models start
    }

    public override void StartNibble() => _nibbleBase = NibbleBase(past.Nibble);

    private int NibbleBase(int nibble) => (int)(((_context + (uint)nibble * 0x9E37_79B1u) & _nibbleMask) << 4);
}

/// <summary>
/// For each context, the byte that followed it last time and how many times in a row that byte
/// followed it: a one-context match model. "After 'of t' came 'h' the last 5 times" is strong
/// evidence that a bit history, which sees one bit of a byte at a time, gathers more slowly.
/// How much a run of each length deserves to be believed is learned.
/// </summary>
/// <remarks>An entry is 32 bits: a 16-bit check of the context, the run length (capped at 255) and the byte.</remarks>
internal sealed class RunModel(Past past, Func<Past, uint> contextOf, int bits) : ContextModel
{
    private readonly uint[] _entries = new uint[1 << bits];
    private readonly AdaptiveProbabilityMap _map = new(16 * 2 * 8, 1023, _ => 2048); // by run length, expected bit, bit position
    private int _entry = -1;  // the entry of this byte's context
    private uint _check;      // this byte's context's check
    private int _expected;    // the byte the run predicts, behind a leading 1 (256 .. 511), or 0
    private int _run;         // how many times in a row it followed
    private int _mapContext;  // this bit's map context (-1: the run's byte disagrees with the bits so far)

    public override int InputCount => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Predict(Span<int> inputs)
    {
        int expectedBit = past.NextBitOf(_expected);
        _mapContext = expectedBit < 0 ? -1 : (Math.Min(_run, 15) * 2 + expectedBit) * 8 + past.BitPosition;
        inputs[0] = expectedBit < 0 ? 0 : Logistic.Stretch(_map.P(_mapContext));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Update(int bit)
    {
        if (_mapContext >= 0) _map.Update(_mapContext, bit);
    }

    public override void StartByte()
    {
        // The byte that ended extends its context's run, or starts a new one.
        int value = past.LastByte;
        if (_entry >= 0)
        {
            int run = _expected == (256 | value) ? Math.Min(_run + 1, 255) : 1;
            _entries[_entry] = _check << 16 | (uint)run << 8 | (uint)value;
        }
        uint context = contextOf(past);
        _entry = (int)(context & (uint)(_entries.Length - 1));
        _check = context >> 16;
        uint entry = _entries[_entry];
        bool found = entry >> 16 == _check && entry != 0;
        _expected = found ? 256 | (int)(entry & 0xFF) : 0;
        _run = found ? (int)(entry >> 8 & 0xFF) : 0;
    }
}
