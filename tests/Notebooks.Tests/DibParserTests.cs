using NotebookRunner.Engine;
using Xunit;

namespace Notebooks.Tests;

public class DibParserTests
{
    private const string Path = "/course/notebooks/01-test.dib";

    [Fact]
    public void Splits_cells_with_kinds_sources_and_start_lines()
    {
        var text = string.Join("\n",
            "#!meta",                         // 1
            "",                               // 2
            """{"kernelInfo":{"defaultKernelName":"csharp"}}""", // 3
            "",                               // 4
            "#!markdown",                     // 5
            "",                               // 6
            "# Title",                        // 7
            "",                               // 8
            "Some $x^2$ prose.",              // 9
            "",                               // 10
            "#!csharp",                       // 11
            "",                               // 12
            "var x = 1;",                     // 13
            "x + 1",                          // 14
            "",                               // 15
            "");

        var notebook = DibParser.Parse(text, Path);

        Assert.Equal("""{"kernelInfo":{"defaultKernelName":"csharp"}}""", notebook.MetadataJson);
        Assert.Collection(notebook.Cells,
            c => Assert.Equal(new Cell(1, CellKind.Markdown, "# Title\n\nSome $x^2$ prose.", 7), c),
            c => Assert.Equal(new Cell(2, CellKind.CSharp, "var x = 1;\nx + 1", 13), c));
        Assert.Equal(14, notebook.Cells[1].FileLine(2));
    }

    [Fact]
    public void Windows_line_endings_give_the_same_cells()
    {
        var unix = "#!csharp\n\nvar a = 1;\n\n#!markdown\n\ntext\n";
        Assert.Equal(DibParser.Parse(unix, Path).Cells, DibParser.Parse(unix.Replace("\n", "\r\n"), Path).Cells);
    }

    [Fact]
    public void Only_empty_lines_are_trimmed_and_inner_blank_lines_stay()
    {
        var notebook = DibParser.Parse("#!csharp\n\n\nvar a = 1;\n\n\nvar b = 2;\n   \n\n", Path);

        // The kernel trims lines that are empty, not lines holding spaces.
        Assert.Equal("var a = 1;\n\n\nvar b = 2;\n   ", notebook.Cells.Single().Source);
        Assert.Equal(4, notebook.Cells.Single().StartLine);
    }

    [Fact]
    public void Empty_cells_disappear_and_numbering_counts_the_remaining_cells()
    {
        var notebook = DibParser.Parse("#!markdown\n\n#!csharp\n\n\n#!csharp\nvar a = 1;\n#!markdown\nend", Path);

        Assert.Equal([1, 2], notebook.Cells.Select(c => c.Number));
        Assert.Equal([CellKind.CSharp, CellKind.Markdown], notebook.Cells.Select(c => c.Kind));
        Assert.Equal([7, 9], notebook.Cells.Select(c => c.StartLine));
    }

    [Theory]
    [InlineData("#!c#", CellKind.CSharp)]
    [InlineData("#!C#", CellKind.CSharp)]
    [InlineData("#!cs", CellKind.CSharp)]
    [InlineData("#!md", CellKind.Markdown)]
    public void Accepts_the_kernel_aliases(string marker, CellKind kind)
    {
        var notebook = DibParser.Parse($"#!markdown\nfirst\n{marker}\nsecond", Path);

        Assert.Equal(2, notebook.Cells.Count);
        Assert.Equal(new Cell(2, kind, "second", 4), notebook.Cells[1]);
    }

    [Fact]
    public void Text_before_the_first_cell_line_is_a_csharp_cell()
    {
        var notebook = DibParser.Parse("var a = 1;\n#!markdown\ntext", Path);

        Assert.Equal(new Cell(1, CellKind.CSharp, "var a = 1;", 1), notebook.Cells[0]);
        Assert.Null(notebook.MetadataJson);
    }

