using System.Globalization;
using System.Text;
using InfoTheory.Rendering;

namespace InfoTheory.Coding;

/// <summary>
/// A code table that maps each symbol to a codeword of bits (written as a string of '0' and '1'),
/// with no codeword a prefix of another. Prefix-free means a stream of codewords can be decoded
/// left to right without separators: the first codeword that matches is the only one that can.
/// </summary>
/// <typeparam name="TSymbol">The symbol type, such as <see cref="char"/> or <see cref="string"/>.</typeparam>
/// <remarks>As a notebook cell's last value it shows as a table: symbol, codeword, length.</remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class PrefixCode<TSymbol> : IHtmlRenderable where TSymbol : notnull
{
    private readonly Dictionary<TSymbol, string> _codewords;
    private readonly Node _root = new();

    /// <summary>
    /// A code from a table of codewords. Throws <see cref="ArgumentException"/> if the table is empty,
    /// a codeword is empty or has characters other than '0' and '1', or the table is not prefix-free
    /// (the message names the two clashing codewords).
    /// </summary>
    public PrefixCode(IReadOnlyDictionary<TSymbol, string> codewords)
    {
        ArgumentNullException.ThrowIfNull(codewords);
        CheckPrefixFree(codewords);
        _codewords = codewords.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (symbol, codeword) in _codewords) Insert(symbol, codeword);
    }

    /// <summary>The codeword of each symbol.</summary>
    public IReadOnlyDictionary<TSymbol, string> Codewords => _codewords;

    /// <summary>The symbols of the code.</summary>
    public IEnumerable<TSymbol> Symbols => _codewords.Keys;

    /// <summary>The codeword of <paramref name="symbol"/>.</summary>
    public string CodewordOf(TSymbol symbol) =>
        _codewords.TryGetValue(symbol, out var codeword)
            ? codeword
            : throw new ArgumentException($"The symbol '{symbol}' has no codeword in this code.", nameof(symbol));

    /// <summary>The length in bits of the codeword of <paramref name="symbol"/>.</summary>
    public int LengthOf(TSymbol symbol) => CodewordOf(symbol).Length;

    /// <summary>
    /// The Kraft sum Σ 2^(−length). A prefix-free code always has Kraft sum ≤ 1 (each codeword of length l
    /// claims the 2^(−l) share of all infinite bit strings that start with it, and the shares cannot
    /// overlap); equal to 1 when no bit string is wasted, as in a Huffman code of two or more symbols.
    /// </summary>
    public double KraftSum => KraftSumOf(_codewords.Values.Select(c => c.Length));

    /// <summary>The Kraft sum Σ 2^(−l) of any list of codeword lengths.</summary>
    public static double KraftSumOf(IEnumerable<int> lengths) => lengths.Sum(l => Math.ScaleB(1.0, -l));

    /// <summary>
    /// The average codeword length Σ p(s)·length(s) in bits per symbol, for symbol probabilities or
    /// weights (weights are normalised to sum to 1).
    /// </summary>
    public double AverageLength(IReadOnlyDictionary<TSymbol, double> weights)
    {
        double total = CheckWeights(weights);
        return weights.Sum(kv => kv.Value / total * LengthOf(kv.Key));
    }

    /// <summary>Concatenates the codewords of <paramref name="symbols"/> into one bit string.</summary>
    public string Encode(IEnumerable<TSymbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var bits = new StringBuilder();
        foreach (TSymbol symbol in symbols) bits.Append(CodewordOf(symbol));
        return bits.ToString();
    }

    /// <summary>
    /// Splits a bit string back into symbols by walking the code tree. Throws <see cref="ArgumentException"/>
    /// on a character other than '0'/'1', a bit pattern no codeword starts with, or bits left over at the end.
    /// </summary>
    public IReadOnlyList<TSymbol> Decode(string bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var symbols = new List<TSymbol>();
        Node node = _root;
        int start = 0;
        for (int i = 0; i < bits.Length; i++)
        {
            int bit = bits[i] switch
            {
                '0' => 0,
                '1' => 1,
                _ => throw new ArgumentException($"Bit strings may only contain '0' and '1'; found '{bits[i]}' at position {i}.", nameof(bits)),
            };
            node = node.Children[bit]
                ?? throw new ArgumentException($"No codeword starts with \"{bits[start..(i + 1)]}\" (at position {start}): these bits were not made by this code.", nameof(bits));
            if (!node.IsLeaf) continue;
            symbols.Add(node.Symbol!);
            node = _root;
            start = i + 1;
        }
        if (node != _root)
            throw new ArgumentException($"The bits end in the middle of a codeword (\"{bits[start..]}\" is left over).", nameof(bits));
        return symbols;
    }

    /// <summary>True if no codeword is a prefix of another (and every codeword is a non-empty string of '0'/'1').</summary>
    public static bool IsPrefixFree(IReadOnlyDictionary<TSymbol, string> codewords)
    {
        try
        {
            CheckPrefixFree(codewords);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first two clashing codewords if the table is
    /// not prefix-free (or a codeword is empty or not made of '0'/'1').
    /// </summary>
    public static void CheckPrefixFree(IReadOnlyDictionary<TSymbol, string> codewords)
    {
        ArgumentNullException.ThrowIfNull(codewords);
        if (codewords.Count == 0) throw new ArgumentException("A code needs at least one symbol.", nameof(codewords));
        foreach (var (symbol, codeword) in codewords)
        {
            if (string.IsNullOrEmpty(codeword))
                throw new ArgumentException($"The codeword of '{symbol}' is empty: every codeword needs at least one bit.", nameof(codewords));
            if (codeword.Any(c => c is not ('0' or '1')))
                throw new ArgumentException($"The codeword of '{symbol}' is \"{codeword}\": codewords may only contain '0' and '1'.", nameof(codewords));
        }
        // Sorted as strings, a codeword that is a prefix of others comes right before one of them.
        var sorted = codewords.OrderBy(kv => kv.Value, StringComparer.Ordinal).ToList();
        for (int i = 0; i + 1 < sorted.Count; i++)
        {
            var (a, b) = (sorted[i], sorted[i + 1]);
            if (b.Value.StartsWith(a.Value, StringComparison.Ordinal))
            {
                string how = a.Value == b.Value ? "is the same as" : "is a prefix of";
                throw new ArgumentException(
                    $"The code is not prefix-free: the codeword \"{a.Value}\" of '{a.Key}' {how} the codeword \"{b.Value}\" of '{b.Key}'.",
                    nameof(codewords));
            }
        }
    }

    /// <summary>The table, one "symbol: codeword" per line, shortest codewords first.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine, SortedRows().Select(row => $"{Visible(row.Symbol)}: {row.Codeword}"));

    /// <summary>The code table as HTML, shortest codewords first (a space shows as ␣, a line break as ↵).</summary>
    public string ToHtml() => HtmlTables.PrefixCode(SortedRows().Select(row => (Visible(row.Symbol), row.Codeword)), KraftSum);

    private IEnumerable<(TSymbol Symbol, string Codeword)> SortedRows() =>
        _codewords.OrderBy(kv => kv.Value.Length).ThenBy(kv => kv.Value, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value));

    private static string Visible(TSymbol symbol) => VisibleText.Label(Convert.ToString(symbol, CultureInfo.InvariantCulture));

    internal static double CheckWeights(IReadOnlyDictionary<TSymbol, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) throw new ArgumentException("At least one symbol weight is needed.", nameof(weights));
        foreach (var (symbol, weight) in weights)
            if (!double.IsFinite(weight) || weight < 0)
                throw new ArgumentException($"The weight of '{symbol}' is {weight.ToString(CultureInfo.InvariantCulture)}: weights must be finite and non-negative.", nameof(weights));
        double total = weights.Values.Sum();
        if (total <= 0) throw new ArgumentException("The weights sum to zero: at least one must be positive.", nameof(weights));
        return total;
    }

    private void Insert(TSymbol symbol, string codeword)
    {
        Node node = _root;
        foreach (char c in codeword)
        {
            int bit = c - '0';
            node = node.Children[bit] ??= new Node();
        }
        node.Symbol = symbol;
        node.IsLeaf = true;
    }

    private sealed class Node
    {
        public readonly Node?[] Children = new Node?[2];
        public TSymbol? Symbol;
        public bool IsLeaf;
    }
}
