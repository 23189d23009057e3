using System.Numerics;

namespace InfoTheory.Networks;

/// <summary>
/// One fully connected layer y = W x + b, stored inside a network's flat parameter vector: the weights W
/// (Outputs rows of Inputs numbers, row-major) start at <see cref="Offset"/>, the biases b follow them.
/// A network is a few of these side by side, so an optimiser sees one vector of parameters.
/// </summary>
internal readonly record struct DenseLayer(int Inputs, int Outputs, int Offset)
{
    /// <summary>How many parameters the layer owns: Outputs × Inputs weights and Outputs biases.</summary>
    public int Size => Outputs * Inputs + Outputs;

    /// <summary>Where the layer after this one starts in the parameter vector.</summary>
    public int End => Offset + Size;

    private int BiasOffset => Offset + Outputs * Inputs;

    /// <summary>Normal weights of standard deviation √(2 / Inputs) (He initialisation, suited to ReLU) and zero biases.</summary>
    public void Initialise(double[] parameters, Random random)
    {
        double sd = Math.Sqrt(2.0 / Inputs);
        for (int i = Offset; i < BiasOffset; i++) parameters[i] = Sampling.Normal(random, 0, sd);
        Array.Clear(parameters, BiasOffset, Outputs);
    }

    /// <summary>y_j = b_j + Σ_i W_ji x_i.</summary>
    public void Forward(double[] parameters, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int j = 0; j < Outputs; j++)
            y[j] = parameters[BiasOffset + j] + Kernels.Dot(parameters.AsSpan(Offset + j * Inputs, Inputs), x);
    }

    /// <summary>
    /// Given ∂L/∂y, adds ∂L/∂W_ji = ∂L/∂y_j · x_i and ∂L/∂b_j = ∂L/∂y_j to <paramref name="gradient"/> and,
    /// unless <paramref name="dx"/> is empty, adds ∂L/∂x_i = Σ_j W_ji ∂L/∂y_j to it.
    /// </summary>
    public void Backward(double[] parameters, double[] gradient, ReadOnlySpan<double> x, ReadOnlySpan<double> dy, Span<double> dx)
    {
        for (int j = 0; j < Outputs; j++)
        {
            if (dy[j] == 0) continue;   // common after a ReLU: nothing flows through this unit
            Kernels.AddScaled(gradient.AsSpan(Offset + j * Inputs, Inputs), dy[j], x);
            gradient[BiasOffset + j] += dy[j];
            if (!dx.IsEmpty) Kernels.AddScaled(dx, dy[j], parameters.AsSpan(Offset + j * Inputs, Inputs));
        }
    }
}

/// <summary>The two loops a network spends its time in, written with SIMD vectors (4 doubles at a time on AVX2).</summary>
internal static class Kernels
{
    /// <summary>Σ a_i b_i.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int width = Vector<double>.Count, i = 0;
        var sums = Vector<double>.Zero;
        for (; i <= a.Length - width; i += width)
            sums += new Vector<double>(a.Slice(i, width)) * new Vector<double>(b.Slice(i, width));
        double sum = Vector.Dot(sums, Vector<double>.One);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>target_i += scale · source_i.</summary>
    public static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        int width = Vector<double>.Count, i = 0;
        var factor = new Vector<double>(scale);
        for (; i <= target.Length - width; i += width)
            (new Vector<double>(target.Slice(i, width)) + factor * new Vector<double>(source.Slice(i, width))).CopyTo(target.Slice(i, width));
        for (; i < target.Length; i++) target[i] += scale * source[i];
    }

    /// <summary>max(0, x) in place.</summary>
    public static void Relu(Span<double> x)
    {
        for (int i = 0; i < x.Length; i++) if (x[i] < 0) x[i] = 0;
    }

    /// <summary>Zeroes the gradient of every unit a ReLU switched off (its output is 0, so its slope is 0).</summary>
    public static void ReluBackward(ReadOnlySpan<double> output, Span<double> gradient)
    {
        for (int i = 0; i < output.Length; i++) if (output[i] <= 0) gradient[i] = 0;
    }
}
