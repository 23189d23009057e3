namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 06, Jensen's inequality. Expected values are computed here with Math directly, independently
    // of Info and Learning, which the student calls.
    private static IEnumerable<Exercise> Lesson06() =>
    [
        new NumberExercise("06.1", "The Jensen gap of the logarithm",
            "Compute E[X] = Σ p·x and E[ln X] = Σ p·ln x exactly (no sampling), then ln E[X] − E[ln X] in nats. It must be ≥ 0.",
            Expected: JensenGapOfLog([0.5, 1, 2, 4], [0.1, 0.4, 0.3, 0.2])) { Reread = "“Jensen's inequality”" },
        new VectorExercise("06.2", "KL ≥ 0, two ways",
            "With m = the probability q gives to the outcomes where p > 0, list [KL(p‖q), −ln m, 1 − m] in nats. Each should be at least the next, and the last at least 0.",
            Expected: [KlNats([0.4, 0.6, 0], [0.3, 0.3, 0.4]), -Math.Log(0.3 + 0.3), 1 - (0.3 + 0.3)]) { Reread = "“KL divergence is never negative”" },
        new NumberExercise("06.3", "The KL term of a VAE",
            "Sum ½(σ² + μ² − 1 − ln σ²) over the dimensions, with σ² = exp(log-variance). The answer is in nats.",
            Expected: KlToStandardNormal([0.8, -0.3, 0], [0, -1, 0.5])) { Reread = "“The KL term of a VAE, in closed form”" },
        new VectorExercise("06.4", "Where the KL term pulls",
            "Differentiate ½(e^v + μ² − 1 − v) by μ and by v = log σ², for each dimension; list the three ∂/∂μ first, then the three ∂/∂v. Check with NumericalGradient.",
            Expected: [0.8, -0.3, 0, 0.5 * (Math.Exp(0) - 1), 0.5 * (Math.Exp(-1) - 1), 0.5 * (Math.Exp(0.5) - 1)])
        {
            Reread = "“What the KL term pushes toward”",
        },
        new VectorExercise("06.5", "The KL term as β grows",
            "For each β, find the μ and v = ln σ² that minimise ½((x − μ)² + e^v) + β · ½(e^v + μ² − 1 − v) at x = 2 (scan a grid, " +
            "or set both derivatives to 0), then give the KL term ½(e^v + μ² − 1 − v) alone, in nats, at β = 1, 10 and 100.",
            Expected: [BestEncoderKl(x: 2, beta: 1), BestEncoderKl(x: 2, beta: 10), BestEncoderKl(x: 2, beta: 100)])
        {
            MoreHints = ["∂/∂μ: (μ − x) + β μ = 0. ∂/∂v: ½e^v + β · ½(e^v − 1) = 0. Solve each for μ and for σ² = e^v."],
            Reread = "“What the KL term pushes toward”",
            Mistakes =
            [
                Mistake.Gives(() => [1 * BestEncoderKl(2, 1), 10 * BestEncoderKl(2, 10), 100 * BestEncoderKl(2, 100)],
                    "These are β × KL, the weighted term in the loss: the exercise asks for the KL term alone."),
            ],
        },
    ];

    /// <summary>
    /// The KL term of the best one-dimensional Gaussian encoder for a decoder that outputs z itself with unit
    /// noise, when the KL term is weighted by β. Setting the derivatives of
    /// ½((x − μ)² + σ²) + β·½(σ² + μ² − 1 − ln σ²) to 0 gives μ = x / (1 + β) and σ² = β / (1 + β).
    /// </summary>
    private static double BestEncoderKl(double x, double beta)
    {
        double mean = x / (1 + beta), variance = beta / (1 + beta);
        return 0.5 * (variance + mean * mean - 1 - Math.Log(variance));
    }

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
