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
            Tolerance: 1e-9) { Reread = "“A network that minimises surprisal”" },
        new EssayExercise("10.2", "Logging what a network learns",
            "Per epoch, log the mean cross-entropy on training and held-out images, the mean prediction entropy and the perplexity e^(cross-entropy in nats). Name the epoch where held-out loss pulls away from training loss, and compare held-out loss with prediction entropy: a gap there means the network is more sure than it is right.",
            MinimumWords: 80) { Reread = "“A network that minimises surprisal” and “Overconfidence, measured”" },
        new NumberExercise("10.3", "Expected calibration error by hand",
            "Sort the eight predictions into bins by confidence, [0.4, 0.6), [0.6, 0.8), [0.8, 1]. In each bin take |accuracy − mean confidence| and weight it by the bin's share of the predictions.",
            Expected: CalibrationTableEce(),
            Tolerance: 1e-9) { Reread = "“Reliability diagram and expected calibration error”" },
        new VectorExercise("10.4", "The price of a code",
            "KL(N(μ, σ²) ‖ N(0, 1)) = ½ (σ² + μ² − 1 − ln σ²) per coordinate, summed; σ² = e^(log σ²). The negative ELBO is reconstruction + KL in nats; for bits per pixel divide by ln 2 and by 784.",
            Expected: VaeCodePrice(),
            Tolerance: 1e-6) { Reread = "“A β-VAE: paying for a code in nats”" },
        new EssayExercise("10.5", "A β-VAE sweep",
            "Train the same VAE with several β and tabulate reconstruction and KL per image. Say what happens to the KL as β grows, why (what does each nat of KL cost in the loss?), what KL ≈ 0 means about what the code says about the image, and how that shows in the reconstructions.",
            MinimumWords: 80) { Reread = "“A β-VAE: paying for a code in nats”" },
    ];

    private static double EntropyOfSoftmaxBits(double[] logits)
    {
        double max = logits.Max();
        double[] weights = logits.Select(z => Math.Exp(z - max)).ToArray();
        double total = weights.Sum();
        return weights.Select(w => w / total).Where(p => p > 0).Sum(p => -p * Math.Log2(p));
    }

    /// <summary>The eight predictions of exercise 10.3: (confidence, right?).</summary>
    internal static readonly (double Confidence, bool Right)[] CalibrationTable =
    [
        (0.95, true), (0.92, true), (0.90, false), (0.85, true),
        (0.70, true), (0.66, false), (0.62, false), (0.55, true),
    ];

    private static double CalibrationTableEce()
    {
        double ece = 0;
        foreach (var (low, high) in new[] { (0.4, 0.6), (0.6, 0.8), (0.8, 1.01) })
        {
            var bin = CalibrationTable.Where(p => p.Confidence >= low && p.Confidence < high).ToArray();
            if (bin.Length == 0) continue;
            double accuracy = bin.Count(p => p.Right) / (double)bin.Length;
            double confidence = bin.Average(p => p.Confidence);
            ece += (double)bin.Length / CalibrationTable.Length * Math.Abs(accuracy - confidence);
        }
        return ece;
    }

    /// <summary>
    /// Exercise 10.4: μ = (0.8, −0.3, 0), log σ² = (−1.2, 0, −2.5), reconstruction 190 nats over 784 pixels:
    /// [KL in nats, negative ELBO in nats, negative ELBO in bits per pixel].
    /// </summary>
    private static double[] VaeCodePrice()
    {
        double[] mean = [0.8, -0.3, 0.0];
        double[] logVariance = [-1.2, 0.0, -2.5];
        double kl = 0;
        for (int i = 0; i < 3; i++)
            kl += 0.5 * (Math.Exp(logVariance[i]) + mean[i] * mean[i] - 1 - logVariance[i]);
        double negativeElbo = 190 + kl;
        return [kl, negativeElbo, negativeElbo / Math.Log(2) / 784];
    }
}
