using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;
using NotebookRunner.Engine;

namespace NotebookRunner.Export;

/// <summary>
/// Writes an executed notebook as Jupyter .ipynb with Microsoft.DotNet.Interactive.Documents (the writer Polyglot
/// Notebooks uses), adding the kernelspec Jupyter needs to pick the .NET (C#) kernel, so it opens in VS Code and
/// in Jupyter with its outputs.
/// </summary>
public static partial class IpynbWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1, // as Jupyter writes it
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The .ipynb text for <paramref name="notebook"/> with the outputs in <paramref name="result"/>.
    /// Code cells that did not run (after a failure, or with no result) have no outputs and no execution count.
    /// With <paramref name="ipynbPath"/>, the sources are moved to where the .ipynb will be (see <see cref="Relocate"/>).
    /// </summary>
    public static string ToJson(Notebook notebook, NotebookResult? result, string? ipynbPath = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var (code, markdown) = ipynbPath is null ? (s => s, s => s) : Relocate(notebook, ipynbPath);
        var elements = new List<InteractiveDocumentElement>();
        var executionCount = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                elements.Add(new InteractiveDocumentElement(markdown(cell.Source), "markdown", []) { Id = CellId(cell) });
                continue;
            }
            var ran = result?[cell.Number];
            var count = ran is null ? 0 : ++executionCount;
            var outputs = (ran?.Outputs ?? []).Select(o => Output(o, count));
            elements.Add(new InteractiveDocumentElement(code(cell.Source), "csharp", outputs) { Id = CellId(cell), ExecutionOrder = count });
        }

        var document = new InteractiveDocument(elements);
        document.Metadata["kernelspec"] = new Dictionary<string, object>
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        document.Metadata["language_info"] = new Dictionary<string, object>
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        };
        document.Metadata["polyglot_notebook"] = new Dictionary<string, object>
        {
            ["kernelInfo"] = new Dictionary<string, object>
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = NotebookDocument.Kernels().Select(k => new Dictionary<string, object>
                {
                    ["aliases"] = Array.Empty<string>(), ["languageName"] = k.LanguageName ?? k.Name, ["name"] = k.Name,
                }).ToArray(),
            },
        };
        using var stream = new MemoryStream();
        Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Write(document, stream, NotebookDocument.Kernels());
        return WithNullCountsForCellsThatDidNotRun(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// The writer gives every code cell a number; Jupyter's convention for a cell that never ran is null.
    /// </summary>
    private static string WithNullCountsForCellsThatDidNotRun(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var cell in root["cells"]!.AsArray())
            if (cell!["cell_type"]!.GetValue<string>() == "code" && cell["execution_count"]?.GetValue<int>() == 0)
                cell["execution_count"] = null;
        return root.ToJsonString(JsonOptions) + "\n";
    }

    private static InteractiveDocumentOutputElement Output(CellOutput output, int executionCount) => output switch
    {
        StreamOutput stream => new TextElement(stream.Text, stream.StreamName),
        DisplayOutput { IsResult: true } display => WithData(new ReturnValueElement { ExecutionOrder = executionCount }, display),
        DisplayOutput display => new DisplayElement(display.Data.ToDictionary(d => d.Key, d => (object)d.Value)),
        ErrorOutput error => new ErrorElement(error.Message, error.Name, [$"{error.Name}: {error.Message}", .. error.Traceback]),
        _ => throw new ArgumentException($"Unknown output type {output.GetType().Name}.", nameof(output)),
    };

    private static ReturnValueElement WithData(ReturnValueElement element, DisplayOutput display)
    {
        foreach (var (mimeType, text) in display.Data) element.Data[mimeType] = text;
        return element;
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
