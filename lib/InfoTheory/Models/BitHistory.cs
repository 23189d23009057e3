using System.Runtime.CompilerServices;
namespace InfoTheory.Models;

/// <summary>
/// Bit histories squeezed into one byte: a small state machine that remembers roughly how many
/// 0s and 1s were seen in a context, favouring recent bits.
/// </summary>
/// <remarks>
/// <para>
/// A state stands for a pair of counts (n0, n1). Seeing bit y adds one to n_y (up to
/// <see cref="CountLimit"/>) and, if the other count is above 2, cuts it to about half. So a context
/// that has always said 1 climbs (0,1), (0,2), (0,3)… and stays confident, while one that changes its
/// mind forgets old evidence quickly: text is not stationary.
/// </para>
/// <para>
/// The states are numbered by exploring from (0, 0) breadth first; with the limit of 30 there are
/// 216 of them, so a state fits in a byte and the hash table stores one byte per context and bit.
/// The model does not use n1 / (n0 + n1) directly: an adaptive map learns what each state really
/// predicts (a context seen once, (0,1), is usually followed by a 1 far more often than 1/2).
/// </para>
/// </remarks>
public static class BitHistory
{
    /// <summary>The largest count a state remembers.</summary>
    public const int CountLimit = 30;

    private static readonly byte[] NextTable; // index: state * 2 + bit
    private static readonly byte[] Zeros, Ones;
    private static readonly bool[] OneSided;

    static BitHistory()
    {
        var index = new Dictionary<(int N0, int N1), int> { [(0, 0)] = 0 };
        var order = new List<(int N0, int N1)> { (0, 0) };
        var transitions = new List<(int Next0, int Next1)>();
        for (int i = 0; i < order.Count; i++) // breadth-first: order grows as new states appear
        {
            var (n0, n1) = order[i];
            int next0 = IndexOf((Math.Min(n0 + 1, CountLimit), Discount(n1)));
            int next1 = IndexOf((Discount(n0), Math.Min(n1 + 1, CountLimit)));
            transitions.Add((next0, next1));
        }
        if (order.Count > 256) throw new InvalidOperationException("Bit-history states do not fit in a byte.");

        StateCount = order.Count;
        NextTable = transitions.SelectMany(t => new[] { (byte)t.Next0, (byte)t.Next1 }).ToArray();
        Zeros = order.Select(s => (byte)s.N0).ToArray();
        Ones = order.Select(s => (byte)s.N1).ToArray();
        OneSided = new bool[256];
        for (int i = 0; i < order.Count; i++) OneSided[i] = (order[i].N0 == 0) != (order[i].N1 == 0);

        int IndexOf((int, int) counts)
        {
            if (!index.TryGetValue(counts, out int i))
            {
                i = order.Count;
                index.Add(counts, i);
                order.Add(counts);
            }
            return i;
        }
    }

    /// <summary>How many states there are (216).</summary>
    public static int StateCount { get; }

    /// <summary>The state after seeing <paramref name="bit"/> in <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Next(byte state, int bit) => NextTable[state * 2 + bit];

    /// <summary>The count of 0s the state stands for.</summary>
    public static int ZerosOf(byte state) => Zeros[state];

    /// <summary>The count of 1s the state stands for.</summary>
    public static int OnesOf(byte state) => Ones[state];

    /// <summary>Whether the context has seen only 0s or only 1s (and at least one bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOneSided(byte state) => OneSided[state];

    /// <summary>n0 + n1: how much evidence the state holds (used to decide which contexts to forget).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Total(byte state) => Zeros[state] + Ones[state];

    private static int Discount(int count) => count > 2 ? count / 2 + 1 : count;
}
