namespace InfoTheory;

/// <summary>
/// A language model over token ids (such as the ids a GPT-2 tokenizer gives), trained by counting:
/// order 0 predicts each token from its frequency in the training tokens (a unigram model), order 1 from
/// the token before it (a bigram model). The library knows nothing about tokenizers: it takes the ids, and
/// the vocabulary size, as plain numbers. Immutable once trained.
/// </summary>
/// <remarks>
/// Smoothing, so that no token ever gets probability 0 (one zero makes the perplexity infinite):
/// <list type="bullet">
/// <item>unigram: p(w) = (c(w) + k) / (N + k·V), "add-k", with k = <see cref="PseudoCount"/> for each of the V ids;</item>
/// <item>bigram, by interpolated absolute discounting: p(w | v) = max(c(v, w) − D, 0) / c(v) + D · n(v) / c(v) · p(w),
/// where c(v) counts the tokens seen after v, n(v) how many different ones, and D = <see cref="Discount"/>.
/// Every seen pair gives up D of its count, and that mass goes to the unigram prediction. After a token
/// never seen in training (c(v) = 0), the bigram model falls back to the unigram one.</item>
/// </list>
/// </remarks>
public sealed class TokenModel
{
    private readonly long[] _counts;
    private readonly Dictionary<int, Dictionary<int, int>> _followers;   // v → (w → c(v, w))
    private readonly Dictionary<int, int> _followerTotals;                 // v → c(v), the tokens seen after v

    private TokenModel(int order, int vocabularySize, double discount, double pseudoCount, long[] counts, long total,
        Dictionary<int, Dictionary<int, int>> followers)
    {
        Order = order;
        VocabularySize = vocabularySize;
        Discount = discount;
        PseudoCount = pseudoCount;
        _counts = counts;
        TrainingTokens = total;
        _followers = followers;
        _followerTotals = followers.ToDictionary(kv => kv.Key, kv => kv.Value.Values.Sum());
    }

    /// <summary>0: no context (unigram); 1: the previous token (bigram).</summary>
    public int Order { get; }

    /// <summary>How many token ids there are (0 to VocabularySize − 1); every one gets some probability.</summary>
    public int VocabularySize { get; }

    /// <summary>How many tokens the model was trained on.</summary>
    public long TrainingTokens { get; }

    /// <summary>D, the count each seen (previous, next) pair gives up to the unigram prediction.</summary>
    public double Discount { get; }

    /// <summary>k, the count added to every id in the unigram prediction.</summary>
    public double PseudoCount { get; }

    /// <summary>
    /// Counts the tokens (order 0) or the tokens and the pairs of neighbours (order 1) of a training sequence.
    /// </summary>
    public static TokenModel Train(IReadOnlyList<int> tokens, int vocabularySize, int order = 1,
        double discount = 0.75, double pseudoCount = 0.1)
    {
        if (vocabularySize < 1)
            throw new ArgumentException($"vocabularySize must be at least 1 (it is {vocabularySize}).", nameof(vocabularySize));
        CheckTokens(tokens, vocabularySize, nameof(tokens));
        if (order is not (0 or 1))
            throw new ArgumentException($"order must be 0 (unigram) or 1 (bigram), not {order}.", nameof(order));
        if (!(discount > 0 && discount <= 1))
            throw new ArgumentException($"discount must be in (0, 1] (it is {Guard.Format(discount)}): every seen pair has a count of at least 1 to give from.", nameof(discount));
        Guard.Positive(pseudoCount, nameof(pseudoCount));

        var counts = new long[vocabularySize];
        foreach (int token in tokens) counts[token]++;
        var followers = new Dictionary<int, Dictionary<int, int>>();
        if (order == 1)
        {
            for (int i = 1; i < tokens.Count; i++)
            {
                if (!followers.TryGetValue(tokens[i - 1], out var next)) followers[tokens[i - 1]] = next = [];
                next[tokens[i]] = next.GetValueOrDefault(tokens[i]) + 1;
            }
        }
        return new TokenModel(order, vocabularySize, discount, pseudoCount, counts, tokens.Count, followers);
    }

    /// <summary>The unigram probability of a token: (count + k) / (N + k·V).</summary>
    public double UnigramProbability(int token)
    {
        CheckToken(token, nameof(token));
        return (_counts[token] + PseudoCount) / (TrainingTokens + PseudoCount * VocabularySize);
    }

