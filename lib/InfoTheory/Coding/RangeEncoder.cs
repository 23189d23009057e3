using System.Runtime.CompilerServices;
using System.Numerics;

namespace InfoTheory.Coding;

/// <summary>
/// The writing half of an integer range coder (a practical arithmetic coder).
/// </summary>
/// <remarks>
/// <para>
/// The idea: the whole message is one number in [0, 1). We keep an interval [low, low + range) that
/// still contains that number, scaled so that <c>range</c> is a 32-bit integer. Coding a symbol whose
/// probability is <c>freq / total</c> (with <c>cum</c> the total frequency of the symbols ordered before it)
/// narrows the interval to the symbol's share:
/// <code>
///   low   += floor(range * cum / total)
///   range  = floor(range * (cum + freq) / total) - floor(range * cum / total)
/// </code>
/// so each symbol costs about -log2(freq / total) bits: a narrower slice needs more digits to pin down.
/// Whenever <c>range</c> falls below 2^24 the top byte of <c>low</c> can no longer change except by a
/// carry, so we shift it out and multiply <c>range</c> by 256.
/// </para>
/// <para>
/// Carries: adding to <c>low</c> can overflow into bytes already shifted out. We hold back the last
/// shifted byte (<c>cache</c>) and any run of 0xFF bytes after it (<c>pendingFFs</c>) until we know
/// whether a carry will ripple into them; <c>low</c> is kept in 64 bits so bit 32 is the carry.
/// </para>
/// <para>
/// Everything is integer arithmetic with 64-bit products, so encoder and decoder make bit-identical
/// decisions on every machine. The scaling is exact up to one unit of <c>range</c> (≥ 2^24), so the
/// output is within a couple of bytes of the ideal code length Σ -log2(freq/total), which
/// <see cref="IdealBits"/> reports.
/// </para>
/// </remarks>
public sealed class RangeEncoder
{
    /// <summary>Totals may be at most this (2^24), so that every symbol keeps a non-empty slice of range.</summary>
    public const int MaxTotal = 1 << 24;

    private const uint TopValue = 1u << 24;

    private readonly List<byte> _output = new();
    private ulong _low;                 // bits 0..31: the interval's start; bit 32: a pending carry
    private uint _range = uint.MaxValue;
    private byte _cache;                // the last byte shifted out of low, not yet written
    private long _pendingFFs;           // 0xFF bytes after the cache, also not yet written
    private bool _firstByte = true;     // the very first shifted byte is always 0: we never write it
    private bool _finished;

    /// <summary>Sum of -log2(freq/total) over every coded symbol: the model's ideal code length in bits.</summary>
    public double IdealBits { get; private set; }

    /// <summary>Number of symbols coded so far.</summary>
    public long SymbolCount { get; private set; }

    /// <summary>
    /// Codes one symbol given its slice of the model's integer frequencies: it occupies
    /// [<paramref name="cumulative"/>, <paramref name="cumulative"/> + <paramref name="frequency"/>) of
    /// [0, <paramref name="total"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Encode(int cumulative, int frequency, int total)
    {
        CheckSlice(cumulative, frequency, total);
        if (_finished) throw new InvalidOperationException("The encoder is finished; create a new one to code more symbols.");

        (ulong start, ulong end) = Scale(_range, cumulative, frequency, total);
        _low += start;
        _range = (uint)(end - start);
        while (_range < TopValue)
        {
            _range <<= 8;
            ShiftLow();
        }

        IdealBits += Log2(total) - Log2(frequency);
        SymbolCount++;
    }

    /// <summary>Codes one bit whose probability of being 1 is <paramref name="p1"/> / 2^<paramref name="precisionBits"/>.</summary>
    /// <remarks>The same as <see cref="Encode"/> with the two symbols 0 and 1 and total 2^precisionBits.</remarks>
    public void EncodeBit(int bit, int p1, int precisionBits)
    {
        int total = 1 << precisionBits;
        if (bit == 0) Encode(0, total - p1, total);
        else Encode(total - p1, p1, total);
    }

    /// <summary>Writes out the final bytes and returns the whole code. The encoder cannot be used afterwards.</summary>
    public byte[] Finish()
    {
        if (!_finished)
        {
            // Any number in [low, low + range) identifies the message. Round low up to a multiple of 2^24
            // (still inside, because range >= 2^24): then only its top byte needs writing, and the decoder
            // reads the missing bytes as zeros.
            _low = (_low + 0x00FF_FFFFul) & ~0x00FF_FFFFul;
            ShiftLow();
            ShiftLow();
            _finished = true;
        }
        return _output.ToArray();
    }

    /// <summary>Number of bytes written so far (the final few are only written by <see cref="Finish"/>).</summary>
    public int BytesWritten => _output.Count;

    private void ShiftLow()
    {
        // If the top byte of low is below 0xFF, or a carry already happened, the cached byte is settled.
        if (_low < 0xFF00_0000ul || _low > 0xFFFF_FFFFul)
        {
            byte carry = (byte)(_low >> 32);
            WriteByte((byte)(_cache + carry));
            for (; _pendingFFs > 0; _pendingFFs--) WriteByte((byte)(0xFF + carry));
            _cache = (byte)(_low >> 24);
        }
        else
        {
            _pendingFFs++; // a 0xFF that a later carry could still turn into 0x00
        }
        _low = (_low & 0x00FF_FFFFul) << 8;
    }

    private void WriteByte(byte value)
    {
        if (_firstByte) { _firstByte = false; return; }
        _output.Add(value);
    }

    /// <summary>
    /// The symbol's slice of the range: [⌊range·cum/total⌋, ⌊range·(cum+freq)/total⌋). 64-bit products
    /// keep this exact; for a power-of-two total the division is a shift (same result, faster).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (ulong Start, ulong End) Scale(uint range, int cumulative, int frequency, int total)
    {
        ulong r = range;
        if ((total & (total - 1)) == 0)
        {
            int shift = BitOperations.Log2((uint)total);
            return (r * (ulong)cumulative >> shift, r * (ulong)(cumulative + frequency) >> shift);
        }
        return (r * (ulong)cumulative / (ulong)total, r * (ulong)(cumulative + frequency) / (ulong)total);
    }

    // log2 of small integers from a table (reporting only: the ideal length never steers the coding).
    private static readonly double[] SmallLog2 = Enumerable.Range(0, 4097).Select(i => Math.Log2(i)).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log2(int value) => value < SmallLog2.Length ? SmallLog2[value] : Math.Log2(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CheckSlice(int cumulative, int frequency, int total)
    {
        if (total <= 0 || total > MaxTotal)
            throw new ArgumentOutOfRangeException(nameof(total), total, $"The total frequency must be in 1..{MaxTotal}.");
        if (frequency <= 0)
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency,
                "The model gave the coded symbol frequency 0 (probability zero): a model must give every possible symbol a positive frequency.");
        if (cumulative < 0 || (long)cumulative + frequency > total)
            throw new ArgumentOutOfRangeException(nameof(cumulative), cumulative, $"The slice [cumulative, cumulative + frequency) must lie inside [0, {total}).");
    }
}
