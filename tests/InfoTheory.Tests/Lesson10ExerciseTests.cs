using InfoTheory;
using InfoTheory.Exercises;
using InfoTheory.Networks;
using Xunit;
using static InfoTheory.Exercises.ExerciseCheck;
using static InfoTheory.Info;
using static InfoTheory.Learning;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

/// <summary>Lesson 10's exercises: the library answer a solution computes passes, a plausible mistake fails.</summary>
public class Lesson10ExerciseTests
{
    [Fact]
    public void Prediction_entropy_in_bits_passes_and_in_nats_fails()
    {
        Assert.True(Check("10.1", (Func<double[], double>)(z => Entropy(Softmax(z), Bits))).Passed);
        Assert.False(Check("10.1", (Func<double[], double>)(z => Entropy(Softmax(z), Nats))).Passed);
        // Forgetting the max-subtraction overflows on logits near 1000.
        Assert.False(Check("10.1", (Func<double[], double>)(z =>
        {
            var w = z.Select(Math.Exp).ToArray();
            return w.Select(x => x / w.Sum()).Where(p => p > 0).Sum(p => -p * Math.Log2(p));
        })).Passed);
    }

    [Fact]
    public void Ece_of_the_table_matches_the_library_and_an_unweighted_mean_of_gaps_fails()
    {
        var table = ExerciseCatalog.CalibrationTable;
        // As two-class predictions: the confidence on the predicted class 0, the label 0 when right.
        var probabilities = table.Select(p => new[] { p.Confidence, 1 - p.Confidence }).ToArray();
        var labels = table.Select(p => p.Right ? 0 : 1).ToArray();
        double ece = Calibration.ExpectedCalibrationError(probabilities, labels, bins: 5);
        Assert.True(Check("10.3", ece).Passed);
        double unweighted = Calibration.ReliabilityBins(probabilities, labels, bins: 5).Average(b => Math.Abs(b.Gap));
        Assert.False(Check("10.3", unweighted).Passed);
    }

    [Fact]
    public void Price_of_a_code_with_the_library_kl_passes_and_sigma_for_sigma_squared_fails()
    {
        double kl = GaussianKlToStandardNormal([0.8, -0.3, 0.0], [-1.2, 0.0, -2.5]);
        Assert.True(Check("10.4", [kl, 190 + kl, (190 + kl) / Math.Log(2) / 784]).Passed);
        Assert.False(Check("10.4", [kl, 190 + kl, (190 + kl) / 784]).Passed);   // nats per pixel, not bits
        double wrongKl = GaussianKlToStandardNormal([0.8, -0.3, 0.0], [-0.6, 0.0, -1.25]);   // log σ instead of log σ²
        Assert.False(Check("10.4", [wrongKl, 190 + wrongKl, (190 + wrongKl) / Math.Log(2) / 784]).Passed);
    }
}
