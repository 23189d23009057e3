using System.Reflection;
using NotebookRunner.Engine;
using Xunit;
using Xunit.Sdk;

namespace Notebooks.Tests;

/// <summary>One test per notebook of the course: every .dib in notebooks/, exercises/ and solutions/ runs headless.</summary>
public class CourseNotebookTests
{
    [Theory]
    [CourseNotebooks]
    public async Task Runs_headless_without_error(string notebook)
    {
        var result = await NotebookSession.RunFileAsync(Path.Combine(Repository.Root, notebook));

        Assert.True(result.Succeeded, result.Failure?.Describe(Repository.Root));
        // No compiler warning either: VS Code would underline it for the student.
        Assert.Empty(result.Warnings);

        // Exercise notebooks ship with every check "not attempted"; solutions pass every check.
        var folder = notebook.Split('/', '\\')[0];
        var checks = result.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>()
            .Select(d => d["text/html"]).Where(html => html?.Contains("class=\"itn-check ") == true).ToList();
        int checkCalls = result.Notebook.Cells.Count(c => c.Source.Contains("Check(\""));
        string expected = folder switch { "exercises" => "itn-check-notattempted", "solutions" => "itn-check-passed", _ => "" };
        if (folder is "exercises" or "solutions")
        {
            Assert.Equal(checkCalls, checks.Count);
            Assert.All(checks, html => Assert.Contains(expected, html));
        }
    }
}

/// <summary>
/// The repository's notebooks, found when the tests run (paths relative to the root), so a new notebook gets its
/// test without editing this file. With no notebooks yet, one placeholder row that is reported as skipped.
/// </summary>
public sealed class CourseNotebooksAttribute : DataAttribute
{
    private static IReadOnlyList<string> Notebooks =>
        NotebookFiles.DefaultNotebooks(Repository.Root).Select(p => Path.GetRelativePath(Repository.Root, p)).ToArray();

    /// <inheritdoc/>
    public override string? Skip
    {
        get => Notebooks.Count == 0 ? "No notebooks in notebooks/, exercises/ or solutions/ yet." : null;
        set { }
    }

    /// <inheritdoc/>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Notebooks.Count == 0 ? [["(no notebooks yet)"]] : Notebooks.Select(n => new object[] { n });
}
