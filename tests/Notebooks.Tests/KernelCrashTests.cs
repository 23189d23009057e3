using NotebookRunner.Engine;
using Xunit;

namespace Notebooks.Tests;

/// <summary>No cell can take the run down: whatever a cell does to its kernel process, the tool reports it and goes on.</summary>
public class KernelCrashTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<CellFailure> Failure(SessionOptions options, params string[] cells)
    {
        var result = await NotebookSession.RunAsync(_folder.Notebook($"nb/{Guid.NewGuid():N}.dib", cells), options);
        Assert.False(result.Succeeded);
        return result.Failure!;
    }

    private Task<CellFailure> Failure(params string[] cells) => Failure(new SessionOptions(), cells);

    [Fact]
    public async Task Environment_Exit_ends_the_notebook_with_the_exit_code()
    {
        var failure = await Failure(Dib.CSharp("var a = 1;"), Dib.Markdown("prose"), Dib.CSharp("Environment.Exit(3);"));

        Assert.Equal(3, failure.CellNumber);
        Assert.Equal("the kernel exited with code 3", failure.Message);
        Assert.EndsWith(": cell 3: the kernel exited with code 3", failure.Describe());
    }

    [Fact]
    public async Task A_stack_overflow_is_named()
    {
        var failure = await Failure(Dib.CSharp("int Down(int n) => Down(n + 1) + 1;\nDown(0)"));

        Assert.Equal((1, "stack overflow"), (failure.CellNumber, failure.Message));
    }

    [Fact]
    public async Task An_array_too_long_for_dotnet_says_so()
    {
        var failure = await Failure(Dib.CSharp("var huge = new byte[20_000_000_000];"));

        Assert.StartsWith("OverflowException: ", failure.Message);
        Assert.Contains("2,147,483,591", failure.Message);
    }

    [Fact]
    public async Task A_cell_that_allocates_20_GB_runs_out_of_memory_in_its_own_kernel()
    {
        // Twenty arrays of 1 GB, all kept: the kernel's heap limit (8 GiB) stops it long before the machine swaps.
        var failure = await Failure(Dib.CSharp("var kept = new List<byte[]>();\nfor (int i = 0; i < 20; i++) kept.Add(new byte[1_000_000_000]);"));

        Assert.Equal(1, failure.CellNumber);
        Assert.StartsWith("out of memory: the cell needed more than the 8 GiB the kernel may use", failure.Message);
    }

    [Fact]
    public async Task A_cell_running_past_the_timeout_is_stopped_and_only_that_cell_is_timed()
    {
        // The clock starts when a cell is sent: the kernel's start-up (seconds, more on a busy machine) is not counted.
        var options = new SessionOptions { CellTimeout = TimeSpan.FromSeconds(5) };
        var notebook = _folder.Notebook("nb/loop.dib", Dib.CSharp("var a = 1;"), Dib.CSharp("while (true) { }"));

        var result = await NotebookSession.RunAsync(notebook, options);

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal("did not finish within 5 s (timeout); the kernel was stopped.", failure.Message);
        Assert.True(result.KernelStart > TimeSpan.Zero);
        Assert.InRange(result[2]!.Elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_flood_of_console_output_is_cut_at_the_limit_not_kept_whole()
    {
        var options = new SessionOptions { ConsoleTextLimit = 10_000 };
        var notebook = _folder.Notebook("nb/flood.dib", Dib.CSharp("for (int i = 0; i < 200_000; i++) Console.WriteLine(\"line \" + i);"));

        var result = (await NotebookSession.RunAsync(notebook, options)).ShouldSucceed();

        var text = string.Concat(result[1]!.Outputs.OfType<StreamOutput>().Select(s => s.Text));
        Assert.StartsWith("line 0\nline 1\n", text);
        Assert.InRange(text.Length, 10_000, 10_200);
        Assert.Contains("output cut here", text);
    }
}