    [Fact]
    public void A_csharp_line_inside_a_markdown_fence_splits_the_cell_as_the_kernel_does()
    {
        var text = "#!markdown\n\nExample:\n\n```csharp\n#!csharp\nvar x = 1;\n```\n\nMore prose.\n";

        var notebook = DibParser.Parse(text, Path);

        Assert.Collection(notebook.Cells,
            c => Assert.Equal(new Cell(1, CellKind.Markdown, "Example:\n\n```csharp", 3), c),
            c => Assert.Equal(new Cell(2, CellKind.CSharp, "var x = 1;\n```\n\nMore prose.", 7), c));
    }

    [Fact]
    public void A_shebang_like_line_is_content()
    {
        var notebook = DibParser.Parse("#!markdown\n```\n#!/usr/bin/env bash\n```", Path);

        Assert.Equal("```\n#!/usr/bin/env bash\n```", notebook.Cells.Single().Source);
    }

    [Theory]
    [InlineData("#!pwsh", "pwsh")]
    [InlineData("#!fsharp", "fsharp")]
    [InlineData("#!javascript", "javascript")]
    [InlineData("#!time", "time")]
    [InlineData("#!set --name x --value 1", "set")]
    public void Another_kernel_or_a_magic_command_is_an_error_naming_file_line_and_kernel(string line, string kernel)
    {
        var text = $"#!csharp\n\nvar a = 1;\n\n{line}\n\nGet-Date\n";

        var error = Assert.Throws<NotebookFormatException>(() => DibParser.Parse(text, Path));

        Assert.Equal(5, error.Line);
        Assert.StartsWith($"{Path}: line 5: ", error.Message);
        Assert.Contains($"'{kernel}'", error.Message);
        Assert.Contains("only csharp and markdown cells are supported", error.Message);
    }

    [Fact]
    public void A_cell_line_with_trailing_spaces_is_an_error()
    {
        var error = Assert.Throws<NotebookFormatException>(() => DibParser.Parse("#!markdown\ntext\n#!csharp \nvar a = 1;", Path));

        Assert.Equal(3, error.Line);
        Assert.Contains("exactly #!csharp", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("#!meta\n\n{\"kernelInfo\":{}}\n\n")]
    [InlineData("#!meta\n\n{}\n\n#!csharp\n\n\n#!markdown\n\n")]
    public void A_file_without_cells_is_an_error(string text)
    {
        var error = Assert.Throws<NotebookFormatException>(() => DibParser.Parse(text, Path));

        Assert.Null(error.Line);
        Assert.Contains("no cells", error.Message);
        Assert.StartsWith(Path, error.Message);
    }

    [Fact]
    public void Metadata_that_is_not_json_is_an_error_on_the_meta_line()
    {
        var error = Assert.Throws<NotebookFormatException>(() => DibParser.Parse("\n#!meta\n\n{not json\n\n#!csharp\nvar a = 1;", Path));

        Assert.Equal(2, error.Line);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Load_rejects_a_file_that_is_not_a_dib()
    {
        using var folder = new TempFolder();
        var ipynb = folder.Write("lesson.ipynb", "{}");

        var error = Assert.Throws<NotebookFormatException>(() => DibParser.Load(ipynb));

        Assert.Contains("not a .dib", error.Message);
        Assert.Contains("lesson.ipynb", error.Message);
    }

    [Fact]
    public void Load_reports_a_missing_file()
    {
        var error = Assert.Throws<NotebookFormatException>(() => DibParser.Load("/no/such/folder/lesson.dib"));

        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Load_keeps_the_full_path()
    {
        using var folder = new TempFolder();
        var path = folder.Write("sub/lesson.dib", Dib.File(Dib.CSharp("var a = 1;")));

        var notebook = DibParser.Load(path);

        Assert.Equal(path, notebook.Path);
        Assert.Equal(System.IO.Path.Combine(folder.Path, "sub"), notebook.Directory);
        Assert.Equal("lesson.dib", notebook.FileName);
    }
}
