using System.Text.RegularExpressions;
using Xunit;

namespace Notebooks.Tests;

/// <summary>
/// The course's shape: every lesson has an exercise notebook, every exercise notebook a solution with the
/// same file name and the same exercise ids in the same order, and every id exists in the library's catalog.
/// </summary>
public partial class PairingTests
{
    private static readonly string Root = RepositoryRoot();

    private static string[] Names(string folder) =>
        Directory.GetFiles(Path.Combine(Root, folder), "*.dib").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Every_lesson_has_an_exercise_notebook_and_every_exercise_notebook_a_solution()
    {
        Assert.NotEmpty(Names("notebooks"));
        Assert.Equal(Names("notebooks"), Names("exercises"));
        Assert.Equal(Names("exercises"), Names("solutions"));
    }

    [Fact]
    public void Lessons_are_numbered_in_order_from_01()
    {
        var numbers = Names("notebooks").Select(n => int.Parse(n[..2])).ToArray();
        Assert.Equal(Enumerable.Range(1, numbers.Length), numbers);
        Assert.All(Names("notebooks"), n => Assert.Matches(@"^\d\d-[a-z0-9-]+\.dib$", n));
    }

    public static TheoryData<string> ExerciseNotebooks() => new(Names("exercises"));

    [Theory]
    [MemberData(nameof(ExerciseNotebooks))]
    public void Exercise_and_solution_check_the_same_ids_in_the_same_order(string name)
    {
        var exerciseIds = CheckedIds(Path.Combine(Root, "exercises", name));
        var solutionIds = CheckedIds(Path.Combine(Root, "solutions", name));
        Assert.NotEmpty(exerciseIds);
        Assert.Equal(exerciseIds, solutionIds);
        Assert.Equal(exerciseIds.Distinct(), exerciseIds);
        Assert.All(exerciseIds, id => Assert.StartsWith(name[..2] + ".", id));
        Assert.All(exerciseIds, id => InfoTheory.Exercises.ExerciseCatalog.Find(id));
    }

    [Fact]
    public void Every_exercise_in_the_catalog_appears_in_a_notebook()
    {
        var used = Names("exercises").SelectMany(n => CheckedIds(Path.Combine(Root, "exercises", n))).ToHashSet();
        var unused = InfoTheory.Exercises.ExerciseCatalog.All.Select(e => e.Id).Where(id => !used.Contains(id)).ToList();
        Assert.True(unused.Count == 0, $"Exercises with no notebook: {string.Join(", ", unused)}");
    }

    [Fact]
    public void Exercise_notebooks_start_every_answer_as_null()
    {
        foreach (var name in Names("exercises"))
        {
            var text = File.ReadAllText(Path.Combine(Root, "exercises", name));
            foreach (Match m in AnswerDeclaration().Matches(text))
                Assert.True(m.Groups["value"].Value.Trim() == "null", $"{name}: '{m.Value.Trim()}' should start as null");
        }
    }

    [Fact]
    public void Every_notebook_opens_with_the_standard_setup_cell()
    {
        // The setup cell (which loads lib/setup.csx) is written once, in notebooks/CONVENTIONS.md.
        var conventions = File.ReadAllText(Path.Combine(Root, "notebooks", "CONVENTIONS.md")).ReplaceLineEndings("\n");
        var setup = SetupBlock().Match(conventions).Groups["code"].Value.Trim();
        Assert.Contains("#load \"../lib/setup.csx\"", setup);
        foreach (var folder in new[] { "notebooks", "exercises", "solutions" })
            foreach (var name in Names(folder))
                Assert.True(File.ReadAllText(Path.Combine(Root, folder, name)).ReplaceLineEndings("\n").Contains(setup),
                    $"{folder}/{name} does not start with the setup cell of notebooks/CONVENTIONS.md");
    }

    [GeneratedRegex(@"```csharp\n(?<code>// Setup: .*?)```", RegexOptions.Singleline)]
    private static partial Regex SetupBlock();

    private static List<string> CheckedIds(string path) =>
        CheckCall().Matches(File.ReadAllText(path)).Select(m => m.Groups["id"].Value).ToList();

    [GeneratedRegex(@"Check\(""(?<id>[^""]+)""")]
    private static partial Regex CheckCall();

    [GeneratedRegex(@"^\S+\s+answer\s*=\s*(?<value>[^;]*);", RegexOptions.Multiline)]
    private static partial Regex AnswerDeclaration();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InfoTheoryNotebooks.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("InfoTheoryNotebooks.sln not found above the test assembly.");
    }
}
