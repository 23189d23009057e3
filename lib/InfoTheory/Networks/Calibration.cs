namespace InfoTheory.Networks;

/// <summary>
/// Predictions whose top probability fell in [Lower, Upper): how many, how confident they were on
/// average, and how often they were right. A calibrated classifier has Accuracy ≈ MeanConfidence in every bin.
/// </summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy)
{
    /// <summary>Accuracy − confidence: negative means overconfident in this bin.</summary>
    public double Gap => Accuracy - MeanConfidence;
}

/// <summary>
/// Does a classifier's confidence mean what it says? Reliability bins, the expected calibration error, and
/// temperature scaling (dividing every logit by one number T, fitted on held-out data).
/// </summary>
public static class Calibration
{
    /// <summary>
    /// Sorts the predictions by confidence (their largest probability) into <paramref name="bins"/> equal-width
    /// bins over [0, 1] and measures each bin; empty bins are left out.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityBins(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels, int bins = 10)
    {
        CheckPredictions(probabilities, labels);
        if (bins < 1) throw new ArgumentException($"bins must be at least 1, not {bins}.", nameof(bins));
        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new int[bins];
        for (int i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            int predicted = ArgMax(p);
            int bin = Math.Min(bins - 1, (int)(p[predicted] * bins));   // a confidence of exactly 1 goes in the top bin
            count[bin]++;
            confidence[bin] += p[predicted];
            if (predicted == labels[i]) correct[bin]++;
        }
        return Enumerable.Range(0, bins).Where(b => count[b] > 0)
            .Select(b => new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], confidence[b] / count[b], (double)correct[b] / count[b]))
            .ToList();
    }

    /// <summary>
    /// ECE = Σ_bins (n_b / N) · |accuracy_b − confidence_b|: the average gap between how sure the classifier
    /// was and how often it was right (0 for a perfectly calibrated one).
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels, int bins = 10) =>
        ReliabilityBins(probabilities, labels, bins).Sum(b => (double)b.Count / probabilities.Count * Math.Abs(b.Gap));

    /// <summary>The mean cross-entropy (nats) of softmax(logits / T) for the labels.</summary>
    public static double CrossEntropyAtTemperature(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        CheckPredictions(logits, labels);
        Guard.Positive(temperature, nameof(temperature));
        return logits.Select((z, i) => Learning.CrossEntropyFromLogits(z.Select(v => v / temperature).ToArray(), labels[i])).Average();
    }

    /// <summary>
    /// The temperature T in [<paramref name="lowest"/>, <paramref name="highest"/>] that minimises
    /// <see cref="CrossEntropyAtTemperature"/>, found by golden-section search on log T (the loss has one
    /// minimum in T). Fit it on held-out data, never on the training data the network has memorised.
    /// </summary>
    public static double FitTemperature(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double lowest = 0.05, double highest = 20)
    {
        CheckPredictions(logits, labels);
        Guard.Positive(lowest, nameof(lowest));
        Guard.Positive(highest, nameof(highest));
        if (lowest >= highest) throw new ArgumentException("lowest must be below highest.", nameof(lowest));
        double Loss(double logT) => CrossEntropyAtTemperature(logits, labels, Math.Exp(logT));
        double invPhi = (Math.Sqrt(5) - 1) / 2;
        double a = Math.Log(lowest), b = Math.Log(highest);
        double c = b - invPhi * (b - a), d = a + invPhi * (b - a);
        double lossC = Loss(c), lossD = Loss(d);
        while (b - a > 1e-5)
        {
            if (lossC < lossD) { b = d; d = c; lossD = lossC; c = b - invPhi * (b - a); lossC = Loss(c); }
            else { a = c; c = d; lossC = lossD; d = a + invPhi * (b - a); lossD = Loss(d); }
        }
        return Math.Exp((a + b) / 2);
    }

    /// <summary>The index of the largest value (the first, on a tie): the predicted class.</summary>
    public static int ArgMax(IReadOnlyList<double> values)
    {
        Guard.FiniteVector(values, nameof(values));
        int best = 0;
        for (int i = 1; i < values.Count; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    private static void CheckPredictions(IReadOnlyList<double[]> predictions, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (predictions.Count == 0) throw new ArgumentException("There are no predictions.", nameof(predictions));
        Guard.SameLength(predictions, nameof(predictions), labels, nameof(labels));
        for (int i = 0; i < labels.Count; i++)
            if (predictions[i] is null || labels[i] < 0 || labels[i] >= predictions[i].Length)
                throw new ArgumentException($"labels[{i}] is {labels[i]}, but prediction {i} covers classes 0 to {(predictions[i]?.Length ?? 0) - 1}.", nameof(labels));
    }
}
