using System.IO.Compression;
using System.Security.Cryptography;

namespace InfoTheory;

/// <summary>
/// Labelled greyscale images, each a row-major vector of Width × Height pixel intensities in [0, 1]
/// (0 = background, 1 = full ink).
/// </summary>
/// <param name="Images">Images[i] is the i-th picture, pixel (row r, column c) at index r · Width + c.</param>
/// <param name="Labels">Labels[i] is the class of the i-th picture, 0 … ClassNames.Count − 1.</param>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows per picture.</param>
/// <param name="ClassNames">The name of each class, by label.</param>
public sealed record ImageSet(IReadOnlyList<double[]> Images, IReadOnlyList<int> Labels, int Width, int Height,
    IReadOnlyList<string> ClassNames)
{
    /// <summary>How many images there are.</summary>
    public int Count => Labels.Count;

    /// <summary>Pixels per image (Width × Height).</summary>
    public int PixelCount => Width * Height;

    /// <summary>How many classes there are.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>The first <paramref name="count"/> images (a smaller set for a quicker experiment).</summary>
    public ImageSet Take(int count)
    {
        if (count < 1 || count > Count)
            throw new ArgumentException($"count must be between 1 and {Count} (the images in this set), not {count}.", nameof(count));
        return this with { Images = Images.Take(count).ToArray(), Labels = Labels.Take(count).ToArray() };
    }
}

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT licence; see data/README.md): 28 × 28 pictures of clothing in ten
/// classes. <see cref="Train"/> is the first 10,000 images of the original training set, <see cref="Test"/>
/// the 10,000-image test set. Every file is checked against data/fashion-mnist/SHA256SUMS before it is read.
/// </summary>
public static class FashionMnist
{
    /// <summary>The ten class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private const string Restore =
        "Restore it with `git checkout -- data/fashion-mnist` or copy it again from ../shared/datasets/fashion-mnist/ (see data/README.md).";

    /// <summary>The 10,000 training images. <paramref name="folder"/> defaults to the repository's data/fashion-mnist/.</summary>
    public static ImageSet Train(string? folder = null) => Load(folder, "train-10k");

    /// <summary>The 10,000 test images, for held-out measurements.</summary>
    public static ImageSet Test(string? folder = null) => Load(folder, "t10k");

    /// <summary>The repository's data/fashion-mnist/ folder, found the way <see cref="Corpus"/> finds data/.</summary>
    public static string Folder() => Path.Combine(Corpus.DataFolder(), "fashion-mnist");

    private static ImageSet Load(string? folder, string prefix)
    {
        folder ??= Folder();
        var sums = ReadChecksums(folder);
        byte[] images = ReadChecked(folder, $"{prefix}-images-idx3-ubyte.gz", sums);
        byte[] labels = ReadChecked(folder, $"{prefix}-labels-idx1-ubyte.gz", sums);
        var (pixels, count, height, width) = ParseImages(images, $"{prefix}-images-idx3-ubyte.gz");
        var classes = ParseLabels(labels, $"{prefix}-labels-idx1-ubyte.gz");
        if (classes.Length != count)
            throw new InvalidDataException($"{prefix}: {count} images but {classes.Length} labels. {Restore}");
        int bad = Array.FindIndex(classes, c => c >= ClassNames.Count);
        if (bad >= 0)
            throw new InvalidDataException($"{prefix}-labels-idx1-ubyte.gz gives image {bad} the label {classes[bad]}, but classes are 0 to 9. {Restore}");

        int size = width * height;
        var vectors = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var image = new double[size];
            for (int p = 0; p < size; p++) image[p] = pixels[i * size + p] / 255.0;
            vectors[i] = image;
        }
        return new ImageSet(vectors, classes.Select(c => (int)c).ToArray(), width, height, ClassNames);
    }

    /// <summary>SHA256SUMS: lines "hex  file name".</summary>
    private static Dictionary<string, string> ReadChecksums(string folder)
    {
        string path = Path.Combine(folder, "SHA256SUMS");
        if (!File.Exists(path)) throw new FileNotFoundException($"The checksum list {path} is missing. {Restore}", path);
        return File.ReadAllLines(path)
            .Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[1].Trim().TrimStart('*'), parts => parts[0].ToLowerInvariant());
    }

    /// <summary>The decompressed bytes of a data file whose SHA-256 matches SHA256SUMS.</summary>
    private static byte[] ReadChecked(string folder, string file, Dictionary<string, string> sums)
    {
        string path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"The data file {path} is missing. {Restore}", path);
        byte[] compressed = File.ReadAllBytes(path);
        if (!sums.TryGetValue(file, out var expected))
            throw new InvalidDataException($"SHA256SUMS in {folder} has no line for {file}. {Restore}");
        string actual = Convert.ToHexString(SHA256.HashData(compressed)).ToLowerInvariant();
        if (actual != expected)
            throw new InvalidDataException($"{path} is damaged: its SHA-256 is {actual}, not {expected} as SHA256SUMS says. {Restore}");
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            return bytes.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path} is not a readable gzip file ({e.Message}). {Restore}", e);
        }
    }

    // IDX: a 4-byte magic number (0, 0, type 0x08 = unsigned byte, number of dimensions), then each dimension
    // as a big-endian 32-bit integer, then the values.

    private static (byte[] Pixels, int Count, int Height, int Width) ParseImages(byte[] idx, string file)
    {
        int[] shape = Header(idx, file, dimensions: 3);
        return (idx[(4 + 4 * 3)..], shape[0], shape[1], shape[2]);
    }

    private static byte[] ParseLabels(byte[] idx, string file) => idx[(4 + 4 * Header(idx, file, dimensions: 1).Length)..];

    private static int[] Header(byte[] idx, string file, int dimensions)
    {
        int headerLength = 4 + 4 * dimensions;
        if (idx.Length < headerLength || idx[0] != 0 || idx[1] != 0 || idx[2] != 0x08 || idx[3] != dimensions)
            throw new InvalidDataException($"{file} does not start with an IDX header of {dimensions}-dimensional bytes. {Restore}");
        var shape = new int[dimensions];
        long values = 1;
        for (int d = 0; d < dimensions; d++)
        {
            int at = 4 + 4 * d;
            shape[d] = (idx[at] << 24) | (idx[at + 1] << 16) | (idx[at + 2] << 8) | idx[at + 3];
            if (shape[d] <= 0) throw new InvalidDataException($"{file}: dimension {d} of its header is {shape[d]}. {Restore}");
            values *= shape[d];
        }
        if (idx.Length - headerLength != values)
            throw new InvalidDataException(
                $"{file} is truncated or padded: its header promises {values} values but it holds {idx.Length - headerLength}. {Restore}");
        return shape;
    }
}
