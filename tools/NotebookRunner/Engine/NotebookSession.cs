using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NotebookRunner.Engine;

/// <summary>Settings of a notebook run.</summary>
public sealed record SessionOptions
{
    /// <summary>The longest a single cell may run (the kernel's start-up is not counted). Default 120 s.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The longest the kernel may take to start. Default 120 s.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How many notebooks <see cref="NotebookSession.RunManyAsync"/> runs at once, each in its own kernel. Default: 2 (or 1 on one core).</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>The most console text (in characters) kept per cell; the rest is replaced by one line saying so. Default 1,000,000.</summary>
    public int ConsoleTextLimit { get; init; } = 1_000_000;
}

/// <summary>
/// Runs a notebook's C# cells in the real .NET Interactive kernel, in a child process of its own (see
/// <see cref="KernelHost"/>), with the notebook's folder as working directory, as VS Code does. Variables,
/// usings and references carry from cell to cell. A cell that fails, exits the process, overflows its stack,
/// runs out of memory or runs too long ends the notebook with a <see cref="CellFailure"/> saying which; the
/// kernel process is then killed, and nothing else is affected.
/// </summary>
public static class NotebookSession
{
    /// <summary>
    /// Runs every cell in order, stopping at the first failing cell.
    /// <paramref name="onCellStarting"/> is called before each cell (for progress reports).
    /// </summary>
    public static async Task<NotebookResult> RunAsync(Notebook notebook, SessionOptions? options = null, Action<Cell>? onCellStarting = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new SessionOptions();
        if (options.CellTimeout <= TimeSpan.Zero || options.StartTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "CellTimeout and StartTimeout must be positive.");

        var clock = Stopwatch.StartNew();
        var results = new List<CellResult>();
        if (!notebook.CodeCells.Any())
            return new NotebookResult(notebook, notebook.Cells.Select(c => new CellResult(c, [], TimeSpan.Zero, null)).ToArray(), clock.Elapsed);

        await using var kernel = KernelProcess.Start(notebook.Directory);
        var startFailure = await WaitUntilReadyAsync(kernel, options.StartTimeout);
        var kernelStart = clock.Elapsed;
        foreach (var cell in notebook.Cells)
        {
            onCellStarting?.Invoke(cell);
            var result = cell.Kind != CellKind.CSharp ? new CellResult(cell, [], TimeSpan.Zero, null)
                : startFailure is not null ? Failed(notebook, cell, startFailure)
                : await RunCellAsync(kernel, notebook, cell, options);
            results.Add(result);
            if (!result.Succeeded) break;
        }
        return new NotebookResult(notebook, results, clock.Elapsed) { KernelStart = kernelStart, PeakMemoryBytes = kernel.PeakMemoryBytes() };
    }

