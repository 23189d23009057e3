namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 06, Jensen's inequality. Expected values are computed here with Math directly, independently
    // of Info and Learning, which the student calls.
    private static IEnumerable<Exercise> Lesson06() =>
    [
        new NumberExercise("06.1", "The Jensen gap of the logarithm",
            "Compute E[X] = Σ p·x and E[ln X] = Σ p·ln x exactly (no sampling), then ln E[X] − E[ln X] in nats. It must be ≥ 0.",
            Expected: JensenGapOfLog([0.5, 1, 2, 4], [0.1, 0.4, 0.3, 0.2])),
        new VectorExercise("06.2", "KL ≥ 0, two ways",
            "With m = the probability q gives to the outcomes where p > 0, list [KL(p‖q), −ln m, 1 − m] in nats. Each should be at least the next, and the last at least 0.",
            Expected: [KlNats([0.4, 0.6, 0], [0.3, 0.3, 0.4]), -Math.Log(0.3 + 0.3), 1 - (0.3 + 0.3)]),
        new NumberExercise("06.3", "The KL term of a VAE",
            "Sum ½(σ² + μ² − 1 − ln σ²) over the dimensions, with σ² = exp(log-variance). The answer is in nats.",
            Expected: KlToStandardNormal([0.8, -0.3, 0], [0, -1, 0.5])),
        new VectorExercise("06.4", "Where the KL term pulls",
            "Differentiate ½(e^v + μ² − 1 − v) by μ and by v = log σ², for each dimension; list the three ∂/∂μ first, then the three ∂/∂v. Check with NumericalGradient.",
            Expected: [0.8, -0.3, 0, 0.5 * (Math.Exp(0) - 1), 0.5 * (Math.Exp(-1) - 1), 0.5 * (Math.Exp(0.5) - 1)]),
    ];

    private static double JensenGapOfLog(double[] values, double[] probabilities)
    {
        double mean = 0, meanLog = 0;
        for (int i = 0; i < values.Length; i++)
        {
            mean += probabilities[i] * values[i];
            meanLog += probabilities[i] * Math.Log(values[i]);
        }
        return Math.Log(mean) - meanLog;
    }

    private static double KlNats(double[] p, double[] q)
    {
        double kl = 0;
        for (int i = 0; i < p.Length; i++)
            if (p[i] > 0) kl += p[i] * Math.Log(p[i] / q[i]);
        return kl;
    }

    private static double KlToStandardNormal(double[] means, double[] logVariances)
    {
        double kl = 0;
        for (int i = 0; i < means.Length; i++)
            kl += 0.5 * (Math.Exp(logVariances[i]) + means[i] * means[i] - 1 - logVariances[i]);
        return kl;
    }
}
