using FsCheck;
using FsCheck.Fluent;
using InfoTheory.Coding;
using InfoTheory.Models;
using InfoTheory.Tests.Coding;
using Xunit;

namespace InfoTheory.Tests.Models;

public class ContextMixingModelTests
{
    [Fact]
    public void Bit_predictions_are_valid_probabilities_at_every_step()
    {
        Check.One(PropertyConfig.Quick(20), Prop.ForAll(PropertyConfig.Bytes(300), data =>
        {
            var model = new ContextMixingModel(tableBits: 12);
            var frequencies = new int[2];
            foreach (byte b in data)
                for (int shift = 7; shift >= 0; shift--)
                {
                    model.Predict(frequencies);
                    if (frequencies[0] < 1 || frequencies[1] < 1 || frequencies[0] + frequencies[1] != 4096) return false;
                    model.Learn((b >> shift) & 1);
                }
            return true;
        }));
    }

    [Fact]
    public void Two_models_fed_the_same_bits_predict_identically()
    {
        var random = new Random(7);
        var a = new ContextMixingModel(12);
        var b = new ContextMixingModel(12);
        for (int i = 0; i < 20_000; i++)
        {
            int bit = random.Next(3) == 0 ? 1 : 0;
            Assert.Equal(a.PredictBit(), b.PredictBit());
            a.Learn(bit);
            b.Learn(bit);
        }
    }

    [Fact]
    public void Repeated_data_becomes_nearly_free()
    {
        var block = new byte[300];
        new Random(1).NextBytes(block);
        byte[] data = Enumerable.Repeat(block, 8).SelectMany(x => x).ToArray();
        double[] surprisal = SequenceModels.ByteSurprisals(new ContextMixingModel(14), data);
        double first = surprisal.Take(300).Average(), last = surprisal.Skip(7 * 300).Average();
        Assert.InRange(first, 7.5, 8.6);  // random bytes cannot be predicted the first time
        Assert.True(last < 0.3, $"last repetition costs {last} bits per byte");
    }

    [Fact]
    public void Predict_and_learn_can_be_called_in_any_order()
    {
        var careful = new ContextMixingModel(12);
        var hasty = new ContextMixingModel(12);
        var frequencies = new int[2];
        foreach (int bit in new[] { 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1 })
        {
            careful.Predict(frequencies);
            careful.Predict(frequencies); // predicting twice changes nothing
            careful.Learn(bit);
            hasty.Learn(bit);             // learning without predicting first
        }
        Assert.Equal(careful.PredictBit(), hasty.PredictBit());
    }

    // How many stages a model needs to include the stage called name (1 for the first).
    private static int StagesUpTo(string name) => ContextMixingModel.Stages.Select(s => s.Name).ToList().IndexOf(name) + 1;

    // The bits a model, reading all of data, pays for the bytes at the given positions.
    private static double BitsAt(ISequenceModel model, byte[] data, IEnumerable<int> positions)
    {
        double[] bits = SequenceModels.ByteSurprisals(model, data);
        return positions.Sum(i => bits[i]);
    }

