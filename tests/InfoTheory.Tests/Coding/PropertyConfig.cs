using FsCheck;
using FsCheck.Fluent;

namespace InfoTheory.Tests.Coding;

/// <summary>Shared FsCheck settings and generators for the coding and model tests.</summary>
internal static class PropertyConfig
{
    /// <summary>Throw on the first failure (so xunit reports it), with a fixed number of cases.</summary>
    public static Config Quick(int tests = 60) => Config.QuickThrowOnFailure.WithMaxTest(tests);

    /// <summary>
    /// Byte arrays whose length is spread over 0 .. maxLength with extra weight on 0 and 1, and whose
    /// content is either uniformly random or drawn from a few symbols (so models have something to learn).
    /// </summary>
    public static Arbitrary<byte[]> Bytes(int maxLength)
    {
        var length = Gen.Frequency(
            (1, Gen.Constant(0)),
            (1, Gen.Constant(1)),
            (3, Gen.Choose(2, 64)),
            (3, Gen.Choose(65, maxLength)));
        var gen =
            from n in length
            from alphabet in Gen.Elements(2, 5, 256)
            from seed in Gen.Choose(0, int.MaxValue)
            select MakeBytes(n, alphabet, seed);
        return gen.ToArbitrary();
    }

    private static byte[] MakeBytes(int length, int alphabet, int seed)
    {
        var random = new Random(seed);
        var data = new byte[length];
        for (int i = 0; i < length; i++) data[i] = (byte)(alphabet == 256 ? random.Next(256) : 'a' + random.Next(alphabet));
        return data;
    }
}
