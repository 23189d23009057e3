namespace InfoTheory;

/// <summary>
/// Experiments with random bits and a binary symmetric channel, reproducible with a seed: send bits through
/// the noise, and measure how often a code still delivers each message bit right.
/// </summary>
public static class NoisyChannelSimulation
{
    /// <summary>Sends bits through a binary symmetric channel: each one is flipped, independently, with probability ε.</summary>
    public static int[] SendThroughBsc(IReadOnlyList<int> bits, double flipProbability, Random random)
    {
        BitString.Check(bits, nameof(bits));
        Guard.Probability(flipProbability, nameof(flipProbability));
        ArgumentNullException.ThrowIfNull(random);
        var received = new int[bits.Count];
        for (int i = 0; i < received.Length; i++)
            received[i] = random.NextDouble() < flipProbability ? 1 - bits[i] : bits[i];
        return received;
    }

    /// <summary>
    /// The bit error rate of a code on BSC(ε), by simulation: <paramref name="blocks"/> blocks of random message bits
    /// are encoded, sent through the channel and decoded; the result counts the message bits that came out wrong.
    /// The same seed gives the same bits, the same noise and the same count.
    /// </summary>
    public static BitErrorRate MeasureBitErrorRate(IBlockCode code, double flipProbability, int blocks, int seed)
    {
        ArgumentNullException.ThrowIfNull(code);
        Guard.Probability(flipProbability, nameof(flipProbability));
        if (blocks < 1) throw new ArgumentException($"blocks must be at least 1, not {blocks}.", nameof(blocks));
        var random = new Random(seed);
        int errors = 0;
        for (int b = 0; b < blocks; b++)
        {
            var message = new int[code.MessageLength];
            for (int i = 0; i < message.Length; i++) message[i] = random.Next(2);
            var decoded = code.Decode(SendThroughBsc(code.Encode(message), flipProbability, random));
            for (int i = 0; i < message.Length; i++)
                if (decoded[i] != message[i]) errors++;
        }
        return new BitErrorRate(code.Name, (double)code.MessageLength / code.BlockLength, flipProbability, blocks * code.MessageLength, errors);
    }
}

/// <summary>
/// A measured bit error rate: <see cref="Errors"/> wrong message bits out of <see cref="MessageBits"/>, for a code of
/// rate <see cref="Rate"/> on BSC(<see cref="FlipProbability"/>).
/// </summary>
public sealed record BitErrorRate(string Code, double Rate, double FlipProbability, int MessageBits, int Errors)
{
    /// <summary>The share of message bits decoded wrong.</summary>
    public double Value => (double)Errors / MessageBits;

    /// <summary>
    /// The standard error of <see cref="Value"/>, √(p(1 − p)/N): the spread you would see between runs with different
    /// seeds. Treats the bits as independent, which is a slight underestimate for codes where errors come in blocks.
    /// </summary>
    public double StandardError => Math.Sqrt(Value * (1 - Value) / MessageBits);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Code} (rate {Rate:0.###}) on BSC({FlipProbability:0.###}): {Errors} of {MessageBits} bits wrong, BER = {Value:0.00000} ± {StandardError:0.00000}");
}
