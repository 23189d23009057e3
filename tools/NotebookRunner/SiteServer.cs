using System.Net;
using System.Net.Sockets;

namespace NotebookRunner;

/// <summary>
/// A small static file server on 127.0.0.1 for the exported site (the `serve` verb, and the lab's browser tests): the
/// lab's WebAssembly cannot load from file://. Serves <see cref="Root"/> with the MIME types the browser insists on (.wasm as application/wasm, .js as
/// JavaScript); GET only, no directory listings, nothing outside the root.
/// </summary>
public sealed class SiteServer : IDisposable
{
    private static readonly Dictionary<string, string> MimeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".wasm"] = "application/wasm",
        [".txt"] = "text/plain; charset=utf-8",
        [".h"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".ttf"] = "font/ttf",
    };

    private readonly HttpListener listener = new();
    private readonly Task loop;

    /// <param name="root">The folder to serve.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    public SiteServer(string root, int port = 0)
    {
        Root = Path.GetFullPath(root);
        if (port == 0) port = FreePort();
        Url = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(Serve);
    }

    /// <summary>The folder served.</summary>
    public string Root { get; }

    /// <summary>The server's address, ending in a slash.</summary>
    public string Url { get; }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            string relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
            string path = Path.GetFullPath(Path.Combine(Root, relative));
            if (context.Request.HttpMethod != "GET" || !path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                response.StatusCode = 404;
                return;
            }
            response.ContentType = MimeTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            byte[] bytes = File.ReadAllBytes(path);
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is IOException or HttpListenerException) { /* the browser went away */ }
    }

    /// <summary>Stops serving.</summary>
    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
