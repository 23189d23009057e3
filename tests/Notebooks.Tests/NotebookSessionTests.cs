using NotebookRunner.Engine;
using Xunit;

namespace Notebooks.Tests;

/// <summary>The engine runs cells in the real .NET Interactive kernel, configured as VS Code configures it.</summary>
public class NotebookSessionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<NotebookResult> Run(params string[] cells) => Run(new SessionOptions(), cells);

    private Task<NotebookResult> Run(SessionOptions options, params string[] cells) =>
        NotebookSession.RunAsync(_folder.Notebook("nb/test.dib", cells), options);

    [Fact]
    public async Task State_carries_from_cell_to_cell_and_a_trailing_expression_is_the_result()
    {
        var result = (await Run(Dib.CSharp("var x = 20;"), Dib.Markdown("Between."), Dib.CSharp("int Twice(int a) => 2 * a;"), Dib.CSharp("Twice(x) + 2")))
            .ShouldSucceed();

        Assert.Empty(result[1]!.Outputs);
        var output = Assert.IsType<DisplayOutput>(Assert.Single(result[4]!.Outputs));
        Assert.True(output.IsResult);
        Assert.Equal("42", output.Shown());
    }

    [Fact]
    public async Task Values_show_as_html_and_strings_as_plain_text_as_in_VS_Code()
    {
        var result = (await Run(Dib.CSharp("1 + 1"), Dib.CSharp("\"a <b> string\""), Dib.CSharp("var two = 2;"))).ShouldSucceed();

        var number = Assert.IsType<DisplayOutput>(result[1]!.Outputs.Single());
        Assert.Equal(["text/html"], number.MimeTypes);
        Assert.Contains("<pre>2</pre>", number["text/html"]);
        var text = Assert.IsType<DisplayOutput>(result[2]!.Outputs.Single());
        Assert.Equal(["text/plain"], text.MimeTypes);
        Assert.Equal("a <b> string", text["text/plain"]);
        Assert.Empty(result[3]!.Outputs);
    }

    [Fact]
    public async Task Display_and_HTML_add_outputs_in_order()
    {
        var result = (await Run(Dib.CSharp("""
            display(HTML("<b>bold</b>"));
            display("first");
            display(new[] { 1, 2 }, "text/plain");
            "last"
            """))).ShouldSucceed();

        var outputs = result[1]!.Outputs.Cast<DisplayOutput>().ToArray();
        Assert.Equal(4, outputs.Length);
        Assert.Equal("<b>bold</b>", outputs[0]["text/html"]);
        Assert.Equal("first", outputs[1].Shown());
        Assert.Equal(["text/plain"], outputs[2].MimeTypes);
        Assert.Contains("1", outputs[2]["text/plain"]);
        Assert.Equal([false, false, false, true], outputs.Select(o => o.IsResult));
    }

    [Fact]
    public async Task Console_output_is_captured_per_cell_in_order_with_displays()
    {
        var result = (await Run(
            Dib.CSharp("""
                Console.WriteLine("a");
                Console.WriteLine("b");
                display("shown");
                Console.WriteLine("c");
                """),
            Dib.CSharp("Console.WriteLine(\"second cell\");"))).ShouldSucceed();

        var outputs = result[1]!.Outputs;
        Assert.Equal(new StreamOutput("stdout", "a\nb\n"), outputs[0]);
        Assert.Equal("shown", outputs[1].Shown());
        Assert.Equal(new StreamOutput("stdout", "c\n"), outputs[2]);
        Assert.Equal([new StreamOutput("stdout", "second cell\n")], result[2]!.Outputs);
    }

    [Fact]
    public async Task A_compile_error_names_the_cell_and_line_and_stops_the_notebook()
    {
        var result = await Run(
            Dib.CSharp("var a = 1;"),
            Dib.Markdown("Prose counts as a cell."),
            Dib.CSharp("var b = 2;\nvar c = undefinedName + b;"),
            Dib.CSharp("Console.WriteLine(\"never runs\");"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal((3, 2), (failure.CellNumber, failure.Line));
        Assert.StartsWith("CS0103", failure.Message);
        Assert.Contains("undefinedName", failure.Message);
        Assert.Equal(3, result.Cells.Count);
        Assert.False(result.Succeeded);
        Assert.IsType<ErrorOutput>(result[3]!.Outputs.Last());
        Assert.Equal($"{result.Notebook.Path}: cell 3, line 2: {failure.Message}", failure.Describe());
    }

    [Fact]
    public async Task An_exception_names_the_cell_and_the_exception_and_keeps_the_output_before_it()
    {
        var result = await Run(
            Dib.CSharp("int Divide(int a, int b) => a / b;"),
            Dib.CSharp("Console.WriteLine(\"before\");\nvar bad = Divide(1, 0);"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal("DivideByZeroException: Attempted to divide by zero.", failure.Message);
        Assert.Equal(new StreamOutput("stdout", "before\n"), result[2]!.Outputs[0]);
        var error = Assert.IsType<ErrorOutput>(result[2]!.Outputs.Last());
        Assert.Contains(error.Traceback, frame => frame.Contains("Divide"));
        Assert.DoesNotContain(error.Traceback, frame => frame.Contains("Microsoft.CodeAnalysis.Scripting"));
    }

    [Fact]
    public async Task A_warning_of_the_compiler_is_reported_with_its_cell_and_line()
    {
        var result = (await Run(Dib.CSharp("var a = 1;"), Dib.CSharp("// nullable outside a #nullable context\nstring? name = null;"))).ShouldSucceed();

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("cell 2, line 2: CS8632", warning);
    }

    [Fact]
    public async Task Top_level_await_works()
    {
        var result = (await Run(Dib.CSharp("await Task.Delay(10);\nvar answer = await Task.FromResult(6 * 7);\nanswer"))).ShouldSucceed();

        Assert.Equal("42", result[1]!.Outputs.Single().Shown());
    }

    [Fact]
    public async Task A_relative_reference_resolves_against_the_notebook_folder_which_is_the_working_directory()
    {
        SmallLibrary.Build(Path.Combine(_folder.Path, "libs"), "Greetings", """
            namespace Greetings;
            public static class Greeter { public static string Hello(string name) => "hello " + name; }
            """);

        var result = (await Run(
            Dib.CSharp("#r \"../libs/Greetings.dll\"\nusing Greetings;"),
            Dib.CSharp("Greeter.Hello(\"notebook\")"),
            Dib.CSharp("System.IO.Directory.GetCurrentDirectory()"))).ShouldSucceed();

        Assert.Equal("hello notebook", result[2]!.Outputs.Single().Shown());
        Assert.Equal(Path.Combine(_folder.Path, "nb"), result[3]!.Outputs.Single().Shown());
    }

    [Fact]
    public async Task The_course_setup_script_and_library_load_as_in_every_course_notebook()
    {
        // The two opening cells of the course, pointed at this repository's lib/ from a notebook elsewhere.
        var lib = Path.Combine(Repository.Root, "lib").Replace('\\', '/');
        var result = (await Run(
            Dib.CSharp($"#load \"{lib}/setup.csx\""),
            Dib.CSharp($"#r \"{lib}/InfoTheory/bin/InfoTheory.dll\"\nusing InfoTheory;"),
            Dib.CSharp("Distribution.Uniform(4)"),
            Dib.CSharp("(0.5).ToString()"))).ShouldSucceed();

        var distribution = Assert.IsType<DisplayOutput>(result[3]!.Outputs.Single());
        Assert.Contains("<table", distribution["text/html"]);
        Assert.Equal("0.5", result[4]!.Outputs.Single().Shown());
    }

    [Fact]
    public async Task Each_notebook_gets_a_fresh_kernel()
    {
        (await Run(Dib.CSharp("var onlyHere = 1;"))).ShouldSucceed();

        var result = await Run(Dib.CSharp("onlyHere"));

        Assert.StartsWith("CS0103", result.Failure?.Message);
    }

    [Fact]
    public async Task A_nuget_reference_brings_the_package_and_its_dependencies()
    {
        // FsCheck depends on FSharp.Core: both must load.
        var result = (await Run(
            Dib.CSharp("#r \"nuget: FsCheck, 3.6.0\"\nusing FsCheck.Fluent;"),
            Dib.CSharp("Microsoft.FSharp.Core.FSharpOption<int>.Some(5).Value + typeof(Gen).Assembly.GetName().Name.Length"))).ShouldSucceed();

        Assert.Equal((5 + "FsCheck".Length).ToString(), result[2]!.Outputs.Single().Shown());
    }

    [Fact]
    public async Task Running_a_notebook_writes_nothing_beside_it()
    {
        var notebook = _folder.Notebook("nb/quiet.dib",
            Dib.CSharp("Console.WriteLine(1);"), Dib.CSharp("throw new Exception(\"stop\");"));
        var before = Snapshot(_folder.Path);

        await NotebookSession.RunAsync(notebook);

        Assert.Equal(before, Snapshot(_folder.Path));
    }

    internal static string[] Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => $"{p} {(File.Exists(p) ? new FileInfo(p).Length + " " + File.GetLastWriteTimeUtc(p).Ticks : "dir")}")
            .Order(StringComparer.Ordinal).ToArray();
}
