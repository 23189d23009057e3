using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace NotebookRunner.Engine;

/// <summary>
/// One notebook's kernel, running in a child process (<see cref="KernelHost"/>) that the tool supervises: its
/// messages arrive on a channel; its standard error is kept (the last part) to explain a crash; disposing it kills
/// the process and everything it started.
/// </summary>
internal sealed class KernelProcess : IAsyncDisposable
{
    /// <summary>The most of the kernel's standard error kept to explain a crash.</summary>
    private const int StandardErrorKept = 64 * 1024;

    /// <summary>
    /// The kernel's managed heap limit: a cell that asks for more fails with OutOfMemoryException in its own
    /// process instead of pushing the machine into swap.
    /// </summary>
    private const long HeapLimitBytes = 8L << 30;

    private readonly Process _process;
    private readonly Channel<KernelMessage> _messages = Channel.CreateUnbounded<KernelMessage>();
    private readonly StringBuilder _standardError = new();
    private readonly Task _readers;

    private KernelProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(Task.Run(ReadMessagesAsync), Task.Run(ReadStandardErrorAsync));
    }

    /// <summary>Starts a kernel whose working directory is <paramref name="workingDirectory"/> (the notebook's folder).</summary>
    public static KernelProcess Start(string workingDirectory)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(typeof(KernelHost).Assembly.Location);
        start.ArgumentList.Add(KernelProtocol.HostVerb);
        start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{HeapLimitBytes:X}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The kernel process did not start.");
        process.StandardInput.AutoFlush = true;
        return new KernelProcess(process);
    }

    /// <summary>The most physical memory the kernel process has used so far (its peak resident set), or null once it has ended.</summary>
    public long? PeakMemoryBytes()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? null : _process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Sends one cell's code to the kernel.</summary>
    public async Task SendAsync(RunCellRequest request)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(KernelProtocol.Write(request));
        }
        catch (IOException)
        {
            // The kernel has exited; the reader reports how.
        }
    }

    /// <summary>The next message, or null when the kernel exited; throws <see cref="TimeoutException"/> at <paramref name="deadline"/>.</summary>
    public async Task<KernelMessage?> ReceiveAsync(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        if (left <= TimeSpan.Zero) throw new TimeoutException();
        using var timeout = new CancellationTokenSource(left);
        try
        {
            return await _messages.Reader.WaitToReadAsync(timeout.Token) && _messages.Reader.TryRead(out var message) ? message : null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException();
        }
    }

    /// <summary>Why the kernel process ended, once it has: "stack overflow", "out of memory" or its exit code.</summary>
    public async Task<string> ExitReasonAsync()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) return "the kernel stopped answering";
        await _readers;
        string errors;
        lock (_standardError) errors = _standardError.ToString();
        if (errors.Contains("Stack overflow", StringComparison.Ordinal)) return "stack overflow";
        if (errors.Contains("OutOfMemoryException", StringComparison.Ordinal) || errors.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
            return "out of memory";
        var code = _process.ExitCode;
        return code > 128 && code < 160 ? $"the kernel was killed by signal {code - 128} (exit code {code})" : $"the kernel exited with code {code}";
    }

    /// <summary>The last lines the kernel wrote to standard error (for a kernel that failed to start).</summary>
    public string StandardErrorTail()
    {
        lock (_standardError) return _standardError.ToString().Trim();
    }

    private async Task ReadMessagesAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            KernelMessage? message = null;
            if (line.StartsWith('{'))
            {
                try
                {
                    message = KernelProtocol.Read<KernelMessage>(line);
                }
                catch (System.Text.Json.JsonException)
                {
                }
            }
            if (message is null) KeepStandardError(line + "\n"); // something wrote around the protocol
            else _messages.Writer.TryWrite(message);
        }
        _messages.Writer.TryComplete();
    }

    private async Task ReadStandardErrorAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardError.ReadAsync(buffer)) > 0) KeepStandardError(new string(buffer, 0, read));
    }

    private void KeepStandardError(string text)
    {
        lock (_standardError)
        {
            _standardError.Append(text);
            if (_standardError.Length > StandardErrorKept) _standardError.Remove(0, _standardError.Length - StandardErrorKept);
        }
    }

    /// <summary>The dotnet host that runs the tool itself (the SDK sets DOTNET_HOST_PATH for tools and tests).</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>Ends the kernel and every process it started.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(2))) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
        }
        try
        {
            await _readers.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
    }

    /// <summary>Kills the kernel now (a cell ran past its time).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
