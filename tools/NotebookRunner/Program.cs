// The course's command-line tool: runs notebooks headless, exports them, benchmarks, and compresses files.
// Each verb lives in its own file; this file only dispatches.
using NotebookRunner;

// The hidden verb the tool starts each notebook's kernel process with (see Engine/KernelHost.cs).
if (args is [NotebookRunner.Engine.KernelProtocol.HostVerb]) return await NotebookRunner.Engine.KernelHost.RunAsync();

return args.Length == 0 || args[0] is "-h" or "--help" or "help"
    ? Usage.Print()
    : args[0] switch
    {
        "run" => RunCommand.Execute(args[1..]),
        "export" => ExportCommand.Execute(args[1..]),
        "benchmark" => BenchmarkCommand.Execute(args[1..]),
        "serve" => ServeCommand.Execute(args[1..]),
        "compress" => CompressCommand.Compress(args[1..]),
        "decompress" => CompressCommand.Decompress(args[1..]),
        _ => Usage.Unknown(args[0]),
    };
