using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using InfoTheory.Coding;
using InfoTheory.Models;
using Xunit;

namespace InfoTheory.Tests.Coding;

public class CompressorTests
{
    private static readonly byte[] Sample = "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife."u8.ToArray();

    public static TheoryData<string> ModelNames => new(ModelCatalog.All.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Every_model_round_trips_random_data(string model)
    {
        Check.One(PropertyConfig.Quick(20), Prop.ForAll(PropertyConfig.Bytes(1200), data =>
            Compressor.Decompress(Compressor.Compress(data, model)).AsSpan().SequenceEqual(data)));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Empty_and_one_byte_inputs_work(string model)
    {
        Assert.Empty(Compressor.Decompress(Compressor.Compress([], model)));
        Assert.Equal([0x00], Compressor.Decompress(Compressor.Compress([0x00], model)));
        Assert.Equal([0xFF], Compressor.Decompress(Compressor.Compress([0xFF], model)));
    }

    [Fact]
    public void The_header_records_what_the_decompressor_needs()
    {
        byte[] file = Compressor.Compress(Sample, "order2");
        Assert.Equal("ITPC"u8.ToArray(), file[..4]);
        Assert.Equal(Compressor.FormatVersion, file[4]);
        Assert.Equal(ModelCatalog.Find("order2").Id, file[5]);
        Assert.Equal(Sample.Length, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(6)));
        Assert.Equal(Crc32.Compute(Sample), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(14)));

        var header = Compressor.ReadHeader(file);
        Assert.Equal("order2", header.Model.Name);
        Assert.Equal(Sample.Length, header.OriginalLength);
        Assert.Equal(file.Length - Compressor.HeaderLength, header.PayloadLength);
    }

    // Format stability: a file written today must decompress with tomorrow's library, and on any
    // machine. These checksums of the code (the file after its header, which holds the version)
    // pin every model's exact output. If a change to a model alters them, old files no longer
    // decode: bump Compressor.FormatVersion (and keep reading the old version, or say clearly that
    // it is no longer supported), then update the values.
    private static readonly Dictionary<string, uint> GoldenCrcOfCode = new()
    {
        ["uniform"] = 0x0C31E550u,
        ["order0"] = 0xEAF01841u,
        ["order1"] = 0x907E1579u,
        ["order2"] = 0x237D5F73u,
        ["order3"] = 0x9E8D4CB8u,
        ["order4"] = 0x43A1660Du,
        ["order5"] = 0xAD79C17Du,
        ["cm"] = 0x7BEE0570u,
    };

