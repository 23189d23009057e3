using System.Buffers.Binary;
using InfoTheory.Models;

namespace InfoTheory.Coding;

/// <summary>What a compressed file's header says.</summary>
/// <param name="FormatVersion">The file format version (this library writes 5 and reads 1 to 5; cm files of version 2 are refused).</param>
/// <param name="Model">The model that compressed it (the decompressor must use the same one).</param>
/// <param name="OriginalLength">Length of the original data in bytes.</param>
/// <param name="Crc32">CRC-32 of the original data.</param>
/// <param name="PayloadLength">Bytes of arithmetic code after the header.</param>
public sealed record CompressedHeader(int FormatVersion, ModelInfo Model, long OriginalLength, uint Crc32, int PayloadLength);

/// <summary>The result of <see cref="Compressor.CompressWithStats"/>.</summary>
/// <param name="Bytes">The compressed file: header and code.</param>
/// <param name="OriginalLength">Bytes in.</param>
/// <param name="IdealBits">The model's summed surprisal over the data: the ideal size of the code alone.</param>
/// <param name="Stored">True if the model's code was longer than the data, so the data was stored as it is.</param>
public sealed record CompressionResult(byte[] Bytes, long OriginalLength, double IdealBits, bool Stored)
{
    /// <summary>Actual bits per original byte, header included.</summary>
    public double BitsPerByte => OriginalLength == 0 ? 0 : 8.0 * Bytes.Length / OriginalLength;

    /// <summary>The model's ideal bits per byte (its cross-entropy on this data).</summary>
    public double IdealBitsPerByte => OriginalLength == 0 ? 0 : IdealBits / OriginalLength;
}

/// <summary>
/// Compresses files with a model from <see cref="ModelCatalog"/> driving the arithmetic coder, in a
/// small self-checking container.
/// </summary>
/// <remarks>
/// File layout (little-endian), 18 bytes of header then the code:
/// <code>
///   0  4  magic "ITPC"
///   4  1  format version (5; files of versions 1, 3 and 4 still decode, each with its own cm model;
///         version 2 was cm under development: its n-gram files decode, its cm files are refused)
///   5  1  model id (see ModelCatalog)
///   6  8  original length in bytes
///  14  4  CRC-32 of the original
///  18  …  arithmetic code
/// </code>
/// If the model's code would be longer than the data itself (random or already compressed input),
/// the data is stored as it is under model id 255 (<see cref="ModelCatalog.Stored"/>), so no file
/// grows by more than the header.
/// <see cref="Decompress"/> checks all of it and throws <see cref="InvalidDataException"/> with a message
/// saying what is wrong: it never returns wrong data as a success.
/// </remarks>
public static class Compressor
{
    /// <summary>The current file format version. Versions 2 to 5 changed the "cm" model; the n-grams are as in version 1.</summary>
    public const int FormatVersion = 5;

    /// <summary>The oldest format version this library still reads.</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>Bytes before the code.</summary>
    public const int HeaderLength = 18;

    private static ReadOnlySpan<byte> Magic => "ITPC"u8;

    // The most a model can compress: the n-grams never give a byte more than 1 − 255/2^23, which costs
    // 4.4e−5 bits, a ratio of about 182,000 (the context-mixing model stops near 2,800). A header
    // claiming more than 2^18 times the code is corrupt.
    private const long MaxExpansion = 1 << 18;

    /// <summary>Compresses <paramref name="data"/> with the model called <paramref name="model"/>.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data, string model = ModelCatalog.DefaultModel) =>
        CompressWithStats(data, model).Bytes;

    /// <summary>Compresses and also reports the model's ideal code length.</summary>
    public static CompressionResult CompressWithStats(ReadOnlySpan<byte> data, string model = ModelCatalog.DefaultModel)
    {
        ModelInfo info = ModelCatalog.Find(model);
        ArithmeticCode code = ArithmeticCoder.EncodeBytes(data, info.NewModel(data.Length));
        bool stored = code.Bytes.Length > data.Length;
        ReadOnlySpan<byte> payload = stored ? data : code.Bytes;

        var output = new byte[HeaderLength + payload.Length];
        Magic.CopyTo(output);
        output[4] = FormatVersion;
        output[5] = stored ? ModelCatalog.Stored.Id : info.Id;
        BinaryPrimitives.WriteInt64LittleEndian(output.AsSpan(6), data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(14), Crc32.Compute(data));
        payload.CopyTo(output.AsSpan(HeaderLength));
        return new CompressionResult(output, data.Length, code.IdealBits, stored);
    }

    /// <summary>Reads and checks the header of a compressed file.</summary>
    /// <exception cref="InvalidDataException">Not a compressed file, an unsupported version, an unknown model, or a truncated header.</exception>
    public static CompressedHeader ReadHeader(ReadOnlySpan<byte> compressed)
    {
        if (compressed.Length >= Magic.Length && !compressed[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException("Not a compressed file made by this tool (bad magic: expected it to start with \"ITPC\").");
        if (compressed.Length < HeaderLength)
            throw new InvalidDataException($"The compressed file is truncated: {compressed.Length} bytes, but the header alone is {HeaderLength}.");
        int version = compressed[4];
        if (version < OldestReadableVersion || version > FormatVersion)
            throw new InvalidDataException($"Unsupported format version {version}: this library reads versions {OldestReadableVersion} to {FormatVersion}.");
        ModelInfo model = ModelCatalog.FindById(compressed[5])
            ?? throw new InvalidDataException($"Unknown model id {compressed[5]} in the header (known: {string.Join(", ", ModelCatalog.All.Select(m => $"{m.Id} = {m.Name}"))}). The file is corrupt or from a newer version.");
        long length = BinaryPrimitives.ReadInt64LittleEndian(compressed[6..]);
        int payload = compressed.Length - HeaderLength;
        if (length < 0 || length > Array.MaxLength || length > (payload + 16) * MaxExpansion)
            throw new InvalidDataException($"The header claims an original length of {length} bytes, impossible for {payload} bytes of code: the file is truncated or corrupt.");
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(compressed[14..]);
        return new CompressedHeader(version, model, length, crc, payload);
    }

    /// <summary>Decompresses a file made by <see cref="Compress"/>, checking its length and CRC-32.</summary>
    /// <exception cref="InvalidDataException">The input is not a valid compressed file: bad magic, unknown
    /// version or model, truncated, trailing bytes, or corrupt (checksum mismatch).</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        CompressedHeader header = ReadHeader(compressed);
        if (header.Model == ModelCatalog.Stored)
        {
            if (header.PayloadLength != header.OriginalLength)
                throw new InvalidDataException($"The stored data is {header.PayloadLength} bytes but the header says {header.OriginalLength}: the file is truncated or corrupt.");
            return CheckCrc(compressed[HeaderLength..].ToArray(), header);
        }
        ISequenceModel model = ModelCatalog.CreateForFormat(header.Model, header.FormatVersion, header.OriginalLength);
        byte[] data;
        try
        {
            data = ArithmeticCoder.DecodeBytes(compressed[HeaderLength..], (int)header.OriginalLength, model);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException($"The compressed data is corrupt ({e.Message}).", e);
        }
        return CheckCrc(data, header);
    }

    private static byte[] CheckCrc(byte[] data, CompressedHeader header)
    {
        uint crc = Crc32.Compute(data);
        if (crc != header.Crc32)
            throw new InvalidDataException($"The decompressed data fails its checksum (CRC-32 {crc:X8}, expected {header.Crc32:X8}): the compressed file is corrupt.");
        return data;
    }
}
