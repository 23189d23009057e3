namespace InfoTheory.Coding;

/// <summary>How good a code is for a source: average length against the entropy bound.</summary>
/// <param name="AverageLength">Σ p(s)·length(s), bits per symbol.</param>
/// <param name="Entropy">H = −Σ p(s)·log2 p(s), bits per symbol: no lossless code averages less.</param>
/// <param name="KraftSum">Σ 2^(−length(s)): at most 1 for a prefix-free code.</param>
/// <param name="FixedLength">⌈log2 n⌉: the bits a fixed-length code needs for n symbols.</param>
public sealed record CodeStatistics(double AverageLength, double Entropy, double KraftSum, int FixedLength)
{
    /// <summary>Average length minus entropy: the bits per symbol wasted (a Huffman code wastes less than 1).</summary>
    public double Redundancy => AverageLength - Entropy;

    /// <summary>Entropy / average length (1 = perfect).</summary>
    public double Efficiency => Entropy / AverageLength;
}

/// <summary>
/// Huffman's construction of an optimal prefix code: repeatedly join the two least likely subtrees
/// into one, until one tree is left; each symbol's codeword is its path from the root.
/// </summary>
/// <remarks>
/// <para>
/// Why it is optimal: the two least likely symbols can always sit as siblings at the deepest level
/// of some best code, and joining them leaves a smaller problem of the same kind. The result has
/// average length L with H ≤ L &lt; H + 1, and Kraft sum exactly 1 for two or more symbols (every
/// internal node has two children, so no bit string is wasted).
/// </para>
/// <para>
/// Ties are broken deterministically, so the same weights always give the same codewords. Every
/// subtree gets a rank: leaves are ranked by symbol order (ordinal for strings, the natural order
/// otherwise), and each joined subtree is ranked after all earlier ones. Among equal weights the
/// subtree with the lower rank is taken first; of the two taken, the first gets bit 0 and the second
/// bit 1. A code of one symbol is the single codeword "0".
/// </para>
/// </remarks>
public static class Huffman
{
    /// <summary>The Huffman code for symbols with the given weights (probabilities or counts, all ≥ 0, not all 0).</summary>
    public static PrefixCode<TSymbol> Build<TSymbol>(IReadOnlyDictionary<TSymbol, double> weights, IComparer<TSymbol>? symbolOrder = null)
        where TSymbol : notnull
    {
        PrefixCode<TSymbol>.CheckWeights(weights);
        symbolOrder ??= DefaultOrder<TSymbol>();
        var leaves = weights.Keys.OrderBy(s => s, symbolOrder).ToList();
        if (leaves.Count == 1) return new PrefixCode<TSymbol>(new Dictionary<TSymbol, string> { [leaves[0]] = "0" });

        // The queue's priority is (weight, rank): lightest first, lowest rank among equal weights.
        var queue = new PriorityQueue<Tree<TSymbol>, (double Weight, int Rank)>();
        int rank = 0;
        foreach (TSymbol symbol in leaves)
        {
            queue.Enqueue(new Tree<TSymbol>(symbol, null, null), (weights[symbol], rank++));
        }
        while (queue.Count > 1)
        {
            queue.TryDequeue(out var first, out var firstPriority);
            queue.TryDequeue(out var second, out var secondPriority);
            queue.Enqueue(new Tree<TSymbol>(default, first, second), (firstPriority.Weight + secondPriority.Weight, rank++));
        }

        var codewords = new Dictionary<TSymbol, string>();
        Assign(queue.Dequeue(), "", codewords);
        return new PrefixCode<TSymbol>(codewords);
    }

    /// <summary>The Huffman code for symbols with integer counts.</summary>
    public static PrefixCode<TSymbol> Build<TSymbol>(IReadOnlyDictionary<TSymbol, int> counts, IComparer<TSymbol>? symbolOrder = null)
        where TSymbol : notnull =>
        Build(counts.ToDictionary(kv => kv.Key, kv => (double)kv.Value), symbolOrder);

    /// <summary>The Huffman code for the characters of <paramref name="text"/>, weighted by how often each occurs.</summary>
    public static PrefixCode<char> FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw new ArgumentException("The text is empty: there is nothing to build a code for.", nameof(text));
        return Build(CharacterCounts(text));
    }

    /// <summary>How often each character occurs in <paramref name="text"/>.</summary>
    public static IReadOnlyDictionary<char, int> CharacterCounts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<char, int>();
        foreach (char c in text) counts[c] = counts.GetValueOrDefault(c) + 1;
        return counts;
    }

    /// <summary>
    /// Average length, entropy (<see cref="Info.Entropy(Distribution, Unit)"/> in bits), Kraft sum and
    /// fixed-length size of <paramref name="code"/> for a source with these weights.
    /// </summary>
    public static CodeStatistics Statistics<TSymbol>(PrefixCode<TSymbol> code, IReadOnlyDictionary<TSymbol, double> weights)
        where TSymbol : notnull
    {
        ArgumentNullException.ThrowIfNull(code);
        PrefixCode<TSymbol>.CheckWeights(weights);
        double entropy = Info.Entropy(Distribution.FromWeights(weights.Values.ToArray()), Unit.Bits);
        int n = code.Codewords.Count;
        int fixedLength = n <= 1 ? 1 : (int)Math.Ceiling(Math.Log2(n));
        return new CodeStatistics(code.AverageLength(weights), entropy, code.KraftSum, fixedLength);
    }

    private static void Assign<TSymbol>(Tree<TSymbol> tree, string path, Dictionary<TSymbol, string> codewords) where TSymbol : notnull
    {
        if (tree.Zero is null || tree.One is null)
        {
            codewords[tree.Symbol!] = path;
            return;
        }
        Assign(tree.Zero, path + "0", codewords);
        Assign(tree.One, path + "1", codewords);
    }

    private static IComparer<TSymbol> DefaultOrder<TSymbol>() =>
        typeof(TSymbol) == typeof(string) ? (IComparer<TSymbol>)(object)StringComparer.Ordinal : Comparer<TSymbol>.Default;

    private sealed record Tree<TSymbol>(TSymbol? Symbol, Tree<TSymbol>? Zero, Tree<TSymbol>? One);
}
