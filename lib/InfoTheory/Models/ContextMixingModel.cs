using System.Runtime.CompilerServices;
using System.Numerics;

namespace InfoTheory.Models;

/// <summary>
/// A context-mixing model of bytes, predicting one bit at a time (alphabet 2: each byte is 8 bits,
/// most significant first). The course's strongest predictor, and so its strongest compressor.
/// </summary>
/// <remarks>
/// <para>
/// How it predicts a bit. Several context models each look at a different piece of the past: the
/// previous 0, 1, 2, 3, 4 and 6 bytes, the current word, and the longest earlier repeat of the
/// recent text (the match model). Each context model has seen its context before, a few or many
/// times, and remembers a compact history of the bits that followed (a <see cref="BitHistory"/>
/// state). An adaptive map turns that history into a probability pᵢ that the next bit is 1.
/// </para>
/// <para>
/// How it mixes. The probabilities are combined in the logistic domain: p = squash(Σ wᵢ·stretch(pᵢ)).
/// The weights are learned online by gradient descent on the code length, one weight vector per
/// partial byte, so the mixer learns, for instance, that the order-6 model is trustworthy when it has
/// seen its context many times and nearly useless when it has not. A secondary estimation stage
/// (<c>Apm</c>) then corrects the mixed probability given the partial byte and the kind of byte
/// before it (letter, capital, digit or punctuation, space).
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
/// are marked <c>AggressiveInlining</c>.
/// </para>
/// <para>
/// Everything is integer arithmetic with fixed tables (see <see cref="Logistic"/>), so a decoder on
/// any machine reproduces the encoder's probabilities exactly. Memory: the slot tables (16 bytes ×
/// 2^<c>tableBits</c> each for orders 4 and 6, half that for the word model, at most 1 MB and 4 MB
/// for orders 2 and 3), plus the input itself for the match model: about 30 MB for a 1 MB input
/// (<see cref="TableBitsFor"/> gives 19 there).
/// </para>
/// </remarks>
public sealed class ContextMixingModel : ISequenceModel
{
    /// <summary>Default (and largest automatic) table size: 2^21 slots of 16 bytes (32 MiB) per high-order model.</summary>
    public const int DefaultTableBits = 21;

    private const int ContextModels = 7;            // orders 0, 1, 2, 3, 4, 6 and the word
    private const int Inputs = ContextModels + 2;   // + match model + a constant bias
    private const int SlotBytes = 16;                // 1 check byte + 15 nibble-tree nodes
    private const int BucketSlots = 8;               // slots per bucket: 128 bytes, two cache lines
    private const int HashedFrom = 2;                // context models 0 and 1 are not hashed

    // All slots live in one array, one region per context model: orders 0 and 1 are indexed
    // directly, the others by hash, each region sized for how many contexts its model can meet
    // (order 2 has at most 65,536; order 6 up to one per byte).
    private readonly byte[] _table;
    private readonly int _order1Base;
    private readonly SlotTable[] _hashTables = new SlotTable[ContextModels];
    private readonly AdaptiveProbabilityMap _stateMap; // per context model and state: P(1)
    private readonly MatchModel _match;
    private readonly Mixer _mixer;
    private readonly Apm _apm = new(256 * 8, 7);

    private readonly uint[] _contextHashes = new uint[ContextModels]; // per byte
    private int _touched;                                             // keeps the touching loads alive
    private readonly int[] _slots = new int[ContextModels];           // per nibble: offset of each model's slot in its table
    private readonly byte[] _states = new byte[ContextModels];        // per bit: the state each model used

    private int _partial = 1;     // bits of the current byte so far, behind a leading 1 (1 .. 255)
    private int _bitPosition;     // 0 .. 7
    private int _node = 1;        // node in the current nibble's tree, 1 .. 15
    private ulong _recent;        // the last 8 bytes, most recent lowest
    private uint _wordHash;       // hash of the letters of the current word (0 between words)
    private int _p = 2048;        // the prediction for the next bit (12 bits)
    private bool _hasPrediction;

