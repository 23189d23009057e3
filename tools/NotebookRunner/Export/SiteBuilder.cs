using System.Net;
using System.Text;

namespace NotebookRunner.Export;

/// <summary>
/// Writes the static site: index.html (the lessons in order, each with its first sentence and links to its
/// exercises and solutions), one page per notebook under its folder, and assets/ (KaTeX, the stylesheet,
/// the page script, and plotly.min.js when a page draws charts).
/// </summary>
public static class SiteBuilder
{
    private const string AssetPrefix = "SiteAssets/";

    /// <summary>Writes the site for <paramref name="notebooks"/> (in course order) into <paramref name="siteDirectory"/>.</summary>
    /// <param name="siteDirectory">The folder to write into; created when missing.</param>
    /// <param name="notebooks">The exported notebooks.</param>
    /// <param name="plotlyFile">plotly.min.js, copied to assets/ when a page draws charts (<see cref="ExportOptions.PlotlyFile"/>).</param>
    /// <exception cref="InvalidOperationException">A page draws charts and the plotly file is not given or not found.</exception>
    public static void Write(string siteDirectory, IReadOnlyList<ExportedNotebook> notebooks, string? plotlyFile)
    {
        Directory.CreateDirectory(siteDirectory);
        CopyAssets(Path.Combine(siteDirectory, "assets"));

        var pages = notebooks.Select(n => (Notebook: n, Html: PageHtml(n, notebooks))).ToArray();
        if (pages.FirstOrDefault(p => p.Html.UsesPlotly).Notebook is { } drawing)
        {
            if (plotlyFile is null || !File.Exists(plotlyFile))
                throw new InvalidOperationException(
                    $"{drawing.PagePath} draws plotly charts, but the plotly file " +
                    (plotlyFile is null ? "was not given" : $"{plotlyFile} was not found") +
                    "; give plotly.min.js with --plotly FILE (ExportOptions.PlotlyFile).");
            File.Copy(plotlyFile, Path.Combine(siteDirectory, "assets", "plotly.min.js"), overwrite: true);
        }

        // Pages are independent and highlighting their code takes most of the time: render them in parallel.
        pages.AsParallel().ForAll(page =>
        {
            var path = Path.Combine(siteDirectory, page.Notebook.PagePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, SitePage.Render(page.Notebook, page.Html.Links, page.Html.UsesPlotly));
        });
        File.WriteAllText(Path.Combine(siteDirectory, "index.html"), Index(notebooks));
        SiteSearch.WriteIndex(siteDirectory);
    }

    private static (PageLinks Links, bool UsesPlotly) PageHtml(ExportedNotebook notebook, IReadOnlyList<ExportedNotebook> all)
    {
        var sameFolder = all.Where(n => n.Folder == notebook.Folder).ToList();
        var index = sameFolder.IndexOf(notebook);
        var counterparts = all
            .Where(n => n.Name == notebook.Name && n.Folder != notebook.Folder)
            .Select(n => (SitePage.FolderLabel(n.Folder), n))
            .ToArray();
        var links = new PageLinks(index > 0 ? sameFolder[index - 1] : null,
            index + 1 < sameFolder.Count ? sameFolder[index + 1] : null, counterparts);
        var usesPlotly = notebook.Result?.Cells.SelectMany(c => c.Outputs)
            .OfType<Engine.DisplayOutput>()
            .Any(d => d["text/html"] is { } html && OutputHtml.UsesPlotly(html)) ?? false;
        return (links, usesPlotly);
    }

    /// <summary>The home page: lessons in order with their first sentence and their exercises and solutions.</summary>
    internal static string Index(IReadOnlyList<ExportedNotebook> notebooks)
    {
        var body = new StringBuilder();
        body.Append($"<h1>{Escape(SitePage.CourseTitle)}</h1>\n");
        body.Append("<p class=\"lead\">Each lesson is a notebook you can run; here every page shows the outputs of a headless run. " +
                    "Every lesson has exercises and worked solutions.</p>\n");

        var lessons = notebooks.Where(n => n.Folder == "notebooks").ToArray();
        var listed = new HashSet<ExportedNotebook>(lessons);
        body.Append("<ol class=\"lessons\">\n");
        foreach (var lesson in lessons)
        {
            var (heading, sentence) = lesson.Summary();
            body.Append("<li>");
            body.Append($"<a class=\"lesson\" href=\"{lesson.PagePath}\">{(heading is null ? Escape(lesson.Name) : MarkdownRenderer.InlineHtml(heading))}</a>");
            if (lesson.Failed) body.Append(" <span class=\"failed-mark\">(failed to run)</span>");
            if (sentence is not null) body.Append($"<p class=\"summary\">{MarkdownRenderer.InlineHtml(sentence)}</p>");
            var companions = notebooks.Where(n => n.Name == lesson.Name && n.Folder is "exercises" or "solutions").ToArray();
            if (companions.Length > 0)
            {
                body.Append("<p class=\"companions\">");
                body.Append(string.Join(" · ", companions.Select(c =>
                    $"<a href=\"{c.PagePath}\">{Escape(SitePage.FolderLabel(c.Folder))}</a>{(c.Failed ? " <span class=\"failed-mark\">(failed)</span>" : "")}")));
                body.Append("</p>");
                listed.UnionWith(companions);
            }
            body.Append("</li>\n");
        }
        body.Append("</ol>\n");

        var others = notebooks.Where(n => !listed.Contains(n)).ToArray();
        if (others.Length > 0)
        {
            body.Append("<h2>Other notebooks</h2>\n<ul class=\"others\">\n");
            foreach (var other in others)
                body.Append($"<li><a href=\"{other.PagePath}\">{Escape(other.Title)}</a> <span class=\"folder\">{Escape(other.Folder)}</span>" +
                            $"{(other.Failed ? " <span class=\"failed-mark\">(failed to run)</span>" : "")}</li>\n");
            body.Append("</ul>\n");
        }
        return SitePage.Layout(SitePage.CourseTitle, "", "", body.ToString(), withPlotly: false);
    }

    /// <summary>Copies the assets embedded in the tool (SiteAssets/…) to <paramref name="directory"/>.</summary>
    private static void CopyAssets(string directory)
    {
        var assembly = typeof(SiteBuilder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(AssetPrefix, StringComparison.Ordinal)))
        {
            var target = Path.Combine(directory, name[AssetPrefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(target);
            source.CopyTo(file);
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
