using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Engine;

namespace NotebookRunner;

/// <summary>
/// <c>benchmark notebooks [paths...]</c>: runs every notebook in one process and reports per notebook its cell
/// count and wall time, then over all C# cells (except each notebook's first one, which pays for loading) the
/// median and 90th-percentile cell time, and how long the first notebook took to start (process start until its
/// opening cells, library load included, had run). <c>benchmark compression</c> is <see cref="CompressionBenchmark"/>.
/// </summary>
internal static class BenchmarkCommand
{
    public static int Execute(string[] args) => args.FirstOrDefault() switch
    {
        "notebooks" => Notebooks(args[1..]),
        "compression" => CompressionBenchmark.Execute(args[1..]),
        _ => Usage.Unknown("benchmark " + string.Join(" ", args)),
    };

    private static int Notebooks(string[] args)
    {
        IReadOnlyList<string> paths;
        SessionOptions options;
        try
        {
            var commandLine = CommandLine.Parse(args, "timeout");
            options = commandLine.Session();
            paths = commandLine.Notebooks();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"benchmark: {e.Message}");
            return 2;
        }
        if (paths.Count == 0)
        {
            Console.WriteLine("benchmark: no notebooks found.");
            return 0;
        }

        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        TimeSpan? firstStart = null;
        var warmCells = new List<TimeSpan>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var progress = new Progress();
        Console.WriteLine($"{"notebook",-50} {"cells",5} {"time",9}  slowest cell");
        foreach (var path in paths)
        {
            var label = NotebookFiles.Display(path);
            NotebookResult result;
            try
            {
                result = progress.Run(path, options);
            }
            catch (NotebookFormatException e)
            {
                Console.WriteLine($"{label,-50} FAIL: {e.Message}");
                failures++;
                continue;
            }
            var codeCells = result.Cells.Where(c => c.Cell.Kind == CellKind.CSharp).ToArray();
            firstStart ??= DateTime.UtcNow - processStart - (result.Elapsed - OpeningTime(result));
            warmCells.AddRange(codeCells.Skip(1).Select(c => c.Elapsed));
            var slowest = codeCells.MaxBy(c => c.Elapsed);
            var status = result.Failure is { } failure ? "  FAIL " + failure.Describe(Environment.CurrentDirectory) : "";
            Console.WriteLine($"{label,-50} {result.Notebook.Cells.Count,5} {Milliseconds(result.Elapsed),9}  " +
                              (slowest is null ? "" : $"cell {slowest.Cell.Number} {Milliseconds(slowest.Elapsed)}") + status);
            if (!result.Succeeded) failures++;
        }

        Console.WriteLine();
        Console.WriteLine($"notebooks: {paths.Count}, failed: {failures}, total {Milliseconds(clock.Elapsed)}");
        if (warmCells.Count > 0)
        {
            Console.WriteLine($"C# cells after each notebook's first: {warmCells.Count}, " +
                              $"median {Milliseconds(Percentile(warmCells, 0.5))}, 90th percentile {Milliseconds(Percentile(warmCells, 0.9))}");
        }
        if (firstStart is { } start)
            Console.WriteLine($"first notebook start (process start to its opening cells done, library load included): {Milliseconds(start)}");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// Wall time from the start of a notebook run until its opening cells are done: every cell up to and including
    /// the first that references a DLL with #r (or the first C# cell when none does). Markdown cells cost nothing.
    /// </summary>
    private static TimeSpan OpeningTime(NotebookResult result)
    {
        var opening = TimeSpan.Zero;
        foreach (var cell in result.Cells)
        {
            opening += cell.Elapsed;
            if (cell.Cell.Kind == CellKind.CSharp && cell.Cell.Source.Contains("#r ", StringComparison.Ordinal)) return opening;
        }
        return result.Cells.FirstOrDefault(c => c.Cell.Kind == CellKind.CSharp)?.Elapsed ?? TimeSpan.Zero;
    }

    /// <summary>The value below which a fraction <paramref name="p"/> of the times fall (nearest rank).</summary>
    internal static TimeSpan Percentile(IReadOnlyCollection<TimeSpan> times, double p)
    {
        var sorted = times.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length); // 1-based nearest rank
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static string Milliseconds(TimeSpan time) =>
        time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
