using System.Reflection;

namespace InfoTheory.Charts;

/// <summary>
/// The pinned copy of plotly.js (npm package plotly.js-dist-min, MIT licence; see plotly.LICENSE.txt)
/// built into this library, so charts draw with no internet connection.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The plotly.js version embedded here (Charts/plotly.min.js).</summary>
    public const string Version = "4.1.2";

    /// <summary>
    /// The attribute that marks the script element carrying plotly.js inside a figure's HTML
    /// (<see cref="SharedNames.PlotlyInlineAttribute"/>). A static page can remove that element and load one
    /// plotly.min.js in its head instead; the figures still draw.
    /// </summary>
    public const string InlineAttribute = SharedNames.PlotlyInlineAttribute;

    private static readonly Lazy<string> source = new(Load);
    private static readonly Lazy<string> inlineScript = new(() => $"{SharedNames.PlotlyInlineScriptTag}{source.Value}</script>");

    /// <summary>The whole minified plotly.js, about 4.8 MB of JavaScript.</summary>
    public static string Source => source.Value;

    /// <summary>plotly.js in a script element marked with <see cref="InlineAttribute"/>.</summary>
    public static string InlineScript => inlineScript.Value;

    private static string Load()
    {
        const string name = "InfoTheory.Charts.plotly.min.js";
        using var stream = typeof(PlotlyJs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing; rebuild lib/InfoTheory.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
