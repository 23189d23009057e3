namespace InfoTheory.Models;

/// <summary>The model that knows nothing: every byte equally likely, so every byte costs exactly 8 bits.</summary>
public sealed class UniformModel : ISequenceModel
{
    /// <inheritdoc />
    public int AlphabetSize => 256;

    /// <inheritdoc />
    public void Predict(Span<int> frequencies) => frequencies.Fill(1);

    /// <inheritdoc />
    public void Learn(int symbol)
    {
        if ((uint)symbol >= 256) throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "A byte model learns symbols 0..255.");
    }
}
