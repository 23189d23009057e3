namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 01, surprisal. Expected values are computed here with Math directly, independently of Info.
    private static IEnumerable<Exercise> Lesson01() =>
    [
        new NumberExercise("01.1", "Surprisal of rolling a six",
            "Surprisal is −log₂ p; what is p for one face of a fair die?",
            Expected: -Math.Log2(1.0 / 6)) { Reread = "“Surprise as a number”" },
        new NumberExercise("01.2", "Rolls for 20 bits of surprise",
            "Surprisals of independent rolls add up. Divide and round up to a whole number of rolls.",
            Expected: Math.Ceiling(20 / Math.Log2(6)), Tolerance: 0)
        {
            Reread = "“Surprise as a number”",
            Mistakes =
            [
                Mistake.Gives(Math.Floor(20 / Math.Log2(6)),
                    "Rounded down: that many rolls give a little less than 20 bits. The question asks for at least 20, so round up."),
            ],
        },
        new NumberExercise("01.3", "From bits to nats",
            "One nat is 1/ln 2 bits, so nats = bits × ln 2.",
            Expected: 10 * Math.Log(2)) { Reread = "“Bits, nats, and changing the base”" },
        new NumberExercise("01.4", "A word of 12 bits",
            "Surprisal s bits means p = 2^(−s).",
            Expected: Math.Pow(2, -12))
        {
            Reread = "“Surprise as a number”",
            Mistakes = [Mistake.Gives(Math.Pow(2, 12), "This is 2^12, one over the probability: surprisal s means p = 2^(−s), a number below 1.")],
        },
    ];
}
