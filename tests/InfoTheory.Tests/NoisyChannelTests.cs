using FsCheck;
using FsCheck.Fluent;
using InfoTheory;
using Xunit;
using static InfoTheory.Unit;

namespace InfoTheory.Tests;

public class CapacityTests
{
    private static double H2(double p) => p is 0 or 1 ? 0 : -(p * Math.Log2(p) + (1 - p) * Math.Log2(1 - p));

    public static TheoryData<double> Noise => [0.0, 0.01, 0.1, 0.25, 0.4, 0.5, 0.8, 1.0];

    [Theory, MemberData(nameof(Noise))]
    public void Blahut_arimoto_finds_one_minus_h2_for_the_binary_symmetric_channel(double e)
    {
        var estimate = Capacity.BlahutArimoto(Channel.BinarySymmetric(e), Bits);
        Assert.True(estimate.Converged);
        Assert.Equal(1 - H2(e), estimate.Value, 1e-9);
        Assert.Equal(1 - H2(e), Capacity.BinarySymmetric(e, Bits), 1e-12);
    }

    [Theory, MemberData(nameof(Noise))]
    public void Blahut_arimoto_finds_one_minus_e_for_the_binary_erasure_channel(double e)
    {
        var estimate = Capacity.BlahutArimoto(Channel.BinaryErasure(e), Bits);
        Assert.Equal(1 - e, estimate.Value, 1e-9);
        Assert.Equal(1 - e, Capacity.BinaryErasure(e, Bits), 1e-12);
        Assert.Equal((1 - e) * Math.Log(2), Capacity.BlahutArimoto(Channel.BinaryErasure(e), Nats).Value, 1e-9);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.15)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Blahut_arimoto_finds_the_z_channel_capacity_and_its_lopsided_input(double f)
    {
        // Setting dI/dp(1) = 0 by hand for the Z channel gives C = log₂(1 + (1 − f)·f^(f/(1−f))),
        // reached by sending "1" with probability q = 1 / ((1 − f)(1 + 2^(H₂(f)/(1−f)))).
        double expected = Math.Log2(1 + (1 - f) * Math.Pow(f, f / (1 - f)));
        double q = 1 / ((1 - f) * (1 + Math.Pow(2, H2(f) / (1 - f))));
        var estimate = Capacity.BlahutArimoto(Channel.ZChannel(f), Bits);
        Assert.True(estimate.Converged);
        Assert.Equal(expected, estimate.Value, 1e-9);
        Assert.Equal(q, estimate.BestInput["1"], 1e-5);
        Assert.True(estimate.BestInput["1"] < 0.5, "the Z channel should send the fragile symbol less often");
    }

    [Fact]
    public void The_noisy_typewriter_carries_log2_of_a_third_of_its_keys()
    {
        var estimate = Capacity.BlahutArimoto(Channel.NoisyTypewriter(), Bits);
        Assert.Equal(Math.Log2(9), estimate.Value, 1e-9);
        Assert.Equal(Math.Log2(3), Capacity.BlahutArimoto(Channel.NoisyTypewriter("ABCDEFGHI"), Bits).Value, 1e-9);
    }

    [Fact]
    public void Capacity_never_exceeds_log2_of_either_alphabet_and_no_input_beats_it() =>
        Generators.ForAll(
            from inputs in Gen.Choose(1, 5)
            from outputs in Gen.Choose(1, 5)
            from rows in Generators.Weights(outputs).ArrayOf(inputs)
            from trial in Generators.Weights(inputs)
            select (Channel: ChannelTests.Stochastic(rows), Trial: Distribution.FromWeights(trial, Enumerable.Range(0, inputs).Select(i => i.ToString()).ToArray())),
            c =>
            {
                // Two nearly equal rows can make Blahut–Arimoto crawl (one seen case needed 160,000 steps), so
                // convergence is not asserted here; what holds at every step is asserted instead.
                var estimate = Capacity.BlahutArimoto(c.Channel, Bits, tolerance: 1e-10, maxIterations: 20_000);
                double bound = Math.Log2(Math.Min(c.Channel.Inputs.Count, c.Channel.Outputs.Count));
                Assert.True(estimate.Value <= bound + 1e-12, $"C = {estimate.Value} > {bound}");
                double lowestUpper = estimate.Trace.Min(step => step.Upper);
                Assert.True(c.Channel.MutualInformation(c.Trial, Bits) <= lowestUpper + 1e-9);
                // Still, the bounds close: the slowest case seen had a gap of 1.3e-5 bits after 10,000 steps.
                Assert.True(estimate.Converged || estimate.Trace[^1].Gap <= 1e-4, $"{estimate}, gap {estimate.Trace[^1].Gap}");
                // The bounds bracket C at every step, and the lower one (I(X;Y) of the current input) never falls.
                foreach (var step in estimate.Trace)
                    Assert.True(step.Lower <= estimate.Value + 1e-12 && estimate.Value <= step.Upper + 1e-12);
                for (int i = 1; i < estimate.Trace.Count; i++)
                    Assert.True(estimate.Trace[i].Lower >= estimate.Trace[i - 1].Lower - 1e-12);
            }, cases: 100);

