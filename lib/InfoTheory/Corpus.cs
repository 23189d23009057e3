using System.Text;
using System.Text.RegularExpressions;

namespace InfoTheory;

/// <summary>
/// The texts in the repository's data/ folder (see data/README.md for their provenance and licences).
/// Found by walking up from the current directory, so it works from notebooks/, exercises/, solutions/
/// and from the repository root.
/// </summary>
public static partial class Corpus
{
    /// <summary>The short names of the corpora, with their file names.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        ["pride-and-prejudice"] = "pride-and-prejudice.txt",
        ["persuasion"] = "persuasion.txt",
        ["reina-valera"] = "reina-valera-1909-es.txt",
        ["ecoli"] = "ecoli-k12-first-1mb.txt",
        ["sqlite3.h"] = "sqlite3.h",
    };

    /// <summary>The bytes of a corpus, e.g. <c>Corpus.Bytes("pride-and-prejudice")</c>.</summary>
    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The text of a corpus, decoded as UTF-8.</summary>
    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    /// <summary>
    /// The words of a text, lower-cased: runs of letters, with an inner apostrophe kept ("don't").
    /// Digits and punctuation separate words.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
    }

    /// <summary>The full path of a corpus file.</summary>
    public static string PathOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Files.TryGetValue(name, out var file))
            throw new ArgumentException($"There is no corpus called '{name}'. Choose one of: {string.Join(", ", Files.Keys)}.", nameof(name));
        return Path.Combine(DataFolder(), file);
    }

    /// <summary>The data/ folder of the repository.</summary>
    public static string DataFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "pride-and-prejudice.txt"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"Could not find the course's data/ folder above {Directory.GetCurrentDirectory()}. Open the notebook from inside the repository.");
    }

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)*")]
    private static partial Regex WordPattern();
}
