namespace NotebookRunner;

internal static class Usage
{
    public const string Text = """
        usage: dotnet run --project tools/NotebookRunner -c Release -- <verb> [options]

          run [paths...] [--timeout SECONDS]   run notebooks (.dib files or folders) headless
          export [paths...] [--out DIR] [--timeout SECONDS] [--plotly FILE]
                                               run every notebook, write DIR/notebooks/<folder>/<name>.ipynb
                                               and the static site DIR/site/ with its lab (default DIR: out/;
                                               charts load FILE, default lib/InfoTheory/Charts/plotly.min.js)
          serve [DIR] [--port N]               serve the exported site (default out/site) on 127.0.0.1:8080
                                               (--port 0: a free port); the lab needs http, not file://
          benchmark notebooks [paths...]       time every notebook and cell (use -c Release)
          benchmark compression [files...]     bits per byte of our models vs gzip, Brotli, bzip2, xz, zstd
          compress <input> <output> [--model NAME] [--force]
          decompress <input> <output> [--force]

        With no paths, notebooks/, exercises/ and solutions/ are used. --timeout limits each cell (default 120).
        Exit codes: 0 success, 1 a notebook failed, 2 bad arguments.
        """;

    public static int Print()
    {
        Console.WriteLine(Text);
        return 0;
    }

    public static int Unknown(string verb)
    {
        Console.Error.WriteLine($"unknown verb '{verb}'.");
        Console.Error.WriteLine(Text);
        return 2;
    }
}