    /// <summary>Creates a model with a hash table of 2^<paramref name="tableBits"/> slots (16 bytes each).</summary>
    /// <param name="tableBits">12 .. 22: larger remembers more contexts of big inputs, but costs memory.</param>
    public ContextMixingModel(int tableBits = DefaultTableBits)
    {
        if (tableBits < 12 || tableBits > 22)
            throw new ArgumentOutOfRangeException(nameof(tableBits), tableBits, "The table size must be 2^12 .. 2^22 slots.");
        // Order 0 needs 1 + 16 nibble slots (the first nibble, and the second after each first);
        // order 1 the same for each previous byte. Then the hashed regions.
        int[] hashedBits = [Math.Min(tableBits, 16), Math.Min(tableBits, 18), tableBits, tableBits, tableBits - 1];
        _order1Base = 17 * SlotBytes;
        int size = _order1Base + 256 * 17 * SlotBytes;
        foreach (int bits in hashedBits) size += SlotBytes << bits;
        _table = new byte[size];
        int regionBase = _order1Base + 256 * 17 * SlotBytes;
        for (int i = HashedFrom; i < ContextModels; i++)
        {
            _hashTables[i] = new SlotTable(_table, regionBase, hashedBits[i - HashedFrom]);
            regionBase += SlotBytes << hashedBits[i - HashedFrom];
        }
        _stateMap = new AdaptiveProbabilityMap(ContextModels * 256, 1023, i => InitialProbability(i % 256));
        _match = new MatchModel(Math.Max(tableBits - 2, 12));
        _mixer = new Mixer(Inputs, 256, learningRate: 3, initialWeight: 1 << 14);
        StartByte();
    }

    /// <summary>A table size for an input of <paramref name="length"/> bytes: big enough, no bigger than needed.</summary>
    public static int TableBitsFor(long length) =>
        Math.Clamp(BitOperations.Log2((ulong)Math.Max(length, 1)), 12, DefaultTableBits);

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
        for (int i = 0; i < ContextModels; i++)
        {
            byte state = _table[_slots[i] + _node];
            _states[i] = state;
            inputs[i] = Logistic.Stretch(_stateMap.P(i * 256 + state));
        }
        inputs[ContextModels] = _match.Stretched(_partial, _bitPosition);
        inputs[ContextModels + 1] = 256;

        // Mix, then let a secondary estimate correct the mix given the kind of byte before (the top 3
        // bits of the previous byte tell letters, capitals, digits/punctuation and spaces apart).
        int mixed = _mixer.Mix(_partial);
        int refined = _apm.Refine(mixed, _partial | (int)(_recent & 0xE0) << 3);
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

        for (int i = 0; i < ContextModels; i++)
        {
            byte state = _states[i];
            _stateMap.Update(i * 256 + state, bit);
            _table[_slots[i] + _node] = BitHistory.Next(state, bit);
        }
        _match.Update(bit);
        _mixer.Update(bit);
        _apm.Update(bit);
        _hasPrediction = false;

        _partial = (_partial << 1) | bit;
        _node = (_node << 1) | bit;
        _bitPosition++;
        if (_bitPosition == 8) EndByte((byte)_partial);
        else if (_bitPosition == 4) StartNibble();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndByte(byte value)
    {
        _recent = (_recent << 8) | value;
        _match.EndByte(value);
        bool letter = value is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= 128;
        _wordHash = letter ? (_wordHash + (uint)(value | 0x20) + 1) * 0x2F0B_4A93u : 0;

        // The contexts for the next byte: hashes of the last k bytes, and of the current word.
        ulong r = _recent;
        _contextHashes[2] = Hash(r & 0xFFFF, 2);
        _contextHashes[3] = Hash(r & 0xFF_FFFF, 3);
        _contextHashes[4] = Hash(r & 0xFFFF_FFFF, 4);
        _contextHashes[5] = Hash(r & 0xFFFF_FFFF_FFFF, 6);
        _contextHashes[6] = Hash(_wordHash == 0 ? r & 0xFF : (ulong)_wordHash << 8, 7);
        StartByte();
    }

    private void StartByte()
    {
        _partial = 1;
        _bitPosition = 0;
        StartNibble();
    }

