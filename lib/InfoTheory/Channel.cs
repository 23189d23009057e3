using System.Globalization;
using System.Text;
using InfoTheory.Rendering;

namespace InfoTheory;

/// <summary>
/// A noisy channel: for each input symbol, a distribution p(output | input) over output symbols (a table
/// whose rows sum to 1). Send a distribution through it to get the joint of input and output; feed the
/// second variable of a joint through it to build a Markov chain X → Y → Z. Immutable.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class Channel : IHtmlRenderable
{
    private readonly double[,] _p;
    private readonly string[] _inputs;
    private readonly string[] _outputs;

    private Channel(double[,] p, string[] inputs, string[] outputs)
    {
        _p = p;
        _inputs = inputs;
        _outputs = outputs;
    }

    /// <summary>The input symbols (the rows).</summary>
    public IReadOnlyList<string> Inputs => _inputs;

    /// <summary>The output symbols (the columns).</summary>
    public IReadOnlyList<string> Outputs => _outputs;

    /// <summary>
    /// A channel from a table of p(output | input): row i is the distribution of the output when input i is
    /// sent, so every row must sum to 1. Symbols are named "0", "1", … unless you give names.
    /// </summary>
    public static Channel FromTable(double[,] table, IReadOnlyList<string>? inputs = null, IReadOnlyList<string>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        int rows = table.GetLength(0), columns = table.GetLength(1);
        if (rows == 0 || columns == 0) throw new ArgumentException("The table is empty: a channel needs at least one input and one output.", nameof(table));
        for (int i = 0; i < rows; i++)
            Guard.ProbabilityVector(Enumerable.Range(0, columns).Select(j => table[i, j]).ToArray(), $"{nameof(table)} row {i}");
        return new Channel((double[,])table.Clone(), Guard.Names(inputs, rows, nameof(inputs)), Guard.Names(outputs, columns, nameof(outputs)));
    }

    /// <summary>
    /// The binary symmetric channel on "0" and "1": each bit arrives flipped with probability
    /// <paramref name="flipProbability"/> and intact otherwise.
    /// </summary>
    public static Channel BinarySymmetric(double flipProbability)
    {
        Guard.Probability(flipProbability, nameof(flipProbability));
        double e = flipProbability;
        return new Channel(new[,] { { 1 - e, e }, { e, 1 - e } }, ["0", "1"], ["0", "1"]);
    }

    /// <summary>
    /// The binary erasure channel: each bit is lost with probability ε (<paramref name="erasureProbability"/>) and
    /// arrives as "?", or arrives intact. The receiver knows which bits it lost, but never gets a wrong bit.
    /// </summary>
    public static Channel BinaryErasure(double erasureProbability)
    {
        Guard.Probability(erasureProbability, nameof(erasureProbability));
        double e = erasureProbability;
        return new Channel(new[,] { { 1 - e, e, 0 }, { 0, e, 1 - e } }, ["0", "1"], ["0", "?", "1"]);
    }

    /// <summary>
    /// The Z channel: a "0" always arrives as "0"; a "1" arrives as "0" with probability
    /// <paramref name="flipProbability"/>. (A light that sometimes fails to switch on, never falsely on.)
    /// </summary>
    public static Channel ZChannel(double flipProbability)
    {
        Guard.Probability(flipProbability, nameof(flipProbability));
        double f = flipProbability;
        return new Channel(new[,] { { 1, 0 }, { f, 1 - f } }, ["0", "1"], ["0", "1"]);
    }

    /// <summary>
    /// The noisy typewriter: a key typed on a circular keyboard comes out as itself, its left neighbour or its
    /// right neighbour, each with probability 1/3. By default the 27 keys are A–Z and "-" (after "-" comes "A").
    /// </summary>
    public static Channel NoisyTypewriter(string keys = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-")
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length < 3)
            throw new ArgumentException($"A noisy typewriter needs at least 3 keys (each has two neighbours), but keys has {keys.Length}.", nameof(keys));
        var names = Guard.Names(keys.Select(c => c.ToString()).ToArray(), keys.Length, nameof(keys));
        int n = keys.Length;
        var table = new double[n, n];
        for (int i = 0; i < n; i++)
            foreach (int j in new[] { (i + n - 1) % n, i, (i + 1) % n })
                table[i, j] = 1.0 / 3;
        return new Channel(table, names, names);
    }

    /// <summary>The noiseless channel on the given symbols: every input arrives as itself.</summary>
    public static Channel Identity(IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var names = Guard.Names(symbols, symbols.Count, nameof(symbols));
        var table = new double[names.Length, names.Length];
        for (int i = 0; i < names.Length; i++) table[i, i] = 1;
        return new Channel(table, names, names);
    }

    /// <summary>p(output | input) for one input symbol: one row of the table.</summary>
    public Distribution OutputGiven(string input) =>
        Distribution.FromProbabilities(Row(IndexOfInput(input, nameof(input))), _outputs);

    /// <summary>
    /// Sends inputs drawn from <paramref name="input"/> through the channel: the joint
    /// p(x, y) = p(x) · p(y | x), rows the inputs and columns the outputs.
    /// </summary>
    public JointDistribution Transmit(Distribution input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = new double[_inputs.Length, _outputs.Length];
        for (int i = 0; i < input.Count; i++)
        {
            int row = IndexOfInput(input.Outcomes[i], nameof(input));
            for (int j = 0; j < _outputs.Length; j++)
                table[row, j] = input.Probabilities[i] * _p[row, j];
        }
        return JointDistribution.FromCounts(table, _inputs, _outputs);
    }

    /// <summary>
    /// I(X; Y) between the input X, drawn from <paramref name="input"/>, and what comes out: the information one use
    /// of the channel carries when you send with that input distribution. Capacity is its maximum over inputs.
    /// </summary>
    public double MutualInformation(Distribution input, Unit unit) => Info.MutualInformation(Transmit(input), unit);

    /// <summary>
    /// Feeds Y of a joint p(x, y) through the channel and keeps X: the joint
    /// p(x, z) = Σ_y p(x, y) · p(z | y) of the Markov chain X → Y → Z, in which Z sees X only through Y.
    /// The joint's Y outcomes must be inputs of this channel.
    /// </summary>
    public JointDistribution ApplyToY(JointDistribution joint)
    {
        ArgumentNullException.ThrowIfNull(joint);
        var rowOfY = joint.YOutcomes.Select(y => IndexOfInput(y, nameof(joint))).ToArray();
        var table = new double[joint.XOutcomes.Count, _outputs.Length];
        for (int i = 0; i < joint.XOutcomes.Count; i++)
            for (int j = 0; j < joint.YOutcomes.Count; j++)
                for (int k = 0; k < _outputs.Length; k++)
                    table[i, k] += joint.Probability(i, j) * _p[rowOfY[j], k];
        return JointDistribution.FromCounts(table, joint.XOutcomes, _outputs);
    }

    /// <summary>
    /// This channel followed by <paramref name="next"/>: one channel whose table is the matrix product,
    /// p(z | x) = Σ_y p(y | x) · p(z | y). This channel's outputs must be the next one's inputs.
    /// </summary>
    public Channel Then(Channel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var rowOfY = _outputs.Select(y => next.IndexOfInput(y, nameof(next))).ToArray();
        var table = new double[_inputs.Length, next._outputs.Length];
        for (int i = 0; i < _inputs.Length; i++)
            for (int j = 0; j < _outputs.Length; j++)
                for (int k = 0; k < next._outputs.Length; k++)
                    table[i, k] += _p[i, j] * next._p[rowOfY[j], k];
        return new Channel(table, _inputs, next._outputs);
    }

    /// <summary>The table as text, one input per line.</summary>
    public override string ToString() =>
        "in\\out\t" + string.Join('\t', _outputs) + Environment.NewLine +
        string.Join(Environment.NewLine, _inputs.Select((x, i) =>
            x + "\t" + string.Join('\t', Row(i).Select(p => p.ToString("0.####", CultureInfo.InvariantCulture)))));

    /// <summary>The table as HTML: one row per input, the probabilities p(y | x) in the cells, zeros left blank so the pattern shows.</summary>
    public string ToHtml() => HtmlTables.Channel(_inputs, _outputs, _p);

    private double[] Row(int i) => Enumerable.Range(0, _outputs.Length).Select(j => _p[i, j]).ToArray();

    private int IndexOfInput(string symbol, string argument)
    {
        int i = Array.IndexOf(_inputs, symbol);
        return i >= 0 ? i : throw new ArgumentException(
            $"'{symbol}' is not an input of this channel (inputs: {string.Join(", ", _inputs)}).", argument);
    }
}
