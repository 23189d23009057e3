using System.Diagnostics;
using System.Globalization;
using InfoTheory.Coding;
using InfoTheory.Models;

namespace CourseCli;

/// <summary>
/// `compress &lt;input&gt; &lt;output&gt; [--model NAME] [--force]` and
/// `decompress &lt;input&gt; &lt;output&gt; [--force]`: the library's compressor as a command.
/// Exit codes: 0 done, 1 failed (missing input, existing output, corrupt input), 2 bad usage.
/// </summary>
internal static class CompressCommand
{
    public static int Compress(string input, string output, string? modelName, bool force)
    {
        var options = new Options(input, output, force);
        string model = modelName ?? ModelCatalog.DefaultModel;
        if (!ModelCatalog.All.Any(m => string.Equals(m.Name, model, StringComparison.OrdinalIgnoreCase)))
            return Fail($"compress: unknown model '{model}'. Known models: {string.Join(", ", ModelCatalog.All.Select(m => m.Name))}.", 2);
        return Run(options, "compress", input =>
        {
            var result = Compressor.CompressWithStats(input, model);
            string how = result.Stored
                ? $"stored as is (model {model} would have needed {Format(result.IdealBitsPerByte, 4)} bits per byte)"
                : $"model {model}, ideal {Format(result.IdealBitsPerByte, 4)} bits per byte";
            return (result.Bytes, how);
        });
    }

    public static int Decompress(string input, string output, bool force)
    {
        var options = new Options(input, output, force);
        return Run(options, "decompress", input =>
        {
            var header = Compressor.ReadHeader(input);
            return (Compressor.Decompress(input), $"model {header.Model.Name}, CRC-32 {header.Crc32:X8} verified");
        });
    }

    private static int Run(Options options, string verb, Func<byte[], (byte[] Output, string Detail)> transform)
    {
        if (!File.Exists(options.Input))
            return Fail(Directory.Exists(options.Input)
                ? $"{verb}: '{options.Input}' is a folder; give the file to {verb}."
                : $"{verb}: input file '{options.Input}' does not exist.", 1);
        if (Directory.Exists(options.Output))
            return Fail($"{verb}: the output '{options.Output}' is a folder; give a file name.", 1);
        if (Path.GetFullPath(options.Input) == Path.GetFullPath(options.Output))
            return Fail($"{verb}: the output must be a different file from the input.", 1);
        if (File.Exists(options.Output) && !options.Force)
            return Fail($"{verb}: '{options.Output}' already exists; refusing to overwrite it (add --force to replace it).", 1);

        byte[] input;
        try
        {
            input = File.ReadAllBytes(options.Input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"{verb}: cannot read '{options.Input}': {e.Message}", 1);
        }
        var clock = Stopwatch.StartNew();
        (byte[] output, string detail) result;
        try
        {
            result = transform(input);
        }
        catch (InvalidDataException e)
        {
            return Fail($"{verb}: '{options.Input}' cannot be decompressed: {e.Message}", 1);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        try
        {
            WriteSafely(options.Output, result.output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"{verb}: cannot write '{options.Output}': {e.Message}", 1);
        }

        long original = verb == "compress" ? input.Length : result.output.Length;
        long compressed = verb == "compress" ? result.output.Length : input.Length;
        string bitsPerByte = original == 0 ? "n/a" : Format(8.0 * compressed / original, 4);
        string speed = seconds > 0 && original > 0 ? Format(original / 1e6 / seconds, 2) + " MB/s" : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{verb}ed '{options.Input}' ({input.Length:N0} bytes) -> '{options.Output}' ({result.output.Length:N0} bytes): " +
            $"{bitsPerByte} bits per byte, {result.detail}, {Format(seconds, 2)} s ({speed})."));
        return 0;
    }

    // Write to a temporary file next to the target, then move it into place: a failure never leaves
    // a half-written output, and an existing file is only replaced once the new one is complete.
    private static void WriteSafely(string path, byte[] bytes)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private sealed record Options(string Input, string Output, bool Force);

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }

    private static string Format(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
