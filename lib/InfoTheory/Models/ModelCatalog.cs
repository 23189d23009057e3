namespace InfoTheory.Models;

/// <summary>A model the compressor can use: its name (for people), id (stored in compressed files) and what it is.</summary>
public sealed record ModelInfo(string Name, byte Id, string Description);

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
        new("uniform", 0, "every byte equally likely: exactly 8 bits per byte"),
        new("order0", 1, "byte frequencies (adaptive unigram)"),
        new("order1", 2, "n-gram on the previous byte"),
        new("order2", 3, "n-gram on the previous 2 bytes"),
        new("order3", 4, "n-gram on the previous 3 bytes"),
        new("order4", 5, "n-gram on the previous 4 bytes"),
        new("order5", 6, "n-gram on the previous 5 bytes"),
        new("cm", 10, "context mixing: orders 0-4 and 6, word and match models, learned logistic mixer"),
    ];

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
    public static ModelInfo Stored { get; } = new("stored", 255, "no model: the bytes as they are (the model would have expanded them)");

    /// <summary>The model with file id <paramref name="id"/> (or <see cref="Stored"/>), or null.</summary>
    public static ModelInfo? FindById(byte id) => id == Stored.Id ? Stored : All.FirstOrDefault(m => m.Id == id);

    /// <summary>
    /// A fresh model called <paramref name="name"/>, sized for an input of <paramref name="inputLength"/>
    /// bytes (only the context-mixing model's table size depends on it).
    /// </summary>
    public static ISequenceModel Create(string name, long inputLength)
    {
        ModelInfo info = Find(name);
        return info.Name switch
        {
            "uniform" => new UniformModel(),
            "cm" => new ContextMixingModel(ContextMixingModel.TableBitsFor(inputLength)),
            _ => new NGramModel(info.Name[^1] - '0'),
        };
    }
}
