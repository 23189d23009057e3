// The setup every course notebook runs first, with  #load "../lib/setup.csx".
// It makes numbers print the same everywhere (0.5, not 0,5) and builds the course library
// (lib/InfoTheory/bin/InfoTheory.dll) when it is missing or older than its sources: about 20 s, once.
// The notebook's next cell loads the library with #r. After you change anything in lib/, restart the
// kernel, then run all cells again (a running kernel keeps the library it loaded first).
using System.Globalization;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CourseSetup.BuildLibraryIfStale();

/// <summary>Builds lib/InfoTheory, found beside this script, when its DLL is missing or older than a source file.</summary>
static class CourseSetup
{
    public static void BuildLibraryIfStale()
    {
        var project = System.IO.Path.Combine(ScriptFolder(), "InfoTheory");
        var library = new System.IO.FileInfo(System.IO.Path.Combine(project, "bin", "InfoTheory.dll"));
        var stale = !library.Exists || System.IO.Directory
            .EnumerateFiles(project, "*.cs", System.IO.SearchOption.AllDirectories)
            .Any(source => System.IO.File.GetLastWriteTimeUtc(source) > library.LastWriteTimeUtc);
        if (!stale) return;

        using var build = System.Diagnostics.Process.Start("dotnet", $"build \"{project}\" --nologo -v quiet")!;
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new System.Exception($"Building {project} failed: run `dotnet build lib/InfoTheory` in a terminal to see why.");
    }

    /// <summary>The folder of this file (the compiler fills in the caller's path), so the notebook may run from any folder.</summary>
    private static string ScriptFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetDirectoryName(path)!;
}
