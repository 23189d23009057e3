namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 11, noisy channels. Expected values are computed here with plain Math and loops, independently of
    // Capacity, Channel, Hamming74 and TypicalSet, which the student calls.
    private static IEnumerable<Exercise> Lesson11() =>
    [
        new NumberExercise("11.1", "Capacity of a binary symmetric channel",
            "A BSC that flips each bit with probability ε carries 1 − H₂(ε) bits per use, with H₂(ε) = −ε log₂ ε − (1 − ε) log₂(1 − ε). Here ε = 0.1.",
            Expected: 1 - ExpectedByHand.EntropyBits([0.1, 0.9]))
        {
            Reread = "“Capacity”",
            Mistakes = [Mistake.Gives(ExpectedByHand.EntropyBits([0.1, 0.9]), "That is H₂(0.1), what the noise costs per use; the capacity is what is left of the 1 bit the input could carry.")],
        },
        new VectorExercise("11.2", "An erasure channel with a fair and an unfair input",
            "Two numbers in bits for BEC(0.25): its capacity, then I(X;Y) when X = 1 with probability 0.2. An erasure hides X; an unerased output shows it exactly, so I(X;Y) = (1 − ε) · H(X).",
            Expected: [1 - 0.25, (1 - 0.25) * ExpectedByHand.EntropyBits([0.2, 0.8])]) { Reread = "“What one use of the channel carries” and “Capacity”" },
        new ExactTextExercise("11.3", "Decode a received Hamming(7,4) word",
            "Recompute the three parity checks on the received word; the checks that fail name the flipped bit (each bit belongs to a different set of checks). Flip it back and give the first four bits, the message.",
            Expected: HammingDecodeByHand("0100110"), Form: "a bit string") { Reread = "“Sending bits through noise”" },
        new NumberExercise("11.4", "How many typical sequences?",
            "For 100 tosses of a coin with P(1) = 0.1 and β = 0.1: a sequence with k ones has surprisal −k log₂ 0.1 − (100 − k) log₂ 0.9 bits. Add up C(100, k) over the k whose surprisal per toss is within β of H(0.1), and give log₂ of the total.",
            Expected: TypicalCountLog2ByHand(0.1, 100, 0.1)) { Reread = "“Typical sequences”" },
        new NumberExercise("11.5", "The bit error rate of R₃ by hand",
            "R₃ decodes a bit wrong when at least two of its three copies flip: exactly two (3 ways, each ε²(1 − ε)) or all three (ε³). Here ε = 0.05.",
            Expected: 3 * 0.05 * 0.05 * 0.95 + 0.05 * 0.05 * 0.05)
        {
            Reread = "“Sending bits through noise”",
            Mistakes =
            [
                Mistake.Gives(3 * 0.05 * 0.05 * 0.95, "You counted exactly two flips; when all three copies flip, the majority is wrong too (add ε³)."),
                Mistake.Gives(0.05 * 0.05 * 0.95 + 0.05 * 0.05 * 0.05, "Two flips can happen in 3 ways (which copy survives): multiply ε²(1 − ε) by 3."),
            ],
        },
    ];

    /// <summary>
    /// Nearest-codeword decoding by brute force: try all 16 messages, encode each with the parity rules
    /// p₁ = d₁⊕d₂⊕d₄, p₂ = d₁⊕d₃⊕d₄, p₃ = d₂⊕d₃⊕d₄, and keep the one closest to the received word.
    /// </summary>
    private static string HammingDecodeByHand(string received)
    {
        string best = "";
        int bestDistance = int.MaxValue;
        for (int m = 0; m < 16; m++)
        {
            int d1 = (m >> 3) & 1, d2 = (m >> 2) & 1, d3 = (m >> 1) & 1, d4 = m & 1;
            int[] codeword = [d1, d2, d3, d4, d1 ^ d2 ^ d4, d1 ^ d3 ^ d4, d2 ^ d3 ^ d4];
            int distance = Enumerable.Range(0, 7).Count(i => codeword[i] != received[i] - '0');
            if (distance < bestDistance) (best, bestDistance) = ($"{d1}{d2}{d3}{d4}", distance);
        }
        return best;
    }

    /// <summary>log₂ Σ C(n, k) over the typical k, with each C(n, k) built as a sum of logs and the sum done relative to its largest term.</summary>
    private static double TypicalCountLog2ByHand(double p, int n, double beta)
    {
        double h = ExpectedByHand.EntropyBits([p, 1 - p]);
        var log2Choose = new List<double>();
        for (int k = 0; k <= n; k++)
        {
            double perToss = (-k * Math.Log(p) - (n - k) * Math.Log(1 - p)) / Math.Log(2) / n;
            if (Math.Abs(perToss - h) > beta) continue;
            double log2 = 0;
            for (int i = 1; i <= k; i++) log2 += Math.Log((double)(n - k + i) / i) / Math.Log(2);   // C(n,k) = Π (n−k+i)/i
            log2Choose.Add(log2);
        }
        double max = log2Choose.Max();
        return max + Math.Log(log2Choose.Sum(x => Math.Pow(2, x - max))) / Math.Log(2);
    }
}
