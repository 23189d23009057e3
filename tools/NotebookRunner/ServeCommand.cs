using System.Globalization;
using NotebookRunner.Engine;

namespace NotebookRunner;

/// <summary>
/// <c>serve [DIR] [--port N]</c>: serves the exported site (default out/site at the repository root) on 127.0.0.1 and
/// prints its address, until Ctrl+C. The lab's pages need this: WebAssembly does not load from file://.
/// </summary>
internal static class ServeCommand
{
    public static int Execute(string[] args)
    {
        string site;
        int port;
        try
        {
            var commandLine = CommandLine.Parse(args, "port");
            if (commandLine.Paths.Count > 1) throw new ArgumentException("give at most one folder to serve.");
            var root = NotebookFiles.FindRepositoryRoot();
            site = commandLine.Paths.Count == 1 ? commandLine.Paths[0]
                : root is not null ? Path.Combine(root, "out", "site")
                : throw new ArgumentException($"no {NotebookFiles.SolutionFile} found above the working directory; give the site's folder.");
            if (!File.Exists(Path.Combine(site, "index.html")))
                throw new ArgumentException($"'{site}' has no index.html: run `export` first, or give the folder of an exported site.");
            port = commandLine.Options.TryGetValue("port", out var text) ? ParsePort(text) : 8080;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"serve: {e.Message}");
            return 2;
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

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535
            ? port
            : throw new ArgumentException($"--port needs a number from 0 to 65535, got '{text}'.");
}
