using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookRunner.Engine;

namespace NotebookRunner.Export;

/// <summary>
/// Writes an executed notebook as Jupyter nbformat 4.5 JSON, with the metadata Polyglot Notebooks writes
/// (kernelspec .net-csharp, polyglot_notebook kernelInfo), so it opens in VS Code and in Jupyter with its outputs.
/// </summary>
public static partial class IpynbWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 1, // as Jupyter writes it
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The .ipynb text for <paramref name="notebook"/> with the outputs in <paramref name="result"/>.
    /// Code cells that did not run (after a failure, or with no result) have no outputs and a null execution_count.
    /// With <paramref name="ipynbPath"/>, the sources are moved to where the .ipynb will be (see <see cref="Relocate"/>).
    /// </summary>
    public static string ToJson(Notebook notebook, NotebookResult? result, string? ipynbPath = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var (code, markdown) = ipynbPath is null ? (s => s, s => s) : Relocate(notebook, ipynbPath);
        var cells = new JsonArray();
        var executionCount = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                cells.Add(new JsonObject
                {
                    ["cell_type"] = "markdown",
                    ["id"] = CellId(cell),
                    ["metadata"] = new JsonObject(),
                    ["source"] = Lines(markdown(cell.Source)),
                });
                continue;
            }

            var ran = result?[cell.Number];
            int? count = ran is null ? null : ++executionCount;
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = count,
                ["id"] = CellId(cell),
                ["metadata"] = new JsonObject
                {
                    ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                },
                ["outputs"] = new JsonArray((ran?.Outputs ?? []).Select(o => Output(o, count)).ToArray()),
                ["source"] = Lines(code(cell.Source)),
            });
        }

        var document = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject
                {
                    ["display_name"] = ".NET (C#)",
                    ["language"] = "C#",
                    ["name"] = ".net-csharp",
                },
                ["language_info"] = new JsonObject
                {
                    ["file_extension"] = ".cs",
                    ["mimetype"] = "text/x-csharp",
                    ["name"] = "C#",
                    ["pygments_lexer"] = "csharp",
                    ["version"] = "13.0",
                },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(
                            new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "C#", ["name"] = "csharp" },
                            new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "Markdown", ["name"] = "markdown" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return document.ToJsonString(Options) + "\n";
    }

    private static JsonNode Output(CellOutput output, int? executionCount) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.StreamName,
            ["output_type"] = "stream",
            ["text"] = Lines(stream.Text),
        },
        DisplayOutput { IsResult: true } display => new JsonObject
        {
            ["data"] = Bundle(display),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        DisplayOutput display => new JsonObject
        {
            ["data"] = Bundle(display),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Message,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(error.Traceback.Prepend($"{error.Name}: {error.Message}").Select(l => (JsonNode)l!).ToArray()),
        },
        _ => throw new ArgumentException($"Unknown output type {output.GetType().Name}.", nameof(output)),
    };

    private static JsonObject Bundle(DisplayOutput display)
    {
        var data = new JsonObject();
        foreach (var (mimeType, text) in display.Data) data[mimeType] = Lines(text);
        return data;
    }

    /// <summary>Jupyter's multi-line string: a list of lines, each but the last keeping its "\n".</summary>
    internal static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>nbformat 4.5 wants a unique id per cell; the cell number keeps it stable across exports.</summary>
    private static string CellId(Cell cell) => $"cell-{cell.Number}";

    /// <summary>
    /// Rewrites for an exported copy that must run where it is written: the notebooks reach the library as
    /// <c>../lib/…</c> from their own folder, which from the .ipynb's folder is another relative path; and links
    /// to other notebooks (<c>….dib</c>) point at their exported .ipynb, which sit in the same folder layout.
    /// </summary>
    internal static (Func<string, string> Code, Func<string, string> Markdown) Relocate(Notebook notebook, string ipynbPath)
    {
        var library = Path.GetFullPath(Path.Combine(notebook.Directory, "..", "lib"));
        var fromCopy = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(ipynbPath))!, library).Replace('\\', '/');
        return (source => LibraryPath().Replace(source, fromCopy + "/"),
                source => NotebookLink().Replace(source, "](${path}.ipynb${anchor})"));
    }

    [GeneratedRegex(@"(?<![\w./])\.\./lib/")]
    private static partial Regex LibraryPath();

    [GeneratedRegex(@"\]\((?<path>[^)\s:]+)\.dib(?<anchor>#[^)]*)?\)")]
    private static partial Regex NotebookLink();
}
