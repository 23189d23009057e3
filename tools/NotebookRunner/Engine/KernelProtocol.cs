using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookRunner.Engine;

/// <summary>
/// The messages between the tool and a notebook's kernel process, one JSON object per line. The tool sends
/// <see cref="RunCellRequest"/> on the kernel's standard input; the kernel answers on its standard output with
/// <see cref="KernelMessage"/>s: <c>ready</c> once, then for each cell its outputs as they happen and <c>done</c>.
/// </summary>
internal static class KernelProtocol
{
    /// <summary>The hidden verb that starts a kernel process: <c>NotebookRunner kernel-host</c>.</summary>
    public const string HostVerb = "kernel-host";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T message) => JsonSerializer.Serialize(message, Json);

    public static T? Read<T>(string line) => JsonSerializer.Deserialize<T>(line, Json);
}

/// <summary>Tool → kernel: run this code as the next cell.</summary>
internal sealed record RunCellRequest(string Code);

/// <summary>
/// Kernel → tool. <see cref="Kind"/> is one of: <c>ready</c> (kernel started); <c>stdout</c>/<c>stderr</c> with
/// <see cref="Text"/>; <c>display</c>/<c>update</c>/<c>result</c> with <see cref="Data"/> (mime type, text) and
/// <see cref="ValueId"/>; <c>warning</c> and <c>diagnostic</c> (a compile error) with <see cref="Text"/> and
/// <see cref="Line"/>; <c>error</c> (the cell failed) with <see cref="Name"/>,
/// <see cref="Text"/>, <see cref="Line"/> and <see cref="Traceback"/>; <c>done</c> (the cell finished).
/// </summary>
internal sealed record KernelMessage(
    string Kind,
    string? Text = null,
    IReadOnlyList<string[]>? Data = null,
    string? ValueId = null,
    string? Name = null,
    int? Line = null,
    IReadOnlyList<string>? Traceback = null);
