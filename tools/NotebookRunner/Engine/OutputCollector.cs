using System.Text;
using Microsoft.DotNet.Interactive;

namespace NotebookRunner.Engine;

/// <summary>
/// Gathers the outputs of one running cell, in order. The cell's code reaches it through <see cref="Current"/>
/// (the kernel shim's async-local display target, so it follows the cell into tasks it starts); console writes
/// reach it through <see cref="ConsoleRouter"/>. Once closed, it ignores anything a leftover background task still writes.
/// </summary>
internal sealed class OutputCollector : IDisplayTarget
{
    private readonly object _gate = new();
    private readonly List<CellOutput> _outputs = [];
    private bool _closed;

    /// <summary>The collector of the cell running on this logical thread, or null outside cells.</summary>
    public static OutputCollector? Current
    {
        get => KernelHost.DisplayTarget as OutputCollector;
        set => KernelHost.DisplayTarget = value;
    }

    /// <summary><c>display(value)</c> from a cell: formats the value and appends it.</summary>
    public int Show(object? value, string[] mimeTypes) =>
        Add(new DisplayOutput(ValueFormatter.Format(value, mimeTypes), IsResult: false));

    /// <summary><c>DisplayedValue.Update(value)</c> from a cell: formats the value and puts it in place of the old one.</summary>
    public void Replace(int position, object? value, string[] mimeTypes) =>
        Replace(position, new DisplayOutput(ValueFormatter.Format(value, mimeTypes), IsResult: false));

    /// <summary>Appends console text, merging it with the previous output when that is the same stream.</summary>
    public void Write(string streamName, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_closed) return;
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.StreamName == streamName)
                _outputs[^1] = last with { Text = last.Text + text };
            else
                _outputs.Add(new StreamOutput(streamName, text));
        }
    }

    /// <summary>Appends a displayed value and returns its position, so <see cref="Replace(int, CellOutput)"/> can update it.</summary>
    public int Add(CellOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
            return _outputs.Count - 1;
        }
    }

    /// <summary>Replaces the output at <paramref name="index"/> (used by DisplayedValue.Update).</summary>
    public void Replace(int index, CellOutput output)
    {
        lock (_gate)
        {
            if (!_closed) _outputs[index] = output;
        }
    }

    /// <summary>Stops collecting and returns the outputs gathered so far.</summary>
    public IReadOnlyList<CellOutput> Close()
    {
        lock (_gate)
        {
            _closed = true;
            return _outputs.ToArray();
        }
    }
}

/// <summary>
/// Replaces Console.Out and Console.Error once per process with writers that send text to the current
/// cell's <see cref="OutputCollector"/>, and to the real console when no cell is running.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly object Gate = new();
    private static TextWriter? _routedOut, _routedError; // what Console.Out/Error were right after installing

    /// <summary>Installs the routing writers unless they are in place (someone may have replaced Console.Out since).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(Console.Out, _routedOut))
            {
                Console.SetOut(new RoutingWriter("stdout", Console.Out));
                _routedOut = Console.Out;
            }
            if (!ReferenceEquals(Console.Error, _routedError))
            {
                Console.SetError(new RoutingWriter("stderr", Console.Error));
                _routedError = Console.Error;
            }
        }
    }

    private sealed class RoutingWriter(string streamName, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null) return;
            if (OutputCollector.Current is { } collector) collector.Write(streamName, value);
            else fallback.Write(value);
        }

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void Flush()
        {
            if (OutputCollector.Current is null) fallback.Flush();
        }
    }
}
