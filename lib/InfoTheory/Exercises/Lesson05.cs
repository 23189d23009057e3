namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 05, KL divergence. Expected values are computed with plain Math (ExpectedByHand), independently of Info.
    private static IEnumerable<Exercise> Lesson05() =>
    [
        new TwoArrayFunctionExercise("05.1", "Your own KL divergence",
            "Sum p·log₂(p/q). Skip outcomes with p = 0; if q = 0 where p > 0 the answer is +∞ (double.PositiveInfinity).",
            TestInputs:
            [
                ([0.5, 0.5], [0.5, 0.5]),
                ([0.8, 0.2], [0.5, 0.5]),
                ([0.5, 0.5], [0.8, 0.2]),
                ([1.0, 0.0], [0.5, 0.5]),
                ([0.5, 0.5], [1.0, 0.0]),
                ([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]),
                ([0.0, 1.0, 0.0], [0.1, 0.8, 0.1]),
            ],
            Reference: ExpectedByHand.KlBits)
        {
            MoreHints = ["Check two cases by hand: p = q gives 0, and p = [1, 0] gives log₂(1 / q[0])."],
            Reread = "“Wasted bits”",
        },
        new VectorExercise("05.2", "KL both ways for P = [0.8, 0.2]",
            "Four numbers in bits: KL(P‖Q) and KL(Q‖P) at Q = [0.6, 0.4], then KL(P‖Q) and KL(Q‖P) at Q = [1, 0]. " +
            "One of them is infinite: which direction has a log of something divided by 0?",
            Expected:
            [
                ExpectedByHand.KlBits([0.8, 0.2], [0.6, 0.4]),
                ExpectedByHand.KlBits([0.6, 0.4], [0.8, 0.2]),
                ExpectedByHand.KlBits([0.8, 0.2], [1.0, 0.0]),
                ExpectedByHand.KlBits([1.0, 0.0], [0.8, 0.2]),
            ]) { Reread = "“Not symmetric” and “Infinite when q misses p's support”" },
        new VectorExercise("05.3", "Fitting N(μ, 1) to a two-bump target, both ways",
            "Two numbers: the μ that minimises KL(p‖q), then the μ that minimises KL(q‖p). Scan μ in small steps (0.01 or finer) " +
            "on the lesson's grid; compare the first with the mean of p and the second with the bumps' centres.",
            Expected: [BimodalMeanByHand, ReverseKlBestMeanByHand()], Tolerance: 0.002)
        {
            Reread = "“Forward and reverse KL: fitting one Gaussian to two bumps”",
        },
    ];

    /// <summary>The target of exercise 05.3: 0.4·N(−3, 1) + 0.6·N(3, 1) (the lesson's own target is different).</summary>
    private static double BimodalTargetByHand(double x) =>
        0.4 * Math.Exp(-0.5 * (x + 3) * (x + 3)) / Math.Sqrt(2 * Math.PI) +
        0.6 * Math.Exp(-0.5 * (x - 3) * (x - 3)) / Math.Sqrt(2 * Math.PI);

    /// <summary>
    /// With q = N(μ, 1), KL(p‖q) = −∫ p log q + const = ∫ p (x − μ)²/2 + const, which is smallest at μ = E_p[x]:
    /// 0.4·(−3) + 0.6·3.
    /// </summary>
    private const double BimodalMeanByHand = 0.4 * -3 + 0.6 * 3;

    /// <summary>The μ minimising KL(N(μ, 1) ‖ p) on a fine grid over [−10, 10], searched near the heavier bump.</summary>
    private static double ReverseKlBestMeanByHand()
    {
        const int points = 2001;
        var xs = Enumerable.Range(0, points).Select(i => -10 + 20.0 * i / (points - 1)).ToArray();
        var p = xs.Select(BimodalTargetByHand).ToArray();
        double pTotal = p.Sum();
        double ReverseKl(double mu)
        {
            var q = xs.Select(x => Math.Exp(-0.5 * (x - mu) * (x - mu))).ToArray();
            double qTotal = q.Sum();
            return ExpectedByHand.KlBits(q.Select(v => v / qTotal).ToArray(), p.Select(v => v / pTotal).ToArray());
        }
        return ExpectedByHand.Minimise(ReverseKl, 1.5, 4.5);
    }
}
