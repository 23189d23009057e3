using System.CommandLine;
using System.Globalization;
using NotebookRunner.Engine;

namespace NotebookRunner;

/// <summary>
/// The command lines of the notebook tool (and of the course's CLI, which reuses these pieces), declared with
/// System.CommandLine: it parses every verb and writes the usage text (<c>--help</c>). A bad command line is one
/// line on standard error naming the verb and what is wrong, then exit code 2.
/// </summary>
internal static class CommandLine
{
    /// <summary>The exit code of a bad command line (unknown verb or option, a bad value, a missing path).</summary>
    public const int UsageError = 2;

    /// <summary>The notebook tool: run, export, serve, benchmark notebooks.</summary>
    public static RootCommand NotebookTool()
    {
        var benchmark = new Command("benchmark", "measure the tool") { BenchmarkNotebooks() };
        return new RootCommand(
            "The notebook tool: runs .dib notebooks headless in the .NET Interactive kernel, exports them as executed " +
            ".ipynb files and a static site, and serves the site.\n" +
            "With no paths, notebooks/, exercises/ and solutions/ of the repository are used. " +
            "Exit codes: 0 success, 1 a notebook failed, 2 bad arguments.")
        {
            Run(), Export(), Serve(), benchmark,
        };
    }

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> and runs the chosen verb. No arguments, or
    /// <c>help</c>, print the usage (exit 0); a bad command line prints one line saying what is wrong (and where to
    /// find the usage) on standard error and exits with <see cref="UsageError"/>.
    /// </summary>
    public static int Invoke(RootCommand root, string[] args)
    {
        if (args is [] or ["help"]) args = ["--help"];
        var result = root.Parse(args);
        if (result.Errors.Count == 0) return result.Invoke();

        var command = result.CommandResult.Command;
        var verb = string.Join(" ", CommandPath(result.CommandResult));
        string message;
        if (command.Subcommands.Count > 0)
        {
            // A command made of verbs (the tool itself, or `benchmark`): name the unknown verb and the known ones.
            var verbs = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            message = result.UnmatchedTokens.FirstOrDefault() is { } token
                ? token.StartsWith('-') ? $"unknown option '{token}'; give a verb: {verbs}." : $"unknown verb '{token}' (verbs: {verbs})."
                : $"give a verb: {verbs}.";
        }
        else message = result.Errors[0].Message;   // the first error says enough; the rest follow from it
        var help = string.Join(" ", new[] { root.Name, verb, "--help" }.Where(p => p.Length > 0));
        Console.Error.WriteLine($"{(verb.Length == 0 ? "" : verb + ": ")}{message} (usage: {help})");
        return UsageError;
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new List<string>();
        for (var c = command; c?.Parent is System.CommandLine.Parsing.CommandResult parent; c = parent) names.Insert(0, c.Command.Name);
        return names;
    }

    /// <summary><c>[paths...]</c>: .dib files or folders holding them.</summary>
    public static Argument<string[]> NotebookPaths() => new("paths")
    {
        Description = ".dib files or folders holding them (default: notebooks/, exercises/, solutions/)",
        Arity = ArgumentArity.ZeroOrMore,
        Validators = { RejectOptionLikeValues },
    };

    /// <summary><c>--timeout SECONDS</c>: the limit of each cell.</summary>
    public static Option<double?> Timeout() => new("--timeout")
    {
        Description = $"limit each cell to SECONDS (default {new SessionOptions().CellTimeout.TotalSeconds:0})",
        HelpName = "SECONDS",
        CustomParser = result =>
        {
            var text = result.Tokens.FirstOrDefault()?.Value ?? "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds))
                return seconds;
            result.AddError($"--timeout needs a positive number of seconds, got '{text}'.");
            return null;
        },
    };

    /// <summary>An unknown option would otherwise be taken for a path: name it as what it is.</summary>
    public static void RejectOptionLikeValues(System.CommandLine.Parsing.ArgumentResult result)
    {
        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
            result.AddError($"unknown option '{token.Value}'.");
    }

