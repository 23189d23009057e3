using System.Diagnostics;
using System.Text;
using System.Text.Json;
using InfoTheory;
using InfoTheory.Exercises;
using NotebookRunner.Export;

namespace CourseCli;

/// <summary>
/// The lab section of the site (out/site/lab/): tools/Lab (the course library compiled to .NET WebAssembly, with its
/// pages) published into the site, the corpora its pages and checks read, and the list of exercises that can be
/// answered in a page. One entry point: <see cref="Publish"/>, after the lesson pages are written.
/// </summary>
public static class LabSite
{
    /// <summary>The lessons whose pages link to the lab, with what the link offers.</summary>
    private static readonly Dictionary<string, string> LessonLinks = new()
    {
        ["02-entropy"] = "compress your own text and see each character's surprisal",
        ["08-perplexity-and-language-models"] = "play Shannon's guessing game against the course's model",
        ["09-prediction-is-compression"] = "compress your own text with the models of this lesson and download the file",
    };

    /// <summary>
    /// Publishes tools/Lab into <paramref name="siteDirectory"/>/lab (reusing the last build when no source changed),
    /// copies the corpora to lab/data, writes lab/exercises.js and refreshes the search index.
    /// </summary>
    /// <param name="repositoryRoot">The repository (with tools/Lab, lib/InfoTheory and data/).</param>
    /// <param name="siteDirectory">The exported site (out/site), already written by <see cref="SiteBuilder"/>.</param>
    /// <param name="log">Progress lines (e.g. Console.WriteLine); null for none.</param>
    /// <exception cref="InvalidOperationException">dotnet publish of tools/Lab failed (its output is in the message).</exception>
    public static void Publish(string repositoryRoot, string siteDirectory, Action<string>? log = null)
    {
        string project = Path.Combine(repositoryRoot, "tools", "Lab");
        if (!File.Exists(Path.Combine(project, "Lab.csproj")))
            throw new ArgumentException($"'{repositoryRoot}' has no tools/Lab/Lab.csproj: give the repository's root folder.", nameof(repositoryRoot));
        string published = Path.Combine(project, "bin", "site");
        if (IsStale(repositoryRoot, published))
        {
            log?.Invoke("lab: publishing tools/Lab (WebAssembly)…");
            var clock = Stopwatch.StartNew();
            RunPublish(project, published);
            log?.Invoke($"lab: published in {clock.Elapsed.TotalSeconds:F0} s");
        }

        string lab = Path.Combine(siteDirectory, "lab");
        CopyFolder(Path.Combine(published, "wwwroot"), lab);
        WriteData(Path.Combine(repositoryRoot, "data"), Path.Combine(lab, "data"));
        File.WriteAllText(Path.Combine(lab, "exercises.js"), ExercisesScript(repositoryRoot));
        AddLinks(siteDirectory);
        SiteSearch.WriteIndex(siteDirectory);
    }

    // The index and the lessons that use the lab link to it, at the end of their main text (only once a lab exists,
    // so a site exported without one has no dangling links).
    private static void AddLinks(string siteDirectory)
    {
        InsertBeforeMainEnd(Path.Combine(siteDirectory, "index.html"), IndexLink);
        foreach (var (lesson, offer) in LessonLinks)
            InsertBeforeMainEnd(Path.Combine(siteDirectory, "notebooks", lesson + ".html"),
                $"<p class=\"lab-link\">In the <a href=\"../lab/index.html\">lab</a>: {System.Net.WebUtility.HtmlEncode(offer)}, in your browser.</p>\n");
    }

    private static void InsertBeforeMainEnd(string page, string html)
    {
        if (!File.Exists(page)) return;
        string text = File.ReadAllText(page);
        int end = text.LastIndexOf("</main>", StringComparison.Ordinal);
        if (end < 0 || text.Contains("class=\"lab-link\"", StringComparison.Ordinal)) return;
        File.WriteAllText(page, text[..end] + html + text[end..]);
    }

    /// <summary>The lab paragraph of the index.</summary>
    private static string IndexLink =>
        "<p class=\"lab-link\"><a href=\"lab/index.html\">The lab</a>: compress your own text, play Shannon's guessing game and answer " +
        "the exercises in the page, with the course's library running in your browser. Your progress is kept in this browser " +
        "(<a href=\"#progress\">progress</a>).</p>\n";

    // The published copy is reused while it is newer than every source of the lab and of the library.
    private static bool IsStale(string repositoryRoot, string published)
    {
        var marker = new FileInfo(Path.Combine(published, "wwwroot", "_framework", "dotnet.js"));
        if (!marker.Exists) return true;
        string[] sources = [Path.Combine(repositoryRoot, "tools", "Lab"), Path.Combine(repositoryRoot, "lib", "InfoTheory")];
        return sources.SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") &&
                           !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Any(file => File.GetLastWriteTimeUtc(file) > marker.LastWriteTimeUtc);
    }

    private static void RunPublish(string project, string output)
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Publishing the lab failed (dotnet publish {project}, exit code {process.ExitCode}):\n{stdout.Result}{stderr.Result}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    // The corpora the game and the exercise checks read, and data/index.json naming them (read by lab/worker.js).
    private static void WriteData(string dataFolder, string target)
    {
        Directory.CreateDirectory(target);
        var names = Corpus.Files.Values.Where(name => File.Exists(Path.Combine(dataFolder, name))).ToArray();
        foreach (string name in names) File.Copy(Path.Combine(dataFolder, name), Path.Combine(target, name), overwrite: true);
        File.WriteAllText(Path.Combine(target, "index.json"), JsonSerializer.Serialize(names));
    }

    /// <summary>
    /// lab/exercises.js: the exercises answered with numbers (one, or a list), so an exercise page can offer an
    /// answer box under each check. A script (not JSON), so pages opened from disk can load it too.
    /// </summary>
    internal static string ExercisesScript(string repositoryRoot)
    {
        // The catalog computes some expected values from the corpora, which it finds from the working directory.
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(repositoryRoot);
        try
        {
            var numeric = ExerciseCatalog.All
                .Select(e => (e.Id, e.Title, Kind: e switch
                {
                    NumberExercise => "number",
                    VectorExercise or ComputedVectorExercise => "list",
                    _ => null,
                }))
                .Where(e => e.Kind is not null)
                .Select(e => new Dictionary<string, string> { ["id"] = e.Id, ["title"] = e.Title, ["kind"] = e.Kind! });
            var json = JsonSerializer.Serialize(numeric, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            return new StringBuilder("// Written by the export (LabSite): the exercises answered with numbers.\n")
                .Append("window.ITN_EXERCISES = ").Append(json).Append(";\n").ToString();
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}
