using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Engine;

namespace NotebookRunner;

/// <summary>
/// <c>benchmark notebooks [paths...]</c>: runs every notebook as an export does (each in its own kernel process, two
/// at a time) and reports per notebook its cell count, wall time, kernel start-up and the kernel's peak memory, then the
/// whole run's wall time and, over all C# cells after the two setup cells, the median and 90th-percentile cell time. (<c>benchmark compression</c> is the course's: tools/CourseCli.)
/// </summary>
internal static class BenchmarkCommand
{
    public static int Notebooks(IReadOnlyList<string> notebookPaths, double? timeoutSeconds)
    {
        IReadOnlyList<string> paths;
        var options = CommandLine.Session(timeoutSeconds);
        try
        {
            paths = CommandLine.Notebooks(notebookPaths);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"benchmark: {e.Message}");
            return CommandLine.UsageError;
        }

        var warmCells = new List<TimeSpan>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"{options.Parallelism} notebook(s) at a time, each in its own kernel process");
        Console.WriteLine($"{"notebook",-50} {"cells",5} {"time",9} {"kernel start",12} {"peak memory",11}  slowest cell");
        var runs = NotebookSession.RunManyAsync(paths, options, onDone: run =>
        {
            var label = NotebookFiles.Display(run.Path);
            if (run.Result is not { } result)
            {
                Console.WriteLine($"{label,-50} FAIL: {run.FormatError}");
                failures++;
                return;
            }
            var codeCells = result.Cells.Where(c => c.Cell.Kind == CellKind.CSharp).ToArray();
            warmCells.AddRange(codeCells.Skip(2).Select(c => c.Elapsed));
            var slowest = codeCells.MaxBy(c => c.Elapsed);
            var status = result.Failure is { } failure ? "  FAIL " + failure.Describe(Environment.CurrentDirectory) : "";
            Console.WriteLine($"{label,-50} {result.Notebook.Cells.Count,5} {Milliseconds(result.Elapsed),9} {Milliseconds(result.KernelStart),12} {Mebibytes(result.PeakMemoryBytes),11}  " +
                              (slowest is null ? "" : $"cell {slowest.Cell.Number} {Milliseconds(slowest.Elapsed)}") + status);
            if (!result.Succeeded) failures++;
        }).GetAwaiter().GetResult();

        Console.WriteLine();
        var peak = runs.Max(r => r.Result?.PeakMemoryBytes);
        Console.WriteLine($"notebooks: {paths.Count}, failed: {failures}, whole run {Milliseconds(clock.Elapsed)} wall, " +
                          $"largest kernel peak memory {Mebibytes(peak)}, this tool's own peak {Mebibytes(Process.GetCurrentProcess().PeakWorkingSet64)}");
        if (warmCells.Count > 0)
        {
            Console.WriteLine($"C# cells after each notebook's two setup cells: {warmCells.Count}, " +
                              $"median {Milliseconds(Percentile(warmCells, 0.5))}, 90th percentile {Milliseconds(Percentile(warmCells, 0.9))}");
        }
        return failures == 0 ? 0 : 1;
    }

    private static string Mebibytes(long? bytes) =>
        bytes is { } b ? (b / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture) + " MiB" : "?";

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
