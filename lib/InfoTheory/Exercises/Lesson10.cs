namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 10, learning with information. Expected values are computed here with plain Math.
    private static IEnumerable<Exercise> Lesson10() =>
    [
        new FunctionExercise("10.1", "Prediction entropy from logits",
            "Turn the logits into probabilities with a softmax (subtract the largest logit before exponentiating, so nothing overflows), then add up −p·log₂ p. Bits, not nats.",
            TestInputs:
            [
                [0.0, 0.0],
                [0.0, 0.0, 0.0, 0.0],
                [2.0, 1.0, 0.0],
                [10.0, -3.0, 0.5, 0.5, 1.0],
                [1000.0, 999.0, -1000.0],
                [-5.0, 3.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            ],
            Reference: EntropyOfSoftmaxBits,
            Tolerance: 1e-9)
        {
            MoreHints = ["exp(1000) is +∞ in a double, and ∞/∞ is NaN: that is why the largest logit comes off first. Every probability is unchanged by it."],
            Reread = "“A network that minimises surprisal”",
        },
        new EssayExercise("10.2", "Logging what a network learns",
            "Per epoch, log the mean cross-entropy on training and held-out images, the mean prediction entropy and the perplexity e^(cross-entropy in nats). Name the epoch where held-out loss pulls away from training loss, and compare held-out loss with prediction entropy: a gap there means the network is more sure than it is right.",
            MinimumWords: 80) { Reread = "“A network that minimises surprisal” and “Overconfidence, measured”" },
        new NumberExercise("10.3", "Expected calibration error by hand",
            "Sort the eight predictions into bins by confidence, [0.4, 0.6), [0.6, 0.8), [0.8, 1]. In each bin take |accuracy − mean confidence| and weight it by the bin's share of the predictions.",
            Expected: CalibrationTableEce(),
            Tolerance: 1e-9)
        {
            Reread = "“Reliability diagram and expected calibration error”",
            Mistakes =
            [
                Mistake.Gives(CalibrationTableEce(weighted: false),
                    "This is the plain average of the three bins' gaps: weight each bin by its share of the eight predictions (1/8, 3/8, 4/8)."),
            ],
        },
        new VectorExercise("10.4", "The price of a code",
            "KL(N(μ, σ²) ‖ N(0, 1)) = ½ (σ² + μ² − 1 − ln σ²) per coordinate, summed; σ² = e^(log σ²). The negative ELBO is reconstruction + KL in nats; for bits per pixel divide by ln 2 and by 784.",
            Expected: VaeCodePrice(),
            Tolerance: 1e-6)
        {
            Reread = "“A β-VAE: paying for a code in nats”",
            Mistakes =
            [
                Mistake.Gives(() => VaeCodePrice(logVarianceIsLogSd: true),
                    "These are the numbers you get by treating log σ² as log σ: σ² = e^(log σ²), not e^(2 · log σ²)."),
                Mistake.Gives(() => [VaeCodePrice()[0], VaeCodePrice()[1], VaeCodePrice()[1] / 784],
                    "The last entry is in nats per pixel: divide by ln 2 as well for bits."),
            ],
        },
        new EssayExercise("10.5", "A β-VAE sweep",
            "Train the same VAE with several β and tabulate reconstruction and KL per image. Say what happens to the KL as β grows, why (what does each nat of KL cost in the loss?), what KL ≈ 0 means about what the code says about the image, and how that shows in the reconstructions.",
            MinimumWords: 80) { Reread = "“A β-VAE: paying for a code in nats” and “What large β does, measured”" },
    ];

    private static double EntropyOfSoftmaxBits(double[] logits)
    {
        double max = logits.Max();
        double[] weights = logits.Select(z => Math.Exp(z - max)).ToArray();
        double total = weights.Sum();
        return ExpectedByHand.EntropyBits(weights.Select(w => w / total).ToArray());
    }

    /// <summary>The eight predictions of exercise 10.3: (confidence, right?).</summary>
    internal static readonly (double Confidence, bool Right)[] CalibrationTable =
    [
        (0.95, true), (0.92, true), (0.90, false), (0.85, true),
        (0.70, true), (0.66, false), (0.62, false), (0.55, true),
    ];

    private static double CalibrationTableEce(bool weighted = true)
    {
        double ece = 0;
        foreach (var (low, high) in new[] { (0.4, 0.6), (0.6, 0.8), (0.8, 1.01) })
        {
            var bin = CalibrationTable.Where(p => p.Confidence >= low && p.Confidence < high).ToArray();
            if (bin.Length == 0) continue;
            double accuracy = bin.Count(p => p.Right) / (double)bin.Length;
            double confidence = bin.Average(p => p.Confidence);
            ece += (weighted ? (double)bin.Length / CalibrationTable.Length : 1.0 / 3) * Math.Abs(accuracy - confidence);
        }
        return ece;
    }

    /// <summary>
    /// Exercise 10.4: μ = (0.8, −0.3, 0), log σ² = (−1.2, 0, −2.5), reconstruction 190 nats over 784 pixels:
    /// [KL in nats, negative ELBO in nats, negative ELBO in bits per pixel]. With <paramref name="logVarianceIsLogSd"/>,
    /// the slip of reading log σ² as log σ.
    /// </summary>
    private static double[] VaeCodePrice(bool logVarianceIsLogSd = false)
    {
        double[] mean = [0.8, -0.3, 0.0];
        double[] logVariance = [-1.2, 0.0, -2.5];
        double kl = 0;
        for (int i = 0; i < 3; i++)
        {
            double variance = Math.Exp(logVarianceIsLogSd ? 2 * logVariance[i] : logVariance[i]);
            kl += 0.5 * (variance + mean[i] * mean[i] - 1 - Math.Log(variance));
        }
        double negativeElbo = 190 + kl;
        return [kl, negativeElbo, negativeElbo / Math.Log(2) / 784];
    }
}
