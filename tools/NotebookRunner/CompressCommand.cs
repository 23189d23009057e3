namespace NotebookRunner;

internal static class CompressCommand
{
    public static int Compress(string[] args)
    {
        Console.Error.WriteLine("not implemented yet");
        return 1;
    }

    public static int Decompress(string[] args)
    {
        Console.Error.WriteLine("not implemented yet");
        return 1;
    }
}
