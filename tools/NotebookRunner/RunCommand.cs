using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Engine;

namespace NotebookRunner;

/// <summary>
/// <c>run [paths...] [--timeout SECONDS]</c>: runs notebooks headless, one line per notebook; stops with exit
/// code 1 and <c>file: cell N, line L: message</c> at the first failing notebook.
/// </summary>
internal static class RunCommand
{
    public static int Execute(IReadOnlyList<string> paths, double? timeoutSeconds)
    {
        IReadOnlyList<string> notebooks;
        var options = CommandLine.Session(timeoutSeconds);
        try
        {
            notebooks = CommandLine.Notebooks(paths);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"run: {e.Message}");
            return CommandLine.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var progress = new Progress();
        var cells = 0;
        foreach (var path in notebooks)
        {
            var label = NotebookFiles.Display(path);
            NotebookResult result;
            try
            {
                result = progress.Run(path, options);
            }
            catch (NotebookFormatException e)
            {
                Console.WriteLine($"FAIL  {label}");
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            cells += result.Cells.Count;
            Console.WriteLine(Line(result, label));
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"warning: {label}: {warning}");
            if (result.Failure is { } failure)
            {
                Console.Error.WriteLine(failure.Describe(Environment.CurrentDirectory));
                return 1;
            }
        }
        Console.WriteLine($"{notebooks.Count} notebooks, {cells} cells, all passed in {Seconds(clock.Elapsed)}.");
        return 0;
    }

    private static string Line(NotebookResult result, string label) =>
        $"{(result.Succeeded ? "ok  " : "FAIL")}  {label,-48} {result.Notebook.Cells.Count,4} cells  {Seconds(result.Elapsed),8}";

    internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
