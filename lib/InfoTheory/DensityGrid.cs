using System.Globalization;

namespace InfoTheory;

/// <summary>
/// Evenly spaced points x₀ … xₙ₋₁ on [Min, Max], for turning a continuous density into a discrete
/// distribution that every measure in <see cref="Info"/> accepts: point i gets probability ∝ f(xᵢ).
/// <para>
/// On a grid that is fine enough and wide enough to hold both densities, KL(p‖q) and
/// H(p, q) − H(p) of the discretised densities approximate their continuous values, because the bin
/// width cancels in the ratio p/q. An entropy does not carry over like that: the entropy of a discretised
/// density is about its differential entropy minus log(Step), so it grows as the grid gets finer.
/// </para>
/// </summary>
public sealed class DensityGrid
{
    private readonly double[] _xs;
    private readonly string[] _outcomeNames;   // the grid points as text: made once, shared by every discretised density

    /// <summary>A grid of <paramref name="points"/> evenly spaced points from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public DensityGrid(double min, double max, int points)
    {
        if (!double.IsFinite(min)) throw new ArgumentException($"min must be a finite number, but it is {Format(min)}.", nameof(min));
        if (!double.IsFinite(max)) throw new ArgumentException($"max must be a finite number, but it is {Format(max)}.", nameof(max));
        if (!(min < max)) throw new ArgumentException($"min ({Format(min)}) must be below max ({Format(max)}).", nameof(min));
        if (points < 2) throw new ArgumentException($"A grid needs at least 2 points, not {points}.", nameof(points));
        Min = min;
        Max = max;
        Points = points;
        Step = (max - min) / (points - 1);
        _xs = new double[points];
        for (int i = 0; i < points; i++) _xs[i] = min + (max - min) * i / (points - 1);
        _xs[^1] = max;   // exactly, whatever the rounding
        _outcomeNames = _xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The lowest grid point.</summary>
    public double Min { get; }

    /// <summary>The highest grid point.</summary>
    public double Max { get; }

    /// <summary>How many grid points there are.</summary>
    public int Points { get; }

    /// <summary>The distance between neighbouring points (the width of the bin each point stands for).</summary>
    public double Step { get; }

    /// <summary>The grid points, from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Xs => _xs;

    /// <summary>The density's value at every grid point, each checked to be finite and non-negative.</summary>
    public double[] Evaluate(Func<double, double> density)
    {
        ArgumentNullException.ThrowIfNull(density);
        var values = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            double f = density(_xs[i]);
            if (!double.IsFinite(f) || f < 0)
                throw new ArgumentException(
                    $"The density is {Format(f)} at x = {Format(_xs[i])}: a density must be a finite number ≥ 0 everywhere on the grid.",
                    nameof(density));
            values[i] = f;
        }
        return values;
    }

    /// <summary>
    /// The density as a discrete distribution over the grid points: point i gets f(xᵢ) / Σⱼ f(xⱼ).
    /// Each outcome is named by its grid point ("-10", "-9.95", …), so two densities discretised on the same
    /// grid can be compared directly with <see cref="Info.KlDivergence(Distribution, Distribution, Unit)"/>,
    /// and densities from different grids are refused instead of being compared point by wrong point.
    /// </summary>
    public Distribution Discretise(Func<double, double> density)
    {
        var values = Evaluate(density);
        if (values.All(f => f == 0))
            throw new ArgumentException(
                $"The density is 0 at every point of the grid [{Format(Min)}, {Format(Max)}]: move or widen the grid to where the density lives.",
                nameof(density));
        return Distribution.FromWeights(values, _outcomeNames);
    }

    /// <summary>The probability mass that the density puts on the grid, Σ f(xᵢ) · Step: close to 1 when the grid covers it.</summary>
    public double Mass(Func<double, double> density) => Evaluate(density).Sum() * Step;

    /// <summary>Describes the grid, e.g. "401 points on [-10, 10], step 0.05".</summary>
    public override string ToString() =>
        $"{Points} points on [{Format(Min)}, {Format(Max)}], step {Format(Step)}";

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>Densities on the real line, as functions you can evaluate, plot and discretise on a <see cref="DensityGrid"/>.</summary>
public static class Densities
{
    /// <summary>The normal density N(mean, sd²).</summary>
    public static Func<double, double> Normal(double mean, double sd)
    {
        if (!double.IsFinite(mean)) throw new ArgumentException($"mean must be a finite number, but it is {mean.ToString(CultureInfo.InvariantCulture)}.", nameof(mean));
        Guard.Positive(sd, nameof(sd));
        return x => Learning.NormalDensity(x, mean, sd);
    }

    /// <summary>
    /// A mixture Σ wₖ · fₖ(x) of densities with weights that are non-negative and sum to 1, e.g. a target
    /// with two bumps: <c>Mixture((0.4, Normal(-3, 1)), (0.6, Normal(3, 1)))</c>.
    /// </summary>
    public static Func<double, double> Mixture(params (double Weight, Func<double, double> Density)[] components)
    {
        if (components is null || components.Length == 0)
            throw new ArgumentException("A mixture needs at least one component.", nameof(components));
        if (components.Any(c => c.Density is null))
            throw new ArgumentException("A mixture component has no density (it is null).", nameof(components));
        var weights = components.Select(c => c.Weight).ToArray();
        if (weights.Any(w => !double.IsFinite(w) || w < 0) || Math.Abs(weights.Sum() - 1) > Guard.SumTolerance)
            throw new ArgumentException(
                $"The mixture weights are [{string.Join(", ", weights.Select(w => w.ToString("G6", CultureInfo.InvariantCulture)))}]: " +
                "each must be ≥ 0 and together they must sum to 1.", nameof(components));
        var parts = components.ToArray();   // a copy, so later changes to the caller's array do not leak in
        return x =>
        {
            double sum = 0;
            foreach (var (weight, density) in parts) sum += weight * density(x);
            return sum;
        };
    }
}
