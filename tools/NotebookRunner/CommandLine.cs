using System.Globalization;

namespace NotebookRunner;

/// <summary>The arguments of a verb: plain paths, and <c>--name value</c> options.</summary>
internal sealed record CommandLine(IReadOnlyList<string> Paths, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Splits <paramref name="args"/>; every option takes one value and must be in <paramref name="knownOptions"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option, or an option without a value.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args, params string[] knownOptions)
    {
        var paths = new List<string>();
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                paths.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            if (!knownOptions.Contains(name))
                throw new ArgumentException($"unknown option '{args[i]}' (known: {string.Join(", ", knownOptions.Select(o => "--" + o))}).");
            if (i + 1 >= args.Count)
                throw new ArgumentException($"option '{args[i]}' needs a value.");
            options[name] = args[++i];
        }
        return new CommandLine(paths, options);
    }

    /// <summary>A positive number of seconds from option <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public TimeSpan Seconds(string name, TimeSpan fallback)
    {
        if (!Options.TryGetValue(name, out var text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            throw new ArgumentException($"--{name} needs a positive number of seconds, got '{text}'.");
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>How to run each notebook: the cell timeout from --timeout, or the default.</summary>
    public Engine.SessionOptions Session() =>
        new() { CellTimeout = Seconds("timeout", new Engine.SessionOptions().CellTimeout) };

    /// <summary>
    /// The notebooks to process: the given paths, or the default folders of the repository.
    /// </summary>
    public IReadOnlyList<string> Notebooks()
    {
        if (Paths.Count > 0) return Engine.NotebookFiles.Expand(Paths);
        var root = Engine.NotebookFiles.FindRepositoryRoot()
            ?? throw new ArgumentException(
                $"no paths given and no {Engine.NotebookFiles.SolutionFile} found above the working directory; give .dib files or folders.");
        return Engine.NotebookFiles.DefaultNotebooks(root);
    }
}
