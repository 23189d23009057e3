using InfoTheory;
using InfoTheory.Networks;
using Xunit;

namespace InfoTheory.Tests;

public class NetworkTests
{
    private static readonly LabelledPoints Points = Datasets.Clusters(classes: 3, pointsPerClass: 30, spread: 1.0, seed: 5);

    [Fact]
    public void Mlp_backpropagation_matches_a_numerical_gradient()
    {
        var network = Mlp.Create(inputs: 2, hidden: 6, classes: 3, seed: 3);
        var inputs = Points.Features.Take(12).ToArray();
        var labels = Points.Labels.Take(12).ToArray();
        var analytic = network.Gradient(inputs, labels);
        var start = network.Parameters.ToArray();
        var numeric = Learning.NumericalGradient(theta =>
        {
            theta.CopyTo(network.Parameters, 0);
            return network.Loss(inputs, labels);
        }, start, h: 1e-6);
        start.CopyTo(network.Parameters, 0);
        for (int k = 0; k < analytic.Length; k++) Assert.Equal(numeric[k], analytic[k], 1e-6);
        Assert.Contains(analytic, g => Math.Abs(g) > 1e-3);   // the check compared real slopes, not zeros
    }

    [Fact]
    public void Mlp_training_lowers_the_loss_and_is_the_same_for_the_same_seed()
    {
        double[] Train(int seed)
        {
            var network = Mlp.Create(2, 8, 3, seed);
            var optimiser = new Adam(0.01);
            var random = new Random(seed);
            double before = network.Loss(Points.Features, Points.Labels);
            for (int epoch = 0; epoch < 30; epoch++) network.TrainEpoch(Points.Features, Points.Labels, optimiser, 10, random);
            double after = network.Loss(Points.Features, Points.Labels);
            Assert.True(after < 0.6 * before, $"loss went from {before} to {after}");
            return network.Parameters;
        }
        Assert.Equal(Train(7), Train(7));
        Assert.NotEqual(Train(7), Train(8));
    }

    [Fact]
    public void A_fresh_mlp_is_roughly_uniform_so_its_loss_is_near_log_of_the_class_count()
    {
        // Small random weights give small logits: p ≈ 1/10 for each class, so the loss ≈ ln 10.
        var network = Mlp.Create(inputs: 50, hidden: 20, classes: 10, seed: 1);
        var random = new Random(2);
        var inputs = Enumerable.Range(0, 200).Select(_ => Sampling.NormalVector(random, 50).Select(v => 0.05 * v).ToArray()).ToArray();
        var labels = inputs.Select((_, i) => i % 10).ToArray();
        Assert.Equal(Math.Log(10), network.Loss(inputs, labels), 0.1);
    }