    /// <summary>How to run each notebook: the cell timeout given, or the default.</summary>
    public static SessionOptions Session(double? timeoutSeconds) =>
        timeoutSeconds is { } seconds ? new SessionOptions { CellTimeout = TimeSpan.FromSeconds(seconds) } : new SessionOptions();

    /// <summary>
    /// The notebooks to process: the given paths (a folder, whatever its name, stands for the .dib files in it), or
    /// the default folders of the repository.
    /// </summary>
    /// <exception cref="ArgumentException">A path does not exist or is not a notebook, no repository is found, or no notebook at all.</exception>
    public static IReadOnlyList<string> Notebooks(IReadOnlyList<string> paths)
    {
        if (paths.Count > 0)
        {
            var found = NotebookFiles.Expand(paths);
            if (found.Count == 0)
                throw new ArgumentException($"no notebooks found: {string.Join(", ", paths.Select(Describe))} holds no .dib file.");
            return found;
        }
        var root = NotebookFiles.FindRepositoryRoot()
            ?? throw new ArgumentException(
                $"no paths given and no {NotebookFiles.SolutionFile} found above the working directory; give .dib files or folders.");
        var notebooks = NotebookFiles.DefaultNotebooks(root);
        return notebooks.Count > 0 ? notebooks
            : throw new ArgumentException($"no notebooks found in {string.Join(", ", NotebookFiles.DefaultFolders)} under {root}.");
    }

    private static string Describe(string path) => Directory.Exists(path) ? $"the folder '{path}'" : $"'{path}'";

    private static Command Run()
    {
        var paths = NotebookPaths();
        var timeout = Timeout();
        var command = new Command("run", "run notebooks headless; stop at the first failing notebook and name its file, cell, line and message")
        {
            paths, timeout,
        };
        command.SetAction(result => RunCommand.Execute(result.GetValue(paths) ?? [], result.GetValue(timeout)));
        return command;
    }

    private static Command Export()
    {
        var paths = NotebookPaths();
        var timeout = Timeout();
        var output = Output();
        var plotly = new Option<string?>("--plotly")
        {
            Description = "plotly.min.js for pages with charts (default: lib/InfoTheory/Charts/plotly.min.js at the repository root)",
            HelpName = "FILE",
        };
        var command = new Command("export", "run every notebook; write DIR/notebooks/<folder>/<name>.ipynb and the static site DIR/site/")
        {
            paths, output, timeout, plotly,
        };
        command.SetAction(result => ExportCommand.Execute(result.GetValue(paths) ?? [], result.GetValue(output), result.GetValue(timeout),
            plotlyFile: result.GetValue(plotly)));
        return command;
    }

    /// <summary><c>--out DIR</c>: where an export writes (default out/ at the repository root).</summary>
    public static Option<string?> Output() => new("--out")
    {
        Description = "the folder to write (default: out/ at the repository root)",
        HelpName = "DIR",
    };

    private static Command Serve()
    {
        var site = new Argument<string?>("DIR")
        {
            Description = "the exported site to serve (default: out/site at the repository root)",
            Arity = ArgumentArity.ZeroOrOne,
            Validators = { RejectOptionLikeValues },
        };
        var port = new Option<int?>("--port")
        {
            Description = "the port on 127.0.0.1 (default 8080; 0 picks a free one)",
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.FirstOrDefault()?.Value ?? "";
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535) return n;
                result.AddError($"--port needs a number from 0 to 65535, got '{text}'.");
                return null;
            },
        };
        var command = new Command("serve", "serve the exported site on 127.0.0.1 until Ctrl+C (the lab needs http, not file://)")
        {
            site, port,
        };
        command.SetAction(result => ServeCommand.Execute(result.GetValue(site), result.GetValue(port) ?? 8080));
        return command;
    }

    private static Command BenchmarkNotebooks()
    {
        var paths = NotebookPaths();
        var timeout = Timeout();
        var command = new Command("notebooks", "time every notebook and cell, with kernel start-up and peak memory (use -c Release)")
        {
            paths, timeout,
        };
        command.SetAction(result => BenchmarkCommand.Notebooks(result.GetValue(paths) ?? [], result.GetValue(timeout)));
        return command;
    }
}