    /// <summary>
    /// Reads and runs the notebooks at <paramref name="paths"/>, up to <see cref="SessionOptions.Parallelism"/> at a
    /// time, and calls <paramref name="onDone"/> for each in the given order as soon as it and those before it are done.
    /// A notebook that cannot be read has a null result and the reason instead.
    /// </summary>
    public static async Task<IReadOnlyList<NotebookRun>> RunManyAsync(
        IReadOnlyList<string> paths, SessionOptions? options = null, Action<NotebookRun>? onDone = null, Action<Notebook, Cell>? onCellStarting = null)
    {
        options ??= new SessionOptions();
        using var slots = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var runs = paths.Select(async path =>
        {
            await slots.WaitAsync();
            try
            {
                var notebook = NotebookDocument.Load(path);
                return new NotebookRun(path, notebook, await RunAsync(notebook, options, cell => onCellStarting?.Invoke(notebook, cell)), null);
            }
            catch (NotebookFormatException e)
            {
                return new NotebookRun(path, null, null, e.Message);
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();

        var done = new List<NotebookRun>();
        foreach (var run in runs)
        {
            done.Add(await run);
            onDone?.Invoke(done[^1]);
        }
        return done;
    }

    /// <summary>Reads and runs the notebook at <paramref name="path"/>; a malformed file throws <see cref="NotebookFormatException"/>.</summary>
    public static Task<NotebookResult> RunFileAsync(string path, SessionOptions? options = null, Action<Cell>? onCellStarting = null) =>
        RunAsync(NotebookDocument.Load(path), options, onCellStarting);

    /// <summary>Null once the kernel says it is ready, otherwise why it is not.</summary>
    private static async Task<string?> WaitUntilReadyAsync(KernelProcess kernel, TimeSpan timeout)
    {
        try
        {
            var message = await kernel.ReceiveAsync(DateTime.UtcNow + timeout);
            if (message?.Kind == "ready") return null;
            return $"the kernel did not start: {await kernel.ExitReasonAsync()}. {kernel.StandardErrorTail()}".Trim();
        }
        catch (TimeoutException)
        {
            kernel.Kill();
            return $"the kernel did not start within {Seconds(timeout)} s.";
        }
    }

    private static CellResult Failed(Notebook notebook, Cell cell, string message) =>
        new(cell, [new ErrorOutput("KernelError", message, [])], TimeSpan.Zero, new CellFailure(notebook.Path, cell.Number, null, message));

    private static async Task<CellResult> RunCellAsync(KernelProcess kernel, Notebook notebook, Cell cell, SessionOptions options)
    {
        var clock = Stopwatch.StartNew();
        var outputs = new CellOutputs(options.ConsoleTextLimit);
        var warnings = new List<string>();
        var compileErrors = new List<(int Line, string Text)>();
        CellFailure? failure = null;
        await kernel.SendAsync(new RunCellRequest(cell.Source));
        var deadline = DateTime.UtcNow + options.CellTimeout;
        try
        {
            KernelMessage? message;
            while ((message = await kernel.ReceiveAsync(deadline)) is not null && message.Kind != "done")
            {
                switch (message.Kind)
                {
                    case "stdout" or "stderr":
                        outputs.Write(message.Kind, message.Text ?? "");
                        break;
                    case "display" or "result":
                        outputs.Show(message.ValueId, Bundle(message), isResult: message.Kind == "result");
                        break;
                    case "update":
                        outputs.Update(message.ValueId, Bundle(message));
                        break;
                    case "warning":
                        warnings.Add($"line {message.Line}: {message.Text}");
                        break;
                    case "diagnostic":
                        compileErrors.Add((message.Line ?? 0, message.Text ?? ""));
                        break;
                    case "error":
                        failure ??= Failure(notebook, cell, message, compileErrors, outputs);
                        break;
                }
            }
            if (message is null)
            {
                // The kernel process ended in the middle of the cell: Environment.Exit, a stack overflow, a crash.
                var reason = await kernel.ExitReasonAsync();
                failure = new CellFailure(notebook.Path, cell.Number, null, reason);
                outputs.Add(new ErrorOutput("KernelExited", reason, []));
            }
        }
        catch (TimeoutException)
        {
            kernel.Kill();
            var message = $"did not finish within {Seconds(options.CellTimeout)} s (timeout); the kernel was stopped.";
            failure = new CellFailure(notebook.Path, cell.Number, null, message);
            outputs.Add(new ErrorOutput("Timeout", message, []));
        }
        return new CellResult(cell, outputs.Close(), clock.Elapsed, failure) { Warnings = warnings };
    }

    private static CellFailure Failure(Notebook notebook, Cell cell, KernelMessage error, List<(int Line, string Text)> compileErrors, CellOutputs outputs)
    {
        if (error.Name == "CompilationError" && compileErrors.Count > 0)
        {
            var (line, text) = compileErrors[0];
            var others = compileErrors.Skip(1).Select(e => $"line {e.Line}: {e.Text}").ToArray();
            outputs.Add(new ErrorOutput("CompilationError", text, others));
            return new CellFailure(notebook.Path, cell.Number, line, text);
        }
        var name = error.Name ?? "Error";
        var message = error.Text ?? "";
        outputs.Add(new ErrorOutput(name, message, error.Traceback ?? []));
        var described = name is "CompilationError" or "OutOfMemoryException" ? message : $"{name}: {message}";
        return new CellFailure(notebook.Path, cell.Number, error.Line, described);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Bundle(KernelMessage message) =>
        (message.Data ?? []).Where(pair => pair.Length == 2).Select(pair => KeyValuePair.Create(pair[0], pair[1])).ToArray();

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cell's outputs as they arrive: console writes to one stream merge into one output (up to a limit),
    /// displayed values keep their place and are replaced when updated.
    /// </summary>
    private sealed class CellOutputs(int consoleTextLimit)
    {
        private readonly List<CellOutput> _outputs = [];
        private readonly Dictionary<string, int> _displayed = [];
        private StringBuilder? _text;
        private string? _stream;
        private int _consoleText;
        private bool _truncated;

        public void Write(string stream, string text)
        {
            if (_truncated) return;
            if (_consoleText + text.Length > consoleTextLimit)
            {
                text = text[..Math.Max(0, consoleTextLimit - _consoleText)] +
                       $"\n… output cut here: the cell wrote more than {consoleTextLimit:N0} characters to the console.\n";
                _truncated = true;
            }
            _consoleText += text.Length;
            if (_stream != stream) Flush();
            _stream = stream;
            (_text ??= new StringBuilder()).Append(text);
        }

        public void Show(string? valueId, IReadOnlyList<KeyValuePair<string, string>> data, bool isResult)
        {
            Flush();
            if (valueId is not null) _displayed[valueId] = _outputs.Count;
            _outputs.Add(new DisplayOutput(data, isResult));
        }

        public void Update(string? valueId, IReadOnlyList<KeyValuePair<string, string>> data)
        {
            if (valueId is not null && _displayed.TryGetValue(valueId, out var index) && _outputs[index] is DisplayOutput shown)
                _outputs[index] = shown with { Data = data };
            else Show(valueId, data, isResult: false);
        }

        public void Add(CellOutput output)
        {
            Flush();
            _outputs.Add(output);
        }

        public IReadOnlyList<CellOutput> Close()
        {
            Flush();
            return _outputs.ToArray();
        }

        private void Flush()
        {
            if (_text is { Length: > 0 }) _outputs.Add(new StreamOutput(_stream!, _text.ToString()));
            _text = null;
            _stream = null;
        }
    }
}
