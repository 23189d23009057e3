namespace InfoTheory.Exercises;

/// <summary>
/// A list-of-numbers exercise whose expected values come from the course's data (a corpus, a trained
/// model). They are computed the first time the exercise is checked, not when the catalog loads, so
/// listing or checking other exercises never reads data/ or trains anything.
/// </summary>
public sealed record ComputedVectorExercise(
    string Id, string Title, string Hint, Func<double[]> ComputeExpected, double Tolerance = 1e-6)
    : Exercise(Id, Title, Hint)
{
    private readonly Lazy<VectorExercise> _vector =
        new(() => new VectorExercise(Id, Title, Hint, ComputeExpected(), Tolerance));

    /// <summary>The expected values (computed on first use).</summary>
    public double[] Expected => _vector.Value.Expected;

    internal override string AnswerKind => "a list of numbers";

    internal override string? Judge(object answer) => _vector.Value.Judge(answer);
}
