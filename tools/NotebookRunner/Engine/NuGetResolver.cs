using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NotebookRunner.Engine;

/// <summary>
/// Resolves <c>#r "nuget: Name, Version"</c> to the package's runtime assemblies (its dependencies included):
/// a small project in a cached temp folder is restored with <c>dotnet restore</c>, which reuses the local
/// NuGet cache, and its obj/project.assets.json lists the assemblies.
/// </summary>
public static class NuGetResolver
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Resolved = new();

    /// <summary>The target framework of the running process, e.g. net10.0.</summary>
    public static string TargetFramework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>Full paths of the runtime assemblies of <paramref name="name"/> at <paramref name="version"/> ("*" for the latest).</summary>
    /// <exception cref="InvalidOperationException">The restore failed; the message carries dotnet's output.</exception>
    public static IReadOnlyList<string> Resolve(string name, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return Resolved.GetOrAdd($"{name.ToLowerInvariant()}/{version}", _ => Restore(name, version));
    }

    private static IReadOnlyList<string> Restore(string name, string version)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}|{version}|{TargetFramework}")))[..16];
        var folder = Path.Combine(Path.GetTempPath(), "notebook-runner-nuget", key);
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "restore.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>{TargetFramework}</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{System.Security.SecurityElement.Escape(name)}" Version="{System.Security.SecurityElement.Escape(version)}" />
                  </ItemGroup>
                </Project>
                """);
            RunRestore(folder, name, version);
        }
        return RuntimeAssemblies(assets);
    }

    private static void RunRestore(string folder, string name, string version)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", "restore.csproj", "--nologo", "-v", "quiet"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start 'dotnet restore'.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Restoring NuGet package {name} {version} took more than 5 minutes.");
        }
        if (process.ExitCode != 0)
        {
            File.Delete(Path.Combine(folder, "obj", "project.assets.json"));
            throw new InvalidOperationException(
                $"Could not restore NuGet package {name} {version}:\n{output.Result}{error.Result}".TrimEnd());
        }
    }

    /// <summary>Reads the runtime assemblies of every package in the restore's target.</summary>
    private static IReadOnlyList<string> RuntimeAssemblies(string assetsPath)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = assets.RootElement;
        var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First().Value;

        var paths = new List<string>();
        foreach (var package in target.EnumerateObject())
        {
            if (!package.Value.TryGetProperty("runtime", out var runtime)) continue;
            var packagePath = libraries.GetProperty(package.Name).GetProperty("path").GetString()!;
            foreach (var file in runtime.EnumerateObject())
            {
                if (Path.GetFileName(file.Name) == "_._") continue; // "nothing for this framework" marker
                paths.Add(Path.GetFullPath(Path.Combine(packageFolder, packagePath, file.Name)));
            }
        }
        return paths;
    }
}
