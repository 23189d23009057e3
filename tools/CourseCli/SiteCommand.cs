using NotebookRunner.Engine;

namespace CourseCli;

/// <summary>
/// <c>site [--out DIR] [--timeout SECONDS]</c>: the notebook tool's export of the whole course (executed notebooks and
/// the static site), then the lab (<see cref="LabSite"/>) published into DIR/site/lab. Exit code 1 when a notebook
/// failed or the lab could not be published (everything else is still written).
/// </summary>
internal static class SiteCommand
{
    public static int Execute(string? outputFolder, double? timeoutSeconds)
    {
        var root = NotebookFiles.FindRepositoryRoot();
        if (root is null)
        {
            Console.Error.WriteLine($"site: no {NotebookFiles.SolutionFile} found above the working directory; run it inside the course's repository.");
            return NotebookRunner.CommandLine.UsageError;
        }
        return NotebookRunner.ExportCommand.Execute([], outputFolder, timeoutSeconds, site => PublishLab(root, site));
    }

    /// <summary>Adds the lab (tools/Lab in WebAssembly) to the site; returns why it failed, or null.</summary>
    private static string? PublishLab(string root, string site)
    {
        try
        {
            LabSite.Publish(root, site, Console.WriteLine);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            return $"the lab was not published: {e.Message}";
        }
    }
}
