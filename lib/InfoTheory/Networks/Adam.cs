namespace InfoTheory.Networks;

/// <summary>
/// The Adam optimiser (Kingma and Ba, 2015): gradient descent whose step for each parameter is scaled by
/// running averages of that parameter's gradient (m) and squared gradient (v), so every parameter moves at
/// a similar pace whatever the size of its gradient. One instance per network: it keeps m and v between steps.
/// </summary>
public sealed class Adam
{
    private double[]? m, v;
    private int steps;
    private double learningRate;

    /// <summary>An optimiser with the usual settings; <paramref name="learningRate"/> is the largest typical step.</summary>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        Guard.Positive(learningRate, nameof(learningRate));
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"beta1 must lie in [0, 1), but it is {Guard.Format(beta1)}.", nameof(beta1));
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"beta2 must lie in [0, 1), but it is {Guard.Format(beta2)}.", nameof(beta2));
        Guard.Positive(epsilon, nameof(epsilon));
        (this.learningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
    }

    /// <summary>The step size; lower it between epochs to settle into a minimum (e.g. <c>optimiser.LearningRate *= 0.7</c>).</summary>
    public double LearningRate
    {
        get => learningRate;
        set { Guard.Positive(value, nameof(LearningRate)); learningRate = value; }
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }

    /// <summary>Moves <paramref name="parameters"/> one step against <paramref name="gradient"/>.</summary>
    public void Step(double[] parameters, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradient);
        Guard.SameLength(parameters, nameof(parameters), gradient, nameof(gradient));
        m ??= new double[parameters.Length];
        v ??= new double[parameters.Length];
        if (m.Length != parameters.Length)
            throw new ArgumentException("This optimiser was used for another network; make one Adam per network.", nameof(parameters));
        steps++;
        // Bias corrections: m and v start at 0, so early averages are too small by these factors.
        double correction1 = 1 - Math.Pow(Beta1, steps), correction2 = 1 - Math.Pow(Beta2, steps);
        for (int i = 0; i < parameters.Length; i++)
        {
            double g = gradient[i];
            m[i] = Beta1 * m[i] + (1 - Beta1) * g;
            v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
            parameters[i] -= LearningRate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + Epsilon);
        }
    }
}
