using NotebookRunner.Engine;
using Xunit;

namespace Notebooks.Tests;

public class FixtureCourseTests : IDisposable
{
    private readonly FixtureCourse _course = new();

    public void Dispose() => _course.Dispose();

    [Fact]
    public void The_default_notebooks_are_the_three_folders_in_order()
    {
        var notebooks = NotebookFiles.DefaultNotebooks(_course.Root).Select(p => Path.GetRelativePath(_course.Root, p));

        Assert.Equal(
            ["notebooks/01-surprisal.dib", "notebooks/02-entropy.dib", "exercises/01-surprisal.dib",
             "exercises/02-entropy.dib", "solutions/01-surprisal.dib", "solutions/02-entropy.dib"],
            notebooks);
    }

    [Fact]
    public async Task Every_fixture_notebook_runs_and_the_lesson_computes_what_its_prose_says()
    {
        foreach (var path in NotebookFiles.DefaultNotebooks(_course.Root))
            (await NotebookSession.RunFileAsync(path)).ShouldSucceed();

        var lesson = (await NotebookSession.RunFileAsync(_course["notebooks/01-surprisal.dib"])).ShouldSucceed();
        Assert.Equal("1", lesson[5]!.Outputs.Single().Shown());                       // -log2(1/2)
        Assert.Equal("2.585", lesson[9]!.Outputs.Last().Shown());                      // -log2(1/6), rounded
        // The kernel shows a sequence of anonymous objects as a table of rows, each row's members folded under its text.
        var table = lesson[6]!.Outputs.Single().Text("text/html");
        Assert.Contains("<td>3</td><td><details class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>{ p = 0.125, bits = 3 }</code>", table);
    }

    [Fact]
    public async Task Running_the_course_writes_nothing_into_its_folders()
    {
        var before = NotebookSessionTests.Snapshot(_course.Root);

        foreach (var path in NotebookFiles.DefaultNotebooks(_course.Root))
            await NotebookSession.RunFileAsync(path);

        Assert.Equal(before, NotebookSessionTests.Snapshot(_course.Root));
    }
}
