namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 04, cross-entropy. Expected values are computed with plain Math (ExpectedByHand), independently of Info and Learning.
    private static IEnumerable<Exercise> Lesson04() =>
    [
        new VectorExercise("04.1", "H(P), H(P,Q) and KL(P‖Q) for two three-outcome distributions",
            "Three numbers in bits, in the order H(P), H(P,Q), KL(P‖Q). The third is the second minus the first.",
            Expected: ThreeMeasuresBits([0.5, 0.3, 0.2], [0.6, 0.3, 0.1]))
        {
            Reread = "“Cross-entropy = entropy + KL divergence”",
            Mistakes = [Mistake.Gives(() => ThreeMeasuresBits([0.6, 0.3, 0.1], [0.5, 0.3, 0.2]), "P and Q are swapped: H(P,Q) averages −log₂ Q over outcomes drawn from P.")],
        },
        new NumberExercise("04.2", "The lowest cross-entropy any model can reach",
            "Write H(p,q) as H(p) plus a divergence that is never negative. Which q makes that divergence 0?",
            Expected: ExpectedByHand.EntropyBits([0.7, 0.2, 0.1]), Tolerance: 1e-4) { Reread = "“Cross-entropy = entropy + KL divergence”" },
        new VectorExercise("04.3", "Gradient of the softmax cross-entropy",
            "The loss is logsumexp(z) − z[target] in nats. Differentiate each part; the numerical gradient should agree to about 6 digits.",
            Expected: SoftmaxMinusOneHot([1.5, -0.5, 2.0, 0.0], target: 0)) { Reread = "“The gradient with respect to the logits is p − y”" },
        new VectorExercise("04.4", "Binary cross-entropy of a positive example",
            "For a true label y = 1 the loss is −ln q, in nats. Read the three values off your curve or compute them.",
            Expected: [-Math.Log(0.99), -Math.Log(0.5), -Math.Log(0.01)]) { Reread = "“One-hot targets: cross-entropy is the negative log-likelihood”" },
        new VectorExercise("04.5", "A uniform model of English letters",
            "Letters a–z of pride-and-prejudice, upper case folded to lower, everything else dropped. " +
            "Three numbers in bits: H(p), H(p,u), KL(p‖u), where u gives each of the 26 letters 1/26.",
            Expected: ThreeMeasuresBits(ExpectedByHand.LetterFrequencies(Corpus.Bytes("pride-and-prejudice")), Enumerable.Repeat(1.0 / 26, 26).ToArray()))
        {
            Reread = "“Paying for the wrong model”",
        },
        new TwoArrayFunctionExercise("04.6", "Your own cross-entropy",
            "Sum −p·log₂ q over the outcomes. An outcome with p = 0 adds nothing, whatever q is; if q = 0 where p > 0 the answer is +∞ (double.PositiveInfinity).",
            TestInputs:
            [
                ([0.5, 0.5], [0.5, 0.5]),
                ([1.0, 0.0], [0.5, 0.5]),
                ([0.5, 0.5], [0.9, 0.1]),
                ([0.7, 0.2, 0.1], [0.7, 0.2, 0.1]),
                ([0.7, 0.2, 0.1], [0.2, 0.3, 0.5]),
                ([0.0, 1.0, 0.0], [0.1, 0.8, 0.1]),
                ([0.5, 0.5, 0.0], [0.5, 0.0, 0.5]),
                ([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]),
                ([0.2, 0.3, 0.5, 0.0], [0.25, 0.25, 0.25, 0.25]),
            ],
            Reference: ExpectedByHand.CrossEntropyBits)
        {
            MoreHints = ["Check two cases by hand: p = q gives H(p), and p = [1, 0] gives −log₂ q[0]."],
            Reread = "“Paying for the wrong model”",
        },
    ];

    /// <summary>[H(p), H(p,q), KL(p‖q)] in bits.</summary>
    private static double[] ThreeMeasuresBits(double[] p, double[] q) =>
        [ExpectedByHand.EntropyBits(p), ExpectedByHand.CrossEntropyBits(p, q), ExpectedByHand.KlBits(p, q)];

    /// <summary>softmax(z) − onehot(target), the gradient worked out in the lesson, with plain exponentials.</summary>
    private static double[] SoftmaxMinusOneHot(double[] z, int target)
    {
        double total = z.Sum(Math.Exp);
        return z.Select((zi, i) => Math.Exp(zi) / total - (i == target ? 1 : 0)).ToArray();
    }
}
