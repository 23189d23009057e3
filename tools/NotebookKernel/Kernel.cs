// A stand-in for the few members of .NET Interactive's Kernel class that notebooks use.
// Every script imports it with `using static Microsoft.DotNet.Interactive.Kernel;`, exactly as the real
// kernel does, so a cell that calls display(...) or HTML(...) runs unchanged here and in VS Code.
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
        var target = KernelHost.DisplayTarget;
        if (target is null)
        {
            // Outside a notebook run (e.g. a plain program calling this): print the text form.
            Console.WriteLine(value);
            return new DisplayedValue(null, -1, mimeTypes);
        }
        return new DisplayedValue(target, target.Show(value, mimeTypes), mimeTypes);
    }

    /// <summary>Wraps an HTML fragment so that it is shown as HTML rather than as text.</summary>
    public static HtmlString HTML(string content) => new(content ?? "");
}

/// <summary>A value already shown by <c>display</c>; <see cref="Update"/> replaces it in place.</summary>
public sealed class DisplayedValue
{
    private readonly IDisplayTarget? _target;
    private readonly int _position;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(IDisplayTarget? target, int position, string[] mimeTypes)
    {
        _target = target;
        _position = position;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Shows <paramref name="value"/> in place of the displayed one (while its cell is running).</summary>
    public void Update(object? value) => _target?.Replace(_position, value, _mimeTypes);
}

/// <summary>An HTML fragment, shown as text/html (the runner's version of the kernel's IHtmlContent).</summary>
/// <param name="Value">The HTML markup.</param>
public sealed record HtmlString(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

/// <summary>Where <c>display</c> sends values: the runner's collector of the running cell's outputs.</summary>
public interface IDisplayTarget
{
    /// <summary>Shows a value among the cell's outputs and returns its position.</summary>
    int Show(object? value, string[] mimeTypes);

    /// <summary>Replaces the value shown at <paramref name="position"/>.</summary>
    void Replace(int position, object? value, string[] mimeTypes);
}

/// <summary>
/// The runner's hook: the display target of the cell running in this async flow, or null outside a run.
/// In its own class (not on <see cref="Kernel"/>) so that notebooks, which import Kernel's members, do not see it.
/// </summary>
public static class KernelHost
{
    private static readonly AsyncLocal<IDisplayTarget?> Current = new();

    /// <summary>The display target of the running cell.</summary>
    public static IDisplayTarget? DisplayTarget
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
