namespace NotebookRunner.Engine;

/// <summary>Finds the repository and the notebooks to run.</summary>
public static class NotebookFiles
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "InfoTheoryNotebooks.sln";

    /// <summary>The folders run when no path is given, in this order.</summary>
    public static readonly IReadOnlyList<string> DefaultFolders = ["notebooks", "exercises", "solutions"];

    /// <summary>
    /// The repository root: the first folder holding <see cref="SolutionFile"/>, walking up from
    /// <paramref name="start"/> (default: the working directory, then the tool's own folder). Null when not found.
    /// </summary>
    public static string? FindRepositoryRoot(string? start = null)
    {
        foreach (var origin in start is null ? [Environment.CurrentDirectory, AppContext.BaseDirectory] : new[] { start })
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(origin)); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile))) return folder.FullName;
        }
        return null;
    }

    /// <summary>The .dib files of the default folders under <paramref name="repositoryRoot"/> (missing folders are skipped).</summary>
    public static IReadOnlyList<string> DefaultNotebooks(string repositoryRoot) =>
        DefaultFolders.Select(f => Path.Combine(repositoryRoot, f)).Where(Directory.Exists).SelectMany(NotebooksIn).ToArray();

    /// <summary>
    /// Full paths of the notebooks named by <paramref name="paths"/>: files as they are, folders as their
    /// *.dib files sorted by name. Paths are relative to the working directory.
    /// </summary>
    /// <exception cref="ArgumentException">A path does not exist, or a file is not a .dib.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full)) result.AddRange(NotebooksIn(full));
            else if (File.Exists(full))
            {
                if (!full.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"'{path}' is not a .dib notebook.", nameof(paths));
                result.Add(full);
            }
            else throw new ArgumentException($"'{path}' does not exist (give .dib files or folders holding them).", nameof(paths));
        }
        return result;
    }

    /// <summary>
    /// <paramref name="path"/> as shown to a person: relative to <paramref name="baseDirectory"/> (default: the
    /// working directory) when it lies below it, otherwise in full.
    /// </summary>
    public static string Display(string path, string? baseDirectory = null)
    {
        var relative = Path.GetRelativePath(baseDirectory ?? Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static IEnumerable<string> NotebooksIn(string folder) =>
        Directory.GetFiles(folder, "*.dib").Order(StringComparer.Ordinal);
}
