namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 02, entropy. Expected values are computed with plain Math (ExpectedByHand), independently of Info.
    private static IEnumerable<Exercise> Lesson02() =>
    [
        new NumberExercise("02.1", "Entropy of a uniform choice among 20 amino acids",
            "When all N outcomes are equally likely, every outcome has the same surprisal. What is it, and what is the average of N equal numbers?",
            Expected: Math.Log2(20)) { Reread = "“The uniform distribution has the most entropy”" },
        new FunctionExercise("02.2", "Your own entropy function",
            "Add up −p·log₂ p over the outcomes. An outcome with p = 0 adds nothing (skip it, or you get 0 · −∞ = NaN).",
            TestInputs:
            [
                [1.0],
                [0.5, 0.5],
                [0.25, 0.25, 0.25, 0.25],
                [0.9, 0.1],
                [0.5, 0.25, 0.125, 0.125],
                [0.0, 1.0, 0.0],
                [0.7, 0.2, 0.1, 0.0],
                [0.05, 0.15, 0.3, 0.4, 0.1],
            ],
            Reference: ExpectedByHand.EntropyBits) { Reread = "“Entropy is the average surprisal”" },
        new VectorExercise("02.3", "Byte entropy of English, code, DNA and random bytes",
            "Count each byte value in each source, turn the counts into frequencies, and take the entropy in bits. " +
            "Use the whole files, and Sampling.RandomBytes(1_000_000, seed: 7) for the random source. Order: English, code, DNA, random.",
            Expected: ByteEntropiesOfFourSources())
        {
            Reread = "“Character entropy of real data”",
            Mistakes =
            [
                new Mistake("The random source is not the exercise's: the lesson used seed: 1, this exercise asks for Sampling.RandomBytes(1_000_000, seed: 7).",
                    expected => [expected[0], expected[1], expected[2], RandomByteEntropy(seed: 1)]),
            ],
        },
    ];

    private static double[] ByteEntropiesOfFourSources()
    {
        return
        [
            ExpectedByHand.EntropyBits(ExpectedByHand.ByteFrequencies(Corpus.Bytes("pride-and-prejudice"))),
            ExpectedByHand.EntropyBits(ExpectedByHand.ByteFrequencies(Corpus.Bytes("sqlite3.h"))),
            ExpectedByHand.EntropyBits(ExpectedByHand.ByteFrequencies(Corpus.Bytes("ecoli"))),
            RandomByteEntropy(seed: 7),
        ];
    }

    /// <summary>The byte entropy of the same bytes as Sampling.RandomBytes(1_000_000, seed).</summary>
    private static double RandomByteEntropy(int seed)
    {
        var random = new byte[1_000_000];
        new Random(seed).NextBytes(random);
        return ExpectedByHand.EntropyBits(ExpectedByHand.ByteFrequencies(random));
    }
}
