namespace NotebookRunner;

/// <summary>`benchmark compression [files...]`: our models against standard compressors.</summary>
internal static class CompressionBenchmark
{
    public static int Execute(string[] args)
    {
        Console.Error.WriteLine("not implemented yet");
        return 1;
    }
}
