using System.Text.Json;
using NotebookRunner.Engine;
using NotebookRunner.Export;
using Xunit;

namespace Notebooks.Tests;

public class ExportTests : IDisposable
{
    private readonly FixtureCourse _course = new();
    private readonly TempFolder _out = new();

    public void Dispose()
    {
        _course.Dispose();
        _out.Dispose();
    }

    private string Output => Path.Combine(_out.Path, "out");

    private Task<ExportSummary> Export(IReadOnlyList<string>? notebooks = null) =>
        CourseExporter.ExportAsync(notebooks ?? NotebookFiles.DefaultNotebooks(_course.Root), new ExportOptions(Output, new SessionOptions()));

    [Fact]
    public async Task Each_notebook_becomes_an_ipynb_with_the_outputs_the_runner_saw()
    {
        var summary = await Export();

        Assert.Empty(summary.Failures);
        foreach (var path in NotebookFiles.DefaultNotebooks(_course.Root))
        {
            var notebook = NotebookDocument.Load(path);
            var run = (await NotebookSession.RunAsync(notebook)).ShouldSucceed();
            var folder = Path.GetFileName(Path.GetDirectoryName(path))!;
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "notebooks", folder, Path.ChangeExtension(Path.GetFileName(path), ".ipynb"))));
            var root = json.RootElement;

            Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
            Assert.Equal(5, root.GetProperty("nbformat_minor").GetInt32());
            var metadata = root.GetProperty("metadata");
            Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
            Assert.Equal("C#", metadata.GetProperty("kernelspec").GetProperty("language").GetString());
            Assert.Equal("C#", metadata.GetProperty("language_info").GetProperty("name").GetString());
            Assert.Equal("csharp", metadata.GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());

            var cells = root.GetProperty("cells").EnumerateArray().ToArray();
            var ipynbPath = Path.Combine(Output, "notebooks", folder, Path.ChangeExtension(Path.GetFileName(path), ".ipynb"));
            var (relocatedCode, relocatedMarkdown) = IpynbWriter.Relocate(notebook, ipynbPath);
            Assert.Equal(notebook.Cells.Count, cells.Length);
            Assert.Equal(cells.Length, cells.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = notebook.Cells[i];
                Assert.Equal(cell.Kind == CellKind.CSharp ? "code" : "markdown", cells[i].GetProperty("cell_type").GetString());
                var expectedSource = cell.Kind == CellKind.CSharp ? relocatedCode(cell.Source) : relocatedMarkdown(cell.Source);
                Assert.Equal(expectedSource, string.Concat(cells[i].GetProperty("source").EnumerateArray().Select(l => l.GetString())));
                if (cell.Kind == CellKind.Markdown)
                {
                    Assert.False(cells[i].TryGetProperty("outputs", out _));
                    continue;
                }
                var outputs = cells[i].GetProperty("outputs").EnumerateArray().ToArray();
                Assert.Equal(run[cell.Number]!.Outputs.Select(OutputType), outputs.Select(o => o.GetProperty("output_type").GetString()));
                foreach (var (expected, actual) in run[cell.Number]!.Outputs.Zip(outputs))
                    Assert.Equal(ExpectedText(expected), ActualText(actual));
            }
        }
    }

    private static string OutputType(CellOutput output) => output switch
    {
        StreamOutput => "stream",
        DisplayOutput { IsResult: true } => "execute_result",
        DisplayOutput => "display_data",
        _ => "error",
    };

    private static string ExpectedText(CellOutput output) => output switch
    {
        StreamOutput s => s.Text,
        DisplayOutput d => string.Join("|", d.Data.Select(p => p.Key + "=" + p.Value)),
        _ => "",
    };

    private static string ActualText(JsonElement output) => output.GetProperty("output_type").GetString() switch
    {
        "stream" => Join(output.GetProperty("text")),
        "execute_result" or "display_data" => string.Join("|", output.GetProperty("data").EnumerateObject().Select(p => p.Name + "=" + Join(p.Value))),
        _ => "",
    };

    private static string Join(JsonElement lines) => string.Concat(lines.EnumerateArray().Select(l => l.GetString()));

    [Fact]
    public async Task An_exported_ipynb_runs_where_it_was_written_and_links_to_the_other_ipynb()
    {
        await Export();
        var exported = Directory.GetFiles(Path.Combine(Output, "notebooks"), "*.ipynb", SearchOption.AllDirectories);
        Assert.NotEmpty(exported);
        foreach (var ipynb in exported)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(ipynb));
            var cells = json.RootElement.GetProperty("cells").EnumerateArray().Select((cell, i) => new Cell(
                i + 1,
                cell.GetProperty("cell_type").GetString() == "code" ? CellKind.CSharp : CellKind.Markdown,
                string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString())),
                StartLine: 1)).ToList();

            // Run the copy from its own folder, as Jupyter would: its relative paths must reach the library.
            (await NotebookSession.RunAsync(new Notebook(ipynb, cells, "{}"))).ShouldSucceed();
            var markdown = string.Join("\n", cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source));
            Assert.DoesNotContain(".dib)", markdown);
        }
    }

    [Fact]
    public async Task The_site_has_an_index_a_page_per_notebook_and_local_assets()
    {
        await Export();
        var site = Path.Combine(Output, "site");

        foreach (var page in new[] { "index.html", "notebooks/01-surprisal.html", "notebooks/02-entropy.html",
                                      "exercises/01-surprisal.html", "solutions/02-entropy.html" })
            Assert.True(File.Exists(Path.Combine(site, page)), page);
        Assert.True(File.Exists(Path.Combine(site, "assets/katex/katex.min.js")));
        Assert.True(File.Exists(Path.Combine(site, "assets/katex/fonts/KaTeX_Main-Regular.woff2")));
        Assert.False(File.Exists(Path.Combine(site, "assets/plotly.min.js"))); // no charts in this course

        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        var lesson1 = index.IndexOf("href=\"notebooks/01-surprisal.html\"", StringComparison.Ordinal);
        var lesson2 = index.IndexOf("href=\"notebooks/02-entropy.html\"", StringComparison.Ordinal);
        Assert.InRange(lesson1, 0, lesson2 - 1);
        Assert.Contains("A fixture lesson for the runner", index);                 // a short first sentence…
        Assert.Contains("The surprisal of an outcome", index);                    // …with the next one
        Assert.DoesNotContain("So a fair coin flip", index);                      // …and no more
        Assert.Contains("href=\"exercises/01-surprisal.html\"", index);
        Assert.Contains("href=\"solutions/01-surprisal.html\"", index);
    }

    [Fact]
    public async Task Text_outputs_are_escaped_and_html_outputs_are_not()
    {
        await Export();
        var page = File.ReadAllText(Path.Combine(Output, "site/notebooks/01-surprisal.html"));

        Assert.Contains("&lt;script&gt;alert(&#39;not run&#39;)&lt;/script&gt; stays text", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("a &lt; b &amp;&amp; c &gt; d", page);
        Assert.Contains("<p><b>Bold</b> HTML from a cell.</p>", page);
    }

    [Fact]
    public async Task Math_survives_markdown_and_links_to_notebooks_point_at_pages()
    {
        await Export();
        var page = File.ReadAllText(Path.Combine(Output, "site/notebooks/01-surprisal.html"));

        Assert.Contains(@"<span class=""math"">\(I(p) = -\log_2 p\)</span>", page);
        Assert.Contains(@"\frac{1}{p}", page);
        Assert.Contains("href=\"02-entropy.html\"", page);
        Assert.Contains("href=\"../notebooks/02-entropy.html\"", page); // the "next" link
    }

    [Fact]
    public async Task A_cell_that_exits_its_kernel_ends_only_its_notebook_and_the_site_is_still_written()
    {
        var exits = _course.Write("notebooks/00-exits.dib", Dib.File(Dib.Markdown("# Exits"), Dib.CSharp("Environment.Exit(3);")));
        var good = _course["notebooks/01-surprisal.dib"];

        var summary = await Export([exits, good]);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(exits, failure.SourcePath);
        Assert.EndsWith("cell 2: the kernel exited with code 3", failure.FailureMessage);
        Assert.True(File.Exists(Path.Combine(Output, "site/notebooks/01-surprisal.html")));
        Assert.Contains("the kernel exited with code 3", File.ReadAllText(Path.Combine(Output, "site/notebooks/00-exits.html")));
    }

    [Fact]
    public async Task A_failing_notebook_is_reported_and_everything_else_is_still_written()
    {
        var good = _course["notebooks/01-surprisal.dib"];
        var bad = _course["notebooks/02-entropy.dib"];
        File.WriteAllText(bad, Dib.File(
            Dib.Markdown("# Broken"),
            Dib.CSharp("Console.WriteLine(\"first\");"),
            Dib.CSharp("var data = new int[2];\nvar x = data[5];"),
            Dib.CSharp("Console.WriteLine(\"never\");")));

        var summary = await Export([good, bad]);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(bad, failure.SourcePath);
        Assert.Equal("notebooks/02-entropy.dib: cell 3: IndexOutOfRangeException: Index was outside the bounds of the array.",
            failure.FailureMessage);
        Assert.True(File.Exists(Path.Combine(Output, "site/notebooks/01-surprisal.html")));

        var page = File.ReadAllText(Path.Combine(Output, "site/notebooks/02-entropy.html"));
        Assert.Contains("IndexOutOfRangeException: Index was outside the bounds of the array.", page);
        Assert.Contains("This cell failed (cell 3)", page);
        Assert.Contains("Not run", page);
        Assert.Contains("(failed to run)", File.ReadAllText(Path.Combine(Output, "site/index.html")));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "notebooks/notebooks/02-entropy.ipynb")));
        var cells = json.RootElement.GetProperty("cells").EnumerateArray().ToArray();
        var error = cells[2].GetProperty("outputs").EnumerateArray().Single();
        Assert.Equal("error", error.GetProperty("output_type").GetString());
        Assert.Equal("IndexOutOfRangeException", error.GetProperty("ename").GetString());
        Assert.Equal(JsonValueKind.Null, cells[3].GetProperty("execution_count").ValueKind);
        Assert.Equal(2, cells[2].GetProperty("execution_count").GetInt32());
    }

    [Fact]
    public async Task A_notebook_that_cannot_be_parsed_still_gets_a_page_with_the_reason()
    {
        var bad = _course["notebooks/02-entropy.dib"];
        File.WriteAllText(bad, "#!csharp\nvar a = 1;\n#!pwsh\nGet-Date\n");

        var summary = await Export([_course["notebooks/01-surprisal.dib"], bad]);

        Assert.Contains("line 3", Assert.Single(summary.Failures).FailureMessage);
        Assert.Contains("C# and markdown cells only", File.ReadAllText(Path.Combine(Output, "site/notebooks/02-entropy.html")));
    }

    [Fact]
    public async Task Charts_load_plotly_once_from_the_head_instead_of_inline()
    {
        var notebook = _course.Write("notebooks/03-charts.dib", Dib.File(
            Dib.Markdown("# Charts"),
            Dib.CSharp(FakeFigure("first", inlinePlotly: true)),
            Dib.CSharp(FakeFigure("second", inlinePlotly: false))));

        await Export([notebook]);

        var page = File.ReadAllText(Path.Combine(Output, "site/notebooks/03-charts.html"));
        Assert.DoesNotContain("<script data-itn-plotly", page); // (the cell source shows it escaped)
        Assert.Single(AllIndexes(page, "assets/plotly.min.js"));
        Assert.Contains("<script src=\"../assets/plotly.min.js\"></script>\n</head>", page);
        Assert.Equal(FakePlotly, File.ReadAllText(Path.Combine(Output, "site/assets/plotly.min.js")));

        // The .ipynb keeps plotly.js inline, so the notebook draws in Jupyter without the site.
        Assert.Contains("data-itn-plotly", File.ReadAllText(Path.Combine(Output, "notebooks/notebooks/03-charts.ipynb")));
    }

    [Fact]
    public async Task The_export_refuses_to_write_where_notebooks_live_or_over_foreign_files()
    {
        var notebooks = NotebookFiles.DefaultNotebooks(_course.Root);
        foreach (var inside in new[] { _course["notebooks/out"], _course["solutions"], _course.Root })
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                CourseExporter.ExportAsync(notebooks, new ExportOptions(inside, new SessionOptions())));
            Assert.Contains("overlaps", error.Message);
        }

        _out.Write("out/precious.txt", "a student's notes");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Export());
        Assert.Contains("not empty", refused.Message);
        Assert.Equal("a student's notes", File.ReadAllText(Path.Combine(Output, "precious.txt")));
    }

    [Fact]
    public async Task A_second_export_replaces_the_first()
    {
        await Export();
        var stale = Path.Combine(Output, "site", "notebooks", "old-lesson.html");
        File.WriteAllText(stale, "left over");

        await Export([_course["notebooks/01-surprisal.dib"]]);

        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(Path.Combine(Output, "site", "notebooks", "02-entropy.html")));
        Assert.True(File.Exists(Path.Combine(Output, "site", "notebooks", "01-surprisal.html")));
    }

    internal const string FakePlotly = "window.Plotly = { newPlot: function (el) { el.innerHTML = '<svg class=\"main-svg\"></svg>'; return Promise.resolve(); } };";

    /// <summary>A cell whose output looks like the library's figure HTML (plotly.js inline in the first one).</summary>
    internal static string FakeFigure(string id, bool inlinePlotly) =>
        "display(HTML(\"<div class=\\\"itn-figure\\\" id=\\\"" + id + "\\\"></div>\\n\" + "
        + (inlinePlotly ? "\"<script data-itn-plotly=\\\"inline\\\">\" + " + JsonSerializer.Serialize(FakePlotly) + " + \"</script>\\n\" + " : "")
        + "\"<script>window.Plotly.newPlot(document.getElementById('" + id + "'), {});</script>\"));";

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            yield return i;
    }
}
