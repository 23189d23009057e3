namespace InfoTheory.Networks;

/// <summary>
/// A multilayer perceptron classifier with one hidden layer:
/// h = ReLU(W₁ x + b₁), logits z = W₂ h + b₂, p = softmax(z). Trained by minimising the cross-entropy
/// −log p[label] (nats) with minibatch gradient descent. Its backward pass starts from lesson 04's
/// ∂CE/∂z = p − y (<see cref="Learning.CrossEntropyGradient"/>) and carries it back through the layers.
/// All the weights live in one vector, <see cref="Parameters"/>, which training changes in place.
/// </summary>
public sealed class Mlp
{
    private readonly DenseLayer hiddenLayer, outputLayer;

    private Mlp(int inputs, int hidden, int classes)
    {
        hiddenLayer = new DenseLayer(inputs, hidden, Offset: 0);
        outputLayer = new DenseLayer(hidden, classes, Offset: hiddenLayer.End);
        Parameters = new double[outputLayer.End];
    }

    /// <summary>A network with random starting weights; the same <paramref name="seed"/> gives the same network.</summary>
    public static Mlp Create(int inputs, int hidden, int classes, int seed = 2024)
    {
        if (inputs < 1) throw new ArgumentException($"inputs must be at least 1, not {inputs}.", nameof(inputs));
        if (hidden < 1) throw new ArgumentException($"hidden must be at least 1, not {hidden}.", nameof(hidden));
        if (classes < 2) throw new ArgumentException($"A classifier needs at least 2 classes, not {classes}.", nameof(classes));
        var network = new Mlp(inputs, hidden, classes);
        var random = new Random(seed);
        network.hiddenLayer.Initialise(network.Parameters, random);
        network.outputLayer.Initialise(network.Parameters, random);
        return network;
    }

    public int Inputs => hiddenLayer.Inputs;
    public int Hidden => hiddenLayer.Outputs;
    public int Classes => outputLayer.Outputs;

    /// <summary>Every weight and bias: W₁, b₁, W₂, b₂ one after the other.</summary>
    public double[] Parameters { get; }

    /// <summary>The logits z for one input (use <see cref="Learning.Softmax"/> for probabilities).</summary>
    public double[] Logits(IReadOnlyList<double> input)
    {
        var x = CheckInput(input, nameof(input));
        var hidden = new double[Hidden];
        var logits = new double[Classes];
        Forward(x, hidden, logits);
        return logits;
    }

    /// <summary>The logits of each input, in order.</summary>
    public double[][] Logits(IReadOnlyList<double[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.Select(x => Logits(x)).ToArray();
    }

    /// <summary>The mean cross-entropy in nats of the network's predictions for <paramref name="labels"/>.</summary>
    public double Loss(IReadOnlyList<double[]> inputs, IReadOnlyList<int> labels)
    {
        CheckBatch(inputs, labels);
        return inputs.Select((x, i) => Learning.CrossEntropyFromLogits(Logits(x), labels[i])).Average();
    }

    /// <summary>∂(mean cross-entropy)/∂Parameters over the batch, by backpropagation.</summary>
    public double[] Gradient(IReadOnlyList<double[]> inputs, IReadOnlyList<int> labels)
    {
        CheckBatch(inputs, labels);
        var gradient = new double[Parameters.Length];
        for (int i = 0; i < inputs.Count; i++) Backpropagate(CheckInput(inputs[i], nameof(inputs)), labels[i], gradient);
        for (int k = 0; k < gradient.Length; k++) gradient[k] /= inputs.Count;
        return gradient;
    }

    /// <summary>
    /// One pass over the data in random minibatches of <paramref name="batchSize"/>, one optimiser step per
    /// batch. Returns the mean cross-entropy (nats) of the batches as they were met, while the weights moved.
    /// </summary>
    public double TrainEpoch(IReadOnlyList<double[]> inputs, IReadOnlyList<int> labels, Adam optimiser, int batchSize, Random random)
    {
        CheckBatch(inputs, labels);
        ArgumentNullException.ThrowIfNull(optimiser);
        ArgumentNullException.ThrowIfNull(random);
        foreach (var x in inputs) CheckInput(x, nameof(inputs));
        double total = 0;
        var gradient = new double[Parameters.Length];
        foreach (var batch in Minibatches.Shuffled(inputs.Count, batchSize, random))
        {
            Array.Clear(gradient);
            foreach (int i in batch) total += Backpropagate(inputs[i], labels[i], gradient);
            for (int k = 0; k < gradient.Length; k++) gradient[k] /= batch.Length;
            optimiser.Step(Parameters, gradient);
        }
        return total / inputs.Count;
    }

    private void Forward(double[] x, double[] hidden, double[] logits)
    {
        hiddenLayer.Forward(Parameters, x, hidden);
        Kernels.Relu(hidden);
        outputLayer.Forward(Parameters, hidden, logits);
    }

    /// <summary>Adds one example's gradient to <paramref name="gradient"/>; returns its loss in nats.</summary>
    private double Backpropagate(double[] x, int label, double[] gradient)
    {
        var hidden = new double[Hidden];
        var logits = new double[Classes];
        Forward(x, hidden, logits);
        double[] dLogits = Learning.CrossEntropyGradient(logits, label);   // p − y
        var dHidden = new double[Hidden];
        outputLayer.Backward(Parameters, gradient, hidden, dLogits, dHidden);
        Kernels.ReluBackward(hidden, dHidden);
        hiddenLayer.Backward(Parameters, gradient, x, dHidden, Span<double>.Empty);
        return Learning.CrossEntropyFromLogits(logits, label);
    }

    private double[] CheckInput(IReadOnlyList<double> input, string argument)
    {
        ArgumentNullException.ThrowIfNull(input, argument);
        if (input.Count != Inputs)
            throw new ArgumentException($"An input has {input.Count} numbers but this network takes {Inputs}.", argument);
        return input as double[] ?? input.ToArray();
    }

    private void CheckBatch(IReadOnlyList<double[]> inputs, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (inputs.Count == 0) throw new ArgumentException("There are no inputs.", nameof(inputs));
        Guard.SameLength(inputs, nameof(inputs), labels, nameof(labels));
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] < 0 || labels[i] >= Classes)
                throw new ArgumentException($"labels[{i}] is {labels[i]}, but this network has classes 0 to {Classes - 1}.", nameof(labels));
    }
}

/// <summary>Random minibatches for one epoch of training.</summary>
internal static class Minibatches
{
    /// <summary>The indices 0 … count − 1 shuffled, cut into batches of <paramref name="batchSize"/> (the last may be smaller).</summary>
    public static IEnumerable<int[]> Shuffled(int count, int batchSize, Random random)
    {
        if (batchSize < 1) throw new ArgumentException($"batchSize must be at least 1, not {batchSize}.", nameof(batchSize));
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        for (int start = 0; start < count; start += batchSize)
            yield return order[start..Math.Min(count, start + batchSize)];
    }
}
