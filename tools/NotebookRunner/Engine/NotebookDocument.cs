using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NotebookRunner.Engine;

/// <summary>A notebook file the tool cannot read, with the file and (when known) the line.</summary>
public sealed class NotebookFormatException(string path, int? line, string problem)
    : Exception(line is null ? $"{path}: {problem}" : $"{path}: line {line}: {problem}")
{
    /// <summary>The notebook file.</summary>
    public string NotebookPath { get; } = path;

    /// <summary>1-based line in the file, or null when the problem is the whole file.</summary>
    public int? Line { get; } = line;
}

/// <summary>
/// Reads notebooks (.dib and .ipynb) with Microsoft.DotNet.Interactive.Documents, the parser Polyglot Notebooks
/// itself uses, into the tool's <see cref="Notebook"/>; the course runs C# and markdown cells only.
/// </summary>
public static class NotebookDocument
{
    /// <summary>The kernels a course notebook may use: C# (the default) and markdown.</summary>
    public static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo("csharp", "C#", ["c#", "C#", "cs"]),
            new KernelInfo("markdown", "Markdown", ["md"]),
        };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    /// <summary>
    /// For reading: the course's kernels plus the other kernels Polyglot Notebooks knows, so that a cell for one of
    /// them is recognised as such (and refused) rather than read as C#.
    /// </summary>
    private static KernelInfoCollection KernelsWhenReading()
    {
        var kernels = Kernels();
        foreach (var (name, language, aliases) in new (string, string, string[])[]
                 {
                     ("fsharp", "F#", ["f#", "F#"]), ("pwsh", "PowerShell", ["powershell"]), ("javascript", "JavaScript", ["js"]),
                     ("html", "HTML", []), ("mermaid", "Mermaid", []), ("sql", "SQL", []), ("kql", "KQL", []), ("http", "HTTP", []),
                     ("value", "Value", []),
                 })
            kernels.Add(new KernelInfo(name, language, aliases));
        return kernels;
    }

    /// <summary>Reads and parses the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, binary, not a notebook, or uses another kernel.</exception>
    public static Notebook Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        if (extension is not (".dib" or ".ipynb"))
            throw new NotebookFormatException(path, null, "not a notebook: give a .dib or .ipynb file.");
        if (Directory.Exists(fullPath))
            throw new NotebookFormatException(path, null, "is a folder, not a notebook file.");
        if (!File.Exists(fullPath))
            throw new NotebookFormatException(path, null, "file not found.");
        var text = ReadText(fullPath);
        return extension == ".dib" ? Parse(text, fullPath) : ParseIpynb(text, fullPath);
    }

    /// <summary>Parses the text of a .dib file; <paramref name="path"/> names the notebook (its folder is where cells run).</summary>
    /// <exception cref="NotebookFormatException">A cell uses a kernel other than C# or markdown, or there are no cells.</exception>
    public static Notebook Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(path);
        text = text.Replace("\r\n", "\n");
        var document = CodeSubmission.Parse(text, KernelsWhenReading());
        var metadata = document.Metadata.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(document.Metadata);
        return ToNotebook(document, path, text, metadata);
    }

    private static Notebook ParseIpynb(string text, string path)
    {
        InteractiveDocument document;
        try
        {
            document = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse(text, KernelsWhenReading());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new NotebookFormatException(path, null, $"not a valid .ipynb notebook ({e.Message}).");
        }
        return ToNotebook(document, path, fileText: null, metadataJson: null);
    }

    private static Notebook ToNotebook(InteractiveDocument document, string path, string? fileText, string? metadataJson)
    {
        var cells = new List<Cell>();
        var searchFrom = 0;
        foreach (var element in document.Elements)
        {
            var source = element.Contents.Replace("\r\n", "\n").Trim('\n');
            if (source.Trim().Length == 0) continue;
            var kind = element.KernelName switch
            {
                "csharp" => CellKind.CSharp,
                "markdown" => CellKind.Markdown,
                var other => throw new NotebookFormatException(path, LineOf(fileText, "#!" + other, searchFrom) ?? LineOf(fileText, source, searchFrom),
                    $"cell {cells.Count + 1} is a '{other}' cell; course notebooks hold C# and markdown cells only."),
            };
            var startLine = LineOf(fileText, source, searchFrom) ?? 1;
            if (fileText is not null && fileText.IndexOf(source, searchFrom, StringComparison.Ordinal) is >= 0 and var at)
                searchFrom = at + source.Length;
            cells.Add(new Cell(cells.Count + 1, kind, source, startLine));
        }
        if (cells.Count == 0) throw new NotebookFormatException(path, null, "the notebook has no cells.");
        return new Notebook(path, cells, metadataJson);
    }

    /// <summary>The 1-based line of the file where <paramref name="source"/> starts (searching from a character offset), or null.</summary>
    private static int? LineOf(string? fileText, string source, int searchFrom)
    {
        if (fileText is null) return null;
        var at = fileText.IndexOf(source, searchFrom, StringComparison.Ordinal);
        return at < 0 ? null : 1 + fileText.AsSpan(0, at).Count('\n');
    }

    /// <summary>The file as UTF-8 text; a file with NUL bytes or invalid UTF-8 is refused as binary.</summary>
    private static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
            throw new NotebookFormatException(path, null, $"not a text notebook: the file holds binary data (a zero byte at offset {nul}).");
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new NotebookFormatException(path, null, $"not a text notebook: the file is not UTF-8 (bad bytes at offset {e.Index}).");
        }
    }
}
