using InfoTheory;
using Xunit;
using static InfoTheory.Exercises.ExerciseCheck;
using static InfoTheory.Info;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

/// <summary>The answers a student reaches with the library pass lesson 11's checks, and the likely slips do not.</summary>
public class Lesson11ExerciseTests
{
    [Fact]
    public void Capacities_of_the_symmetric_and_erasure_channels()
    {
        Assert.True(Check("11.1", Capacity.BlahutArimoto(Channel.BinarySymmetric(0.1), Bits).Value).Passed);
        Assert.False(Check("11.1", BinaryEntropy(0.1, Bits)).Passed);                 // H₂(ε) instead of 1 − H₂(ε)
        Assert.False(Check("11.1", Capacity.BinarySymmetric(0.1, Nats)).Passed);      // nats
        var bec = Channel.BinaryErasure(0.25);
        Assert.True(Check("11.2", [Capacity.BinaryErasure(0.25, Bits), bec.MutualInformation(Distribution.Bernoulli(0.2), Bits)]).Passed);
        Assert.False(Check("11.2", [0.75, 0.75]).Passed);
    }

    [Fact]
    public void The_received_word_decodes_with_one_flip_undone()
    {
        var hamming = new Hamming74();
        var received = BitString.Parse("0100110");
        Assert.Equal(2, hamming.ErrorPosition(received));
        Assert.True(Check("11.3", BitString.Format(hamming.Decode(received))).Passed);
        Assert.True(Check("11.3", "01 10").Passed);
        Assert.False(Check("11.3", "0100").Passed);                                     // the first four bits, uncorrected
        Assert.False(Check("11.3", BitString.Format(hamming.Correct(received))).Passed); // the whole codeword, not the message
    }

    [Fact]
    public void Typical_count_and_repetition_error_rate()
    {
        Assert.True(Check("11.4", TypicalSet.OfCoin(0.1, 100, 0.1).Log2Count).Passed);
        Assert.False(Check("11.4", 100 * BinaryEntropy(0.1, Bits)).Passed);             // 2^(nH) is only the estimate
        double e = 0.05;
        Assert.True(Check("11.5", 3 * e * e * (1 - e) + e * e * e).Passed);
        Assert.False(Check("11.5", 3 * e * e).Passed);
        var simulated = NoisyChannelSimulation.MeasureBitErrorRate(new RepetitionCode(3), e, 100_000, seed: 1);
        Assert.InRange(simulated.Value, 3 * e * e * (1 - e) + e * e * e - 4 * simulated.StandardError, 3 * e * e * (1 - e) + e * e * e + 4 * simulated.StandardError);
    }
}
