using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NotebookRunner.Export;

/// <summary>
/// The offline search index of the site: assets/search-index.js, one entry per page (its path, title and text),
/// written as a script so that pages opened from disk can load it; assets/site-extras.js searches it.
/// </summary>
public static partial class SiteSearch
{
    /// <summary>Characters of text kept per page: enough for every lesson, and the index stays small.</summary>
    public const int MaxTextPerPage = 60_000;

    /// <summary>Indexes every .html page under <paramref name="siteDirectory"/> (not assets/ nor the lab's runtime).</summary>
    public static void WriteIndex(string siteDirectory)
    {
        var entries = Directory.EnumerateFiles(siteDirectory, "*.html", SearchOption.AllDirectories)
            .Select(file => (Path: Path.GetRelativePath(siteDirectory, file).Replace('\\', '/'), Html: File.ReadAllText(file)))
            .Where(page => !page.Path.StartsWith("assets/", StringComparison.Ordinal) && !page.Path.Contains("/_framework/", StringComparison.Ordinal))
            .OrderBy(page => page.Path, StringComparer.Ordinal)
            .Select(page => new Dictionary<string, string>
            {
                ["path"] = page.Path,
                ["title"] = Title(page.Html),
                ["text"] = Text(page.Html),
            });
        var json = JsonSerializer.Serialize(entries, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var assets = Directory.CreateDirectory(Path.Combine(siteDirectory, "assets")).FullName;
        File.WriteAllText(Path.Combine(assets, "search-index.js"),
            "// Written by the export (SiteSearch): every page's title and text, for the offline search.\nwindow.ITN_SEARCH = " + json + ";\n");
    }

    private static string Title(string html)
    {
        var match = TitlePattern().Match(html);
        var title = match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
        int course = title.IndexOf(" · Information theory", StringComparison.Ordinal);
        return course > 0 ? title[..course] : title;
    }

    // The readable text of <main>: no scripts or styles (chart data), tags dropped, entities decoded, spaces collapsed.
    private static string Text(string html)
    {
        int start = html.IndexOf("<main>", StringComparison.Ordinal);
        int end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        if (start >= 0 && end > start) html = html[start..end];
        html = ScriptOrStyle().Replace(html, " ");
        html = Annotation().Replace(html, " ");
        var text = WebUtility.HtmlDecode(Tag().Replace(html, " "));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > MaxTextPerPage ? text[..MaxTextPerPage] : text;
    }

    [GeneratedRegex(@"<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<annotation\b.*?</annotation>", RegexOptions.Singleline)]
    private static partial Regex Annotation();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
