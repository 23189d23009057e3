using System.Globalization;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using InfoTheory;
using InfoTheory.Coding;
using InfoTheory.Exercises;
using InfoTheory.Models;

namespace Lab;

/// <summary>
/// What the lab pages can call. lab/worker.js starts the runtime in a Web Worker and calls these, so long work
/// never freezes a page. Each method is a thin door onto the library: the work and its checks are the library's.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class LabExports
{
    /// <summary>The model names, weakest first, each with its description after a tab, one per line.</summary>
    [JSExport]
    public static string Models() => string.Join("\n", ModelCatalog.All.Select(m => $"{m.Name}\t{m.Description}"));

    /// <summary>Compresses <paramref name="data"/> with the model called <paramref name="model"/>: the CLI's file format.</summary>
    [JSExport]
    public static byte[] Compress(byte[] data, string model) => Compressor.Compress(data, model);

    /// <summary>Decompresses a file made by <see cref="Compress"/> or by the CLI's compress (checks length and CRC-32).</summary>
    [JSExport]
    public static byte[] Decompress(byte[] compressed) => Compressor.Decompress(compressed);

    /// <summary>The surprisal in bits of each byte of <paramref name="data"/> under a fresh model, learning as it goes.</summary>
    [JSExport]
    public static double[] ByteSurprisals(byte[] data, string model) =>
        SequenceModels.ByteSurprisals(ModelCatalog.Create(model, data.Length), data);

    /// <summary>
    /// Shannon's guessing game played by a model on <paramref name="passage"/>, after it has read
    /// <paramref name="context"/> (the text before the passage). For each byte of the passage the result holds
    /// <paramref name="guessCount"/> + 1 numbers: the rank of the true byte in the model's guesses (1 = first
    /// guess right, <see cref="GuessingGame.GuessRank"/>), then the model's first guesses, as byte values.
    /// </summary>
    [JSExport]
    public static int[] GamePlay(byte[] context, byte[] passage, string model, int guessCount)
    {
        if (guessCount < 1 || guessCount > 256)
            throw new ArgumentOutOfRangeException(nameof(guessCount), guessCount, "Ask for between 1 and 256 guesses per character.");
        ISequenceModel player = ModelCatalog.Create(model, context.Length + passage.Length);
        if (player.AlphabetSize != 256)
            throw new ArgumentException(
                $"The model '{model}' predicts bits, not whole bytes, so it cannot rank the 256 possible next bytes: choose an n-gram model (order0 … order5).",
                nameof(model));
        foreach (byte b in context) player.Learn(b);

        var frequencies = new int[256];
        var prediction = new double[256];
        var result = new int[passage.Length * (guessCount + 1)];
        for (int i = 0; i < passage.Length; i++)
        {
            player.Predict(frequencies);
            for (int s = 0; s < 256; s++) prediction[s] = frequencies[s];
            int row = i * (guessCount + 1);
            result[row] = GuessingGame.GuessRank(prediction, passage[i]);
            // The order in which the player guesses: most probable first, ties in byte order (as GuessRank counts).
            int[] order = Enumerable.Range(0, 256).OrderByDescending(s => prediction[s]).ThenBy(s => s).Take(guessCount).ToArray();
            order.CopyTo(result, row + 1);
            player.Learn(passage[i]);
        }
        return result;
    }

    /// <summary>Shannon's lower and upper bounds in bits per character from a sequence of guess ranks (bytes: 256 symbols).</summary>
    [JSExport]
    public static double[] ShannonBounds(int[] ranks)
    {
        EntropyBounds bounds = GuessingGame.ShannonBounds(ranks, 256);
        return [bounds.LowerBits, bounds.UpperBits];
    }

    /// <summary>
    /// Puts a corpus file where <see cref="Corpus"/> looks for it (data/ under the runtime's working directory),
    /// for the exercise checks that compute their expected values from the course's texts.
    /// </summary>
    [JSExport]
    public static void AddDataFile(string fileName, byte[] bytes)
    {
        if (fileName.Length == 0 || fileName != Path.GetFileName(fileName))
            throw new ArgumentException($"'{fileName}' is not a plain file name: give the name of a file in data/.", nameof(fileName));
        string folder = Path.Combine(Directory.GetCurrentDirectory(), "data");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), bytes);
    }

    /// <summary>
    /// Judges an answer typed in a page with the notebooks' own check. The text is one number ("1.5", "-2e-3")
    /// or a list of numbers separated by commas, semicolons or spaces; empty means not attempted. Returns the
    /// status (Passed, Wrong or NotAttempted), the check's message and the exercise's title.
    /// </summary>
    [JSExport]
    public static string[] CheckAnswer(string exerciseId, string answer)
    {
        string[] parts = answer.Split([',', ';', ' ', '\t', '\n', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        var numbers = new List<double>(parts.Length);
        foreach (string part in parts)
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                return [nameof(CheckStatus.Wrong),
                        $"'{part}' is not a number: write numbers with a decimal point, like 1.5 or 2e-3, separated by commas.", ""];
            numbers.Add(value);
        }
        CheckResult result = numbers.Count switch
        {
            0 => ExerciseCheck.Check(exerciseId, (double?)null),
            1 when !answer.Contains(',') && !answer.Contains(';') && !answer.Contains('[') => ExerciseCheck.Check(exerciseId, numbers[0]),
            _ => ExerciseCheck.Check(exerciseId, (IReadOnlyList<double>)numbers),
        };
        return [result.Status.ToString(), result.Message, result.Title];
    }
}
