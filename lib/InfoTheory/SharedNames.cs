namespace InfoTheory;

/// <summary>
/// Names that the library writes into its HTML and the notebook tool (tools/NotebookRunner) reads back.
/// Both compile this one file (the tool links it as a source file), so the two sides cannot drift apart.
/// Keep it free of any other library type: only string constants live here.
/// </summary>
public static class SharedNames
{
    /// <summary>
    /// The attribute on the script element that carries the whole of plotly.js inline in a figure's HTML.
    /// A static page removes that element and loads one plotly.min.js in its head instead.
    /// </summary>
    public const string PlotlyInlineAttribute = "data-itn-plotly=\"inline\"";

    /// <summary>The opening tag of that script element, exactly as the library writes it.</summary>
    public const string PlotlyInlineScriptTag = "<script " + PlotlyInlineAttribute + ">";

    /// <summary>The CSS class of the element a plotly figure is drawn into.</summary>
    public const string FigureClass = "itn-figure";
}
