using System.Collections.Concurrent;

namespace InfoTheory.Charts;

/// <summary>
/// Settings that belong to one notebook ("document"): its theme, whether plotly.js was already sent to
/// it, and whether to send it with every figure. A real kernel runs one notebook per process, so there
/// the document is the process. Our runner runs many notebooks in one process and names each through
/// <c>AppContext.SetData("InfoTheory.DocumentId", …)</c>, so one notebook's theme never leaks into the next.
/// </summary>
internal static class ChartSettings
{
    /// <summary>The AppContext key our runner sets for each notebook it runs.</summary>
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
