// A stand-in for the few members of .NET Interactive's Kernel class that notebooks use.
// Every script imports it with `using static Microsoft.DotNet.Interactive.Kernel;`, exactly as the real
// kernel does, so a cell that calls display(...) or HTML(...) runs unchanged here and in VS Code.
using NotebookRunner.Engine;

namespace Microsoft.DotNet.Interactive;

/// <summary>The notebook-facing helpers of the kernel: <c>display</c> and <c>HTML</c>.</summary>
public static class Kernel
{
    /// <summary>
    /// Shows <paramref name="value"/> as an output of the running cell, formatted like a trailing value.
    /// With <paramref name="mimeTypes"/>, only those formats are produced (e.g. "text/plain").
    /// </summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var output = new DisplayOutput(ValueFormatter.Format(value, mimeTypes), IsResult: false);
        var collector = OutputCollector.Current;
        if (collector is null)
        {
            // Outside a notebook run (e.g. a plain program calling this): print the text form.
            Console.WriteLine(output["text/plain"] ?? output.Data.FirstOrDefault().Value);
            return new DisplayedValue(null, -1, mimeTypes);
        }
        return new DisplayedValue(collector, collector.Add(output), mimeTypes);
    }

    /// <summary>Wraps an HTML fragment so that it is shown as HTML rather than as text.</summary>
    public static HtmlString HTML(string content) => new(content ?? "");
}

/// <summary>A value already shown by <c>display</c>; <see cref="Update"/> replaces it in place.</summary>
public sealed class DisplayedValue
{
    private readonly OutputCollector? _collector;
    private readonly int _index;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(OutputCollector? collector, int index, string[] mimeTypes)
    {
        _collector = collector;
        _index = index;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Shows <paramref name="value"/> in place of the displayed one (while its cell is running).</summary>
    public void Update(object? value) =>
        _collector?.Replace(_index, new DisplayOutput(ValueFormatter.Format(value, _mimeTypes), IsResult: false));
}

/// <summary>An HTML fragment, shown as text/html (the runner's version of the kernel's IHtmlContent).</summary>
/// <param name="Value">The HTML markup.</param>
public sealed record HtmlString(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
