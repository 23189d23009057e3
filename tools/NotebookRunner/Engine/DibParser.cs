using System.Text.Json;

namespace NotebookRunner.Engine;

/// <summary>A .dib file the runner cannot use; the message names the file and, when known, the line.</summary>
public sealed class NotebookFormatException(string path, int? line, string problem)
    : Exception(line is null ? $"{path}: {problem}" : $"{path}: line {line}: {problem}")
{
    /// <summary>The notebook file.</summary>
    public string NotebookPath { get; } = path;

    /// <summary>1-based line in the file, or null when the problem is the whole file.</summary>
    public int? Line { get; } = line;
}

/// <summary>
/// Splits a .dib file into cells the way the Polyglot Notebooks kernel does:
/// <list type="bullet">
/// <item>lines are split on "\r\n" or "\n";</item>
/// <item>an optional <c>#!meta</c> line is followed by JSON up to the next line starting with <c>#!</c>;</item>
/// <item>a line that is exactly <c>#!</c> + a kernel name or alias starts a new cell, wherever it is
/// (even inside a markdown code fence);</item>
/// <item>leading and trailing empty lines of a cell are dropped, and a cell left empty disappears;</item>
/// <item>text before the first cell line is a C# cell (the kernel's default).</item>
/// </list>
/// Unlike the kernel, any other <c>#!word</c> line (another kernel such as <c>#!pwsh</c>, or a magic command)
/// is an error, because the runner and the course support only C# and markdown cells.
/// </summary>
public static class DibParser
{
    private const string Prefix = "#!";

    /// <summary>Names and aliases that start a C# cell (the kernel's own aliases included).</summary>
    private static readonly string[] CSharpNames = ["csharp", "c#", "C#", "cs"];

    /// <summary>Names and aliases that start a markdown cell.</summary>
    private static readonly string[] MarkdownNames = ["markdown", "md"];

    /// <summary>Reads and parses a .dib file.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, not a .dib, or has no usable cells.</exception>
    public static Notebook Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!string.Equals(System.IO.Path.GetExtension(fullPath), ".dib", StringComparison.OrdinalIgnoreCase))
            throw new NotebookFormatException(path, null, "not a .dib notebook (the runner reads Polyglot Notebooks .dib files only).");
        if (!File.Exists(fullPath))
            throw new NotebookFormatException(path, null, "file not found.");
        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Parses the text of a .dib file; <paramref name="path"/> is used for the notebook and in messages.</summary>
    /// <exception cref="NotebookFormatException">The text has an unsupported kernel or magic line, bad metadata, or no cells.</exception>
    public static Notebook Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var lines = text.Length == 0 ? [] : text.Split(["\r\n", "\n"], StringSplitOptions.None);
        string? metadataJson = null;
        var cells = new List<Cell>();
        var currentKind = CellKind.CSharp; // text before the first cell line is C#, as in the kernel
        var currentLines = new List<string>();
        var currentFirstLine = 1; // 1-based file line of currentLines[0]

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];

            if (metadataJson is null && line.StartsWith(Prefix + "meta", StringComparison.Ordinal))
            {
                var metaLine = i + 1;
                var json = new List<string>();
                while (i + 1 < lines.Length && !lines[i + 1].StartsWith(Prefix, StringComparison.Ordinal))
                    json.Add(lines[++i]);
                metadataJson = string.Join("\n", json).Trim();
                CheckMetadata(metadataJson, path, metaLine);
                continue;
            }

            var kind = CellStart(line, path, i + 1);
            if (kind is null)
            {
                currentLines.Add(line);
                continue;
            }

            AddCell();
            currentKind = kind.Value;
            currentLines.Clear();
            currentFirstLine = i + 2;
        }

        AddCell();

        if (cells.Count == 0)
            throw new NotebookFormatException(path, null,
                "the notebook has no cells (a cell starts with a line that is exactly #!csharp or #!markdown).");
        return new Notebook(path, cells, metadataJson);

        void AddCell()
        {
            var first = currentLines.FindIndex(l => l.Length != 0);
            if (first < 0) return; // the kernel drops empty cells
            var last = currentLines.FindLastIndex(l => l.Length != 0);
            var source = string.Join("\n", currentLines.GetRange(first, last - first + 1));
            cells.Add(new Cell(cells.Count + 1, currentKind, source, currentFirstLine + first));
        }
    }

    /// <summary>The kind of cell a line starts, or null when the line is ordinary content.</summary>
    private static CellKind? CellStart(string line, string path, int lineNumber)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var name = line[Prefix.Length..];
        if (CSharpNames.Contains(name)) return CellKind.CSharp;
        if (MarkdownNames.Contains(name)) return CellKind.Markdown;

        // "#!/usr/bin/env …" and similar are content; "#!word…" is a kernel name or a magic command.
        if (name.Length == 0 || !char.IsLetter(name[0])) return null;

        var word = new string(name.TakeWhile(c => !char.IsWhiteSpace(c)).ToArray());
        if (CSharpNames.Contains(word) || MarkdownNames.Contains(word))
            throw new NotebookFormatException(path, lineNumber,
                $"'{line}' has text after the kernel name; a cell line must be exactly #!{word} (no trailing spaces).");
        throw new NotebookFormatException(path, lineNumber,
            $"'{line}' selects the kernel or magic command '{word}'; only csharp and markdown cells are supported " +
            "(cells start with a line that is exactly #!csharp or #!markdown, and magic commands cannot run headless).");
    }

    /// <summary>The metadata must be JSON (the kernel fails to open the file otherwise).</summary>
    private static void CheckMetadata(string json, string path, int metaLine)
    {
        if (json.Length == 0) return;
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, metaLine, $"the #!meta block is not valid JSON ({e.Message}).");
        }
    }
}
