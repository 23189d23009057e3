namespace InfoTheory.Models;

/// <summary>A model the compressor can use: its name (for people), id (stored in compressed files), what it is, and how to make one.</summary>
/// <param name="Name">The name people and commands use.</param>
/// <param name="Id">The byte stored in compressed files.</param>
/// <param name="Description">One line saying what the model is.</param>
/// <param name="NewModel">Makes a fresh model for an input of the given length (only the context-mixing model's table size depends on it).</param>
public sealed record ModelInfo(string Name, byte Id, string Description, Func<long, ISequenceModel> NewModel);

/// <summary>
/// The models known by name, from weakest to strongest: the ladder of lesson 09. Each name makes a
/// fresh model, which is what both compressing and decompressing need.
/// </summary>
public static class ModelCatalog
{
    /// <summary>The strongest model, used when none is named.</summary>
    public const string DefaultModel = "cm";

    /// <summary>Every model, weakest first.</summary>
    public static IReadOnlyList<ModelInfo> All { get; } =
    [
        new("uniform", 0, "every byte equally likely: exactly 8 bits per byte", _ => new UniformModel()),
        NGram(1, 0, "byte frequencies (adaptive unigram)"),
        NGram(2, 1, "n-gram on the previous byte"),
        NGram(3, 2, "n-gram on the previous 2 bytes"),
        NGram(4, 3, "n-gram on the previous 3 bytes"),
        NGram(5, 4, "n-gram on the previous 4 bytes"),
        NGram(6, 5, "n-gram on the previous 5 bytes"),
        new("cm", 10, "context mixing: orders 0-4, 6, 10 and 16, four word, column, two indirect, sparse, two run and two match models, four mixers and a final one, three secondary estimates",
            length => new ContextMixingModel(ContextMixingModel.TableBitsFor(length))),
    ];

    private static ModelInfo NGram(byte id, int order, string description) =>
        new($"order{order}", id, description, _ => new NGramModel(order));

    /// <summary>The model called <paramref name="name"/> (case-insensitive); throws <see cref="ArgumentException"/> listing the names otherwise.</summary>
    public static ModelInfo Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown model '{name}'. Known models: {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));
    }

    /// <summary>
    /// Not a model: the file id the compressor writes when the chosen model would have made the data
    /// bigger (random or already compressed input), and it stored the bytes as they are instead.
    /// </summary>
    public static ModelInfo Stored { get; } = new("stored", 255, "no model: the bytes as they are (the model would have expanded them)",
        _ => throw new InvalidOperationException("'stored' is not a model: stored data is copied as it is."));

    /// <summary>The model with file id <paramref name="id"/> (or <see cref="Stored"/>), or null.</summary>
    public static ModelInfo? FindById(byte id) => id == Stored.Id ? Stored : All.FirstOrDefault(m => m.Id == id);

    /// <summary>
    /// A fresh model called <paramref name="name"/>, sized for an input of <paramref name="inputLength"/>
    /// bytes (only the context-mixing model's table size depends on it).
    /// </summary>
    public static ISequenceModel Create(string name, long inputLength) => Find(name).NewModel(inputLength);

    /// <summary>
    /// The model that decodes a file of format <paramref name="formatVersion"/> written with <paramref name="model"/>.
    /// Version 1 files were written by the first context-mixing model, kept as <see cref="ContextMixingModelV1"/>;
    /// version 2 was the context-mixing model while it was being developed, and its files cannot be
    /// decoded; versions 3 and 4 are rebuilt by <see cref="ContextMixingModel.Version3"/> and
    /// <see cref="ContextMixingModel.Version4"/> (today's model without the parts later versions added);
    /// the n-gram models have not changed since version 1.
    /// </summary>
    /// <exception cref="InvalidDataException">A version-2 file of the context-mixing model.</exception>
    public static ISequenceModel CreateForFormat(ModelInfo model, int formatVersion, long inputLength) =>
        (formatVersion, model.Name) switch
        {
            (1, "cm") => new ContextMixingModelV1(ContextMixingModelV1.TableBitsFor(inputLength)),
            (3, "cm") => ContextMixingModel.Version3(ContextMixingModel.TableBitsFor(inputLength)),
            (4, "cm") => ContextMixingModel.Version4(ContextMixingModel.TableBitsFor(inputLength)),
            (2, "cm") => throw new InvalidDataException(
                "This file was written by format version 2 of the \"cm\" model, a development version that changed " +
                "before its release and cannot be decoded by this library (which reads cm files of versions 1, 3, 4 and 5). " +
                "Decompress it with the program that wrote it (git commit 297bcd3 of this course or earlier), then compress it again."),
            _ => model.NewModel(inputLength),
        };
}
