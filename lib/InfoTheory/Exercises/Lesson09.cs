namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 09, prediction is compression. Expected values are computed here with plain Math.
    private static IEnumerable<Exercise> Lesson09() =>
    [
        new VectorExercise("09.1", "Learning as you code",
            "Give [adaptive code length in bits, 11 × entropy of the letter frequencies in bits]. Before each letter, p = (its count so far + 1) / (letters so far + 5); add up −log₂ p, then count the letter.",
            Expected: [AdaptiveAbracadabraBits(), 11 * StaticAbracadabraBitsPerLetter()]) { Reread = "“Models that learn as they read”" },
        new NumberExercise("09.2", "The price of a wrong model",
            "Coding with q instead of p costs KL(p‖q) extra bits per symbol on average. Multiply by the number of symbols and divide by 8 for bytes.",
            Expected: 1_000_000 * (0.7 * Math.Log2(0.7 / 0.5) + 0.2 * Math.Log2(0.2 / 0.3) + 0.1 * Math.Log2(0.1 / 0.2)) / 8,
            Tolerance: 1e-4)
        {
            Reread = "“Why a better predictor is a better compressor”",
            Mistakes =
            [
                Mistake.Gives(1_000_000 * (0.7 * Math.Log2(0.7 / 0.5) + 0.2 * Math.Log2(0.2 / 0.3) + 0.1 * Math.Log2(0.1 / 0.2)),
                    "This is the extra cost in bits: the exercise asks for bytes (8 bits each)."),
            ],
        },
        new EssayExercise("09.3", "Does compressing better mean understanding better?",
            "Argue one side, then meet the strongest objection to it: what could a model exploit to predict text well without understanding it, and what would understanding add that prediction does not measure?",
            MinimumWords: 120) { Reread = "“Why a better predictor is a better compressor” and “The Hutter Prize”" },
    ];

    /// <summary>"abracadabra" coded letter by letter with add-one counts over the alphabet {a, b, c, d, r}.</summary>
    private static double AdaptiveAbracadabraBits()
    {
        const string text = "abracadabra";
        const string alphabet = "abcdr";
        var counts = alphabet.ToDictionary(c => c, _ => 1);
        double bits = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bits -= Math.Log2((double)counts[text[i]] / (i + alphabet.Length));
            counts[text[i]]++;
        }
        return bits;
    }

    /// <summary>The entropy of a 5, b 2, r 2, c 1, d 1 out of 11 letters.</summary>
    private static double StaticAbracadabraBitsPerLetter() =>
        new[] { 5, 2, 2, 1, 1 }.Sum(c => -(c / 11.0) * Math.Log2(c / 11.0));
}
