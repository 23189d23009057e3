using NotebookRunner;
using Xunit;

namespace Notebooks.Tests;

public class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (int ExitCode, string Out, string Error) Capture(Func<int> command)
    {
        var (previousOut, previousError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (command(), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    [Fact]
    public void Runs_a_folder_in_name_order_and_prints_a_line_per_notebook()
    {
        _folder.Write("course/b.dib", Dib.File(Dib.CSharp("Console.WriteLine(\"not shown\");")));
        _folder.Write("course/a.dib", Dib.File(Dib.Markdown("# A"), Dib.CSharp("1 + 1")));

        var (exitCode, output, _) = Capture(() => RunCommand.Execute([Path.Combine(_folder.Path, "course")]));

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ok", lines[0]);
        Assert.Contains("a.dib", lines[0]);
        Assert.Contains("2 cells", lines[0]);
        Assert.Contains("b.dib", lines[1]);
        Assert.DoesNotContain("not shown", output);
        Assert.StartsWith("2 notebooks, 3 cells", lines[2]);
    }

    [Fact]
    public void Stops_at_the_first_failing_notebook_with_file_cell_line_and_message()
    {
        var bad = _folder.Write("course/a.dib", Dib.File(Dib.CSharp("var a = 1;"), Dib.CSharp("var b = 2;\nthrow new ArgumentException(\"bad input\");")));
        _folder.Write("course/b.dib", Dib.File(Dib.CSharp("1")));

        var (exitCode, output, error) = Capture(() => RunCommand.Execute([Path.Combine(_folder.Path, "course"), "--timeout", "30"]));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("FAIL", output);
        Assert.DoesNotContain("b.dib", output);
        Assert.Contains($"{bad}: cell 2: ArgumentException: bad input", error);
    }

    [Fact]
    public void An_unsupported_kernel_fails_with_the_file_and_line()
    {
        var path = _folder.Write("a.dib", "#!csharp\nvar a = 1;\n#!pwsh\nGet-Date\n");

        var (exitCode, _, error) = Capture(() => RunCommand.Execute([path]));

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}: line 3: ", error);
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "soon")]
    [InlineData("--bogus", "1")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var path = _folder.Write("a.dib", Dib.File(Dib.CSharp("1")));

        var (exitCode, _, error) = Capture(() => RunCommand.Execute([path, option, value]));

        Assert.Equal(2, exitCode);
        Assert.Contains(option, error);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var (exitCode, _, error) = Capture(() => RunCommand.Execute([Path.Combine(_folder.Path, "nowhere")]));

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error);
    }
}
