using System.CommandLine;
using InfoTheory.Models;
using Tool = NotebookRunner.CommandLine;

namespace CourseCli;

/// <summary>The verbs of the course's CLI, declared with System.CommandLine (which also writes their usage text).</summary>
internal static class CourseCommands
{
    public static RootCommand Root()
    {
        var benchmark = new Command("benchmark", "measure the course's compressor") { BenchmarkCompression() };
        return new RootCommand(
            "The course's own command line: compress and decompress any file with the course's models, benchmark them, " +
            "and build the whole course site with its lab. (Running, exporting and serving notebooks: tools/NotebookRunner.)\n" +
            "Exit codes: 0 success, 1 failed (a notebook, a missing or existing file, a corrupt input), 2 bad arguments.")
        {
            Site(), Compress(), Decompress(), benchmark,
        };
    }

    private static Command Site()
    {
        var output = Tool.Output();
        var timeout = Tool.Timeout();
        var command = new Command("site",
            "run the whole course headless: write DIR/notebooks/**/*.ipynb and the static site DIR/site/ with its lab (DIR/site/lab/)")
        {
            output, timeout,
        };
        command.SetAction(result => SiteCommand.Execute(result.GetValue(output), result.GetValue(timeout)));
        return command;
    }

    private static Argument<string> File(string name, string description) => new(name)
    {
        Description = description,
        Validators = { Tool.RejectOptionLikeValues },
    };

    private static Option<bool> Force() => new("--force") { Description = "replace OUTPUT if it exists (without it, an existing file is never overwritten)" };

    private static Command Compress()
    {
        var input = File("INPUT", "the file to compress");
        var output = File("OUTPUT", "the compressed file to write");
        var model = new Option<string?>("--model")
        {
            Description = $"the model that predicts each byte (default {ModelCatalog.DefaultModel})",
            HelpName = "NAME",
        };
        model.AcceptOnlyFromAmong(ModelCatalog.All.Select(m => m.Name).ToArray());
        var force = Force();
        var command = new Command("compress", "compress any file with the course's model-driven arithmetic coder") { input, output, model, force };
        command.SetAction(result => CompressCommand.Compress(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(model), result.GetValue(force)));
        return command;
    }

    private static Command Decompress()
    {
        var input = File("INPUT", "a file written by compress (or by the lab's download)");
        var output = File("OUTPUT", "the file to restore");
        var force = Force();
        var command = new Command("decompress", "restore a compressed file, verifying its CRC-32") { input, output, force };
        command.SetAction(result => CompressCommand.Decompress(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(force)));
        return command;
    }

    private static Command BenchmarkCompression()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "the files to measure (default: every file in data/ and 1 MB of random bytes)",
            Arity = ArgumentArity.ZeroOrMore,
            Validators = { Tool.RejectOptionLikeValues },
        };
        var models = new Option<string[]>("--models")
        {
            Description = $"our models to measure, comma-separated (default: all: {string.Join(",", ModelCatalog.All.Select(m => m.Name))})",
            HelpName = "a,b,...",
            CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        };
        var scaling = new Option<bool>("--scaling")
        {
            Description = "also measure the default model on 1, 6 and 24 MB inputs: CPU seconds per MB and peak memory",
        };
        var command = new Command("compression", "bits per byte of the course's models against gzip, Brotli, bzip2 (and zpaq -m5, 7z PPMd, xz, zstd when installed)")
        {
            files, models, scaling,
        };
        command.SetAction(result => CompressionBenchmark.Execute(result.GetValue(files) ?? [], result.GetValue(models) is { Length: > 0 } m ? m : null,
            result.GetValue(scaling)));
        return command;
    }
}
