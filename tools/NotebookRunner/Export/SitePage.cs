using System.Net;
using System.Text;
using NotebookRunner.Engine;

namespace NotebookRunner.Export;

/// <summary>Links from a page to its neighbours and to its lesson / exercises / solutions counterparts.</summary>
/// <param name="Previous">The previous page in the same folder, or null.</param>
/// <param name="Next">The next page in the same folder, or null.</param>
/// <param name="Counterparts">Label → page of the same name in another folder (e.g. "Exercises" → exercises/01-x.html).</param>
public sealed record PageLinks(ExportedNotebook? Previous, ExportedNotebook? Next, IReadOnlyList<(string Label, ExportedNotebook Page)> Counterparts);

/// <summary>The HTML page of one notebook: its cells, each code cell followed by its outputs.</summary>
public static class SitePage
{
    /// <summary>The course's name, shown on every page.</summary>
    public const string CourseTitle = "Information theory for machine learning";

    /// <summary>What each folder holds, as shown to a reader.</summary>
    public static string FolderLabel(string folder) => folder switch
    {
        "notebooks" => "Lesson",
        "exercises" => "Exercises",
        "solutions" => "Solutions",
        _ => folder,
    };

    /// <summary>The whole page for <paramref name="notebook"/>; <paramref name="withPlotly"/> loads plotly.js in the head.</summary>
    public static string Render(ExportedNotebook notebook, PageLinks links, bool withPlotly)
    {
        var body = new StringBuilder();
        body.Append($"<p class=\"kind\">{Escape(FolderLabel(notebook.Folder))}</p>\n");
        if (notebook.Error is { } error)
            body.Append($"<pre class=\"output error\">{Escape(error)}</pre>\n");
        var cells = notebook.Notebook?.Cells ?? [];
        var codeCells = cells.Where(c => c.Kind != CellKind.Markdown).ToArray();
        var highlighted = CSharpHighlighter.NotebookToHtml(codeCells.Select(c => c.Source).ToArray(),
            Path.GetDirectoryName(notebook.SourcePath)!);
        var sourceHtml = codeCells.Zip(highlighted).ToDictionary(pair => pair.First.Number, pair => pair.Second);
        foreach (var cell in cells)
            body.Append(Cell(cell, notebook.Result, sourceHtml)).Append('\n');
        return Layout(notebook.Title, "../", Navigation(links), body.ToString(), withPlotly);
    }

    /// <summary>The frame shared by all pages. <paramref name="root"/> is the relative path to the site root.</summary>
    internal static string Layout(string title, string root, string navigation, string body, bool withPlotly)
    {
        var plotly = withPlotly ? $"\n<script src=\"{root}assets/plotly.min.js\"></script>" : "";
        var isIndex = title == CourseTitle;
        var pageTitle = isIndex ? title : $"{title} · {CourseTitle}";
        // The index's own heading names the course, so it needs no header bar.
        var header = isIndex ? "" : $"<header class=\"site-header\"><a class=\"home\" href=\"{root}index.html\">{Escape(CourseTitle)}</a>{navigation}</header>";
        var footer = navigation.Length == 0 ? "" : $"<footer class=\"site-footer\">{navigation}</footer>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Escape(pageTitle)}</title>
            <link rel="stylesheet" href="{root}assets/katex/katex.min.css">
            <link rel="stylesheet" href="{root}assets/site.css">
            <link rel="stylesheet" href="{root}assets/site-extras.css">
            <script defer src="{root}assets/katex/katex.min.js"></script>
            <script defer src="{root}assets/site.js"></script>
            <script defer src="{root}assets/site-extras.js"></script>{plotly}
            </head>
            <body>
            {header}
            <main>
            {body}
            </main>
            {footer}
            </body>
            </html>

            """;
    }

    private static string Navigation(PageLinks links)
    {
        var parts = new List<string>();
        if (links.Previous is { } previous) parts.Add(Link(previous, "← " + previous.Title, "previous"));
        parts.AddRange(links.Counterparts.Select(c => Link(c.Page, c.Label, "counterpart")));
        if (links.Next is { } next) parts.Add(Link(next, next.Title + " →", "next"));
        return parts.Count == 0 ? "" : $"<nav>{string.Join(" ", parts)}</nav>";
    }

    private static string Link(ExportedNotebook page, string text, string rel) =>
        $"<a class=\"{rel}\" href=\"../{page.PagePath}\">{Escape(text)}</a>";

    private static string Cell(Cell cell, NotebookResult? result, IReadOnlyDictionary<int, string> sourceHtml)
    {
        if (cell.Kind == CellKind.Markdown)
            return $"<section class=\"cell markdown\" id=\"cell-{cell.Number}\">\n{MarkdownRenderer.ToHtml(cell.Source)}</section>";

        var ran = result?[cell.Number];
        var html = new StringBuilder($"<section class=\"cell code{(ran?.Failure is null ? "" : " failed")}\" id=\"cell-{cell.Number}\">\n");
        html.Append($"<pre class=\"source\"><code>{sourceHtml[cell.Number]}</code></pre>\n");
        if (ran is null)
        {
            html.Append("<p class=\"not-run\">Not run (an earlier cell failed).</p>\n");
        }
        else if (ran.Outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">\n");
            foreach (var output in ran.Outputs) html.Append(OutputHtml.Render(output)).Append('\n');
            html.Append("</div>\n");
        }
        if (ran?.Failure is { } failure)
        {
            var where = failure.Line is null ? $"cell {failure.CellNumber}" : $"cell {failure.CellNumber}, line {failure.Line}";
            html.Append($"<p class=\"failure\">This cell failed ({Escape(where)}).</p>\n");
        }
        return html.Append("</section>").ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
