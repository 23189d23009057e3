using System.Globalization;
using System.Text;
using InfoTheory.Rendering;

namespace InfoTheory;

/// <summary>
/// The joint distribution p(x, y) of two discrete variables X and Y, as a table with one row per x
/// and one column per y. Immutable.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class JointDistribution : IHtmlRenderable
{
    private readonly double[,] _p;
    private readonly string[] _xs;
    private readonly string[] _ys;

    private JointDistribution(double[,] p, string[] xs, string[] ys, string xName = "x", string yName = "y")
    {
        _p = p;
        _xs = xs;
        _ys = ys;
        XName = xName;
        YName = yName;
    }

    /// <summary>The name of the row variable, used in the table's labels ("x" unless renamed).</summary>
    public string XName { get; }

    /// <summary>The name of the column variable, used in the table's labels ("y" unless renamed).</summary>
    public string YName { get; }

    /// <summary>The same table with its two variables named, e.g. ("z", "x") for a hidden cause and a word.</summary>
    public JointDistribution WithNames(string xName, string yName)
    {
        if (string.IsNullOrWhiteSpace(xName)) throw new ArgumentException("Give the row variable a name, e.g. \"x\".", nameof(xName));
        if (string.IsNullOrWhiteSpace(yName)) throw new ArgumentException("Give the column variable a name, e.g. \"y\".", nameof(yName));
        return new JointDistribution(_p, _xs, _ys, xName, yName);
    }

    /// <summary>The outcomes of X (the rows).</summary>
    public IReadOnlyList<string> XOutcomes => _xs;

    /// <summary>The outcomes of Y (the columns).</summary>
    public IReadOnlyList<string> YOutcomes => _ys;

    /// <summary>p(X = x, Y = y).</summary>
    public double this[string x, string y] => _p[Index(_xs, x, nameof(x)), Index(_ys, y, nameof(y))];

    /// <summary>p(X = x_i, Y = y_j) by position.</summary>
    public double Probability(int i, int j)
    {
        Guard.Index(i, _xs.Length, nameof(i), "row");
        Guard.Index(j, _ys.Length, nameof(j), "column");
        return _p[i, j];
    }

    /// <summary>A copy of the table, rows x and columns y.</summary>
    public double[,] ToTable() => (double[,])_p.Clone();

    /// <summary>
    /// A joint distribution from a table of probabilities summing to 1 (rows are X, columns are Y).
    /// Outcomes are named "0", "1", … unless you give names.
    /// </summary>
    public static JointDistribution FromTable(double[,] table, IReadOnlyList<string>? xOutcomes = null, IReadOnlyList<string>? yOutcomes = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        int rows = table.GetLength(0), columns = table.GetLength(1);
        var flat = Enumerable.Range(0, rows * columns).Select(k => table[k / columns, k % columns]).ToArray();
        Guard.ProbabilityVector(flat, nameof(table));
        return new JointDistribution((double[,])table.Clone(), Guard.Names(xOutcomes, rows, nameof(xOutcomes)), Guard.Names(yOutcomes, columns, nameof(yOutcomes)));
    }

    /// <summary>A joint distribution proportional to a table of non-negative counts or weights.</summary>
    public static JointDistribution FromCounts(double[,] counts, IReadOnlyList<string>? xOutcomes = null, IReadOnlyList<string>? yOutcomes = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var flat = Enumerable.Range(0, rows * columns).Select(k => counts[k / columns, k % columns]).ToArray();
        Guard.NonNegativeFiniteVector(flat, nameof(counts), "count");
        var shares = Guard.Shares(flat, nameof(counts), "All counts are 0: at least one cell needs a positive count.");
        var table = new double[rows, columns];
        for (int k = 0; k < shares.Length; k++) table[k / columns, k % columns] = shares[k];
        return new JointDistribution(table, Guard.Names(xOutcomes, rows, nameof(xOutcomes)), Guard.Names(yOutcomes, columns, nameof(yOutcomes)));
    }

    /// <summary>The empirical joint distribution of observed (x, y) pairs. Outcomes are sorted (ordinal).</summary>
    public static JointDistribution FromPairs(IEnumerable<(string X, string Y)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToList();
        if (list.Count == 0) throw new ArgumentException("There are no pairs to count.", nameof(pairs));
        int unnamed = list.FindIndex(p => p.X is null || p.Y is null);
        if (unnamed >= 0) throw new ArgumentException($"pairs[{unnamed}] has a null outcome: give every x and y a name.", nameof(pairs));
        var xs = list.Select(p => p.X).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
        var ys = list.Select(p => p.Y).Distinct().OrderBy(y => y, StringComparer.Ordinal).ToArray();
        var counts = new double[xs.Length, ys.Length];
        foreach (var (x, y) in list)
            counts[Array.IndexOf(xs, x), Array.IndexOf(ys, y)]++;
        return FromCounts(counts, xs, ys);
    }

    /// <summary>The joint distribution of two independent variables: p(x, y) = p(x) · p(y).</summary>
    public static JointDistribution Independent(Distribution x, Distribution y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var table = new double[x.Count, y.Count];
        for (int i = 0; i < x.Count; i++)
            for (int j = 0; j < y.Count; j++)
                table[i, j] = x.Probabilities[i] * y.Probabilities[j];
        return new JointDistribution(table, x.Outcomes.ToArray(), y.Outcomes.ToArray());
    }

    /// <summary>The marginal p(x) = Σ_y p(x, y).</summary>
    public Distribution MarginalX() =>
        Distribution.FromWeights(Enumerable.Range(0, _xs.Length).Select(i => Row(i).Sum()).ToArray(), _xs);

    /// <summary>The marginal p(y) = Σ_x p(x, y).</summary>
    public Distribution MarginalY() =>
        Distribution.FromWeights(Enumerable.Range(0, _ys.Length).Select(j => Column(j).Sum()).ToArray(), _ys);

    /// <summary>The conditional p(y | X = x): the row of x, renormalised.</summary>
    public Distribution YGivenX(string x)
    {
        int i = Index(_xs, x, nameof(x));
        if (Row(i).Sum() == 0) throw new ArgumentException($"p(X = {x}) is 0, so p(Y | X = {x}) is undefined.", nameof(x));
        return Distribution.FromWeights(Row(i), _ys);
    }

    /// <summary>The conditional p(x | Y = y): the column of y, renormalised.</summary>
    public Distribution XGivenY(string y)
    {
        int j = Index(_ys, y, nameof(y));
        if (Column(j).Sum() == 0) throw new ArgumentException($"p(Y = {y}) is 0, so p(X | Y = {y}) is undefined.", nameof(y));
        return Distribution.FromWeights(Column(j), _xs);
    }

    /// <summary>The same table with X and Y swapped.</summary>
    public JointDistribution Transpose()
    {
        var t = new double[_ys.Length, _xs.Length];
        for (int i = 0; i < _xs.Length; i++)
            for (int j = 0; j < _ys.Length; j++)
                t[j, i] = _p[i, j];
        return new JointDistribution(t, _ys, _xs, YName, XName);
    }

    /// <summary>The joint as one distribution over pairs named "x,y" (row by row).</summary>
    public Distribution Flatten() =>
        Distribution.FromProbabilities(
            Enumerable.Range(0, _xs.Length * _ys.Length).Select(k => _p[k / _ys.Length, k % _ys.Length]).ToArray(),
            Enumerable.Range(0, _xs.Length * _ys.Length).Select(k => $"{_xs[k / _ys.Length]},{_ys[k % _ys.Length]}").ToArray());

    private double[] Row(int i) => Enumerable.Range(0, _ys.Length).Select(j => _p[i, j]).ToArray();

    private double[] Column(int j) => Enumerable.Range(0, _xs.Length).Select(i => _p[i, j]).ToArray();

    /// <summary>The table as text, one row per line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{XName}\\{YName}\t").AppendJoin('\t', _ys).AppendLine();
        for (int i = 0; i < _xs.Length; i++)
            text.Append(_xs[i]).Append('\t').AppendJoin('\t', Row(i).Select(p => p.ToString("0.####", CultureInfo.InvariantCulture))).AppendLine();
        return text.ToString().TrimEnd();
    }

    /// <summary>The table as HTML, with the marginals in the margins.</summary>
    public string ToHtml() => HtmlTables.Joint(this);

    private static int Index(string[] names, string name, string argument)
    {
        if (name is null) throw new ArgumentNullException(argument, $"The outcome name is null: pass one of {string.Join(", ", names)}.");
        int i = Array.IndexOf(names, name);
        return i >= 0 ? i : throw new ArgumentException($"'{name}' is not one of the outcomes ({string.Join(", ", names)}).", argument);
    }
}