    // 100 KB of word salad: big enough that the context-mixing tables fill up and evict (so their
    // layout is pinned too), made with the seeded System.Random, whose sequence is fixed.
    private static byte[] GoldenText()
    {
        string[] words = "the of and to a in that was her it his she he had as with for not be but you at on is my all by which have this so from were they one would been their said no or an very could when".Split(' ');
        var random = new Random(2024);
        var text = new System.Text.StringBuilder();
        while (text.Length < 100_000)
        {
            text.Append(words[random.Next(words.Length)]);
            text.Append(random.Next(12) == 0 ? ". " : " ");
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Compressed_output_is_stable(string model)
    {
        byte[] file = Compressor.Compress(GoldenText(), model);
        Assert.Equal(GoldenCrcOfCode[model], Crc32.Compute(file.AsSpan(Compressor.HeaderLength)));
    }

    // Files written by older context-mixing models: the first 20,000 bytes of Persuasion, compressed by
    // format version 1 (the first cm model, before version 2 existed), by version 3 (commit 9a336da,
    // before its mixers' fresh weight sets learned faster) and by version 4 (commit 2b2c2ca, before the
    // skip-a-word context, run models, long match model and third APM). Each must decode byte for byte, forever,
    // although today's model codes the same text differently.
    [Theory]
    [InlineData("persuasion-20k.cm-v1.itpc", 1)]
    [InlineData("persuasion-20k.cm-v3.itpc", 3)]
    [InlineData("persuasion-20k.cm-v4.itpc", 4)]
    public void Older_context_mixing_files_still_decompress_exactly(string fileName, int version)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Coding", "Golden");
        byte[] file = File.ReadAllBytes(Path.Combine(folder, fileName));
        byte[] original = File.ReadAllBytes(Path.Combine(folder, "persuasion-20k.txt"));

        CompressedHeader header = Compressor.ReadHeader(file);
        Assert.Equal((version, "cm"), (header.FormatVersion, header.Model.Name));
        Assert.Equal(original, Compressor.Decompress(file));
        Assert.NotEqual(file[Compressor.HeaderLength..], Compressor.Compress(original, "cm")[Compressor.HeaderLength..]);
    }

    // The n-gram models did not change in versions 2 to 5, so an older file of theirs is today's
    // file with an older number in the version byte.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Older_n_gram_files_decode_with_the_same_models(byte version)
    {
        byte[] file = Compressor.Compress(Sample, "order2");
        Assert.Equal(Compressor.FormatVersion, file[4]);
        file[4] = version;
        Assert.Equal(Sample, Compressor.Decompress(file));
    }

    // The whole-file checksums of version 2 (before the version byte moved to 3): the n-gram files
    // are byte for byte what version 2 wrote, apart from that byte.
    [Theory]
    [InlineData("order0", 0x0CF519D3u)]
    [InlineData("order2", 0xEA6FB55Fu)]
    [InlineData("order5", 0xFB06B702u)]
    public void N_gram_files_are_version_2_files_but_for_the_version_byte(string model, uint version2Crc)
    {
        byte[] file = Compressor.Compress(GoldenText(), model);
        file[4] = 2;
        Assert.Equal(version2Crc, Crc32.Compute(file));
    }

    // Version 2 was cm under development: its files are refused with a message that names the
    // version and says what to do, before any decoding.
    [Fact]
    public void A_version_2_context_mixing_file_is_refused_by_name()
    {
        byte[] file = Compressor.Compress(Sample, "cm");
        file[4] = 2;
        string message = Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file)).Message;
        Assert.Contains("format version 2", message);
        Assert.Contains("compress it again", message);
    }

    // Decoding a context-mixing file with another version's model (1, 3 or 4) goes wrong from some bit
    // on: the result must be an error (the checksum catches it), never wrong bytes.
    [Fact]
    public void A_wrong_version_byte_is_an_error_not_wrong_data()
    {
        byte[] file = Compressor.Compress(GoldenText(), "cm");
        file[4] = 1;
        Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file));
        file[4] = 3;
        Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file));
        file[4] = 4;
        Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file));
        file[4] = 0;
        Assert.Contains("versions 1 to", Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file)).Message);
    }

    [Fact]
    public void Crc32_has_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Bad_magic_is_reported()
    {
        byte[] file = Compressor.Compress(Sample);
        file[0] = (byte)'X';
        Assert.Contains("bad magic", Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file)).Message);
        Assert.Contains("bad magic", Assert.Throws<InvalidDataException>(() => Compressor.Decompress("PK\u0003\u0004 not ours at all"u8)).Message);
    }

    [Fact]
    public void Unknown_model_and_version_are_reported()
    {
        byte[] file = Compressor.Compress(Sample, "order1");
        file[5] = 200;
        Assert.Contains("Unknown model id 200", Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file)).Message);

        file = Compressor.Compress(Sample, "order1");
        file[4] = 9;
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file)).Message);

        Assert.Contains("Known models", Assert.Throws<ArgumentException>(() => Compressor.Compress(Sample, "gzip")).Message);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Every_truncation_is_an_error(string model)
    {
        byte[] file = Compressor.Compress(Sample, model);
        for (int length = 0; length < file.Length; length++)
            Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file.AsSpan(0, length)));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void A_flipped_byte_is_an_error_or_harmless_never_wrong_output(string model)
    {
        byte[] file = Compressor.Compress(Sample, model);
        int harmless = 0;
        for (int i = 0; i < file.Length; i++)
        {
            byte[] corrupt = (byte[])file.Clone();
            corrupt[i] ^= 0x5A;
            try
            {
                // The last code byte only has to land inside the final interval, so some flips there
                // still decode to exactly the original: that is fine, a wrong result is not.
                Assert.Equal(Sample, Compressor.Decompress(corrupt));
                Assert.Equal(file.Length - 1, i);
                harmless++;
            }
            catch (InvalidDataException)
            {
            }
        }
        Assert.True(harmless <= 1);
    }

    [Fact]
    public void Garbage_after_a_valid_header_never_crashes()
    {
        var cases = from model in Gen.Elements(ModelCatalog.All.Select(m => m.Id).Append(ModelCatalog.Stored.Id).ToArray())
                    from length in Gen.Choose(0, 300)
                    from payload in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
                    select (model, length, payload);
        Check.One(PropertyConfig.Quick(200), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var file = new byte[Compressor.HeaderLength + c.payload.Length];
            "ITPC"u8.CopyTo(file);
            file[4] = 1;
            file[5] = c.model;
            BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(6), c.length);
            c.payload.CopyTo(file, Compressor.HeaderLength);
            try
            {
                byte[] data = Compressor.Decompress(file);
                return data.Length == c.length && Crc32.Compute(data) == 0; // only if the (zero) CRC truly matches
            }
            catch (InvalidDataException)
            {
                return true;
            }
        }));
    }

    [Fact]
    public void Trailing_garbage_and_absurd_lengths_are_errors()
    {
        byte[] file = Compressor.Compress(Sample, "order3");
        Assert.Throws<InvalidDataException>(() => Compressor.Decompress([.. file, 1, 2, 3]));

        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(6), long.MaxValue);
        Assert.Contains("impossible", Assert.Throws<InvalidDataException>(() => Compressor.Decompress(file)).Message);
    }

    [Fact]
    public void Random_data_is_stored_rather_than_expanded()
    {
        var noise = new byte[5000];
        new Random(9).NextBytes(noise);
        var result = Compressor.CompressWithStats(noise, "order3");
        Assert.True(result.Stored);
        Assert.True(result.IdealBits > 8 * noise.Length); // the model itself would have expanded it
        Assert.Equal(Compressor.HeaderLength + noise.Length, result.Bytes.Length);
        Assert.Equal("stored", Compressor.ReadHeader(result.Bytes).Model.Name);
        Assert.Equal(noise, Compressor.Decompress(result.Bytes));

        result.Bytes[Compressor.HeaderLength + 10] ^= 1;
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => Compressor.Decompress(result.Bytes)).Message);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Compressor.Decompress(result.Bytes.AsSpan(0, 100))).Message);
    }

    [Fact]
    public void Extremely_compressible_data_is_not_mistaken_for_a_lie_about_its_length()
    {
        var zeros = new byte[500_000];
        byte[] file = Compressor.Compress(zeros, "order0");
        Assert.True(file.Length < Compressor.HeaderLength + 16, $"{file.Length} bytes");
        Assert.Equal(zeros, Compressor.Decompress(file));
    }

    [Fact]
    public void Better_models_compress_text_better()
    {
        byte[] text = string.Concat(Enumerable.Repeat("the rain in spain falls mainly on the plain. ", 40)).Select(c => (byte)c).ToArray();
        int Size(string model) => Compressor.Compress(text, model).Length;
        Assert.True(Size("uniform") > Size("order0"));
        Assert.True(Size("order0") > Size("order2"));
        Assert.True(Size("order2") > Size("cm"));
    }

    [Fact]
    public void Stats_report_the_ideal_length_of_the_code()
    {
        var result = Compressor.CompressWithStats(Sample, "order1");
        double codeBytes = result.Bytes.Length - Compressor.HeaderLength;
        Assert.InRange(codeBytes - result.IdealBits / 8, -1, 4);
        Assert.Equal(8.0 * result.Bytes.Length / Sample.Length, result.BitsPerByte, 12);
    }
}
