namespace InfoTheory;

/// <summary>
/// A block code against noise: it turns each block of k message bits into n ≥ k channel bits (adding redundancy),
/// and turns n received bits, some perhaps flipped, back into its best guess of the k message bits.
/// Bits are ints, 0 or 1. The rate k/n is the share of channel bits that carry the message.
/// </summary>
public interface IBlockCode
{
    /// <summary>A short name for tables and charts, such as "R₃" or "Hamming(7,4)".</summary>
    string Name { get; }

    /// <summary>k: message bits per block.</summary>
    int MessageLength { get; }

    /// <summary>n: channel bits per block.</summary>
    int BlockLength { get; }

    /// <summary>k message bits to n channel bits.</summary>
    int[] Encode(IReadOnlyList<int> message);

    /// <summary>n received bits to the best guess of the k message bits.</summary>
    int[] Decode(IReadOnlyList<int> received);
}

/// <summary>Helpers for bits written as strings such as "1011".</summary>
public static class BitString
{
    /// <summary>"1011" → [1, 0, 1, 1]. Spaces are ignored; any other character is an error.</summary>
    public static int[] Parse(string bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var digits = bits.Where(c => c != ' ').ToArray();
        int bad = Array.FindIndex(digits, c => c is not ('0' or '1'));
        if (bad >= 0) throw new ArgumentException($"'{digits[bad]}' is not a bit: write bits as 0s and 1s, like \"1011\".", nameof(bits));
        return digits.Select(c => c - '0').ToArray();
    }

    /// <summary>[1, 0, 1, 1] → "1011".</summary>
    public static string Format(IReadOnlyList<int> bits)
    {
        Check(bits, nameof(bits));
        return string.Concat(bits.Select(b => b == 1 ? '1' : '0'));
    }

    /// <summary>Checks that every entry is 0 or 1, and optionally the length.</summary>
    internal static void Check(IReadOnlyList<int> bits, string argument, int? length = null)
    {
        if (bits is null) throw new ArgumentNullException(argument);
        if (length is int n && bits.Count != n)
            throw new ArgumentException($"{argument} has {bits.Count} bits; this code works on blocks of {n}.", argument);
        for (int i = 0; i < bits.Count; i++)
            if (bits[i] is not (0 or 1))
                throw new ArgumentException($"{argument}[{i}] is {bits[i]}: a bit must be 0 or 1.", argument);
    }
}

/// <summary>
/// The repetition code Rₙ: send each bit n times (n odd), and decode by majority vote. It corrects up to (n − 1)/2
/// flips per block, at the price of a rate of 1/n.
/// </summary>
public sealed class RepetitionCode : IBlockCode
{
    public RepetitionCode(int repetitions)
    {
        if (repetitions < 1 || repetitions % 2 == 0)
            throw new ArgumentException($"repetitions must be odd and at least 1 (so a majority vote cannot tie), not {repetitions}.", nameof(repetitions));
        Repetitions = repetitions;
    }

    /// <summary>n: how many times each bit is sent.</summary>
    public int Repetitions { get; }

    public string Name => "R" + Charts.Label.Subscript(Repetitions.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public int MessageLength => 1;
    public int BlockLength => Repetitions;

    public int[] Encode(IReadOnlyList<int> message)
    {
        BitString.Check(message, nameof(message), MessageLength);
        return Enumerable.Repeat(message[0], Repetitions).ToArray();
    }

    public int[] Decode(IReadOnlyList<int> received)
    {
        BitString.Check(received, nameof(received), BlockLength);
        return [2 * received.Sum() > Repetitions ? 1 : 0];
    }

    public override string ToString() => Name;
}

/// <summary>
/// The Hamming(7,4) code: 4 message bits d₁d₂d₃d₄ followed by 3 parity bits
/// p₁ = d₁⊕d₂⊕d₄, p₂ = d₁⊕d₃⊕d₄, p₃ = d₂⊕d₃⊕d₄. Each parity bit checks a different group of message bits, so
/// the pattern of failed checks (the syndrome) names the one bit that flipped. It corrects any single flip in a
/// block of 7; two flips give a non-zero syndrome too (detected) but it points at a third bit, and decoding goes wrong.
/// </summary>
public sealed class Hamming74 : IBlockCode
{
    /// <summary>
    /// The parity-check matrix H: row c lists the bits parity check c covers (its message bits and its own parity bit).
    /// A codeword passes all three checks: H·t = 0 (mod 2).
    /// </summary>
    private static readonly int[,] ParityChecks =
    {
        //d1 d2 d3 d4 p1 p2 p3
        { 1, 1, 0, 1, 1, 0, 0 },
        { 1, 0, 1, 1, 0, 1, 0 },
        { 0, 1, 1, 1, 0, 0, 1 },
    };

    public string Name => "Hamming(7,4)";
    public int MessageLength => 4;
    public int BlockLength => 7;

    public int[] Encode(IReadOnlyList<int> message)
    {
        BitString.Check(message, nameof(message), MessageLength);
        var codeword = new int[7];
        for (int i = 0; i < 4; i++) codeword[i] = message[i];
        // Each parity bit makes its check's sum over the message bits even.
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < 4; i++)
                codeword[4 + c] ^= ParityChecks[c, i] & message[i];
        return codeword;
    }

    /// <summary>The syndrome H·r (mod 2): which of the three parity checks the received word fails. [0, 0, 0] for a codeword.</summary>
    public int[] Syndrome(IReadOnlyList<int> received)
    {
        BitString.Check(received, nameof(received), BlockLength);
        var syndrome = new int[3];
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < 7; i++)
                syndrome[c] ^= ParityChecks[c, i] & received[i];
        return syndrome;
    }

    /// <summary>
    /// The position (0–6) of the bit whose flip explains the syndrome, or −1 when every check passes.
    /// Every non-zero syndrome is exactly one column of H, because H's seven columns are the seven non-zero
    /// patterns of 3 bits.
    /// </summary>
    public int ErrorPosition(IReadOnlyList<int> received)
    {
        var s = Syndrome(received);
        if (s.All(b => b == 0)) return -1;
        return Enumerable.Range(0, 7).First(i => ParityChecks[0, i] == s[0] && ParityChecks[1, i] == s[1] && ParityChecks[2, i] == s[2]);
    }

    /// <summary>The received word with the bit the syndrome names flipped back: the nearest codeword.</summary>
    public int[] Correct(IReadOnlyList<int> received)
    {
        int position = ErrorPosition(received);
        var corrected = received.ToArray();
        if (position >= 0) corrected[position] ^= 1;
        return corrected;
    }

    /// <summary>Syndrome decoding: correct the word, then read off its first four bits, the message.</summary>
    public int[] Decode(IReadOnlyList<int> received) => Correct(received)[..4];

    public override string ToString() => Name;
}
