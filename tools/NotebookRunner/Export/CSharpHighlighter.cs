using System.Collections.Immutable;
using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Classification;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace NotebookRunner.Export;

/// <summary>
/// Highlights the C# cells of a notebook with Roslyn's own classifier, the one editors use: each cell is parsed
/// as a script submission that follows the cells before it (as the kernel runs them), so a type or method the
/// notebook declared or referenced with <c>#r</c> is named as such. Each token's classification becomes a span
/// with one of a handful of CSS classes (<see cref="CssClass"/>); everything is HTML-escaped.
/// Lines of notebook magic (<c>#!…</c>) are not C#: they are shown as directives.
/// </summary>
public static partial class CSharpHighlighter
{
    // The kernel's default imports (see DESIGN.md), so that List, Math, Enumerable… classify as types, and its
    // helpers display(…) and HTML(…), imported as static members of the kernel's Kernel class.
    private static readonly string[] DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        typeof(Microsoft.DotNet.Interactive.Kernel).FullName!,
    ];

    private static readonly CSharpParseOptions ScriptParse =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    // One workspace gives the classifier its services; it holds no documents, so it is shared.
    private static readonly Lazy<AdhocWorkspace> Workspace = new(() => new AdhocWorkspace(MefHostServices.DefaultHost));

    // The running framework's assemblies (System.Runtime, System.Linq, …), read once.
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. Directory.EnumerateFiles(folder, "System*.dll").Append(Path.Combine(folder, "mscorlib.dll"))
            .Where(IsManagedAssembly).Append(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    });

    /// <summary>One cell on its own as HTML with highlighting spans (no earlier cells, <c>#r</c> resolved from the working directory).</summary>
    public static string ToHtml(string code) => NotebookToHtml([code], Directory.GetCurrentDirectory())[0];

    /// <summary>
    /// The code cells of one notebook, in order, as HTML. <paramref name="notebookFolder"/> is where
    /// <c>#r "relative/path.dll"</c> and <c>#load</c> resolve, as in the kernel.
    /// </summary>
    public static IReadOnlyList<string> NotebookToHtml(IReadOnlyList<string> cells, string notebookFolder)
    {
        notebookFolder = Path.GetFullPath(notebookFolder);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: DefaultImports,
                nullableContextOptions: NullableContextOptions.Disable)
            .WithMetadataReferenceResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookFolder))
            .WithSourceReferenceResolver(new SourceFileResolver([], notebookFolder));
        // Each cell follows the last cell that compiled: Roslyn refuses to continue from a submission with errors
        // (a name from an unresolved package, say), so the declarations of such a cell are not known to later ones.
        CSharpCompilation? previous = null, lastClean = null;
        var html = new List<string>(cells.Count);
        foreach (var (code, index) in cells.Select((c, i) => (c, i)))
        {
            var (csharp, notebookLines) = HideNotebookLines(code);
            var tree = CSharpSyntaxTree.ParseText(csharp, ScriptParse, path: Path.Combine(notebookFolder, $"cell{index + 1}.csx"));
            CSharpCompilation Submission(CSharpCompilation? after) =>
                CSharpCompilation.CreateScriptCompilation($"Submission{index}", tree, Framework.Value, options, after);
            CSharpCompilation compilation;
            try
            {
                compilation = Submission(previous);   // Roslyn checks here that the previous cell compiled
                lastClean = previous;
            }
            catch (InvalidOperationException)
            {
                compilation = Submission(lastClean);
            }
            var model = compilation.GetSemanticModel(tree);
#pragma warning disable CS0618 // the async form needs a Document in a project; this one classifies a model directly
            var spans = Classifier.GetClassifiedSpans(model, new TextSpan(0, csharp.Length), Workspace.Value)
                .Select(s => (s.TextSpan, Class: CssClass(s.ClassificationType)))
                .Where(s => s.Class is not null)
                .Concat(notebookLines.Select(line => (line.Span, Class: (string?)line.Class)))
                .OrderBy(s => s.Item1.Start);
#pragma warning restore CS0618
            html.Add(Render(code, spans!));
            previous = compilation;
        }
        return html;
    }

    /// <summary>
    /// The CSS class for a Roslyn classification, or null for text shown plain (names of locals, punctuation,
    /// operators) and for the additive classifications such as "static symbol".
    /// </summary>
    public static string? CssClass(string classification) => classification switch
    {
        ClassificationTypeNames.Keyword => "c-keyword",
        ClassificationTypeNames.ControlKeyword => "c-control",
        ClassificationTypeNames.StringLiteral or ClassificationTypeNames.VerbatimStringLiteral => "c-string",
        ClassificationTypeNames.StringEscapeCharacter => "c-escape",
        ClassificationTypeNames.NumericLiteral => "c-number",
        ClassificationTypeNames.Comment => "c-comment",
        ClassificationTypeNames.PreprocessorKeyword or ClassificationTypeNames.PreprocessorText => "c-directive",
        ClassificationTypeNames.ClassName or ClassificationTypeNames.RecordClassName or ClassificationTypeNames.StructName
            or ClassificationTypeNames.RecordStructName or ClassificationTypeNames.InterfaceName or ClassificationTypeNames.EnumName
            or ClassificationTypeNames.DelegateName or ClassificationTypeNames.TypeParameterName => "c-type",
        ClassificationTypeNames.MethodName or ClassificationTypeNames.ExtensionMethodName => "c-method",
        _ when classification.StartsWith("xml doc comment", StringComparison.Ordinal) => "c-comment",
        _ => null,
    };

    /// <summary>The code with each span wrapped; overlapping spans keep the first (the classifier's finer ones come later).</summary>
    private static string Render(string code, IEnumerable<(TextSpan Span, string Class)> spans)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (var (span, cssClass) in spans)
        {
            if (span.Start < position || span.IsEmpty) continue;
            html.Append(Escape(code[position..span.Start]));
            html.Append($"<span class=\"{cssClass}\">{Escape(code.Substring(span.Start, span.Length))}</span>");
            position = span.End;
        }
        return html.Append(Escape(code[position..])).ToString();
    }

    /// <summary>
    /// The code with the lines Roslyn cannot read blanked out (same length, so positions still match), and their
    /// spans: <c>#!</c> magic, and <c>#r "nuget: …"</c>, which only the kernel resolves (left in, it would be an
    /// error that cuts the cell off from the cells after it). <c>#r "file.dll"</c> and <c>#load</c> stay: Roslyn
    /// reads them as script directives.
    /// </summary>
    private static (string Code, IReadOnlyList<(TextSpan Span, string Class)> Lines) HideNotebookLines(string code)
    {
        var hidden = new List<(TextSpan, string)>();
        var chars = code.ToCharArray();
        var start = 0;
        while (start < code.Length)
        {
            var end = code.IndexOf('\n', start);
            if (end < 0) end = code.Length;
            var line = code.AsSpan(start, end - start).TrimEnd('\r');
            var trimmed = line.TrimStart();
            var from = start + (line.Length - trimmed.Length);
            if (trimmed.StartsWith("#!"))
            {
                hidden.Add((new TextSpan(from, trimmed.Length), "c-directive"));
            }
            else if (NuGetReference().Match(trimmed.ToString()) is { Success: true } nuget)
            {
                var package = nuget.Groups["package"];
                hidden.Add((new TextSpan(from, "#r".Length), "c-directive"));
                hidden.Add((new TextSpan(from + package.Index, package.Length), "c-string"));
            }
            else
            {
                start = end + 1;
                continue;
            }
            Array.Fill(chars, ' ', from, trimmed.Length);
            start = end + 1;
        }
        return (new string(chars), hidden);
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^#r\s+(?<package>"nuget:[^"]*"?)""")]
    private static partial System.Text.RegularExpressions.Regex NuGetReference();

    private static bool IsManagedAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return reader.HasMetadata;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