    // Every partial model (lesson 09's rungs) is a model in its own right: the decoder, built with the same
    // stages, reproduces the input.
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_model_with_fewer_stages_still_round_trips(int stages)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog; 0123456789. ", 40)));
        var code = ArithmeticCoder.EncodeBytes(text, new ContextMixingModel(12, stages));
        Assert.Equal(text, ArithmeticCoder.DecodeBytes(code.Bytes, text.Length, new ContextMixingModel(12, stages)));
    }

    // The match model's stage recognises a long repeat it has seen once: on random bytes sent twice, the
    // order-6 context already predicts the second copy well (each of its contexts was seen once), but the
    // match model, which knows how long the repeat has lasted, makes it clearly cheaper still.
    [Fact]
    public void The_match_stage_pays_for_a_long_repeat()
    {
        // Smallest tables (2^12 slots): the context models forget the first copy, the match model
        // (which keeps the whole input) does not.
        var block = new byte[20_000];
        new Random(3).NextBytes(block);
        byte[] data = [.. block, .. block];
        int match = StagesUpTo("match");
        double SecondCopy(int stages) => SequenceModels.ByteSurprisals(new ContextMixingModel(12, stages), data).Skip(block.Length).Sum();
        double without = SecondCopy(match - 1), with = SecondCopy(match);
        Assert.True(with < 0.75 * without, $"second copy: {with:F0} bits with the match model, {without:F0} without");
    }

    // Each word is always followed by the same partner, after a run of 17..22 spaces: too long a gap
    // for the order-16 context to see the first word, so only the word-pair context can name the partner.
    [Fact]
    public void The_word_pair_context_predicts_a_words_partner_across_a_long_gap()
    {
        var random = new Random(5);
        string Word() => new([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26)))]);
        string[] first = [.. Enumerable.Range(0, 40).Select(_ => Word())], partner = [.. first.Select(_ => Word())];
        var text = new System.Text.StringBuilder();
        var partnerBytes = new List<int>(); // where each partner word starts
        for (int i = 0; i < 1500; i++)
        {
            int w = random.Next(first.Length);
            text.Append(first[w]).Append(' ', random.Next(17, 23));
            partnerBytes.Add(text.Length);
            text.Append(partner[w]).Append(' ', random.Next(7, 13));
        }
        byte[] data = System.Text.Encoding.ASCII.GetBytes(text.ToString());
        int words = StagesUpTo("words");
        double PartnersFirstLetters(int stages) => BitsAt(new ContextMixingModel(16, stages), data, partnerBytes.Skip(750));
        double without = PartnersFirstLetters(words - 1), with = PartnersFirstLetters(words);
        Assert.True(with < 0.5 * without, $"partners' first letters: {with:F0} bits with the word models, {without:F0} without");
    }

    // Each of 8 capital letters stands for a lowercase one, and every 40 pairs the meanings are dealt
    // anew. After a deal a capital's order-1 and order-2 histories still hold its old letters, while
    // the indirect context (the two letters that followed it last) says: repeat the last one.
    [Fact]
    public void The_indirect_contexts_follow_a_changing_meaning()
    {
        var random = new Random(9);
        var meaning = new byte[8];
        var text = new List<byte>();
        var values = new List<int>(); // where each lowercase letter is
        for (int i = 0; i < 6000; i++)
        {
            if (i % 40 == 0) for (int k = 0; k < 8; k++) meaning[k] = (byte)('a' + random.Next(26));
            int key = random.Next(8);
            text.Add((byte)('A' + key));
            values.Add(text.Count);
            text.Add(meaning[key]);
            text.Add((byte)' ');
        }
        byte[] data = [.. text];
        int indirect = StagesUpTo("indirect");
        double Values(int stages) => BitsAt(new ContextMixingModel(16, stages), data, values.Skip(3000));
        double without = Values(indirect - 1), with = Values(indirect);
        Assert.True(with < 0.9 * without, $"letters: {with:F0} bits with the indirect contexts, {without:F0} without");
    }

    // Lines of 39 random letters: only the column tells where the line break comes.
    [Fact]
    public void The_column_context_predicts_the_end_of_fixed_width_lines()
    {
        var random = new Random(7);
        byte[] data = [.. Enumerable.Range(0, 400).SelectMany(_ => Enumerable.Range(0, 40).Select(i => i < 39 ? (byte)('a' + random.Next(26)) : (byte)'\n'))];
        int column = StagesUpTo("column");
        double LineBreaks(int stages) => BitsAt(new ContextMixingModel(16, stages), data, Enumerable.Range(200, 200).Select(line => line * 40 + 39));
        double without = LineBreaks(column - 1), with = LineBreaks(column);
        Assert.True(with < 0.25 * without, $"line breaks: {with:F0} bits with the column model, {without:F0} without");
    }

    // Three-word phrases: the third word is fixed by the first, and the middle one is drawn from 300 at
    // random, so neither the word before nor the last 16 bytes name the third word; the word two back does.
    [Fact]
    public void The_skip_a_word_context_predicts_a_word_from_the_one_two_back()
    {
        var random = new Random(13);
        string Word() => new([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26)))]);
        string[] first = [.. Enumerable.Range(0, 40).Select(_ => Word())], third = [.. first.Select(_ => Word())];
        string[] middle = [.. Enumerable.Range(0, 300).Select(_ => Word())];
        var text = new System.Text.StringBuilder();
        var thirdWords = new List<int>(); // where each third word starts
        for (int i = 0; i < 1500; i++)
        {
            int w = random.Next(first.Length);
            text.Append(first[w]).Append(' ').Append(middle[random.Next(middle.Length)]).Append(' ');
            thirdWords.Add(text.Length);
            text.Append(third[w]).Append(". ");
        }
        byte[] data = System.Text.Encoding.ASCII.GetBytes(text.ToString());
        double ThirdWordsFirstLetters(ContextMixingModel model) => BitsAt(model, data, thirdWords.Skip(750));
        double without = ThirdWordsFirstLetters(ContextMixingModel.Version4(16)), with = ThirdWordsFirstLetters(new ContextMixingModel(16));
        Assert.True(with < 0.5 * without, $"third words' first letters: {with:F0} bits with the skip-a-word context, {without:F0} without");
    }

    // Random letters from a four-letter alphabet (like DNA): any 6 letters came before about every 4,000
    // bytes, so the first match model is nearly always following some short chance repeat. When a
    // 2,000-byte stretch from the start comes again, the long match model (which starts only on 20
    // repeated bytes) finds it; version 4, without it, pays much more for the copy.
    [Fact]
    public void The_long_match_model_finds_a_repeat_among_chance_matches()
    {
        var random = new Random(17);
        byte[] letters = [.. Enumerable.Range(0, 60_000).Select(_ => (byte)"acgt"[random.Next(4)])];
        byte[] data = [.. letters, .. letters.AsSpan(1_000, 2_000)];
        double Copy(ContextMixingModel model) => SequenceModels.ByteSurprisals(model, data).Skip(letters.Length).Sum();
        double without = Copy(ContextMixingModel.Version4(16)), with = Copy(new ContextMixingModel(16));
        Assert.True(with < 0.5 * without, $"the repeated 2,000 letters: {with:F0} bits with the long match model, {without:F0} without");
    }

    // A 2,000-letter stretch of random letters comes again with 40 letters changed, one in every 50.
    // A match model that survives mismatches finds the copy after its first 20 letters and then keeps
    // its place: it expects every letter but those 20 and the 40 changed ones, 1,940. One that gives up
    // at each change must see 20 agreeing letters to find the repeat again, so of each 50 letters it
    // expects at most 29: fewer than 1,160.
    [Theory]
    [InlineData(true, 1_940, 1_940)]
    [InlineData(false, 1_000, 1_160)]
    public void A_match_model_that_survives_mismatches_follows_a_changed_copy(bool survives, int atLeast, int atMost)
    {
        var random = new Random(19);
        byte[] letters = [.. Enumerable.Range(0, 20_000).Select(_ => (byte)"acgt"[random.Next(4)])];
        byte[] copy = letters[1_000..3_000];
        for (int i = 25; i < copy.Length; i += 50) copy[i] = (byte)(copy[i] == 'a' ? 'c' : 'a');
        var past = new Past();
        var match = new MatchModel(past, hashBits: 16, minLength: 20, survivesMismatches: survives);
        int expected = 0;
        foreach ((byte value, int i) in letters.Concat(copy).Select((b, i) => (b, i)))
        {
            if (i >= letters.Length && match.ExpectedByte == (256 | value)) expected++;
            past.EndByte(value);
            match.StartByte();
        }
        Assert.InRange(expected, atLeast, atMost);
    }

    // 'c' is 0110 0011. Guessed at the start of a byte, its next bit is 0; after the bits 0, 1 it is 1;
    // after a first bit 1 the guess is already wrong, and no guess (0) has no next bit.
    [Fact]
    public void The_next_bit_of_a_guessed_byte_follows_the_bits_so_far()
    {
        var past = new Past();
        int c = 256 | 'c';
        Assert.Equal(0, past.NextBitOf(c));
        Assert.Equal(-1, past.NextBitOf(0));
        past.AddBit(0);
        past.AddBit(1);
        Assert.Equal(1, past.NextBitOf(c));
        var wrong = new Past();
        wrong.AddBit(1);
        Assert.Equal(-1, wrong.NextBitOf(c));
    }

    // After "xy" always came "c": the run model, looking at the last 2 bytes, expects each bit of "c"
    // and says so (its input has the sign of the bit), and a longer run makes it surer.
    [Fact]
    public void A_run_model_expects_the_byte_that_kept_following_its_context()
    {
        var past = new Past();
        var run = new RunModel(past, p => (uint)(p.Recent & 0xFFFF) * 0x9E37_79B1u, bits: 12);
        // Feeds one byte, bit by bit, and returns the run model's input before each bit.
        int[] Feed(char value)
        {
            var inputs = new int[8];
            for (int i = 7; i >= 0; i--)
            {
                run.Predict(inputs.AsSpan(7 - i, 1));
                int bit = (value >> i) & 1;
                run.Update(bit);
                past.AddBit(bit);
            }
            past.EndByte((byte)value);
            run.StartByte();
            return inputs;
        }
        for (int i = 0; i < 30; i++) foreach (char c in "xyc") Feed(c);
        Feed('x');
        Feed('y');
        int[] after30 = Feed('c');
        for (int i = 0; i < 30; i++) foreach (char c in "xyc") Feed(c);
        Feed('x');
        Feed('y');
        int[] after61 = Feed('c');
        for (int i = 0; i < 8; i++)
        {
            int expectedSign = (('c' >> (7 - i)) & 1) == 1 ? 1 : -1;
            Assert.Equal(expectedSign, Math.Sign(after30[i]));
            Assert.True(Math.Abs(after61[i]) >= Math.Abs(after30[i]), $"bit {i}: {after61[i]} after a run of 61, {after30[i]} after a run of 30");
        }
    }

    // Plain counts learn at rate 1/n (up to 1/1024): after 20,000 bits from a coin with P(1) = 0.8
    // the estimate sits within a few standard errors (about 0.013 at n = 1024) of 0.8.
    [Fact]
    public void A_counter_learns_the_frequency_of_ones_in_its_context()
    {
        var past = new Past();
        var counter = new CounterModel(past, _ => 7, bits: 12);
        counter.StartByte();
        counter.StartNibble();
        var random = new Random(11);
        var input = new int[1];
        for (int i = 0; i < 20_000; i++)
        {
            counter.Predict(input);
            counter.Update(random.NextDouble() < 0.8 ? 1 : 0);
        }
        counter.Predict(input);
        Assert.InRange(Logistic.Squash(input[0]) / 4096.0, 0.76, 0.84);
    }

    // A fresh weight set learns fast and slows down as it learns (rate base + boost·256/(256 + n)),
    // and each set counts its own updates: a set chosen for the first time after another set has
    // learned for a long while starts as fast as the first one did.
    [Fact]
    public void A_fresh_weight_set_of_a_mixer_learns_faster_than_a_plain_one_and_each_set_counts_its_own_updates()
    {
        int[] Trajectory(Mixer mixer, int set, int steps)
        {
            var ps = new int[steps];
            for (int i = 0; i < steps; i++) { ps[i] = mixer.Mix(set); mixer.Update(1); }
            return ps;
        }
        int[] Inputs() // one input saying P(1) = 0.75, always right (then the zeros that pad to the vector width)
        {
            int[] inputs = Mixer.NewInputs(1);
            inputs[0] = Logistic.Stretch(3072);
            return inputs;
        }

        var plain = new Mixer(Inputs(), contexts: 2, learningRate: 2, initialWeight: 1 << 14);
        var boosted = new Mixer(Inputs(), contexts: 2, learningRate: 2, initialWeight: 1 << 14, startBoost: 32);
        int[] plainStart = Trajectory(plain, 0, 20), boostedStart = Trajectory(boosted, 0, 20);
        Assert.Equal(plainStart[0], boostedStart[0]);               // same start
        Assert.True(boostedStart[19] > plainStart[19] + 200, $"{boostedStart[19]} vs {plainStart[19]}");

        var random = new Random(5);
        for (int i = 0; i < 50_000; i++) { boosted.Mix(0); boosted.Update(random.Next(4) == 0 ? 0 : 1); } // set 0 learns a lot
        Assert.Equal(boostedStart, Trajectory(boosted, 1, 20));     // set 1 starts exactly as set 0 did
    }

    // One-sided: the context has seen bits, all of them the same. A fresh context is not; 1, 1, 1 is;
    // 1, 1, 1, 0 is not, and never is again: a count above 2 halves at each 0, but 1 or 2 is kept.
    [Fact]
    public void A_bit_history_is_one_sided_while_it_has_seen_one_kind_of_bit()
    {
        byte state = 0;
        Assert.False(BitHistory.IsOneSided(state));
        foreach (int bit in new[] { 1, 1, 1 }) state = BitHistory.Next(state, bit);
        Assert.True(BitHistory.IsOneSided(state));
        state = BitHistory.Next(state, 0);
        Assert.False(BitHistory.IsOneSided(state));
        for (int i = 0; i < 40; i++) state = BitHistory.Next(state, 0);
        Assert.Equal((BitHistory.CountLimit, 2), (BitHistory.ZerosOf(state), BitHistory.OnesOf(state))); // 3 ones: 3 / 2 + 1 = 2, kept
        Assert.False(BitHistory.IsOneSided(state));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Equal("stages", Assert.Throws<ArgumentOutOfRangeException>(() => new ContextMixingModel(12, 0)).ParamName);
        Assert.Equal("stages", Assert.Throws<ArgumentOutOfRangeException>(() => new ContextMixingModel(12, ContextMixingModel.Stages.Count + 1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContextMixingModel(tableBits: 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContextMixingModel(12).Learn(2));
        Assert.Throws<ArgumentException>(() => new ContextMixingModel(12).Predict(new int[256]));
    }
}

public class LogisticAndBitHistoryTests
{
    [Fact]
    public void Squash_is_the_logistic_function_and_stretch_inverts_it()
    {
        Assert.Equal(2048, Logistic.Squash(0));
        for (int x = -2047; x <= 2047; x += 7)
        {
            Assert.InRange(Logistic.Squash(x), 1, 4095);
            Assert.Equal(4096 / (1 + Math.Exp(-x / 256.0)), Logistic.Squash(x), 0.51 + 0); // rounded, clamped to 1..4095
            Assert.True(Logistic.Squash(x) <= Logistic.Squash(x + 7));
        }
        for (int p = 1; p < 4096; p++)
            Assert.InRange(Logistic.Squash(Logistic.Stretch(p)) - p, 0, Math.Max(1, p / 64 + 1));
    }

    [Fact]
    public void Reproducible_exp_agrees_with_the_library_exp()
    {
        for (double y = -16; y <= 16; y += 0.37)
            Assert.Equal(1, Logistic.ReproducibleExp(y) / Math.Exp(y), 12);
    }

    [Fact]
    public void Bit_history_counts_and_forgets_as_documented()
    {
        byte state = 0;
        foreach (int bit in new[] { 1, 1, 1 }) state = BitHistory.Next(state, bit);
        Assert.Equal((0, 3), (BitHistory.ZerosOf(state), BitHistory.OnesOf(state)));
        state = BitHistory.Next(state, 0); // n1 = 3 > 2 is cut to 3/2 + 1 = 2
        Assert.Equal((1, 2), (BitHistory.ZerosOf(state), BitHistory.OnesOf(state)));
        for (int i = 0; i < 100; i++) state = BitHistory.Next(state, 0);
        Assert.Equal((BitHistory.CountLimit, 2), (BitHistory.ZerosOf(state), BitHistory.OnesOf(state)));
        Assert.InRange(BitHistory.StateCount, 2 * BitHistory.CountLimit, 256);
    }
}