    [Fact]
    public void A_fair_input_through_an_erasure_channel_keeps_the_unerased_share()
    {
        Assert.Equal(0.7, Channel.BinaryErasure(0.3).MutualInformation(Distribution.Bernoulli(0.5), Bits), 1e-12);
        // An input that is almost certain has little to carry, whatever the channel.
        Assert.Equal(0.7 * H2(0.1), Channel.BinaryErasure(0.3).MutualInformation(Distribution.Bernoulli(0.1), Bits), 1e-12);
    }

    [Fact]
    public void Named_channels_have_the_tables_the_theory_gives()
    {
        var z = Channel.ZChannel(0.2);
        Assert.Equal(1.0, z.OutputGiven("0")["0"]);
        Assert.Equal(0.2, z.OutputGiven("1")["0"], 1e-15);
        var typewriter = Channel.NoisyTypewriter();
        Assert.Equal(27, typewriter.Inputs.Count);
        Assert.Equal(1.0 / 3, typewriter.OutputGiven("A")["-"], 1e-15);   // the keyboard wraps round
        Assert.Equal(0, typewriter.OutputGiven("A")["C"]);
        Assert.Equal(["0", "?", "1"], Channel.BinaryErasure(0.1).Outputs);
    }

    [Fact]
    public void The_html_table_has_a_cell_per_input_and_output_and_leaves_zeros_blank()
    {
        string html = Channel.BinaryErasure(0.25).ToHtml();
        Assert.Equal(2 * 3, System.Text.RegularExpressions.Regex.Matches(html, "<td").Count);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<td[^>]*></td>").Count);   // p(1|0) = p(0|1) = 0
        Assert.Contains(">0.75<", html);
        Assert.Contains(">?<", html);
    }

    [Fact]
    public void Bad_channels_and_settings_say_what_is_wrong()
    {
        var row = Assert.Throws<ArgumentException>(() => Channel.FromTable(new[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0.2, 0.2, 0.2 } }));
        Assert.Contains("row 2", row.Message);
        Assert.Contains("sum to 0.6", row.Message);
        Assert.Equal("erasureProbability", Assert.Throws<ArgumentException>(() => Channel.BinaryErasure(-0.1)).ParamName);
        Assert.Equal("keys", Assert.Throws<ArgumentException>(() => Channel.NoisyTypewriter("AB")).ParamName);
        Assert.Equal("keys", Assert.Throws<ArgumentException>(() => Channel.NoisyTypewriter("ABA")).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentException>(() => Capacity.BlahutArimoto(Channel.ZChannel(0.1), Bits, tolerance: 0)).ParamName);
        var capped = Capacity.BlahutArimoto(Channel.ZChannel(0.3), Bits, maxIterations: 2);
        Assert.False(capped.Converged);
        Assert.Contains("not converged", capped.ToString());
    }
}

public class BlockCodeTests
{
    private static readonly Hamming74 Hamming = new();

    private static IEnumerable<int[]> AllWords(int length) =>
        Enumerable.Range(0, 1 << length).Select(w => Enumerable.Range(0, length).Select(i => (w >> (length - 1 - i)) & 1).ToArray());

    private static int Distance(IReadOnlyList<int> a, IReadOnlyList<int> b) => a.Zip(b).Count(p => p.First != p.Second);

