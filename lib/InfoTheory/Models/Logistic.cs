using System.Runtime.CompilerServices;
namespace InfoTheory.Models;

/// <summary>
/// The logistic function and its inverse in the integer units the context-mixing model uses.
/// </summary>
/// <remarks>
/// <para>
/// Probabilities are 12-bit integers: p = 1 .. 4095 means p / 4096. The "stretched" domain is the
/// log-odds ln(p / (1 − p)) times 256, clamped to −2047 .. 2047 (so ±8 in real units).
/// <see cref="Squash"/> maps log-odds to a probability, <see cref="Stretch"/> maps back.
/// </para>
/// <para>
/// Why log-odds: adding log-odds is how independent pieces of evidence combine, so a mixer that
/// adds weighted log-odds (logistic mixing) can learn how much to trust each model.
/// </para>
/// <para>
/// The tables are built once from a series expansion of exp that uses only +, −, × and ÷ (which
/// IEEE 754 rounds identically on every machine), never Math.Exp or Math.Log, whose last bits may
/// differ between platforms. Encoder and decoder therefore agree bit for bit everywhere.
/// </para>
/// </remarks>
public static class Logistic
{
    /// <summary>Largest log-odds value (×256) in the tables.</summary>
    public const int MaxStretch = 2047;

    private static readonly short[] SquashTable = BuildSquash();   // index x + 2048, x in −2048..2047
    private static readonly short[] StretchTable = BuildStretch(); // index p, p in 0..4095

    /// <summary>4096 / (1 + e^(−x/256)), clamped to 1 .. 4095. Inputs outside ±2047 are clamped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Squash(int x)
    {
        if (x > MaxStretch) x = MaxStretch;
        if (x < -MaxStretch) x = -MaxStretch;
        return SquashTable[x + 2048];
    }

    /// <summary>The inverse of <see cref="Squash"/>: about 256·ln(p / (4096 − p)) for p in 0 .. 4095.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Stretch(int p) => StretchTable[p];

    private static short[] BuildSquash()
    {
        var table = new short[4096];
        for (int x = -2048; x < 2048; x++)
        {
            double p = 4096.0 / (1.0 + ReproducibleExp(-x / 256.0));
            table[x + 2048] = (short)Math.Clamp((int)Math.Round(p), 1, 4095);
        }
        return table;
    }

    // Stretch(p) is the smallest x whose squash reaches p, so Stretch and Squash invert each other
    // as closely as integers allow. Built by walking up the (monotone) squash table.
    private static short[] BuildStretch()
    {
        var table = new short[4096];
        int p = 0;
        for (int x = -MaxStretch; x <= MaxStretch; x++)
        {
            int squashed = Squash(x);
            for (; p <= squashed; p++) table[p] = (short)x;
        }
        for (; p < 4096; p++) table[p] = MaxStretch;
        return table;
    }

    /// <summary>e^y for |y| ≤ 16 using only basic arithmetic: e^y = (e^(y/32))^32, Taylor series for the small power.</summary>
    internal static double ReproducibleExp(double y)
    {
        double z = y / 32;
        double term = 1, sum = 1;
        for (int n = 1; n <= 16; n++)
        {
            term = term * z / n;
            sum += term;
        }
        for (int i = 0; i < 5; i++) sum *= sum; // square five times: power 32
        return sum;
    }
}
