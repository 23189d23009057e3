using InfoTheory;
using Xunit;

namespace InfoTheory.Tests;

public class DatasetsTests
{
    [Fact]
    public void Clusters_have_the_asked_shape_and_labels_in_blocks()
    {
        var data = Datasets.Clusters(classes: 4, pointsPerClass: 7);
        Assert.Equal(28, data.Count);
        Assert.Equal(4, data.ClassCount);
        Assert.All(data.Features, f => Assert.Equal(2, f.Length));
        Assert.Equal(Enumerable.Range(0, 4).SelectMany(c => Enumerable.Repeat(c, 7)), data.Labels);
    }

    [Fact]
    public void Same_seed_same_points_other_seed_other_points()
    {
        var a = Datasets.Clusters(seed: 1);
        var b = Datasets.Clusters(seed: 1);
        var c = Datasets.Clusters(seed: 2);
        Assert.Equal(a.Features.SelectMany(f => f), b.Features.SelectMany(f => f));
        Assert.NotEqual(a.Features.SelectMany(f => f), c.Features.SelectMany(f => f));
    }

    [Fact]
    public void Each_cloud_sits_around_its_centre_on_the_circle_of_radius_two()
    {
        var data = Datasets.Clusters(classes: 3, pointsPerClass: 2000, spread: 0.5);
        for (int c = 0; c < 3; c++)
        {
            var points = data.Features.Where((_, i) => data.Labels[i] == c).ToArray();
            double meanX = points.Average(p => p[0]), meanY = points.Average(p => p[1]);
            double angle = 2 * Math.PI * c / 3;
            Assert.Equal(2 * Math.Cos(angle), meanX, 0.05);   // the mean of 2000 draws of sd 0.5 has sd 0.011
            Assert.Equal(2 * Math.Sin(angle), meanY, 0.05);
        }
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => Datasets.Clusters(classes: 1)).ParamName);
        Assert.Equal("pointsPerClass", Assert.Throws<ArgumentException>(() => Datasets.Clusters(pointsPerClass: 0)).ParamName);
        Assert.Equal("spread", Assert.Throws<ArgumentException>(() => Datasets.Clusters(spread: 0)).ParamName);
    }
}