    [Fact]
    public void Mlp_refuses_inputs_of_the_wrong_size_and_labels_out_of_range()
    {
        var network = Mlp.Create(2, 4, 3);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => network.Logits([1.0, 2.0, 3.0])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => network.Loss([[1.0, 2.0]], [3])).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => Mlp.Create(2, 4, 1)).ParamName);
    }

    [Fact]
    public void Vae_backpropagation_matches_a_numerical_gradient_for_fixed_noise()
    {
        var vae = Vae.Create(inputs: 5, hidden: 4, latent: 2, seed: 4);
        var random = new Random(9);
        var images = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 5).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var noises = images.Select(_ => Sampling.NormalVector(random, 2)).ToArray();
        const double beta = 0.7;
        var analytic = vae.Gradient(images, noises, beta);
        var start = vae.Parameters.ToArray();
        var numeric = Learning.NumericalGradient(theta =>
        {
            theta.CopyTo(vae.Parameters, 0);
            return images.Select((x, i) => vae.Loss(x, noises[i]).Total(beta)).Average();
        }, start, h: 1e-6);
        start.CopyTo(vae.Parameters, 0);
        for (int k = 0; k < analytic.Length; k++) Assert.Equal(numeric[k], analytic[k], 1e-5);
        Assert.Contains(analytic, g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void Vae_kl_term_is_the_closed_form_and_agrees_with_a_monte_carlo_estimate()
    {
        var vae = Vae.Create(inputs: 6, hidden: 5, latent: 3, seed: 2);
        double[] image = [0.1, 0.9, 0.5, 0.0, 1.0, 0.3];
        var (mean, logVariance) = vae.Encode(image);
        double kl = vae.Loss(image, [0.0, 0.0, 0.0]).Kl;

        // By hand, per coordinate: ½ (σ² + μ² − 1 − ln σ²).
        double byHand = 0;
        for (int l = 0; l < 3; l++) byHand += 0.5 * (Math.Exp(logVariance[l]) + mean[l] * mean[l] - 1 - logVariance[l]);
        Assert.Equal(byHand, kl, 1e-12);

        // KL(q‖p) = E_q[log q(z) − log p(z)]; the Gaussian constants cancel.
        var random = new Random(3);
        double sum = 0;
        const int draws = 200_000;
        for (int n = 0; n < draws; n++)
            for (int l = 0; l < 3; l++)
            {
                double epsilon = Sampling.Normal(random);
                double z = mean[l] + Math.Exp(0.5 * logVariance[l]) * epsilon;
                sum += -0.5 * logVariance[l] - 0.5 * epsilon * epsilon + 0.5 * z * z;
            }
        Assert.Equal(kl, sum / draws, 0.02);
    }

    [Fact]
    public void Vae_reconstruction_is_the_bernoulli_surprisal_of_the_pixels()
    {
        var vae = Vae.Create(inputs: 4, hidden: 3, latent: 2, seed: 6);
        double[] image = [0.0, 1.0, 1.0, 0.25];
        double[] noise = [0.3, -1.2];
        // Decode the same z by hand and add −[x ln s + (1 − x) ln(1 − s)] over the pixels.
        var (mean, logVariance) = vae.Encode(image);
        double[] z = [mean[0] + Math.Exp(0.5 * logVariance[0]) * noise[0], mean[1] + Math.Exp(0.5 * logVariance[1]) * noise[1]];
        var s = vae.Decode(z);
        double byHand = 0;
        for (int i = 0; i < 4; i++) byHand -= image[i] * Math.Log(s[i]) + (1 - image[i]) * Math.Log(1 - s[i]);
        Assert.Equal(byHand, vae.Loss(image, noise).Reconstruction, 1e-10);
    }

    [Fact]
    public void Vae_training_lowers_the_loss_and_a_huge_beta_drives_the_kl_towards_zero()
    {
        var random = new Random(1);
        // Two kinds of 8-pixel "images": left half on or right half on, with a little noise.
        var images = Enumerable.Range(0, 200).Select(i => Enumerable.Range(0, 8)
            .Select(p => Math.Clamp(((p < 4) == (i % 2 == 0) ? 0.9 : 0.1) + 0.05 * Sampling.Normal(random), 0, 1)).ToArray()).ToArray();
        VaeLoss TrainWith(double beta, int seed)
        {
            var vae = Vae.Create(8, 8, 2, seed);
            var optimiser = new Adam(0.01);
            var draws = new Random(seed);
            double before = vae.Evaluate(images, new Random(0)).Total(beta);
            for (int epoch = 0; epoch < 40; epoch++) vae.TrainEpoch(images, beta, optimiser, 20, draws);
            var after = vae.Evaluate(images, new Random(0));
            Assert.True(after.Total(beta) < before, $"β = {beta}: loss went from {before} to {after.Total(beta)}");
            return after;
        }
        var free = TrainWith(0.1, 2);
        var squeezed = TrainWith(50, 2);
        Assert.True(squeezed.Kl < 0.05, $"KL at β = 50 is {squeezed.Kl}");
        Assert.True(free.Kl > 0.5, $"KL at β = 0.1 is {free.Kl}");
        Assert.True(free.Reconstruction < squeezed.Reconstruction);
        Assert.Equal(TrainWith(1, 3), TrainWith(1, 3));
    }

    [Fact]
    public void Vae_refuses_pixels_outside_zero_one_and_a_negative_beta()
    {
        var vae = Vae.Create(3, 2, 1);
        Assert.Equal("image", Assert.Throws<ArgumentException>(() => vae.Encode([0.5, 1.5, 0.0])).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => vae.Gradient([[0.1, 0.2, 0.3]], [[0.0]], -1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentException>(() => vae.Loss([0.1, 0.2, 0.3], [0.0, 1.0])).ParamName);
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_the_learning_rate_against_its_gradient()
    {
        // After bias correction the first step is lr · g / (|g| + ε): the learning rate, whatever g's size.
        var optimiser = new Adam(0.01);
        double[] parameters = [1.0, 1.0, 1.0];
        optimiser.Step(parameters, [5.0, -0.001, 0.0]);
        Assert.Equal(0.99, parameters[0], 1e-9);
        Assert.Equal(1.01, parameters[1], 1e-4);
        Assert.Equal(1.0, parameters[2]);
    }

    [Fact]
    public void Adam_finds_the_minimum_of_a_bowl()
    {
        var optimiser = new Adam(0.05);
        double[] x = [3.0, -2.0];
        for (int step = 0; step < 2000; step++) optimiser.Step(x, [2 * (x[0] - 1), 20 * (x[1] + 0.5)]);
        Assert.Equal(1.0, x[0], 1e-3);
        Assert.Equal(-0.5, x[1], 1e-3);
    }

    [Fact]
    public void Reliability_bins_and_ece_by_hand()
    {
        // Confidences 0.9 (right), 0.9 (wrong), 0.6 (right), 0.55 (right); bins of width 0.5.
        double[][] p = [[0.9, 0.1], [0.9, 0.1], [0.4, 0.6], [0.55, 0.45]];
        int[] labels = [0, 1, 1, 0];
        var bins = Calibration.ReliabilityBins(p, labels, bins: 2);
        var top = Assert.Single(bins);
        Assert.Equal(4, top.Count);
        Assert.Equal((0.9 + 0.9 + 0.6 + 0.55) / 4, top.MeanConfidence, 1e-12);
        Assert.Equal(0.75, top.Accuracy, 1e-12);
        // With 10 bins: {0.9, 0.9} has accuracy ½, {0.6} 1, {0.55} 1.
        double ece = 0.5 * Math.Abs(0.5 - 0.9) + 0.25 * Math.Abs(1 - 0.6) + 0.25 * Math.Abs(1 - 0.55);
        Assert.Equal(ece, Calibration.ExpectedCalibrationError(p, labels, bins: 10), 1e-12);
    }

    [Fact]
    public void Fitted_temperature_recovers_the_temperature_the_labels_were_drawn_with()
    {
        // Labels drawn from softmax(z / 2): the best temperature for these logits is about 2.
        var random = new Random(4);
        var logits = Enumerable.Range(0, 20_000).Select(_ => Sampling.NormalVector(random, 5).Select(v => 3 * v).ToArray()).ToArray();
        var labels = logits.Select(z =>
        {
            var p = Learning.Softmax(z, 2);
            double u = random.NextDouble(), cumulative = 0;
            for (int c = 0; c < p.Length; c++) if ((cumulative += p[c]) > u) return c;
            return p.Length - 1;
        }).ToArray();
        double t = Calibration.FitTemperature(logits, labels);
        Assert.Equal(2.0, t, 0.1);
        double best = Calibration.CrossEntropyAtTemperature(logits, labels, t);
        Assert.True(best < Calibration.CrossEntropyAtTemperature(logits, labels, t * 1.05));
        Assert.True(best < Calibration.CrossEntropyAtTemperature(logits, labels, t / 1.05));
    }
}
