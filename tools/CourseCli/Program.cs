// The course's own command line: the model-driven compressor, its benchmark, and the whole course site with its lab.
// The verbs are declared in CourseCommands.cs; the notebook verbs (run, export, serve) are the notebook tool's.
using CourseCli;

// The export runs each notebook's kernel in a child process started with the notebook tool's hidden verb.
if (args is [NotebookRunner.Engine.KernelProtocol.HostVerb]) return await NotebookRunner.Engine.KernelHost.RunAsync();

return NotebookRunner.CommandLine.Invoke(CourseCommands.Root(), args);
