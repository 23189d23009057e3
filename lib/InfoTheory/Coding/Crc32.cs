namespace InfoTheory.Coding;

/// <summary>
/// CRC-32 (the checksum of zip, gzip and PNG: reflected polynomial 0xEDB88320, initial value and
/// final xor 0xFFFFFFFF). A compressed file stores the CRC of the original, so a decompressor can
/// tell a correct result from a wrong one.
/// </summary>
/// <remarks>
/// The data is read as a polynomial over GF(2) and the CRC is its remainder on division by a fixed
/// polynomial. Any error burst of up to 32 bits changes the remainder, and a random corruption goes
/// unnoticed with probability 2^−32. The table holds the remainder of each byte value, so the
/// division goes a byte at a time.
/// </remarks>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/> ("123456789" gives 0xCBF43926).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFF;
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
