namespace InfoTheory.Exercises;

public static partial class ExerciseCatalog
{
    // Lesson 07, mutual information. Expected values are computed here with Math directly from the tables,
    // independently of Info.MutualInformation and Learning.InfoNceLoss, which the student calls.
    private static IEnumerable<Exercise> Lesson07() =>
    [
        new NumberExercise("07.1", "Mutual information of a spam feature",
            "Turn the counts into probabilities (divide by the total), then I(X;Y) = Σ p(x,y) · log₂( p(x,y) / (p(x) p(y)) ). The answer is in bits.",
            Expected: MutualInformationBits(new double[,] { { 30, 20 }, { 10, 140 } })) { Reread = "“Mutual information”" },
        new VectorExercise("07.2", "Which tables are independent?",
            "Give I(X;Y) in bits for tables A, B and C, in that order. A table is independent exactly when every cell equals the product of its row and column totals.",
            Expected:
            [
                MutualInformationBits(new double[,] { { 0.08, 0.12, 0.20 }, { 0.12, 0.18, 0.30 } }),
                MutualInformationBits(new double[,] { { 0.20, 0.20 }, { 0.10, 0.50 } }),
                MutualInformationBits(new double[,] { { 0.30, 0 }, { 0, 0.50 }, { 0.20, 0 } }),
            ]) { Reread = "“Independent, correlated, deterministic”" },
        // The two losses come from random draws, so the check allows 5 % of log 128 (about 0.24 nats) either way.
        new VectorExercise("07.3", "InfoNCE with a batch of 128",
            "List [loss for unrelated views, loss for identical views, ln 128 − loss for identical views], all in nats. Unrelated views leave the critic guessing among 128 candidates.",
            Expected: [Math.Log(128), 0, Math.Log(128)], Tolerance: 0.05) { Reread = "“InfoNCE: a lower bound you can train”" },
    ];

    /// <summary>I(X;Y) in bits of a table of counts or probabilities (rows X, columns Y).</summary>
    private static double MutualInformationBits(double[,] counts)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        double total = 0;
        foreach (double c in counts) total += c;
        var px = new double[rows];
        var py = new double[columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                px[i] += counts[i, j] / total;
                py[j] += counts[i, j] / total;
            }
        double mi = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                double pxy = counts[i, j] / total;
                if (pxy > 0) mi += pxy * Math.Log2(pxy / (px[i] * py[j]));
            }
        return mi;
    }
}