    [Fact]
    public void Hamming_codewords_start_with_the_message_pass_every_check_and_differ_in_at_least_three_bits()
    {
        var codewords = AllWords(4).Select(m => (Message: m, Codeword: Hamming.Encode(m))).ToList();
        foreach (var (message, codeword) in codewords)
        {
            Assert.Equal(message, codeword[..4]);
            Assert.Equal([0, 0, 0], Hamming.Syndrome(codeword));
            Assert.Equal(message, Hamming.Decode(codeword));
        }
        int minimum = codewords.SelectMany(a => codewords.Where(b => b != a).Select(b => Distance(a.Codeword, b.Codeword))).Min();
        Assert.Equal(3, minimum);
        Assert.Equal("1011010", BitString.Format(Hamming.Encode([1, 0, 1, 1])));   // by hand: p₁ = 1⊕0⊕1, p₂ = 1⊕1⊕1, p₃ = 0⊕1⊕1
    }

    [Fact]
    public void Hamming_corrects_every_single_flip_of_every_codeword()
    {
        foreach (var message in AllWords(4))
        {
            var codeword = Hamming.Encode(message);
            for (int position = 0; position < 7; position++)
            {
                var received = codeword.ToArray();
                received[position] ^= 1;
                Assert.Equal(position, Hamming.ErrorPosition(received));
                Assert.Equal(codeword, Hamming.Correct(received));
                Assert.Equal(message, Hamming.Decode(received));
            }
        }
    }

    [Fact]
    public void Hamming_detects_every_double_flip_but_corrects_it_to_the_wrong_codeword()
    {
        foreach (var message in AllWords(4))
        {
            var codeword = Hamming.Encode(message);
            for (int a = 0; a < 7; a++)
                for (int b = a + 1; b < 7; b++)
                {
                    var received = codeword.ToArray();
                    received[a] ^= 1;
                    received[b] ^= 1;
                    Assert.NotEqual([0, 0, 0], Hamming.Syndrome(received));   // detected
                    int blamed = Hamming.ErrorPosition(received);
                    Assert.True(blamed != a && blamed != b, "the syndrome of two flips names a third bit");
                    var corrected = Hamming.Correct(received);
                    Assert.Equal([0, 0, 0], Hamming.Syndrome(corrected));    // a codeword …
                    Assert.Equal(3, Distance(corrected, codeword));           // … but not the one sent
                }
        }
    }

    [Fact]
    public void Repetition_decodes_by_majority()
    {
        var r5 = new RepetitionCode(5);
        Assert.Equal([1, 1, 1, 1, 1], r5.Encode([1]));
        foreach (var word in AllWords(5))
            Assert.Equal(word.Sum() >= 3 ? 1 : 0, r5.Decode(word)[0]);
        Assert.Equal("R₅", r5.Name);
        Assert.Equal("repetitions", Assert.Throws<ArgumentException>(() => new RepetitionCode(4)).ParamName);
        Assert.Equal("received", Assert.Throws<ArgumentException>(() => r5.Decode([1, 1, 1])).ParamName);
    }

    [Fact]
    public void Bit_strings_round_trip_and_refuse_other_characters()
    {
        Assert.Equal([1, 0, 1, 1], BitString.Parse("10 11"));
        Assert.Equal("0110100", BitString.Format(BitString.Parse("0110100")));
        Assert.Contains("'2'", Assert.Throws<ArgumentException>(() => BitString.Parse("1021")).Message);
        Assert.Equal("message", Assert.Throws<ArgumentException>(() => Hamming.Encode([1, 0, 2, 1])).ParamName);
    }
}

