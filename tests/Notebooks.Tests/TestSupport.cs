using NotebookRunner.Engine;

namespace Notebooks.Tests;

/// <summary>Builds .dib text for tests.</summary>
internal static class Dib
{
    /// <summary>The metadata block VS Code writes at the top of a .dib file.</summary>
    public const string Meta = """
        #!meta

        {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}
        """;

    public static string CSharp(string source) => "#!csharp\n\n" + source;

    public static string Markdown(string source) => "#!markdown\n\n" + source;

    /// <summary>A whole file: metadata, then the cells separated by blank lines.</summary>
    public static string File(params string[] cells) => Meta + "\n\n" + string.Join("\n\n", cells) + "\n";
}

/// <summary>A temporary folder, deleted on dispose, for throwaway notebooks.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "notebooks-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to a file below the folder and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Writes a notebook made of <paramref name="cells"/> and parses it.</summary>
    public Notebook Notebook(string relativePath, params string[] cells) =>
        NotebookDocument.Load(Write(relativePath, Dib.File(cells)));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Where the repository and the built course library are.</summary>
internal static class Repository
{
    public static string Root { get; } = NotebookFiles.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Tests must run inside the repository (InfoTheoryNotebooks.sln not found).");

    /// <summary>lib/InfoTheory/bin/InfoTheory.dll, built with the tool that the tests reference.</summary>
    public static string LibraryDll { get; } = System.IO.Path.Combine(Root, "lib", "InfoTheory", "bin", "InfoTheory.dll");
}

/// <summary>Short ways to read results.</summary>
internal static class ResultExtensions
{
    public static string? Text(this CellOutput output, string mimeType = "text/plain") =>
        output is DisplayOutput display ? display[mimeType] : null;

    /// <summary>
    /// The text a value shows: its text/plain, or the kernel's HTML for a plain value
    /// (<c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;…&lt;/pre&gt;&lt;/div&gt;</c>) without the markup.
    /// </summary>
    public static string? Shown(this CellOutput output)
    {
        if (output is not DisplayOutput display) return null;
        if (display["text/plain"] is { } plain) return plain;
        var html = display["text/html"];
        var match = html is null ? null : System.Text.RegularExpressions.Regex.Match(html, "<div class=\"dni-plaintext\"><pre>(.*?)</pre></div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return match is { Success: true } ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : html;
    }

    /// <summary>Fails with the runner's own message when the notebook did not run to the end.</summary>
    public static NotebookResult ShouldSucceed(this NotebookResult result)
    {
        Xunit.Assert.True(result.Succeeded, result.Failure?.Describe() ?? "not every cell ran");
        return result;
    }
}

/// <summary>
/// A copy of the fixture course (Fixtures/course) in a temp folder laid out like the repository: the
/// solution marker, notebooks/, exercises/, solutions/, and lib/InfoTheory/bin/InfoTheory.dll.
/// </summary>
internal sealed class FixtureCourse : IDisposable
{
    private readonly TempFolder _folder = new();

    public FixtureCourse()
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "course");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            _folder.Write(System.IO.Path.GetRelativePath(source, file), File.ReadAllText(file));
        _folder.Write(NotebookFiles.SolutionFile, "");
        var lib = System.IO.Path.Combine(Root, "lib", "InfoTheory", "bin");
        Directory.CreateDirectory(lib);
        File.Copy(Repository.LibraryDll, System.IO.Path.Combine(lib, "InfoTheory.dll"));
    }

    public string Root => _folder.Path;

    public string this[string relativePath] => System.IO.Path.Combine(Root, relativePath);

    /// <summary>Adds or replaces a file of the course.</summary>
    public string Write(string relativePath, string text) => _folder.Write(relativePath, text);

    public void Dispose() => _folder.Dispose();
}
