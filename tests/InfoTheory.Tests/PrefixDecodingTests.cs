using InfoTheory.Coding;
using Xunit;

namespace InfoTheory.Tests;

public class PrefixDecodingTests
{
    private static readonly PrefixCode<string> Robot = new(new Dictionary<string, string>
    {
        ["N"] = "0", ["E"] = "10", ["S"] = "110", ["W"] = "111",
    });

    [Fact]
    public void Trace_of_the_robot_log_by_hand()
    {
        // 0 | 110 | 10 | 111: N, then S after three bits, E after two, W after three.
        var steps = PrefixDecoding.Trace(Robot, "011010111");
        Assert.Equal(9, steps.Count);
        Assert.Equal(["N", "S", "E", "W"], steps.Where(s => s.Completes).Select(s => s.Symbol));
        Assert.Equal(["0", "1", "11", "110", "1", "10", "1", "11", "111"], steps.Select(s => s.Pending));
        Assert.Equal([true, false, false, true, false, true, false, false, true], steps.Select(s => s.Completes));
        Assert.Equal("bit   3 '0' → \"110\" = S", steps[3].ToString());
    }

    [Fact]
    public void Trace_agrees_with_Decode_on_random_messages()
    {
        var random = new Random(3);
        string[] moves = ["N", "E", "S", "W"];
        for (int trial = 0; trial < 100; trial++)
        {
            var message = Enumerable.Range(0, random.Next(1, 40)).Select(_ => moves[random.Next(4)]).ToArray();
            string bits = Robot.Encode(message);
            var traced = PrefixDecoding.Trace(Robot, bits).Where(s => s.Completes).Select(s => s.Symbol!).ToArray();
            Assert.Equal(message, traced);
            Assert.Equal(Robot.Decode(bits), traced);
            Assert.Equal(bits.Length, PrefixDecoding.Trace(Robot, bits).Count);
        }
    }

    [Fact]
    public void Bad_bits_are_refused_with_the_position()
    {
        var code = new PrefixCode<string>(new Dictionary<string, string> { ["a"] = "0", ["b"] = "10" });   // nothing starts with 11
        Assert.Contains("position 1", Assert.Throws<ArgumentException>(() => PrefixDecoding.Trace(code, "0x")).Message);
        Assert.Contains("\"11\"", Assert.Throws<ArgumentException>(() => PrefixDecoding.Trace(code, "011")).Message);
        Assert.Contains("left over", Assert.Throws<ArgumentException>(() => PrefixDecoding.Trace(code, "01")).Message);
    }
}
