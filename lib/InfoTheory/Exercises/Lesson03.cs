namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 03, codes and compression. Expected values are worked out here with plain arithmetic,
    // independently of the library's coders.
    private static IEnumerable<Exercise> Lesson03() =>
    [
        new NumberExercise("03.1", "The robot changes its habits",
            "Expected length = Σ p(move) × (length of its codeword). The codeword lengths are still 1, 2, 3, 3.",
            // N 0.4 × 1 + E 0.3 × 2 + S 0.2 × 3 + W 0.1 × 3
            Expected: 0.4 * 1 + 0.3 * 2 + 0.2 * 3 + 0.1 * 3) { Reread = "“A robot with four moves”" },
        new NumberExercise("03.2", "A Kraft sum",
            "The Kraft sum is Σ 2^(−length) over the codewords. A prefix code with these lengths exists only if it is at most 1.",
            // 1/2 + 1/4 + 1/8 + 1/8 + 1/16
            Expected: 0.5 + 0.25 + 0.125 + 0.125 + 0.0625) { Reread = "“The Kraft inequality: the budget of short codewords”" },
        new VectorExercise("03.3", "Huffman against entropy",
            "Give [average Huffman codeword length in bits, entropy in bits]. Build the code with Huffman, then Σ p × length; the entropy is Σ p × (−log₂ p).",
            // Huffman merges 0.1+0.1 → 0.2, then 0.2+0.2 → 0.4, then 0.2+0.4 → 0.6, then 0.4+0.6 → 1.
            // Lengths 1, 2, 3, 4, 4 (or 2, 2, 2, 3, 3 with other tie-breaks): either way 0.4·1 + 0.2·2 + 0.2·3 + 0.1·4 + 0.1·4 = 2.2.
            Expected: [2.2, -(0.4 * Math.Log2(0.4) + 2 * 0.2 * Math.Log2(0.2) + 2 * 0.1 * Math.Log2(0.1))]) { Reread = "“Huffman coding of English letters”" },
        new VectorExercise("03.4", "Decode the robot's log",
            "Read bits until they spell a whole codeword (0 = N, 10 = E, 110 = S, 111 = W), write down that move, and start again. Answer with move numbers N = 0, E = 1, S = 2, W = 3.",
            // 0 | 110 | 10 | 0 | 0 | 111 | 10 | 0
            Expected: [0, 2, 1, 0, 0, 3, 1, 0], Tolerance: 0) { Reread = "“Decoding without separators”" },
    ];
}
