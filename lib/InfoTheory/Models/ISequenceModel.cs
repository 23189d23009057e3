namespace InfoTheory.Models;

/// <summary>
/// A predictor of the next symbol of a sequence: it gives a probability to every possible next symbol
/// given what it has seen so far, then learns the symbol that actually came. This is all an
/// arithmetic coder needs: a better predictor gives the actual symbols higher probability, and the
/// coder spends -log2 p bits on each, so a better predictor is a better compressor.
/// </summary>
/// <remarks>
/// <para>
/// Predictions are positive integers (frequencies), not doubles: P(s) = frequencies[s] / Σ frequencies.
/// The encoder and the decoder each run their own copy of the model, and they must compute
/// bit-identical predictions on any machine, which integer arithmetic guarantees.
/// </para>
/// <para>
/// Usage per step: <see cref="Predict"/>, then <see cref="Learn"/> with the real symbol.
/// A byte-level model has <see cref="AlphabetSize"/> 256. A bit-level model (such as
/// <see cref="ContextMixingModel"/>) has alphabet size 2 and sees each byte as 8 bits, most significant first.
/// </para>
/// <para>
/// A model is stateful (it is its past) and not thread-safe: use one instance per sequence, and a
/// fresh instance, built the same way, to decode.
/// </para>
/// </remarks>
public interface ISequenceModel
{
    /// <summary>Number of distinct symbols, 0 .. AlphabetSize − 1 (256 for bytes, 2 for bits).</summary>
    int AlphabetSize { get; }

    /// <summary>
    /// Writes the prediction for the next symbol into <paramref name="frequencies"/> (length
    /// <see cref="AlphabetSize"/>): every entry ≥ 1, sum at most 2^24.
    /// </summary>
    void Predict(Span<int> frequencies);

    /// <summary>Tells the model which symbol came next; it updates its statistics and moves on.</summary>
    void Learn(int symbol);
}
