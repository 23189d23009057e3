using System.IO.Compression;
using System.Security.Cryptography;
using InfoTheory;
using Xunit;

namespace InfoTheory.Tests;

public class FashionMnistTests
{
    [Fact]
    public void The_test_set_has_ten_thousand_28_by_28_images_a_thousand_per_class()
    {
        var test = FashionMnist.Test();
        Assert.Equal(10_000, test.Count);
        Assert.Equal((28, 28, 784), (test.Width, test.Height, test.PixelCount));
        Assert.All(test.Images, image => Assert.Equal(784, image.Length));
        Assert.All(test.Images.Take(200), image => Assert.All(image, v => Assert.InRange(v, 0.0, 1.0)));
        // Fashion-MNIST's test set is balanced: 1,000 images of each of the ten classes.
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1000, test.Labels.Count(l => l == c)));
        Assert.Equal("Ankle boot", test.ClassNames[9]);
    }

    [Fact]
    public void The_training_subset_has_ten_thousand_images_of_all_ten_classes()
    {
        var train = FashionMnist.Train();
        Assert.Equal(10_000, train.Count);
        Assert.Equal(10, train.Labels.Distinct().Count());
        // Pixels are bytes / 255: every value is a multiple of 1/255, and some pixels are full ink.
        Assert.All(train.Images[0], v => Assert.Equal(Math.Round(v * 255), v * 255, 1e-9));
        Assert.Contains(train.Images.Take(100).SelectMany(i => i), v => v == 1.0);
    }

    [Fact]
    public void Take_keeps_the_first_images_and_their_labels()
    {
        var test = FashionMnist.Test();
        var few = test.Take(5);
        Assert.Equal(test.Labels.Take(5), few.Labels);
        Assert.Same(test.Images[4], few.Images[4]);
        Assert.Equal("count", Assert.Throws<ArgumentException>(() => test.Take(0)).ParamName);
    }

    [Fact]
    public void A_missing_file_names_the_file_and_how_to_restore_it()
    {
        using var copy = new TempCopy();
        File.Delete(Path.Combine(copy.Folder, "t10k-labels-idx1-ubyte.gz"));
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Test(copy.Folder));
        Assert.Contains("t10k-labels-idx1-ubyte.gz", e.Message);
        Assert.Contains("git checkout", e.Message);
        // The training files are still intact.
        Assert.Equal(10_000, FashionMnist.Train(copy.Folder).Count);
    }

    [Fact]
    public void A_missing_checksum_list_is_a_missing_file()
    {
        using var copy = new TempCopy();
        File.Delete(Path.Combine(copy.Folder, "SHA256SUMS"));
        Assert.Contains("SHA256SUMS", Assert.Throws<FileNotFoundException>(() => FashionMnist.Train(copy.Folder)).Message);
    }

    [Fact]
    public void A_truncated_file_fails_its_checksum()
    {
        using var copy = new TempCopy();
        string path = Path.Combine(copy.Folder, "train-10k-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Train(copy.Folder));
        Assert.Contains("train-10k-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void One_changed_byte_fails_the_checksum()
    {
        using var copy = new TempCopy();
        string path = Path.Combine(copy.Folder, "t10k-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("t10k-images-idx3-ubyte.gz is damaged", Assert.Throws<InvalidDataException>(() => FashionMnist.Test(copy.Folder)).Message);
    }

    [Fact]
    public void A_file_whose_checksum_matches_but_whose_contents_are_short_is_refused_by_the_reader()
    {
        // Two hand-made 2×2 images and their labels; then the same with one pixel missing.
        using var folder = new TempCopy(empty: true);
        byte[] images = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 255, 51, 0, 255, 255, 0, 0];
        byte[] labels = [0, 0, 8, 1, 0, 0, 0, 2, 9, 1];
        folder.WriteGzip("t10k-images-idx3-ubyte.gz", images);
        folder.WriteGzip("t10k-labels-idx1-ubyte.gz", labels);
        var set = FashionMnist.Test(folder.Folder);
        Assert.Equal([9, 1], set.Labels);
        Assert.Equal([0.0, 1.0, 0.2, 0.0], set.Images[0]);
        Assert.Equal((2, 2), (set.Width, set.Height));

        folder.WriteGzip("t10k-images-idx3-ubyte.gz", images[..^1]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => FashionMnist.Test(folder.Folder)).Message);

        folder.WriteGzip("t10k-images-idx3-ubyte.gz", [0, 0, 8, 1, 0, 0, 0, 2, 0, 0]);   // labels where images belong
        Assert.Contains("IDX header", Assert.Throws<InvalidDataException>(() => FashionMnist.Test(folder.Folder)).Message);
    }

    /// <summary>A temporary copy of data/fashion-mnist/ (or an empty folder with its own SHA256SUMS), deleted after the test.</summary>
    private sealed class TempCopy : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "fashion-mnist-test-" + Guid.NewGuid().ToString("N"));

        public TempCopy(bool empty = false)
        {
            Directory.CreateDirectory(Folder);
            if (empty) { File.WriteAllText(Path.Combine(Folder, "SHA256SUMS"), ""); return; }
            foreach (var file in Directory.GetFiles(FashionMnist.Folder()))
                File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        /// <summary>Writes <paramref name="content"/> gzip-compressed and records its checksum in SHA256SUMS.</summary>
        public void WriteGzip(string name, byte[] content)
        {
            using (var file = File.Create(Path.Combine(Folder, name)))
            using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
                gzip.Write(content);
            string sum = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder, name)))).ToLowerInvariant();
            var lines = File.ReadAllLines(Path.Combine(Folder, "SHA256SUMS")).Where(l => !l.EndsWith(name)).Append($"{sum}  {name}");
            File.WriteAllLines(Path.Combine(Folder, "SHA256SUMS"), lines);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