    // At the start of each nibble, find (or make) each context's slot for the 15 nodes of this nibble.
    // The buckets are far apart in a big table, so each is likely a cache miss: first touch all of
    // them (independent loads the processor overlaps), then search them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StartNibble()
    {
        _node = 1;
        // Orders 0 and 1 have few contexts: they get fixed slots at the start of the table.
        int nibble = _bitPosition == 0 ? 0 : 1 + (_partial & 15);
        _slots[0] = nibble * SlotBytes;
        _slots[1] = _order1Base + ((int)(_recent & 0xFF) * 17 + nibble) * SlotBytes;

        // A context's bucket depends only on the context, so its second-nibble slots sit next to its
        // first-nibble slot and the second lookup of a byte finds its bucket already in the cache.
        // The check byte tells the slots apart: the context's own check, shifted per nibble value.
        int touched = 0;
        for (int i = HashedFrom; i < ContextModels; i++) touched += _hashTables[i].Touch(_contextHashes[i]);
        _touched = touched;
        for (int i = HashedFrom; i < ContextModels; i++)
        {
            uint hash = _contextHashes[i];
            _slots[i] = _hashTables[i].Find(hash, (byte)((hash >> 24) + nibble * 59));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ulong value, int salt)
    {
        ulong h = (value + (ulong)salt * 0x9E37_79B9_7F4A_7C15ul) * 0xD6E8_FEB8_6659_FD93ul;
        return (uint)(h >> 32) ^ (uint)(h >> 13);
    }

    // A state's starting probability: (n1 + 1/2) / (n0 + n1 + 1), before anything is learned.
    private static int InitialProbability(int state)
    {
        if (state >= BitHistory.StateCount) return 2048;
        int n0 = BitHistory.ZerosOf((byte)state), n1 = BitHistory.OnesOf((byte)state);
        return Math.Clamp((2 * n1 + 1) * 4096 / (2 * (n0 + n1) + 2), 1, 4095);
    }

    /// <summary>
    /// A hash table of nibble slots in a region of the shared array: 16 bytes each, a check byte then
    /// the 15 bit-history states of a nibble's binary tree. Eight slots make a 128-byte bucket.
    /// </summary>
    private sealed class SlotTable(byte[] bytes, int regionBase, int slotBits)
    {
        private readonly byte[] Bytes = bytes;
        private readonly uint _bucketMask = (uint)((1 << slotBits) / BucketSlots - 1);

        /// <summary>Reads the bucket of a hash, so its cache line is on its way before <see cref="Find"/> needs it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Touch(uint hash) => Bytes[BucketOf(hash)];

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

        private int BucketOf(uint hash) => regionBase + (int)(hash & _bucketMask) * (SlotBytes * BucketSlots);
    }

    /// <summary>
    /// Predicts the next bit from the longest recent repeat: if the last few bytes occurred before,
    /// guess that what followed then follows now. How much to trust that guess is learned per match
    /// length.
    /// </summary>
    private sealed class MatchModel
    {
        private const int MinLength = 6;     // bytes of context that must repeat to start a match
        private byte[] _history = new byte[1 << 16];
        private int _length;                  // bytes in _history
        private readonly int[] _lastPosition; // hash of the last MinLength bytes → position after them
        private readonly int _hashMask;
        private int _matchPointer;            // position in _history of the predicted byte (0: no match)
        private int _matchLength;
        private int _expectedBit;
        private int _context;                 // the map context for this bit
        private readonly AdaptiveProbabilityMap _map = new(64 * 2, 1023, _ => 2048);

        public MatchModel(int hashBits)
        {
            _lastPosition = new int[1 << hashBits];
            _hashMask = (1 << hashBits) - 1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Stretched(int partial, int bitPosition)
        {
            _context = 0;
            if (_matchLength > 0)
            {
                int expectedByte = _history[_matchPointer] | 256;
                if (expectedByte >> (8 - bitPosition) == partial) // the byte so far agrees with the guess
                {
                    _expectedBit = (expectedByte >> (7 - bitPosition)) & 1;
                    int lengthBucket = _matchLength < 16 ? _matchLength : Math.Min(16 + ((_matchLength - 16) >> 3), 63);
                    _context = lengthBucket * 2 + _expectedBit;
                }
            }
            return Logistic.Stretch(_map.P(_context));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update(int bit) => _map.Update(_context, bit);

        public void EndByte(byte value)
        {
            if (_length == _history.Length) Array.Resize(ref _history, _history.Length * 2);
            _history[_length++] = value;

            if (_matchLength > 0 && _history[_matchPointer] == value)
            {
                _matchLength++;
                _matchPointer++;
            }
            else
            {
                _matchLength = 0;
            }
            if (_length < MinLength) return;

            uint h = 0;
            for (int i = _length - MinLength; i < _length; i++) h = (h + _history[i] + 1) * 0x01000193u;
            int slot = (int)((h ^ (h >> 15)) & (uint)_hashMask);
            if (_matchLength == 0)
            {
                int candidate = _lastPosition[slot];
                if (candidate > 0)
                {
                    int length = 0; // verify: count how many bytes really repeat
                    while (length < 400 && length < candidate && _history[candidate - 1 - length] == _history[_length - 1 - length]) length++;
                    if (length >= MinLength)
                    {
                        _matchLength = length;
                        _matchPointer = candidate;
                    }
                }
            }
            _lastPosition[slot] = _length;
        }
    }
}
