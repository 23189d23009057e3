namespace InfoTheory.Exercises;

/// <summary>
/// Plain-Math versions of the measures, used only to compute exercises' expected values, so that a check
/// never compares the library with itself. Deliberately written as bare loops over arrays.
/// </summary>
internal static class ExpectedByHand
{
    /// <summary>−Σ p log₂ p, skipping zeros.</summary>
    public static double EntropyBits(IReadOnlyList<double> p)
    {
        double sum = 0;
        for (int i = 0; i < p.Count; i++)
            if (p[i] > 0) sum -= p[i] * Math.Log(p[i]) / Math.Log(2);
        return sum;
    }

    /// <summary>−Σ p log₂ q, +∞ when q is 0 where p is not.</summary>
    public static double CrossEntropyBits(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Count; i++)
        {
            if (p[i] == 0) continue;
            if (q[i] == 0) return double.PositiveInfinity;
            sum -= p[i] * Math.Log(q[i]) / Math.Log(2);
        }
        return sum;
    }

    /// <summary>Σ p log₂(p/q), +∞ when q is 0 where p is not.</summary>
    public static double KlBits(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Count; i++)
        {
            if (p[i] == 0) continue;
            if (q[i] == 0) return double.PositiveInfinity;
            sum += p[i] * Math.Log(p[i] / q[i]) / Math.Log(2);
        }
        return sum;
    }

    /// <summary>How often each of the 256 byte values occurs, as fractions of the total.</summary>
    public static double[] ByteFrequencies(byte[] bytes)
    {
        var counts = new double[256];
        foreach (byte b in bytes) counts[b]++;
        for (int i = 0; i < 256; i++) counts[i] /= bytes.Length;
        return counts;
    }

    /// <summary>The frequencies of the letters a–z in ASCII text, upper case folded to lower, everything else dropped.</summary>
    public static double[] LetterFrequencies(byte[] asciiText)
    {
        var counts = new double[26];
        double total = 0;
        foreach (byte b in asciiText)
        {
            int letter = b >= 'a' && b <= 'z' ? b - 'a' : b >= 'A' && b <= 'Z' ? b - 'A' : -1;
            if (letter < 0) continue;
            counts[letter]++;
            total++;
        }
        for (int i = 0; i < 26; i++) counts[i] /= total;
        return counts;
    }

    /// <summary>The x in [lo, hi] where a function with one minimum there is lowest, by golden-section search.</summary>
    public static double Minimise(Func<double, double> f, double lo, double hi, double tolerance = 1e-7)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = f(a), fb = f(b);
        while (hi - lo > tolerance)
        {
            if (fa < fb) { hi = b; b = a; fb = fa; a = hi - ratio * (hi - lo); fa = f(a); }
            else { lo = a; a = b; fa = fb; b = lo + ratio * (hi - lo); fb = f(b); }
        }
        return (lo + hi) / 2;
    }
}
