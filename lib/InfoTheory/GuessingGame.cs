using InfoTheory.Models;

namespace InfoTheory;

/// <summary>
/// Shannon's guessing game, played by a model. A player who knows the text so far guesses the next
/// symbol, then the next most likely, and so on until right; the number of guesses it took is the
/// symbol's <em>rank</em>. Shannon (1951) turned the frequencies of ranks into a lower and an upper
/// bound on the entropy of the text per symbol, which is how he estimated English at about one bit per
/// letter from human guessers. Here a model's prediction takes the human's place.
/// </summary>
public static class GuessingGame
{
    /// <summary>
    /// How many guesses a player needs who tries symbols from most to least probable (ties in index
    /// order) before hitting <paramref name="actual"/>: 1 means the first guess was right.
    /// </summary>
    public static int GuessRank(IReadOnlyList<double> prediction, int actual)
    {
        Guard.NonNegativeFiniteVector(prediction, nameof(prediction), "probability");
        if (actual < 0 || actual >= prediction.Count)
            throw new ArgumentOutOfRangeException(nameof(actual), actual,
                $"The actual symbol must be an index from 0 to {prediction.Count - 1} (the prediction has {prediction.Count} entries).");
        double pActual = prediction[actual];
        int rank = 1;
        for (int s = 0; s < prediction.Count; s++)
        {
            // Tried before the actual symbol: more probable, or equally probable and earlier in order.
            if (prediction[s] > pActual || (prediction[s] == pActual && s < actual)) rank++;
        }
        return rank;
    }

    /// <summary>
    /// Plays the game with a byte model as the player: before each byte of <paramref name="data"/> the model
    /// predicts, the rank of the true byte in that prediction is recorded, and then the model is shown the byte
    /// (a frozen model, such as <see cref="NGramModel.AsFrozen"/>, only moves its context along; an adaptive one
    /// also learns). Returns one rank per byte, 1 = guessed at the first try.
    /// </summary>
    public static int[] Ranks(ISequenceModel model, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.AlphabetSize != 256)
            throw new ArgumentException(
                $"The guessing game needs a model that predicts whole bytes (alphabet 256); this one has alphabet {model.AlphabetSize}.",
                nameof(model));
        var frequencies = new int[256];
        var prediction = new double[256];
        var ranks = new int[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            model.Predict(frequencies);
            for (int s = 0; s < 256; s++) prediction[s] = frequencies[s];
            ranks[i] = GuessRank(prediction, data[i]);
            model.Learn(data[i]);
        }
        return ranks;
    }

    /// <summary>
    /// The share of symbols guessed at the 1st, 2nd, … try: entry i − 1 is q_i, the fraction of ranks
    /// equal to i, for i = 1 … <paramref name="alphabetSize"/>.
    /// </summary>
    public static double[] RankFrequencies(IReadOnlyList<int> ranks, int alphabetSize)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count == 0) throw new ArgumentException("There are no ranks: play at least one guess.", nameof(ranks));
        if (alphabetSize < 1) throw new ArgumentException($"alphabetSize must be at least 1, not {alphabetSize}.", nameof(alphabetSize));
        var frequencies = new double[alphabetSize];
        for (int i = 0; i < ranks.Count; i++)
        {
            int rank = ranks[i];
            if (rank < 1 || rank > alphabetSize)
                throw new ArgumentException(
                    $"ranks[{i}] is {rank}: a rank counts guesses, so it lies between 1 and the alphabet size {alphabetSize}.", nameof(ranks));
            frequencies[rank - 1] += 1.0 / ranks.Count;
        }
        return frequencies;
    }

    /// <summary>
    /// Shannon's bounds, in bits per symbol, on the entropy of the text the guesses were made on, from the
    /// rank frequencies q₁ … q_K (see <see cref="RankFrequencies"/>):
    /// upper = −Σ qᵢ log₂ qᵢ (the entropy of the rank sequence: a perfect guesser's ranks carry the whole
    /// text), lower = Σ i·(qᵢ − qᵢ₊₁)·log₂ i with q_(K+1) = 0.
    /// </summary>
    public static EntropyBounds ShannonBounds(IReadOnlyList<int> ranks, int alphabetSize)
    {
        double[] q = RankFrequencies(ranks, alphabetSize);
        double upper = 0, lower = 0;
        for (int i = 1; i <= alphabetSize; i++)
        {
            double qi = q[i - 1];
            double qNext = i < alphabetSize ? q[i] : 0;
            if (qi > 0) upper -= qi * Math.Log2(qi);
            lower += i * (qi - qNext) * Math.Log2(i);
        }
        return new EntropyBounds(lower, upper);
    }
}

/// <summary>A lower and an upper bound on an entropy, in bits per symbol.</summary>
public sealed record EntropyBounds(double LowerBits, double UpperBits)
{
    /// <summary>For example "between 0.61 and 1.32 bits per symbol".</summary>
    public override string ToString() =>
        $"between {LowerBits.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} and " +
        $"{UpperBits.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} bits per symbol";
}
