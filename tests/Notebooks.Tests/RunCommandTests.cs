using NotebookRunner;
using Xunit;

namespace Notebooks.Tests;

public class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The notebook tool's entry, in this process: parses <paramref name="args"/> and runs the verb.</summary>
    internal static int Tool(string[] args) => CommandLine.Invoke(CommandLine.NotebookTool(), args);

    internal static (int ExitCode, string Out, string Error) Capture(Func<int> command)
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

        var (exitCode, output, _) = Capture(() => Tool(["run", Path.Combine(_folder.Path, "course")]));

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

        var (exitCode, output, error) = Capture(() => Tool(["run", Path.Combine(_folder.Path, "course"), "--timeout", "30"]));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("FAIL", output);
        Assert.DoesNotContain("b.dib", output);
        Assert.Contains($"{bad}: cell 2: ArgumentException: bad input", error);
    }

    [Fact]
    public void An_unsupported_kernel_fails_with_the_file_and_line()
    {
        var path = _folder.Write("a.dib", "#!csharp\nvar a = 1;\n#!pwsh\nGet-Date\n");

        var (exitCode, _, error) = Capture(() => Tool(["run", path]));

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

        var (exitCode, _, error) = Capture(() => Tool(["run", path, option, value]));

        Assert.Equal(2, exitCode);
        Assert.Contains(option, error);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var (exitCode, _, error) = Capture(() => Tool(["run", Path.Combine(_folder.Path, "nowhere")]));

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void A_folder_named_like_a_notebook_is_a_folder_and_its_notebooks_run()
    {
        _folder.Write("x.dib/inner.dib", Dib.File(Dib.CSharp("1 + 1")));

        var (exitCode, output, _) = Capture(() => Tool(["run", Path.Combine(_folder.Path, "x.dib")]));

        Assert.Equal(0, exitCode);
        Assert.Contains("inner.dib", output);
        Assert.Contains("1 notebooks, 1 cells", output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("export")]
    public void A_folder_without_notebooks_is_a_usage_error_naming_the_folder(string verb)
    {
        var empty = Path.Combine(_folder.Path, "x.dib");
        Directory.CreateDirectory(empty);

        var args = verb == "run" ? new[] { verb, empty } : new[] { verb, empty, "--out", Path.Combine(_folder.Path, "out") };

        var (exitCode, _, error) = Capture(() => Tool(args));

        Assert.Equal(2, exitCode);
        Assert.Contains("no notebooks found", error);
        Assert.Contains(empty, error);
    }

    [Fact]
    public void Export_into_a_file_is_refused_and_the_file_is_untouched()
    {
        var notebook = _folder.Write("a.dib", Dib.File(Dib.CSharp("1")));
        var readme = _folder.Write("README.md", "# mine\n");

        var (exitCode, _, error) = Capture(() => Tool(["export", notebook, "--out", readme]));

        Assert.Equal(2, exitCode);
        Assert.Equal($"export: --out '{readme}' is a file, not a folder; give a new or empty folder (or one an export wrote).", error.Split('\n')[0]);
        Assert.Equal("# mine\n", File.ReadAllText(readme));
    }

    [Theory]
    [InlineData("launch")]
    [InlineData("compress")]   // the course's verb, not the notebook tool's
    public void An_unknown_verb_is_a_usage_error(string verb)
    {
        var (exitCode, output, error) = Capture(() => Tool([verb]));

        Assert.Equal(2, exitCode);
        Assert.Contains($"'{verb}'", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Help_lists_the_notebook_verbs_and_no_course_verb()
    {
        var (exitCode, output, _) = Capture(() => Tool(["--help"]));

        Assert.Equal(0, exitCode);
        foreach (var verb in new[] { "run", "export", "serve", "benchmark" }) Assert.Contains($"  {verb} ", output);
        Assert.DoesNotContain("compress", output);
    }

    [Fact]
    public void A_port_out_of_range_is_a_usage_error()
    {
        var (exitCode, _, error) = Capture(() => Tool(["serve", _folder.Path, "--port", "70000"]));

        Assert.Equal(2, exitCode);
        Assert.Contains("--port needs a number from 0 to 65535", error);
    }
}
