// The notebook tool: runs notebooks headless, exports them, serves the site and benchmarks them. It knows nothing of the
// course's library (the course's own verbs are in tools/CourseCli). The verbs are declared in CommandLine.cs; each runs
// in its own *Command.cs file.
using NotebookRunner;

// The hidden verb the tool starts each notebook's kernel process with (see Engine/KernelHost.cs).
if (args is [NotebookRunner.Engine.KernelProtocol.HostVerb]) return await NotebookRunner.Engine.KernelHost.RunAsync();

return CommandLine.Invoke(CommandLine.NotebookTool(), args);
