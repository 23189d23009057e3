namespace InfoTheory;

/// <summary>Points in the plane with a class label each: data for training a small classifier.</summary>
/// <param name="Features">Features[i] is the i-th point, {x, y}.</param>
/// <param name="Labels">Labels[i] is the class of the i-th point, 0 … ClassCount − 1.</param>
/// <param name="ClassCount">How many classes there are.</param>
public sealed record LabelledPoints(IReadOnlyList<double[]> Features, IReadOnlyList<int> Labels, int ClassCount)
{
    /// <summary>How many points there are.</summary>
    public int Count => Labels.Count;
}

/// <summary>Small synthetic data sets, the same for the same seed on every machine.</summary>
public static class Datasets
{
    /// <summary>
    /// <paramref name="classes"/> round clouds of points in the plane, one per class, their centres evenly
    /// spaced on a circle of radius 2 around the origin; each point is its centre plus normal noise of
    /// standard deviation <paramref name="spread"/> in x and in y. At the default spread the clouds overlap,
    /// so even the best classifier keeps some uncertainty (its loss stays well above 0).
    /// Points come class by class: all of class 0, then class 1, ….
    /// </summary>
    public static LabelledPoints Clusters(int classes = 3, int pointsPerClass = 40, double spread = 1.5, int seed = 2024)
    {
        if (classes < 2) throw new ArgumentException($"A classifier needs at least 2 classes, not {classes}.", nameof(classes));
        if (pointsPerClass < 1) throw new ArgumentException($"pointsPerClass must be at least 1, not {pointsPerClass}.", nameof(pointsPerClass));
        Guard.Positive(spread, nameof(spread));
        var random = new Random(seed);
        var features = new List<double[]>(classes * pointsPerClass);
        var labels = new List<int>(classes * pointsPerClass);
        for (int c = 0; c < classes; c++)
        {
            double angle = 2 * Math.PI * c / classes;
            double centreX = 2 * Math.Cos(angle), centreY = 2 * Math.Sin(angle);
            for (int i = 0; i < pointsPerClass; i++)
            {
                double x = Sampling.Normal(random, centreX, spread);
                double y = Sampling.Normal(random, centreY, spread);
                features.Add([x, y]);
                labels.Add(c);
            }
        }
        return new LabelledPoints(features, labels, classes);
    }
}
