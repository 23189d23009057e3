namespace NotebookRunner;

internal static class BenchmarkCommand
{
    public static int Execute(string[] args)
    {
        Console.Error.WriteLine("not implemented yet");
        return 1;
    }
}
