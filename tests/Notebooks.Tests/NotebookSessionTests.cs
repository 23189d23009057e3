using NotebookRunner.Engine;
using Xunit;

namespace Notebooks.Tests;

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
        Assert.Equal("42", output["text/plain"]);
    }

    [Fact]
    public async Task Display_works_after_a_library_is_referenced_in_a_later_cell()
    {
        // The course's notebooks run a setup cell before the one with #r; display(...) must stay unambiguous
        // after it (the scripts see only the kernel shim's assembly, never the runner with its references).
        var result = (await Run(
            Dib.CSharp("var before = 1;"),
            Dib.CSharp($"#r \"{Repository.LibraryDll}\"\nusing InfoTheory;"),
            Dib.CSharp("display(Distribution.Uniform(2));\ndisplay(HTML(\"<b>x</b>\"));"))).ShouldSucceed();

        var shown = result[3]!.Outputs.OfType<DisplayOutput>().ToList();
        Assert.Equal(2, shown.Count);
        Assert.StartsWith("<table", shown[0]["text/html"]);
        Assert.Equal("<b>x</b>", shown[1]["text/html"]);
    }

    [Fact]
    public async Task Default_imports_are_those_of_the_kernel()
    {
        var result = (await Run(Dib.CSharp("""
            var sorted = new List<int> { 3, 1, 2 }.OrderBy(i => i).ToArray();   // Collections.Generic, Linq
            var text = new StringBuilder("ab").Append(sorted[0]).ToString();       // Text
            IEnumerable plain = sorted;                                            // Collections
            var task = Task.FromResult(text);                                      // Threading.Tasks
            Math.Max(1, 2) + task.Result
            """))).ShouldSucceed();

        Assert.Equal("2ab1", result[1]!.Outputs.Single().Text());
    }

    [Fact]
    public async Task A_statement_shows_nothing_and_an_expression_shows_its_value()
    {
        var result = (await Run(
            Dib.CSharp("var two = 1 + 1;"),
            Dib.CSharp("1 + 1"),
            Dib.CSharp("string nothing = null;\nnothing"),
            Dib.CSharp("2.0 / 3"),
            Dib.CSharp("\"a <b> string\""))).ShouldSucceed();

        Assert.Empty(result[1]!.Outputs);
        Assert.Equal("2", result[2]!.Outputs.Single().Text());
        Assert.Empty(result[3]!.Outputs);
        Assert.Equal((2.0 / 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture), result[4]!.Outputs.Single().Text());
        var text = Assert.IsType<DisplayOutput>(result[5]!.Outputs.Single());
        Assert.Equal(["text/plain"], text.MimeTypes);
        Assert.Equal("a <b> string", text["text/plain"]);
    }

    [Fact]
    public async Task Display_and_HTML_add_outputs_in_order()
    {
        var result = (await Run(Dib.CSharp("""
            display(HTML("<b>bold</b>"));
            var shown = display(3.5);
            display(new[] { 1, 2 }, "text/plain");
            shown.Update("updated");
            "last"
            """))).ShouldSucceed();

        var outputs = result[1]!.Outputs.Cast<DisplayOutput>().ToArray();
        Assert.Equal(4, outputs.Length);
        Assert.Equal(["text/html"], outputs[0].MimeTypes);
        Assert.Equal("<b>bold</b>", outputs[0]["text/html"]);
        Assert.Equal("updated", outputs[1]["text/plain"]);
        Assert.Equal(["text/plain"], outputs[2].MimeTypes);
        Assert.Equal("[ 1, 2 ]", outputs[2]["text/plain"]);
        Assert.Equal([false, false, false, true], outputs.Select(o => o.IsResult));
    }

    [Fact]
    public async Task Top_level_await_works_and_gives_the_awaited_value()
    {
        var result = (await Run(Dib.CSharp("await Task.Delay(10);\nvar answer = await Task.FromResult(6 * 7);\nanswer"))).ShouldSucceed();

        Assert.Equal("42", result[1]!.Outputs.Single().Text());
    }

    [Fact]
    public async Task A_missing_reference_is_a_compile_error_on_its_line()
    {
        var result = await Run(Dib.CSharp("// first line\n#r \"../nowhere/Missing.dll\""));

        Assert.Equal((1, 2), (result.Failure!.CellNumber, result.Failure.Line));
        Assert.Contains("Missing.dll", result.Failure.Message);
    }

    [Fact]
    public async Task A_trailing_display_call_is_not_shown_twice()
    {
        var result = (await Run(Dib.CSharp("display(7)"))).ShouldSucceed();

        Assert.Equal("7", Assert.Single(result[1]!.Outputs).Text());
    }

    [Fact]
    public async Task A_sequence_shows_as_an_html_table_and_a_text_line()
    {
        var result = (await Run(Dib.CSharp("""new[] { "a<", "b" }"""))).ShouldSucceed();

        var output = Assert.IsType<DisplayOutput>(result[1]!.Outputs.Single());
        Assert.Equal("[ a<, b ]", output["text/plain"]);
        Assert.Equal(
            "<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody>"
            + "<tr><td>0</td><td>a&lt;</td></tr><tr><td>1</td><td>b</td></tr></tbody></table>",
            output["text/html"]);
    }

    [Fact]
    public async Task Console_output_is_captured_per_cell_in_order_with_displays()
    {
        var result = (await Run(
            Dib.CSharp("""
                Console.Write("a");
                Console.Error.WriteLine("e");
                Console.WriteLine("b");
                display(1);
                Console.WriteLine("c");
                Console.WriteLine("d");
                """),
            Dib.CSharp("Console.WriteLine(\"second cell\");"))).ShouldSucceed();

        Assert.Equal(
            [new StreamOutput("stdout", "a"), new StreamOutput("stderr", "e\n"), new StreamOutput("stdout", "b\n")],
            result[1]!.Outputs.Take(3));
        Assert.Equal("1", result[1]!.Outputs[3].Text());
        Assert.Equal(new StreamOutput("stdout", "c\nd\n"), result[1]!.Outputs[4]);
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
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal(2, failure.Line);
        Assert.Contains("CS0103", failure.Message);
        Assert.Contains("undefinedName", failure.Message);
        Assert.Equal(3, result.Cells.Count);
        Assert.False(result.Succeeded);
        Assert.IsType<ErrorOutput>(result[3]!.Outputs.Last());
        Assert.Equal($"{result.Notebook.Path}: cell 3, line 2: {failure.Message}", failure.Describe());
    }

    [Fact]
    public async Task An_exception_names_the_cell_the_line_and_the_exception_type()
    {
        var result = await Run(
            Dib.CSharp("var list = new List<int>();"),
            Dib.CSharp("Console.WriteLine(\"before\");\n\nthrow new InvalidOperationException(\"the answer is not ready\");"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal(3, failure.Line);
        Assert.Equal("InvalidOperationException: the answer is not ready", failure.Message);
        var error = Assert.IsType<ErrorOutput>(result[2]!.Outputs.Last());
        Assert.Equal("InvalidOperationException", error.Name);
        Assert.Equal(new StreamOutput("stdout", "before\n"), result[2]!.Outputs[0]);
    }

    [Fact]
    public async Task An_exception_from_a_framework_call_points_at_the_calling_line()
    {
        var result = await Run(Dib.CSharp("var list = new List<int>();\nvar ok = 1;\nvar first = list[3];"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal((1, 3), (failure.CellNumber, failure.Line));
        Assert.StartsWith("ArgumentOutOfRangeException: ", failure.Message);
    }

    [Fact]
    public async Task An_exception_inside_code_from_an_earlier_cell_names_that_cell()
    {
        var result = await Run(
            Dib.CSharp("// helpers\nint Divide(int a, int b)\n{\n    return a / b;\n}"),
            Dib.CSharp("var ok = Divide(4, 2);\nvar bad = Divide(1, 0);"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal((2, 2), (failure.CellNumber, failure.Line));
        Assert.StartsWith("DivideByZeroException: ", failure.Message);
    }

    [Fact]
    public async Task A_cell_running_past_the_timeout_fails()
    {
        var options = new SessionOptions { CellTimeout = TimeSpan.FromSeconds(0.5) };

        var result = await Run(options, Dib.CSharp("var a = 1;"), Dib.CSharp("System.Threading.Thread.Sleep(4000);"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Null(failure.Line);
        Assert.Contains("timeout", failure.Message);
        Assert.Contains("0.5 s", failure.Message);
    }

    [Fact]
    public async Task A_type_declared_in_the_notebook_with_the_formatter_convention_renders_as_html()
    {
        var result = (await Run(
            Dib.CSharp("""
                // The convention, declared here exactly as a library would (the runner finds it by name).
                [AttributeUsage(AttributeTargets.Class)]
                class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
                {
                    public Type FormatterSourceType { get; } = formatterSourceType;
                    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
                }

                class Html { public string MimeType => "text/html"; public bool Format(object instance, System.IO.TextWriter writer) { if (instance is not Badge b) return false; writer.Write($"<span class='badge'>{b.Label}</span>"); return true; } }
                class Plain { public string MimeType => "text/plain"; public bool Format(object instance, System.IO.TextWriter writer) { writer.Write("badge " + ((Badge)instance).Label); return true; } }
                class Source { public IEnumerable<object> CreateTypeFormatters() { yield return new Html(); yield return new Plain(); } }

                [TypeFormatterSource(typeof(Source))]
                record Badge(string Label);
                """),
            Dib.CSharp("new Badge(\"gold\")"),
            Dib.CSharp("display(new Badge(\"silver\"));"))).ShouldSucceed();

        var output = Assert.IsType<DisplayOutput>(result[2]!.Outputs.Single());
        Assert.Equal(["text/html", "text/plain"], output.MimeTypes);
        Assert.Equal("<span class='badge'>gold</span>", output["text/html"]);
        Assert.Equal("badge gold", output["text/plain"]);
        Assert.Equal("<span class='badge'>silver</span>", result[3]!.Outputs.Single().Text("text/html"));
    }

    [Fact]
    public async Task A_relative_reference_resolves_against_the_notebook_folder_which_is_the_working_directory()
    {
        var dll = SmallLibrary.Build(Path.Combine(_folder.Path, "libs"), "Greetings", """
            namespace Greetings;
            public static class Greeter { public static string Hello(string name) => "hello " + name; }
            """);
        Assert.True(File.Exists(dll));
        var before = Environment.CurrentDirectory;

        var result = (await Run(
            Dib.CSharp("#r \"../libs/Greetings.dll\"\nusing Greetings;"),
            Dib.CSharp("Greeter.Hello(\"notebook\")"),
            Dib.CSharp("System.IO.Directory.GetCurrentDirectory()"),
            Dib.CSharp("System.IO.File.Exists(\"../libs/Greetings.dll\")"))).ShouldSucceed();

        Assert.Equal("hello notebook", result[2]!.Outputs.Single().Text());
        Assert.Equal(Path.Combine(_folder.Path, "nb"), result[3]!.Outputs.Single().Text());
        Assert.Equal("True", result[4]!.Outputs.Single().Text());
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task The_course_library_loads_with_the_standard_opening_cells()
    {
        var relative = Path.GetRelativePath(Path.Combine(_folder.Path, "nb"), Repository.LibraryDll);

        var result = (await Run(
            Dib.CSharp($"var libraryDll = System.IO.Path.GetFullPath(\"{relative}\");\nSystem.IO.File.Exists(libraryDll)"),
            Dib.CSharp($"#r \"{relative}\"\nusing InfoTheory;"),
            Dib.CSharp("typeof(InfoTheory.Rendering.Html).Assembly.ManifestModule.ModuleVersionId"))).ShouldSucceed();

        // The runner's own copy of the library may be the one loaded (the host's copy wins, as in any
        // Roslyn script host), so it must be the very build in lib/InfoTheory/bin.
        Assert.Equal("True", result[1]!.Outputs.Single().Text());
        Assert.Equal(ModuleVersionId(Repository.LibraryDll).ToString(), result[3]!.Outputs.Single().Text());
    }

    [Fact]
    public async Task The_document_id_is_the_notebook_path()
    {
        var notebook = _folder.Notebook("nb/doc.dib", Dib.CSharp("AppContext.GetData(\"InfoTheory.DocumentId\")"));

        var result = (await NotebookSession.RunAsync(notebook)).ShouldSucceed();

        Assert.Equal(notebook.Path, result[1]!.Outputs.Single().Text());
    }

    [Fact]
    public async Task Sessions_are_independent()
    {
        (await Run(Dib.CSharp("var onlyHere = 1;"))).ShouldSucceed();

        var result = await Run(Dib.CSharp("onlyHere"));

        Assert.Contains("CS0103", result.Failure?.Message);
    }

    [Fact]
    public async Task A_nuget_reference_brings_the_package_and_its_dependencies()
    {
        // FsCheck depends on FSharp.Core: both must load.
        var result = (await Run(
            Dib.CSharp("#r \"nuget: FsCheck, 3.6.0\"\nusing FsCheck.Fluent;"),
            Dib.CSharp("Microsoft.FSharp.Core.FSharpOption<int>.Some(5).Value + typeof(Gen).Assembly.GetName().Name.Length"))).ShouldSucceed();

        Assert.Equal((5 + "FsCheck".Length).ToString(), result[2]!.Outputs.Single().Text());
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

    private static Guid ModuleVersionId(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }

    internal static string[] Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => $"{p} {(File.Exists(p) ? new FileInfo(p).Length + " " + File.GetLastWriteTimeUtc(p).Ticks : "dir")}")
            .Order(StringComparer.Ordinal).ToArray();
}
