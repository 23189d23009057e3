using NotebookRunner.Engine;
using Xunit;

namespace Notebooks.Tests;

/// <summary>Notebooks are read with Microsoft.DotNet.Interactive.Documents; what it cannot run is refused clearly.</summary>
public class NotebookDocumentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cells_are_numbered_in_file_order_with_their_kind_and_first_line()
    {
        var path = _folder.Write("nb/a.dib", Dib.File(Dib.Markdown("# Title"), Dib.CSharp("var x = 1;\nx"), Dib.CSharp("x + 1")));

        var notebook = NotebookDocument.Load(path);

        Assert.Equal([CellKind.Markdown, CellKind.CSharp, CellKind.CSharp], notebook.Cells.Select(c => c.Kind));
        Assert.Equal([1, 2, 3], notebook.Cells.Select(c => c.Number));
        Assert.Equal("var x = 1;\nx", notebook.Cells[1].Source);
        var lines = File.ReadAllLines(path);
        Assert.All(notebook.Cells, c => Assert.Equal(c.Source.Split('\n')[0], lines[c.StartLine - 1]));
    }

    [Fact]
    public void Binary_garbage_saved_as_a_notebook_is_refused_as_binary()
    {
        var path = Path.Combine(_folder.Path, "garbage.dib");
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Contains("not a text notebook", e.Message);
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void A_folder_named_like_a_notebook_is_refused()
    {
        var path = Path.Combine(_folder.Path, "x.dib");
        Directory.CreateDirectory(path);

        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Contains("is a folder", e.Message);
    }

    [Fact]
    public void An_empty_notebook_is_refused()
    {
        var path = _folder.Write("nb/empty.dib", Dib.Meta + "\n");

        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.Contains("no cells", e.Message);
    }

    [Fact]
    public void An_exported_ipynb_reads_back_with_the_same_cells()
    {
        var dib = NotebookDocument.Load(_folder.Write("nb/r.dib", Dib.File(Dib.Markdown("# T\ntext"), Dib.CSharp("var x = 1;"))));
        var ipynb = _folder.Write("nb/r.ipynb", NotebookRunner.Export.IpynbWriter.ToJson(dib, null));

        var back = NotebookDocument.Load(ipynb);

        Assert.Equal(dib.Cells.Select(c => (c.Kind, c.Source)), back.Cells.Select(c => (c.Kind, c.Source)));
    }
}
