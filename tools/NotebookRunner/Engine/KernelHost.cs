using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookRunner.Engine;

/// <summary>
/// The kernel side of a notebook run (<c>NotebookRunner kernel-host</c>): the real .NET Interactive C# kernel,
/// configured as Polyglot Notebooks configures it in VS Code, running the cells the tool sends on standard input
/// and reporting every event on standard output (see <see cref="KernelProtocol"/>). One process per notebook, so
/// a cell that exits, overflows its stack or runs out of memory ends only this process.
/// </summary>
internal static class KernelHost
{
    public static async Task<int> RunAsync()
    {
        // The protocol owns the real standard output; anything else written to the console outside a cell goes
        // to standard error (inside a cell the kernel captures the console itself).
        var protocol = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        Console.SetOut(Console.Error);
        var send = (KernelMessage message) =>
        {
            lock (protocol) protocol.WriteLine(KernelProtocol.Write(message));
        };

        await WarmUpAsync();
        using var kernel = CreateKernel();
        using var subscription = kernel.KernelEvents.Subscribe(e => Report(e, send));
        send(new KernelMessage("ready"));

        while (await Console.In.ReadLineAsync() is { } line)
        {
            var request = KernelProtocol.Read<RunCellRequest>(line);
            if (request is null) continue;
            await kernel.SendAsync(new SubmitCode(request.Code, "csharp"));
            send(new KernelMessage("done"));
        }
        return 0;
    }

    /// <summary>
    /// The kernel VS Code starts for a C# notebook: the C# kernel with <c>#r "nuget:…"</c>, the helpers
    /// (<c>display</c>, <c>HTML</c>, …), <c>#!who</c> and value sharing, inside a composite kernel with the default
    /// magic commands; values shown as HTML, strings as plain text.
    /// </summary>
    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, packages) =>
            {
                k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        return composite;
    }

    /// <summary>Compiles and runs one trivial submission in a throwaway kernel, so the first real cell's time is its own.</summary>
    private static async Task WarmUpAsync()
    {
        using var scratch = new CSharpKernel();
        await scratch.SendAsync(new SubmitCode("System.Console.Write(string.Empty);"));
    }

    private static void Report(KernelEvent e, Action<KernelMessage> send)
    {
        switch (e)
        {
            case StandardOutputValueProduced output:
                send(new KernelMessage("stdout", Text: PlainText(output)));
                break;
            case StandardErrorValueProduced error:
                send(new KernelMessage("stderr", Text: PlainText(error)));
                break;
            case ReturnValueProduced value:
                send(new KernelMessage("result", Data: Bundle(value), ValueId: value.ValueId));
                break;
            case DisplayedValueUpdated value:
                send(new KernelMessage("update", Data: Bundle(value), ValueId: value.ValueId));
                break;
            case DisplayedValueProduced value:
                send(new KernelMessage("display", Data: Bundle(value), ValueId: value.ValueId));
                break;
            case DiagnosticsProduced diagnostics:
                foreach (var d in diagnostics.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
                    send(new KernelMessage("warning", Text: $"{d.Code}: {d.Message}", Line: d.LinePositionSpan.Start.Line + 1));
                foreach (var d in diagnostics.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                    send(new KernelMessage("diagnostic", Text: $"{d.Code}: {d.Message}", Line: d.LinePositionSpan.Start.Line + 1));
                break;
            case CommandFailed failed when failed.Command is SubmitCode:
                send(Failure(failed));
                break;
        }
    }

    private static KernelMessage Failure(CommandFailed failed)
    {
        var exception = failed.Exception;
        if (exception is null || exception.GetType().Name == "CodeSubmissionCompilationErrorException")
            return new KernelMessage("error", Name: "CompilationError", Text: failed.Message);
        var message = exception switch
        {
            OutOfMemoryException =>
                $"out of memory: the cell needed more than the {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB the kernel may use",
            OverflowException => exception.Message.TrimEnd('.') +
                " (a value too big for its type, such as an array longer than 2,147,483,591 elements)",
            _ => exception.Message,
        };
        // The frames of the notebook's own code (Submission#N is the Nth submission); the scripting engine's below them are noise.
        var frames = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var lastOwn = Array.FindLastIndex(frames, f => f.StartsWith("at Submission#", StringComparison.Ordinal));
        var traceback = lastOwn >= 0 ? frames[..(lastOwn + 1)] : frames;
        return new KernelMessage("error", Name: exception.GetType().Name, Text: message, Traceback: traceback);
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? e.Value?.ToString() ?? "";

    private static IReadOnlyList<string[]> Bundle(DisplayEvent e) =>
        e.FormattedValues.Where(v => !v.SuppressDisplay).Select(v => new[] { v.MimeType, v.Value }).ToArray();
}