    /// <summary>
    /// p(next | previous). With no previous token (the start of a text: pass null) or for an order-0 model,
    /// the unigram probability.
    /// </summary>
    public double Probability(int? previous, int next)
    {
        CheckToken(next, nameof(next));
        if (previous is int v) CheckToken(v, nameof(previous));
        double unigram = UnigramProbability(next);
        if (Order == 0 || previous is not int context || !_followers.TryGetValue(context, out var seen)) return unigram;
        var (total, distinct) = (_followerTotals[context], seen.Count);
        double pair = Math.Max(seen.GetValueOrDefault(next) - Discount, 0) / (double)total;
        return pair + Discount * distinct / (double)total * unigram;
    }

    /// <summary>The whole predicted distribution over the next token, p(· | previous): VocabularySize numbers summing to 1.</summary>
    public double[] NextDistribution(int? previous)
    {
        if (previous is int v) CheckToken(v, nameof(previous));
        var p = new double[VocabularySize];
        double unigramTotal = TrainingTokens + PseudoCount * VocabularySize;
        for (int w = 0; w < VocabularySize; w++) p[w] = (_counts[w] + PseudoCount) / unigramTotal;
        if (Order == 0 || previous is not int context || !_followers.TryGetValue(context, out var seen)) return p;
        var (total, distinct) = (_followerTotals[context], seen.Count);
        double backOff = Discount * distinct / (double)total;
        for (int w = 0; w < VocabularySize; w++) p[w] *= backOff;
        foreach (var (w, count) in seen) p[w] += (count - Discount) / (double)total;
        return p;
    }

    /// <summary>
    /// The surprisal −log p(token | the token before it) of each token of a sequence, in order; the first
    /// token has no token before it and is priced by the unigram prediction.
    /// </summary>
    public double[] Surprisals(IReadOnlyList<int> tokens, Unit unit)
    {
        CheckTokens(tokens, VocabularySize, nameof(tokens));
        var surprisals = new double[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
            surprisals[i] = -Units.Log(Probability(i == 0 ? null : tokens[i - 1], tokens[i]), unit);
        return surprisals;
    }

    /// <summary>
    /// Before each token, the entropy of the model's whole prediction for it: how unsure the model was,
    /// whatever then came. Compare with <see cref="Surprisals"/>: how surprised it was by what did come.
    /// </summary>
    public double[] Entropies(IReadOnlyList<int> tokens, Unit unit)
    {
        CheckTokens(tokens, VocabularySize, nameof(tokens));
        var entropies = new double[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            double h = 0;
            foreach (double p in NextDistribution(i == 0 ? null : tokens[i - 1])) h -= p * Units.Log(p, unit);   // every p > 0
            entropies[i] = h;
        }
        return entropies;
    }

    /// <summary>The total surprisal of a sequence in bits: its ideal code length under the model.</summary>
    public double TotalBits(IReadOnlyList<int> tokens) => Surprisals(tokens, Unit.Bits).Sum();

    /// <summary>The cross-entropy on a sequence: the mean surprisal per token (bits per token, or nats per token).</summary>
    public double CrossEntropy(IReadOnlyList<int> tokens, Unit unit) => Surprisals(tokens, unit).Average();

    /// <summary>
    /// Bits per character of the text the tokens came from: the total bits divided by the number of characters
    /// (= bits per token × tokens per character). The fair way to compare a token model with a character model.
    /// </summary>
    public double BitsPerCharacter(IReadOnlyList<int> tokens, int characterCount)
    {
        if (characterCount < 1)
            throw new ArgumentException($"characterCount must be at least 1 (it is {characterCount}): pass the length of the text the tokens came from.", nameof(characterCount));
        return TotalBits(tokens) / characterCount;
    }

    private void CheckToken(int token, string argument)
    {
        if (token < 0 || token >= VocabularySize)
            throw new ArgumentException($"{argument} is {token}, but token ids run from 0 to {VocabularySize - 1}.", argument);
    }

    private static void CheckTokens(IReadOnlyList<int> tokens, int vocabularySize, string argument)
    {
        if (tokens is null) throw new ArgumentNullException(argument);
        if (tokens.Count == 0) throw new ArgumentException($"{argument} is empty: give at least one token id.", argument);
        for (int i = 0; i < tokens.Count; i++)
            if (tokens[i] < 0 || tokens[i] >= vocabularySize)
                throw new ArgumentException(
                    $"{argument}[{i}] is {tokens[i]}, but token ids run from 0 to {vocabularySize - 1}. " +
                    "Did the tokens come from a tokenizer with a larger vocabulary?", argument);
    }
}
