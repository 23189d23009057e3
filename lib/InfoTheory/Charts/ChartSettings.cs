using System.Collections.Concurrent;

namespace InfoTheory.Charts;

/// <summary>
/// Settings that belong to one notebook ("document"): its theme, whether plotly.js was already sent to
/// it, and whether to send it with every figure. The kernel runs each notebook in a process of its own
/// (in VS Code, in Jupyter and in the course's tool alike), so there the document is the process. Tests
/// that render many "notebooks" in one process name each through
/// <c>AppContext.SetData("InfoTheory.DocumentId", …)</c>, so one's theme never leaks into the next.
/// </summary>
internal static class ChartSettings
{
    /// <summary>The AppContext key that names the document in a process that renders several (tests).</summary>
    public const string DocumentIdKey = "InfoTheory.DocumentId";

    private const string WholeProcess = "(process)";

    private static readonly ConcurrentDictionary<string, DocumentSettings> Documents = new();

    /// <summary>The settings of the notebook running now.</summary>
    public static DocumentSettings CurrentDocument => For(AppContext.GetData(DocumentIdKey)?.ToString() ?? WholeProcess);

    public static DocumentSettings For(string documentId) => Documents.GetOrAdd(documentId, id => new DocumentSettings(id));
}

/// <summary>The chart settings of one document; safe to use from several threads.</summary>
internal sealed class DocumentSettings(string id)
{
    private readonly object gate = new();
    private bool plotlySent;

    public string Id { get; } = id;

    public ChartTheme Theme { get; set; } = ChartTheme.Default;

    public bool AlwaysInlinePlotly { get; set; }

    /// <summary>
    /// True when the figure being rendered must carry plotly.js: the first one of the document, or
    /// every one when <see cref="AlwaysInlinePlotly"/> is on. Marks plotly.js as sent.
    /// </summary>
    public bool TakePlotlyTurn()
    {
        lock (gate)
        {
            bool first = !plotlySent;
            plotlySent = true;
            return first || AlwaysInlinePlotly;
        }
    }
}