public class SimulationTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void Repetition_three_errs_when_two_or_three_of_its_bits_flip(double e)
    {
        // R₃ decodes wrong when 2 of 3 copies flip (3 ways) or all 3 do. Fixed seed; the tolerance is 4 standard
        // errors of the estimate, so a correct simulator fails this for fewer than 1 seed in 15 000.
        double expected = 3 * e * e * (1 - e) + e * e * e;
        var measured = NoisyChannelSimulation.MeasureBitErrorRate(new RepetitionCode(3), e, blocks: 200_000, seed: 11);
        double standardError = Math.Sqrt(expected * (1 - expected) / measured.MessageBits);
        Assert.InRange(measured.Value, expected - 4 * standardError, expected + 4 * standardError);
    }

    [Fact]
    public void Uncoded_bits_flip_at_the_channel_rate_and_the_seed_fixes_the_noise()
    {
        var bits = Enumerable.Repeat(0, 100_000).ToArray();
        int flips = NoisyChannelSimulation.SendThroughBsc(bits, 0.2, new Random(3)).Sum();
        Assert.InRange(flips / 100_000.0, 0.2 - 4 * 0.00127, 0.2 + 4 * 0.00127);   // √(0.2·0.8/100000) ≈ 0.00126
        var a = NoisyChannelSimulation.MeasureBitErrorRate(new Hamming74(), 0.05, 1000, seed: 5);
        var b = NoisyChannelSimulation.MeasureBitErrorRate(new Hamming74(), 0.05, 1000, seed: 5);
        Assert.Equal(a, b);
        Assert.Equal(4000, a.MessageBits);
        Assert.Equal(0, NoisyChannelSimulation.MeasureBitErrorRate(new Hamming74(), 0, 100, seed: 1).Errors);
    }
}

public class TypicalSetTests
{
    [Theory]
    [InlineData(0.3, 1, 0.4)]
    [InlineData(0.3, 8, 0.1)]
    [InlineData(0.3, 12, 0.25)]
    [InlineData(0.1, 14, 0.15)]
    [InlineData(0.8, 10, 0.05)]
    public void Counts_and_probability_match_enumerating_every_sequence(double p, int n, double beta)
    {
        double h = -(p * Math.Log2(p) + (1 - p) * Math.Log2(1 - p));
        int count = 0;
        double probability = 0;
        for (int word = 0; word < 1 << n; word++)
        {
            double prob = 1;
            for (int i = 0; i < n; i++) prob *= ((word >> i) & 1) == 1 ? p : 1 - p;
            if (Math.Abs(-Math.Log2(prob) / n - h) <= beta)
            {
                count++;
                probability += prob;
            }
        }
        var size = TypicalSet.OfCoin(p, n, beta);
        Assert.Equal(count == 0 ? double.NegativeInfinity : Math.Log2(count), size.Log2Count, 1e-9);
        Assert.Equal(probability, size.Probability, 1e-12);
        Assert.Equal(count / Math.Pow(2, n), size.ShareOfSequences, 1e-12);
    }

    [Fact]
    public void A_thousand_tosses_do_not_overflow_and_approach_the_theorem()
    {
        var size = TypicalSet.OfCoin(0.2, 1000, 0.05);
        Assert.True(double.IsFinite(size.Log2Count));
        // The theorem's bounds: the typical set is at most 2^(n(H+β)) sequences, and its probability climbs towards 1 as n grows.
        Assert.True(size.Log2Count <= 1000 * (size.EntropyBits + 0.05));
        Assert.True(size.Probability > 0.9 && size.Probability > TypicalSet.OfCoin(0.2, 100, 0.05).Probability, size.ToString());
        Assert.True(size.ShareOfSequences < 1e-50, size.ToString());
        // A fair coin: every sequence has surprisal exactly 1 bit per toss, so all 2ⁿ are typical.
        Assert.Equal(1000, TypicalSet.OfCoin(0.5, 1000, 0.01).Log2Count, 1e-9);
    }

    [Fact]
    public void The_groups_by_number_of_ones_share_out_all_sequences_and_all_probability()
    {
        var groups = TypicalSet.ByNumberOfOnes(0.3, 60);
        Assert.Equal(61, groups.Count);
        Assert.Equal(1, groups.Sum(g => g.Probability), 1e-12);
        Assert.Equal(1, groups.Sum(g => g.ShareOfSequences), 1e-12);
        Assert.Equal(60 * 59 / 2.0, Math.Exp(groups[2].LogCount), 1e-9);   // C(60, 2)
        Assert.Equal(-Math.Log2(0.7), groups[0].BitsPerToss, 1e-12);
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => TypicalSet.OfCoin(1, 10, 0.1)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => TypicalSet.OfCoin(0.3, 0, 0.1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => TypicalSet.OfCoin(0.3, 10, 0)).ParamName);
    }
}
