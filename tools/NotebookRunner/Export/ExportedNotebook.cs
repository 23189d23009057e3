using NotebookRunner.Engine;

namespace NotebookRunner.Export;

/// <summary>A notebook as the export saw it: parsed and run, or the reason it could not be.</summary>
/// <param name="SourcePath">Full path of the .dib file.</param>
/// <param name="Notebook">The parsed notebook, or null when the file could not be parsed.</param>
/// <param name="Result">What the run did, or null when it did not run.</param>
/// <param name="Error">Why the file could not be parsed, or null.</param>
public sealed record ExportedNotebook(string SourcePath, Notebook? Notebook, NotebookResult? Result, string? Error)
{
    /// <summary>The notebook's folder name: notebooks, exercises, solutions (or another folder given on the command line).</summary>
    public string Folder => Path.GetFileName(Path.GetDirectoryName(SourcePath))!;

    /// <summary>The file name without .dib, e.g. 01-surprisal.</summary>
    public string Name => Path.GetFileNameWithoutExtension(SourcePath);

    /// <summary>The page's path in the site, e.g. notebooks/01-surprisal.html.</summary>
    public string PagePath => $"{Folder}/{Name}.html";

    /// <summary>True unless every cell ran without error.</summary>
    public bool Failed => Error is not null || Result?.Succeeded != true;

    /// <summary>One line saying what went wrong, or null.</summary>
    public string? FailureMessage => Error ?? Result?.Failure?.Describe(Path.GetDirectoryName(Path.GetDirectoryName(SourcePath)));

    /// <summary>The first heading of the notebook as markdown, and the opening sentence(s) after it (null when missing).</summary>
    public (string? Heading, string? Opening) Summary()
    {
        foreach (var cell in Notebook?.Cells.Where(c => c.Kind == CellKind.Markdown) ?? [])
        {
            var summary = MarkdownRenderer.Summary(cell.Source);
            if (summary.Heading is not null) return summary;
        }
        return (null, null);
    }

    /// <summary>The page title: the first heading as plain text, or the file name.</summary>
    public string Title => Summary().Heading is { } heading ? MarkdownRenderer.PlainText(heading) : Name;
}
