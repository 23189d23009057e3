using System.Runtime.CompilerServices;
namespace InfoTheory.Coding;

/// <summary>
/// The reading half of the range coder: given the same sequence of model predictions as the
/// <see cref="RangeEncoder"/>, it recovers the symbols.
/// </summary>
/// <remarks>
/// The decoder keeps <c>code</c> = (the message's number) − low, scaled like the encoder's range. To
/// decode, it asks which symbol's slice contains <c>code</c> (<see cref="GetTarget"/>), then narrows
/// exactly as the encoder did (<see cref="Decode"/>). Bytes past the end of the input read as zeros,
/// matching the encoder's final rounding; <see cref="CheckFullyConsumed"/> then tells a complete code
/// from a truncated one or one with trailing bytes.
/// </remarks>
public sealed class RangeDecoder
{
    private const uint TopValue = 1u << 24;

    // The encoder never writes its last, always-zero cached byte, and its first byte is implicit.
    // Net effect: a complete code is read exactly this many bytes past its end.
    private const int ReadAheadBytes = 3;

    private readonly byte[] _input;
    private int _position;
    private uint _range = uint.MaxValue;
    private uint _code;

    /// <summary>Starts decoding <paramref name="code"/> (the bytes <see cref="RangeEncoder.Finish"/> returned).</summary>
    public RangeDecoder(ReadOnlySpan<byte> code)
    {
        _input = code.ToArray();
        for (int i = 0; i < 4; i++) _code = (_code << 8) | NextByte();
    }

    /// <summary>
    /// The position of the code inside [0, <paramref name="total"/>): the decoded symbol is the one whose
    /// slice [cum, cum + freq) contains it. Throws <see cref="InvalidDataException"/> if the input cannot
    /// be a valid code.
    /// </summary>
    public int GetTarget(int total)
    {
        if (total <= 0 || total > RangeEncoder.MaxTotal)
            throw new ArgumentOutOfRangeException(nameof(total), total, $"The total frequency must be in 1..{RangeEncoder.MaxTotal}.");
        if (_code >= _range) throw new InvalidDataException("The compressed data is corrupt (the code left its interval).");
        // The largest c with floor(range * c / total) <= code.
        ulong target = (((ulong)_code + 1) * (ulong)total - 1) / _range;
        return (int)target;
    }

    /// <summary>Removes the decoded symbol's slice, mirroring <see cref="RangeEncoder.Encode"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Decode(int cumulative, int frequency, int total)
    {
        RangeEncoder.CheckSlice(cumulative, frequency, total);
        (ulong start, ulong end) = RangeEncoder.Scale(_range, cumulative, frequency, total);
        _code -= (uint)start;
        _range = (uint)(end - start);
        while (_range < TopValue)
        {
            _range <<= 8;
            _code = (_code << 8) | NextByte();
        }
    }

    /// <summary>
    /// Decodes a two-symbol step (frequencies <paramref name="frequency0"/> for 0 and
    /// <paramref name="frequency1"/> for 1): the same as <see cref="GetTarget"/> then
    /// <see cref="Decode"/>, but comparing with the boundary instead of dividing by the range.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeBinary(int frequency0, int frequency1)
    {
        int total = frequency0 + frequency1;
        RangeEncoder.CheckSlice(0, frequency0, total);
        if (_code >= _range) throw new InvalidDataException("The compressed data is corrupt (the code left its interval).");
        ulong boundary = RangeEncoder.Scale(_range, 0, frequency0, total).End;
        int bit = _code >= boundary ? 1 : 0;
        if (bit == 0) Decode(0, frequency0, total);
        else Decode(frequency0, frequency1, total);
        return bit;
    }

    /// <summary>Decodes one bit whose probability of being 1 is <paramref name="p1"/> / 2^<paramref name="precisionBits"/>.</summary>
    public int DecodeBit(int p1, int precisionBits) => DecodeBinary((1 << precisionBits) - p1, p1);

    /// <summary>
    /// After the last symbol: throws <see cref="InvalidDataException"/> if the input was shorter
    /// (truncated) or longer (trailing bytes) than the code the encoder wrote.
    /// </summary>
    public void CheckFullyConsumed()
    {
        int readPastEnd = _position - _input.Length;
        if (readPastEnd < ReadAheadBytes)
            throw new InvalidDataException($"The compressed data has {ReadAheadBytes - readPastEnd} unexpected trailing byte(s) (corrupt or concatenated input).");
    }

    private byte NextByte()
    {
        if (_position < _input.Length) return _input[_position++];
        // A complete code is never read more than ReadAheadBytes past its end, so we can tell at once.
        if (++_position - _input.Length > ReadAheadBytes)
            throw new InvalidDataException("The compressed data is truncated (the code ended before the last symbol).");
        return 0;
    }
}
