using InfoTheory;
using Xunit;
using static InfoTheory.Info;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

/// <summary>Discretised densities: the grid itself, and KL on a grid against closed forms worked out by hand.</summary>
public class DensityGridTests
{
    [Fact]
    public void Grid_points_are_evenly_spaced_and_include_both_ends()
    {
        var grid = new DensityGrid(-1, 1, 5);
        Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0], grid.Xs);
        Assert.Equal(0.5, grid.Step, 1e-15);
        Assert.Equal("5 points on [-1, 1], step 0.5", grid.ToString());
    }

    [Fact]
    public void A_normal_density_has_mass_one_on_a_wide_grid()
    {
        var grid = new DensityGrid(-10, 10, 401);
        Assert.Equal(1.0, grid.Mass(Densities.Normal(0.5, 1.5)), 1e-9);
    }

    [Fact]
    public void Discretised_mass_follows_the_density()
    {
        // f(x) = x on {1, 2, 3}: masses 1/6, 2/6, 3/6.
        var p = new DensityGrid(1, 3, 3).Discretise(x => x);
        Assert.Equal([1.0 / 6, 2.0 / 6, 3.0 / 6], p.Probabilities.ToArray(), new DoubleTolerance(1e-15));
    }

    [Fact]
    public void Kl_between_two_discretised_normals_matches_the_closed_form()
    {
        // KL(N(0, 1) ‖ N(1, 2²)) = ln 2 + (1 + 1)/(2·4) − 1/2 = ln 2 − 1/4, by hand from the Gaussian KL formula.
        var grid = new DensityGrid(-15, 15, 601);
        var p = grid.Discretise(Densities.Normal(0, 1));
        var q = grid.Discretise(Densities.Normal(1, 2));
        Assert.Equal(Math.Log(2) - 0.25, KlDivergence(p, q, Nats), 1e-8);
        // And the other way: KL(N(1, 2²) ‖ N(0, 1)) = ln(1/2) + (4 + 1)/2 − 1/2 = 2 − ln 2.
        Assert.Equal(2 - Math.Log(2), KlDivergence(q, p, Nats), 1e-8);
    }

    [Fact]
    public void Entropy_of_a_discretised_normal_is_its_differential_entropy_minus_log_step()
    {
        // h(N(0, σ²)) = ½ ln(2πe σ²) nats.
        const double sd = 2;
        var grid = new DensityGrid(-20, 20, 801);
        double differential = 0.5 * Math.Log(2 * Math.PI * Math.E * sd * sd);
        Assert.Equal(differential - Math.Log(grid.Step), Entropy(grid.Discretise(Densities.Normal(0, sd)), Nats), 1e-8);
    }

    [Fact]
    public void Mixture_is_the_weighted_sum_of_its_parts()
    {
        var mixture = Densities.Mixture((0.25, x => x == 0 ? 4 : 0), (0.75, x => 2));
        Assert.Equal(0.25 * 4 + 0.75 * 2, mixture(0), 1e-15);
        Assert.Equal(1.5, mixture(1), 1e-15);
    }

    [Fact]
    public void A_bimodal_mixture_is_symmetric_when_its_parts_are()
    {
        var target = Densities.Mixture((0.5, Densities.Normal(-3, 1)), (0.5, Densities.Normal(3, 1)));
        foreach (double x in new[] { 0.3, 1.7, 3.0, 5.2 })
            Assert.Equal(target(x), target(-x), 1e-15);
    }

    [Fact]
    public void Mixture_weights_must_sum_to_one()
    {
        var e = Assert.Throws<ArgumentException>(() => Densities.Mixture((0.5, Densities.Normal(0, 1)), (0.6, Densities.Normal(1, 1))));
        Assert.Equal("components", e.ParamName);
        Assert.Contains("sum to 1", e.Message);
        Assert.Throws<ArgumentException>(() => Densities.Mixture((1.5, Densities.Normal(0, 1)), (-0.5, Densities.Normal(1, 1))));
        Assert.Throws<ArgumentException>(() => Densities.Mixture());
    }

    [Theory]
    [InlineData(0, 0, 5, "min")]
    [InlineData(1, 0, 5, "min")]
    [InlineData(double.NaN, 1, 5, "min")]
    [InlineData(0, double.PositiveInfinity, 5, "max")]
    [InlineData(0, 1, 1, "points")]
    public void Bad_grids_are_refused_naming_the_argument(double min, double max, int points, string argument)
    {
        var e = Assert.Throws<ArgumentException>(() => new DensityGrid(min, max, points));
        Assert.Equal(argument, e.ParamName);
    }

    [Fact]
    public void A_negative_or_nan_density_is_refused_with_the_place()
    {
        var grid = new DensityGrid(-1, 1, 3);
        var e = Assert.Throws<ArgumentException>(() => grid.Discretise(x => x));
        Assert.Equal("density", e.ParamName);
        Assert.Contains("x = -1", e.Message);
        Assert.Throws<ArgumentException>(() => grid.Discretise(x => double.NaN));
    }

    [Fact]
    public void A_density_that_misses_the_grid_is_refused()
    {
        var grid = new DensityGrid(0, 1, 11);
        var e = Assert.Throws<ArgumentException>(() => grid.Discretise(x => x > 5 ? 1 : 0));
        Assert.Contains("widen the grid", e.Message);
    }

    [Fact]
    public void Densities_from_different_grids_cannot_be_compared()
    {
        var p = new DensityGrid(-10, 10, 401).Discretise(Densities.Normal(0, 1));
        var q = new DensityGrid(-5, 5, 401).Discretise(Densities.Normal(0, 1));
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => KlDivergence(p, q, Nats)).ParamName);
    }

    [Fact]
    public void Outcomes_are_named_by_their_grid_points() =>
        Assert.Equal(["-1", "-0.5", "0", "0.5", "1"], new DensityGrid(-1, 1, 5).Discretise(_ => 1).Outcomes);

    [Fact]
    public void Normal_refuses_a_non_positive_sd() =>
        Assert.Equal("sd", Assert.Throws<ArgumentException>(() => Densities.Normal(0, 0)).ParamName);

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
