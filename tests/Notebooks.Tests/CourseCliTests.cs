using CourseCli;
using Xunit;
using static Notebooks.Tests.RunCommandTests;

namespace Notebooks.Tests;

/// <summary>The course's CLI (tools/CourseCli): compress and decompress on good and bad inputs, and its usage errors.</summary>
public class CourseCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static int Cli(params string[] args) => NotebookRunner.CommandLine.Invoke(CourseCommands.Root(), args);

    private string Text(string name, string text) => _folder.Write(name, text);

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    [Fact]
    public void Compress_then_decompress_gives_back_the_same_bytes()
    {
        var original = Text("in.txt", string.Concat(Enumerable.Repeat("the cat sat on the mat. ", 200)));

        var (compressed, compressOut, _) = Capture(() => Cli("compress", original, PathOf("in.itc")));
        var (restored, _, _) = Capture(() => Cli("decompress", PathOf("in.itc"), PathOf("out.txt")));

        Assert.Equal(0, compressed);
        Assert.Equal(0, restored);
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(PathOf("out.txt")));
        Assert.True(new FileInfo(PathOf("in.itc")).Length < new FileInfo(original).Length / 4, compressOut); // 200 repeats compress well
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("decompress")]
    public void A_missing_input_fails_naming_it(string verb)
    {
        var (exitCode, _, error) = Capture(() => Cli(verb, PathOf("nowhere.txt"), PathOf("out")));

        Assert.Equal(1, exitCode);
        Assert.Equal($"{verb}: input file '{PathOf("nowhere.txt")}' does not exist.", error.Trim());
        Assert.False(File.Exists(PathOf("out")));
    }

    [Fact]
    public void A_folder_as_input_or_output_fails_naming_it()
    {
        var input = Text("in.txt", "abc");
        Directory.CreateDirectory(PathOf("folder"));

        var (asInput, _, inputError) = Capture(() => Cli("compress", PathOf("folder"), PathOf("out")));
        var (asOutput, _, outputError) = Capture(() => Cli("compress", input, PathOf("folder")));

        Assert.Equal((1, 1), (asInput, asOutput));
        Assert.Contains("is a folder; give the file to compress", inputError);
        Assert.Contains($"the output '{PathOf("folder")}' is a folder; give a file name", outputError);
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("decompress")]
    public void An_existing_output_is_never_overwritten_without_force(string verb)
    {
        var input = Text("in.txt", "some text to compress");
        if (verb == "decompress") Assert.Equal(0, Capture(() => Cli("compress", input, PathOf("in.itc"))).ExitCode);
        var source = verb == "compress" ? input : PathOf("in.itc");
        var mine = Text("mine.txt", "my own work");

        var (exitCode, _, error) = Capture(() => Cli(verb, source, mine));

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists; refusing to overwrite it (add --force to replace it)", error);
        Assert.Equal("my own work", File.ReadAllText(mine));
    }

    [Fact]
    public void Force_replaces_an_existing_output()
    {
        var input = Text("in.txt", "some text to compress");
        var target = Text("out.itc", "old");

        Assert.Equal(0, Capture(() => Cli("compress", input, target, "--force")).ExitCode);
        Assert.Equal(0, Capture(() => Cli("decompress", target, PathOf("back.txt"))).ExitCode);

        Assert.Equal("some text to compress", File.ReadAllText(PathOf("back.txt")));
    }

    [Fact]
    public void A_file_that_is_not_compressed_fails_to_decompress_and_writes_nothing()
    {
        var input = Text("plain.txt", "not a compressed file at all");

        var (exitCode, _, error) = Capture(() => Cli("decompress", input, PathOf("out.txt")));

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"decompress: '{input}' cannot be decompressed: ", error);
        Assert.False(File.Exists(PathOf("out.txt")));
    }

    [Theory]
    [InlineData("compress", "in.txt")]                             // no output
    [InlineData("compress", "in.txt", "out", "--model", "nope")]   // unknown model
    [InlineData("compress", "in.txt", "out", "--level", "9")]      // unknown option
    [InlineData("decompress", "in.txt", "out", "--model", "cm")]   // decompress reads the model from the file
    [InlineData("zip", "in.txt", "out")]                           // unknown verb
    [InlineData("run", "in.txt")]                                  // the notebook tool's verb, not the course's
    public void Bad_command_lines_are_usage_errors_and_write_nothing(params string[] args)
    {
        Text("in.txt", "abc");
        var inFolder = args.Select(a => a is "in.txt" or "out" ? PathOf(a) : a).ToArray();

        var (exitCode, output, error) = Capture(() => Cli(inFolder));

        Assert.Equal(2, exitCode);
        Assert.NotEqual("", error.Trim());
        Assert.Equal("", output);
        Assert.False(File.Exists(PathOf("out")));
    }

    [Fact]
    public void Help_lists_the_course_verbs()
    {
        var (exitCode, output, _) = Capture(() => Cli("--help"));

        Assert.Equal(0, exitCode);
        foreach (var verb in new[] { "site", "compress", "decompress", "benchmark" }) Assert.Contains($"  {verb} ", output);
    }
}
