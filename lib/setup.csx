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
        var library = System.IO.Path.Combine(project, "bin", "InfoTheory.dll");
        if (!IsStale(project, library)) return;

        // Notebooks may start together (a headless run starts two): one builds while the other waits, then finds it fresh.
        using var buildLock = WaitForBuildLock(System.IO.Path.Combine(project, "obj", "setup.lock"));
        if (!IsStale(project, library)) return;
        // Release: the training in lesson 10 runs several times slower in a Debug build.
        using var build = System.Diagnostics.Process.Start("dotnet", $"build \"{project}\" -c Release --nologo -v quiet")!;
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new System.Exception($"Building {project} failed: run `dotnet build lib/InfoTheory -c Release` in a terminal to see why.");
        // A build whose output is unchanged leaves the old DLL (and its date) in place: mark it fresh.
        System.IO.File.SetLastWriteTimeUtc(library, System.DateTime.UtcNow);
    }

    private static bool IsStale(string project, string library)
    {
        var dll = new System.IO.FileInfo(library);
        return !dll.Exists || System.IO.Directory
            .EnumerateFiles(project, "*.cs", System.IO.SearchOption.AllDirectories)
            .Any(source => System.IO.File.GetLastWriteTimeUtc(source) > dll.LastWriteTimeUtc);
    }

    private static System.IO.FileStream WaitForBuildLock(string path)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        for (var waited = 0; ; waited++)
        {
            try
            {
                return new System.IO.FileStream(path, System.IO.FileMode.OpenOrCreate, System.IO.FileAccess.ReadWrite, System.IO.FileShare.None);
            }
            catch (System.IO.IOException) when (waited < 600)
            {
                System.Threading.Thread.Sleep(500);   // another notebook is building the library
            }
        }
    }

    /// <summary>The folder of this file (the compiler fills in the caller's path), so the notebook may run from any folder.</summary>
    private static string ScriptFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetDirectoryName(path)!;
}
