using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace NotebookRunner.Engine;

/// <summary>Settings of a notebook run.</summary>
public sealed record SessionOptions
{
    /// <summary>The longest a single cell may run before it fails (compilation included). Default 120 s.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);
}

/// <summary>
/// Runs the C# cells of one notebook with the kernel's semantics: the first cell with
/// <c>CSharpScript.RunAsync</c>, each later one with <c>ScriptState.ContinueWithAsync</c>, so variables,
/// usings and <c>#r</c> references carry from cell to cell. While a cell runs, the working directory is the
/// notebook's folder and console output is captured. One session per notebook; create a new one to start fresh.
/// </summary>
public sealed partial class NotebookSession : IDisposable
{
    /// <summary>The namespaces every cell can use without a using directive, as in the kernel.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic",
        "System.Threading.Tasks", "System.Linq", "Microsoft.DotNet.Interactive.Kernel",
    ];

    /// <summary>AppContext key the course library reads to know which document it is rendering into.</summary>
    public const string DocumentIdKey = "InfoTheory.DocumentId";

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);
    private static readonly Dictionary<string, int> RunsPerPath = new(StringComparer.Ordinal);

    private readonly Notebook _notebook;
    private readonly SessionOptions _options;
    private readonly InteractiveAssemblyLoader _loader = new();
    private readonly string _documentId;
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;

    /// <summary>Starts a fresh session (no state yet) for <paramref name="notebook"/>.</summary>
    public NotebookSession(Notebook notebook, SessionOptions? options = null)
    {
        _notebook = notebook ?? throw new ArgumentNullException(nameof(notebook));
        _options = options ?? new SessionOptions();
        if (_options.CellTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "CellTimeout must be positive.");

        // Scripts see only the kernel shim (its own small assembly); make them use this very copy rather than load a second.
        _loader.RegisterDependency(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly);
        _documentId = NextDocumentId(notebook.Path);

        var directory = notebook.Directory;
        _scriptOptions = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(MetadataReference.CreateFromFile(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly.Location))
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
        ConsoleRouter.Install();
    }

    /// <summary>The notebook this session runs.</summary>
    public Notebook Notebook => _notebook;

    /// <summary>
    /// Runs every cell in order, stopping at the first failing cell.
    /// <paramref name="onCellStarting"/> is called before each cell (for progress reports).
    /// </summary>
    public static async Task<NotebookResult> RunAsync(Notebook notebook, SessionOptions? options = null, Action<Cell>? onCellStarting = null)
    {
        using var session = new NotebookSession(notebook, options);
        var clock = Stopwatch.StartNew();
        var results = new List<CellResult>();
        foreach (var cell in notebook.Cells)
        {
            onCellStarting?.Invoke(cell);
            var result = await session.RunCellAsync(cell);
            results.Add(result);
            if (!result.Succeeded) break;
        }
        return new NotebookResult(notebook, results, clock.Elapsed);
    }

    /// <summary>Parses and runs the .dib file at <paramref name="path"/>.</summary>
    public static Task<NotebookResult> RunFileAsync(string path, SessionOptions? options = null, Action<Cell>? onCellStarting = null) =>
        RunAsync(DibParser.Load(path), options, onCellStarting);

    /// <summary>
    /// Runs one cell in this session's state. Markdown cells do nothing. A failing cell leaves the state as it
    /// was before the cell and returns a result with <see cref="CellResult.Failure"/> set; it never throws.
    /// </summary>
    public async Task<CellResult> RunCellAsync(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Kind != CellKind.CSharp) return new CellResult(cell, [], TimeSpan.Zero, null);

        var clock = Stopwatch.StartNew();
        var collector = new OutputCollector();
        var previousDirectory = Environment.CurrentDirectory;
        CellFailure? failure = null;
        try
        {
            Environment.CurrentDirectory = _notebook.Directory;
            AppContext.SetData(DocumentIdKey, _documentId);
            var (code, options) = Prepare(cell);
            var run = Task.Run(async () =>
            {
                OutputCollector.Current = collector;
                var state = _state is null
                    ? await CSharpScript.Create(code, options, globalsType: null, assemblyLoader: _loader).RunAsync()
                    : await _state.ContinueWithAsync(code, options);
                if (state.ReturnValue is { } value and not Microsoft.DotNet.Interactive.DisplayedValue)
                    collector.Add(new DisplayOutput(ValueFormatter.Format(value), IsResult: true));
                return state;
            });
            _state = await run.WaitAsync(_options.CellTimeout);
        }
        catch (TimeoutException)
        {
            failure = Fail(cell, null, $"the cell did not finish within {_options.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (timeout).");
            collector.Add(new ErrorOutput("Timeout", failure.Message, []));
        }
        catch (CompilationErrorException e)
        {
            failure = CompileFailure(cell, e, collector);
        }
        catch (Exception e)
        {
            failure = ExceptionFailure(cell, e, collector);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
        var outputs = collector.Close();
        return new CellResult(cell, outputs, clock.Elapsed, failure);
    }

    /// <inheritdoc/>
    public void Dispose() => _loader.Dispose();

    /// <summary>
    /// The code and options for one cell: a file path per cell (so stack frames carry cell line numbers),
    /// and each <c>#r "nuget: …"</c> line blanked out and replaced by references to the restored assemblies.
    /// </summary>
    private (string Code, ScriptOptions Options) Prepare(Cell cell)
    {
        var lines = cell.Source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = NuGetDirective().Match(lines[i]);
            if (!match.Success) continue;
            var version = match.Groups["version"].Success ? match.Groups["version"].Value : "*";
            var assemblies = NuGetResolver.Resolve(match.Groups["name"].Value, version)
                .Where(path => !IsFrameworkAssembly(path))
                .Select(path => MetadataReference.CreateFromFile(path));
            _scriptOptions = _scriptOptions.AddReferences(assemblies);
            lines[i] = "";
        }
        return (string.Join("\n", lines), _scriptOptions.WithFilePath(CellFilePath(cell)));
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+)\s*)?"\s*$""")]
    private static partial Regex NuGetDirective();

    /// <summary>A made-up path beside the notebook naming the cell, e.g. 01-surprisal.dib.cell3.csx.</summary>
    private string CellFilePath(Cell cell) => Path.Combine(_notebook.Directory, $"{_notebook.FileName}.cell{cell.Number}.csx");

    private CellFailure Fail(Cell cell, int? line, string message) => new(_notebook.Path, cell.Number, line, message);

    private CellFailure CompileFailure(Cell cell, CompilationErrorException e, OutputCollector collector)
    {
        var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var first = errors.FirstOrDefault() ?? e.Diagnostics.First();
        var failure = Fail(cell, LineOf(first), Describe(first));
        var others = errors.Skip(1).Select(d => $"line {LineOf(d)?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {Describe(d)}").ToArray();
        collector.Add(new ErrorOutput("CompilationError", failure.Message, others));
        return failure;

        static string Describe(Diagnostic d) => $"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";

        static int? LineOf(Diagnostic d) =>
            d.Location.IsInSource ? d.Location.GetLineSpan().StartLinePosition.Line + 1 : null;
    }

    private CellFailure ExceptionFailure(Cell cell, Exception e, OutputCollector collector)
    {
        e = Unwrap(e);
        var message = $"{e.GetType().Name}: {e.Message}";
        var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .Where(f => f.GetFileName() is not null && f.GetFileLineNumber() > 0)
            .Select(f => (File: f.GetFileName()!, Line: f.GetFileLineNumber()))
            .ToArray();
        var here = frames.Where(f => f.File == CellFilePath(cell)).Select(f => (int?)f.Line).FirstOrDefault();
        if (here is null)
        {
            // Thrown from code declared in an earlier cell: name that cell and line.
            var elsewhere = frames.FirstOrDefault(f => f.File.StartsWith(Path.Combine(_notebook.Directory, _notebook.FileName + ".cell"), StringComparison.Ordinal));
            if (elsewhere.File is not null)
                message += $" (in code from {Path.GetFileNameWithoutExtension(elsewhere.File).Split('.').Last()}, line {elsewhere.Line})";
        }
        // Frames name cells by their made-up file (01-surprisal.dib.cell3.csx); drop the folder to keep them short.
        var traceback = (e.StackTrace ?? "")
            .Replace(_notebook.Directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var failure = Fail(cell, here, message);
        collector.Add(new ErrorOutput(e.GetType().Name, e.Message, traceback));
        return failure;
    }

    /// <summary>The exception the cell's code threw, without reflection or task wrappers around it.</summary>
    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    e = aggregate.InnerExceptions[0];
                    break;
                default:
                    return e;
            }
        }
    }

    /// <summary>
    /// The document id for the library's charts: the notebook's full path, with a run number appended when the
    /// same notebook is run again in this process (so each run gets its own copy of plotly.js, as a fresh kernel would).
    /// </summary>
    private static string NextDocumentId(string path)
    {
        lock (RunsPerPath)
        {
            var runs = RunsPerPath[path] = RunsPerPath.GetValueOrDefault(path) + 1;
            return runs == 1 ? path : $"{path} (run {runs})";
        }
    }

    /// <summary>Every managed assembly of the shared framework the runner itself runs on.</summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var directory = RuntimeEnvironment.GetRuntimeDirectory();
        return [.. Directory.GetFiles(directory, "*.dll").Where(IsManaged).Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];

        static bool IsManaged(string path)
        {
            try
            {
                AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }

    private static bool IsFrameworkAssembly(string path) =>
        File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), Path.GetFileName(path)));
}
