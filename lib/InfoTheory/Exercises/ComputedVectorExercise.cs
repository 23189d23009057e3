namespace InfoTheory.Exercises;

/// <summary>
/// A list-of-numbers exercise whose expected values come from the course's data (a corpus, a trained
/// model). They are computed the first time the exercise is checked, not when its lesson's exercises are
/// listed, so listing them never reads data/ or trains anything.
/// </summary>
public sealed record ComputedVectorExercise(
    string Id, string Title, string Hint, Func<double[]> ComputeExpected, double Tolerance = 1e-6)
    : Exercise(Id, Title, Hint)
{
    private readonly Lazy<double[]> _expected = new(ComputeExpected);

    /// <summary>The expected values (computed on first use).</summary>
    public double[] Expected => _expected.Value;

    internal override string AnswerKind => "a list of numbers";

    internal override Verdict Assess(object answer) => VectorExercise.JudgeList(answer, Expected, Tolerance, Mistakes);
}
