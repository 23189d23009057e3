namespace InfoTheory.Networks;

/// <summary>The two parts of a VAE's loss for some images, in nats per image.</summary>
/// <param name="Reconstruction">−log p(x | z): the Bernoulli surprisal of the pixels given the sampled code.</param>
/// <param name="Kl">KL(q(z | x) ‖ N(0, I)): what the code costs, in lesson 06's closed form.</param>
public readonly record struct VaeLoss(double Reconstruction, double Kl)
{
    /// <summary>The training loss, reconstruction + β · KL.</summary>
    public double Total(double beta) => Reconstruction + beta * Kl;

    /// <summary>The negative ELBO, reconstruction + KL (β = 1): an upper bound on −log p(x) in nats.</summary>
    public double NegativeElbo => Reconstruction + Kl;
}

/// <summary>
/// A small variational autoencoder for images with pixel intensities in [0, 1].
/// Encoder: h = ReLU(W x + b), then a mean μ and a log-variance log σ² for each latent coordinate.
/// Sampling (the reparameterisation trick): z = μ + σ ⊙ ε with ε ~ N(0, I), so the noise is an input and
/// gradients flow through μ and σ. Decoder: g = ReLU(W z + b), pixel logits o = W g + b, and each pixel is
/// a Bernoulli with probability sigmoid(o). The loss per image is reconstruction + β · KL (nats).
/// All weights live in <see cref="Parameters"/>, which training changes in place.
/// </summary>
public sealed class Vae
{
    private readonly DenseLayer encoder, meanLayer, logVarianceLayer, decoder, pixelLayer;

    private Vae(int inputs, int hidden, int latent)
    {
        encoder = new DenseLayer(inputs, hidden, Offset: 0);
        meanLayer = new DenseLayer(hidden, latent, encoder.End);
        logVarianceLayer = new DenseLayer(hidden, latent, meanLayer.End);
        decoder = new DenseLayer(latent, hidden, logVarianceLayer.End);
        pixelLayer = new DenseLayer(hidden, inputs, decoder.End);
        Parameters = new double[pixelLayer.End];
    }

    /// <summary>A VAE with random starting weights; the same <paramref name="seed"/> gives the same network.</summary>
    public static Vae Create(int inputs, int hidden, int latent, int seed = 2024)
    {
        if (inputs < 1) throw new ArgumentException($"inputs must be at least 1, not {inputs}.", nameof(inputs));
        if (hidden < 1) throw new ArgumentException($"hidden must be at least 1, not {hidden}.", nameof(hidden));
        if (latent < 1) throw new ArgumentException($"latent must be at least 1, not {latent}.", nameof(latent));
        var vae = new Vae(inputs, hidden, latent);
        var random = new Random(seed);
        foreach (var layer in vae.Layers) layer.Initialise(vae.Parameters, random);
        // Start with small log-variances' weights so σ starts near 1 rather than anywhere.
        for (int i = vae.logVarianceLayer.Offset; i < vae.logVarianceLayer.End; i++) vae.Parameters[i] *= 0.1;
        return vae;
    }

    private DenseLayer[] Layers => [encoder, meanLayer, logVarianceLayer, decoder, pixelLayer];

    public int Inputs => encoder.Inputs;
    public int Hidden => encoder.Outputs;
    public int Latent => meanLayer.Outputs;

    /// <summary>Every weight and bias, layer after layer (encoder, mean, log-variance, decoder, pixels).</summary>
    public double[] Parameters { get; }

    /// <summary>The encoder's Gaussian q(z | x) = N(μ, diag σ²) for one image, as μ and log σ².</summary>
    public (double[] Mean, double[] LogVariance) Encode(IReadOnlyList<double> image)
    {
        var x = CheckImage(image, nameof(image));
        var pass = new Pass(this);
        Encode(x, pass);
        return (pass.Mean, pass.LogVariance);
    }

