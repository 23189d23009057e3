using NotebookRunner.Engine;

namespace NotebookRunner;

/// <summary>
/// <c>serve [DIR] [--port N]</c>: serves the exported site (default out/site at the repository root) on 127.0.0.1 and
/// prints its address, until Ctrl+C. The lab's pages need this: WebAssembly does not load from file://.
/// </summary>
internal static class ServeCommand
{
    public static int Execute(string? folder, int port)
    {
        string site;
        try
        {
            var root = NotebookFiles.FindRepositoryRoot();
            site = folder
                ?? (root is not null ? Path.Combine(root, "out", "site")
                : throw new ArgumentException($"no {NotebookFiles.SolutionFile} found above the working directory; give the site's folder."));
            if (!File.Exists(Path.Combine(site, "index.html")))
                throw new ArgumentException($"'{site}' has no index.html: run `export` first, or give the folder of an exported site.");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"serve: {e.Message}");
            return CommandLine.UsageError;
        }

        SiteServer server;
        try
        {
            server = new SiteServer(site, port);
        }
        catch (System.Net.HttpListenerException e)
        {
            Console.Error.WriteLine($"serve: cannot listen on 127.0.0.1:{port} ({e.Message}); try another --port, or --port 0 for a free one.");
            return 1;
        }
        using (server)
        {
            Console.WriteLine($"Serving {NotebookFiles.Display(Path.GetFullPath(site))} at {server.Url} (Ctrl+C to stop).");
            Console.WriteLine($"The lab: {server.Url}lab/");
            var stop = new ManualResetEventSlim();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
            stop.Wait();
        }
        return 0;
    }
}