    /// <summary>The decoder's pixel probabilities sigmoid(o) for a latent code z.</summary>
    public double[] Decode(IReadOnlyList<double> code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Count != Latent) throw new ArgumentException($"A code has {Latent} numbers, not {code.Count}.", nameof(code));
        Guard.FiniteVector(code, nameof(code));
        var pass = new Pass(this);
        code.ToArray().CopyTo(pass.Code, 0);
        Decode(pass);
        return pass.Logits.Select(Sigmoid).ToArray();
    }

    /// <summary>The decoded mean code: Decode(μ(x)), the VAE's best single guess at the image.</summary>
    public double[] Reconstruct(IReadOnlyList<double> image) => Decode(Encode(image).Mean);

    /// <summary>
    /// The loss of one image for a given noise ε (z = μ + σ ⊙ ε). With ε fixed the loss is an ordinary
    /// function of the parameters, which is what a gradient check needs.
    /// </summary>
    public VaeLoss Loss(IReadOnlyList<double> image, IReadOnlyList<double> noise)
    {
        var x = CheckImage(image, nameof(image));
        var pass = new Pass(this);
        Run(x, CheckNoise(noise, nameof(noise)), pass);
        return pass.Loss;
    }

    /// <summary>
    /// The mean loss over <paramref name="images"/> (nats per image), each with one fresh draw of ε from
    /// <paramref name="random"/>: reconstruction and KL reported separately.
    /// </summary>
    public VaeLoss Evaluate(IReadOnlyList<double[]> images, Random random)
    {
        CheckImages(images);
        ArgumentNullException.ThrowIfNull(random);
        double reconstruction = 0, kl = 0;
        var pass = new Pass(this);
        foreach (var x in images)
        {
            Run(CheckImage(x, nameof(images)), Sampling.NormalVector(random, Latent), pass);
            reconstruction += pass.Loss.Reconstruction;
            kl += pass.Loss.Kl;
        }
        return new VaeLoss(reconstruction / images.Count, kl / images.Count);
    }

    /// <summary>∂(mean of reconstruction + β · KL)/∂Parameters for the images, each with its given noise.</summary>
    public double[] Gradient(IReadOnlyList<double[]> images, IReadOnlyList<double[]> noises, double beta)
    {
        CheckImages(images);
        ArgumentNullException.ThrowIfNull(noises);
        Guard.SameLength(images, nameof(images), noises, nameof(noises));
        CheckBeta(beta);
        var gradient = new double[Parameters.Length];
        var pass = new Pass(this);
        for (int i = 0; i < images.Count; i++)
            Backpropagate(CheckImage(images[i], nameof(images)), CheckNoise(noises[i], nameof(noises)), beta, pass, gradient);
        for (int k = 0; k < gradient.Length; k++) gradient[k] /= images.Count;
        return gradient;
    }

    /// <summary>
    /// One pass over the images in random minibatches, one optimiser step per batch, minimising
    /// reconstruction + β · KL. Returns the mean reconstruction and KL of the batches as they were met.
    /// </summary>
    public VaeLoss TrainEpoch(IReadOnlyList<double[]> images, double beta, Adam optimiser, int batchSize, Random random)
    {
        CheckImages(images);
        CheckBeta(beta);
        ArgumentNullException.ThrowIfNull(optimiser);
        ArgumentNullException.ThrowIfNull(random);
        foreach (var x in images) CheckImage(x, nameof(images));
        double reconstruction = 0, kl = 0;
        var gradient = new double[Parameters.Length];
        var pass = new Pass(this);
        foreach (var batch in Minibatches.Shuffled(images.Count, batchSize, random))
        {
            Array.Clear(gradient);
            foreach (int i in batch)
            {
                Backpropagate(images[i], Sampling.NormalVector(random, Latent), beta, pass, gradient);
                reconstruction += pass.Loss.Reconstruction;
                kl += pass.Loss.Kl;
            }
            for (int k = 0; k < gradient.Length; k++) gradient[k] /= batch.Length;
            optimiser.Step(Parameters, gradient);
        }
        return new VaeLoss(reconstruction / images.Count, kl / images.Count);
    }

    // ------------------------------------------------------------------ the passes

    /// <summary>The intermediate values of one image's forward pass, kept for the backward pass.</summary>
    private sealed class Pass(Vae vae)
    {
        public readonly double[] Hidden = new double[vae.Hidden], Mean = new double[vae.Latent], LogVariance = new double[vae.Latent];
        public readonly double[] Noise = new double[vae.Latent], Code = new double[vae.Latent];
        public readonly double[] DecoderHidden = new double[vae.Hidden], Logits = new double[vae.Inputs];
        public VaeLoss Loss;
    }

    private void Encode(double[] x, Pass pass)
    {
        encoder.Forward(Parameters, x, pass.Hidden);
        Kernels.Relu(pass.Hidden);
        meanLayer.Forward(Parameters, pass.Hidden, pass.Mean);
        logVarianceLayer.Forward(Parameters, pass.Hidden, pass.LogVariance);
    }

    private void Decode(Pass pass)
    {
        decoder.Forward(Parameters, pass.Code, pass.DecoderHidden);
        Kernels.Relu(pass.DecoderHidden);
        pixelLayer.Forward(Parameters, pass.DecoderHidden, pass.Logits);
    }

    private void Run(double[] x, IReadOnlyList<double> noise, Pass pass)
    {
        Encode(x, pass);
        for (int l = 0; l < Latent; l++)
        {
            pass.Noise[l] = noise[l];
            pass.Code[l] = pass.Mean[l] + Math.Exp(0.5 * pass.LogVariance[l]) * noise[l];   // z = μ + σ ε
        }
        Decode(pass);
        double reconstruction = 0;
        for (int i = 0; i < x.Length; i++) reconstruction += BernoulliSurprisal(pass.Logits[i], x[i]);
        pass.Loss = new VaeLoss(reconstruction, Learning.GaussianKlToStandardNormal(pass.Mean, pass.LogVariance));
    }

    private void Backpropagate(double[] x, IReadOnlyList<double> noise, double beta, Pass pass, double[] gradient)
    {
        Run(x, noise, pass);
        // Reconstruction: ∂/∂o of the Bernoulli surprisal is sigmoid(o) − x, "predicted minus true" again.
        var dLogits = new double[Inputs];
        for (int i = 0; i < Inputs; i++) dLogits[i] = Sigmoid(pass.Logits[i]) - x[i];
        var dDecoderHidden = new double[Hidden];
        pixelLayer.Backward(Parameters, gradient, pass.DecoderHidden, dLogits, dDecoderHidden);
        Kernels.ReluBackward(pass.DecoderHidden, dDecoderHidden);
        var dCode = new double[Latent];
        decoder.Backward(Parameters, gradient, pass.Code, dDecoderHidden, dCode);

        // Through z = μ + exp(½ log σ²) ε, plus β times the KL's own slopes: ∂KL/∂μ = μ, ∂KL/∂log σ² = ½ (σ² − 1).
        var dMean = new double[Latent];
        var dLogVariance = new double[Latent];
        for (int l = 0; l < Latent; l++)
        {
            double sd = Math.Exp(0.5 * pass.LogVariance[l]);
            dMean[l] = dCode[l] + beta * pass.Mean[l];
            dLogVariance[l] = dCode[l] * pass.Noise[l] * 0.5 * sd + beta * 0.5 * (sd * sd - 1);
        }
        var dHidden = new double[Hidden];
        meanLayer.Backward(Parameters, gradient, pass.Hidden, dMean, dHidden);
        logVarianceLayer.Backward(Parameters, gradient, pass.Hidden, dLogVariance, dHidden);
        Kernels.ReluBackward(pass.Hidden, dHidden);
        encoder.Backward(Parameters, gradient, x, dHidden, Span<double>.Empty);
    }

    /// <summary>
    /// −[x log s + (1 − x) log(1 − s)] with s = sigmoid(o), written as softplus(o) − x·o so no log of 0 occurs
    /// (softplus(o) = log(1 + eᵒ) = max(o, 0) + log(1 + e^−|o|)).
    /// </summary>
    private static double BernoulliSurprisal(double logit, double x) =>
        Math.Max(logit, 0) + Math.Log(1 + Math.Exp(-Math.Abs(logit))) - x * logit;

    private static double Sigmoid(double o) => 1 / (1 + Math.Exp(-o));

    // ------------------------------------------------------------------ checks

    private double[] CheckImage(IReadOnlyList<double> image, string argument)
    {
        ArgumentNullException.ThrowIfNull(image, argument);
        if (image.Count != Inputs)
            throw new ArgumentException($"An image has {image.Count} pixels but this VAE takes {Inputs}.", argument);
        for (int i = 0; i < image.Count; i++)
            if (!(image[i] >= 0 && image[i] <= 1))
                throw new ArgumentException($"Pixel {i} is {Guard.Format(image[i])}; a Bernoulli decoder needs intensities in [0, 1].", argument);
        return image as double[] ?? image.ToArray();
    }

    private double[] CheckNoise(IReadOnlyList<double> noise, string argument)
    {
        ArgumentNullException.ThrowIfNull(noise, argument);
        if (noise.Count != Latent) throw new ArgumentException($"The noise ε needs {Latent} numbers, not {noise.Count}.", argument);
        Guard.FiniteVector(noise, argument);
        return noise as double[] ?? noise.ToArray();
    }

    private static void CheckImages(IReadOnlyList<double[]> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("There are no images.", nameof(images));
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta >= 0) || double.IsInfinity(beta))
            throw new ArgumentException($"beta must be a finite number ≥ 0, but it is {Guard.Format(beta)}.", nameof(beta));
    }
}
