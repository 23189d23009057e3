using System.Globalization;
using System.Text;
using InfoTheory.Rendering;

namespace InfoTheory.Charts;

/// <summary>
/// Text with each token (or character) shaded by its surprisal in bits: pale for what the model
/// expected, dark for what surprised it. Resting the pointer on a token shows its bits and probability.
/// Plain HTML and CSS, so it shows anywhere HTML does. Made by <see cref="Chart.SurprisalStrip"/>.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record SurprisalStrip : IHtmlRenderable
{
    // ColorBrewer's sequential "YlOrBr" scale (colour-blind safe), from pale yellow (0 bits) to dark brown.
    private static readonly string[] Shades =
        ["#ffffe5", "#fff7bc", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#993404", "#662506"];

    private SurprisalStrip() { }

    /// <summary>The pieces of text, in order; joined they give the text.</summary>
    public IReadOnlyList<string> Tokens { get; private init; } = [];

    /// <summary>The surprisal of each token, −log₂ p, in bits (+∞ when p = 0).</summary>
    public IReadOnlyList<double> Bits { get; private init; } = [];

    public string? Title { get; private init; }

    /// <summary>The surprisal that gets the darkest shade; larger values are shown with it too.</summary>
    public double ScaleMax { get; private init; }

    /// <summary>The average surprisal in bits per token (the cross-entropy of the text under the model).</summary>
    public double MeanBits => Bits.Average();

    /// <summary>2 to the mean bits per token: the number of equally likely choices the model is "as unsure as".</summary>
    public double Perplexity => Math.Pow(2, MeanBits);

    internal static SurprisalStrip Create(IEnumerable<string> tokens, IEnumerable<double> bits, string? title, double? scaleMax)
    {
        var pieces = ChartArgs.NonEmpty(tokens, nameof(tokens));
        var values = ChartArgs.NonEmpty(bits, nameof(bits));
        ChartArgs.SameLength(values.Length, pieces.Length, nameof(bits), nameof(tokens));
        for (int i = 0; i < pieces.Length; i++)
            if (string.IsNullOrEmpty(pieces[i]))
                throw new ArgumentException($"tokens[{i}] is empty; every token needs at least one character.", nameof(tokens));
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || values[i] < 0)
                throw new ArgumentException(
                    $"bits[{i}] is {ChartArgs.Format(values[i])}; a surprisal is −log₂ p, which is ≥ 0 (or +∞ when p = 0). Did you pass probabilities or natural-log values?",
                    nameof(bits));
        }
        if (scaleMax is double top) ChartArgs.RequirePositive(top, nameof(scaleMax));
        double largest = values.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        return new SurprisalStrip
        {
            Tokens = pieces,
            Bits = values,
            Title = ChartArgs.Label(title, nameof(title)),
            ScaleMax = scaleMax ?? (largest > 0 ? largest : 1),
        };
    }

    /// <summary>The strip as HTML: a title, the shaded text and a colour key with the mean and the perplexity.</summary>
    public string ToHtml()
    {
        var theme = Chart.Theme;
        string size = (theme.FontSize * 1.15).ToString("0.#", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append($"<div class=\"itn-strip\" style=\"font-family:{Html.Escape(theme.FontFamily)};font-size:{size}px;margin:6px 0\">");
        if (Title is not null)
            html.Append($"<div class=\"itn-strip-title\" style=\"font-weight:600;margin-bottom:4px\">{Html.Escape(Title)}</div>");
        html.Append("<div class=\"itn-strip-text\" style=\"font-family:ui-monospace,'Cascadia Code','DejaVu Sans Mono',monospace;" +
                    "white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9\">");
        for (int i = 0; i < Tokens.Count; i++)
        {
            string background = ShadeFor(Bits[i] / ScaleMax);
            string hover = $"“{Visible(Tokens[i])}” · {BitsText(Bits[i])} bits · p = {ProbabilityText(Bits[i])}";
            html.Append($"<span class=\"itn-token\" title=\"{Html.Escape(hover)}\" " +
                        $"style=\"background:{background};color:{TextColorOn(background)};border-radius:2px;padding:2px 0\">" +
                        $"{Html.Escape(Shown(Tokens[i]))}</span>");
        }
        html.Append("</div>");
        string gradient = string.Join(",", Shades.Select((c, i) =>
            $"{c} {(100.0 * i / (Shades.Length - 1)).ToString("0.#", CultureInfo.InvariantCulture)}%"));
        html.Append("<div class=\"itn-strip-legend\" style=\"display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-top:6px;font-size:0.85em\">");
        html.Append("<span>0 bits</span>");
        html.Append($"<span style=\"display:inline-block;width:12em;height:0.9em;border-radius:2px;border:1px solid rgba(128,128,128,0.6);background:linear-gradient(to right,{gradient})\"></span>");
        html.Append($"<span>{BitsText(ScaleMax)} bits or more</span>");
        html.Append($"<span style=\"opacity:0.85\">· mean {BitsText(MeanBits)} bits per token · perplexity {Number(Perplexity)}</span>");
        html.Append("</div></div>");
        return html.ToString();
    }

    /// <summary>"Surprisal strip "…": 42 tokens, mean 2.31 bits per token (perplexity 4.96), most surprising “q” (9.10 bits)".</summary>
    public override string ToString()
    {
        int worst = Enumerable.Range(0, Bits.Count).MaxBy(i => Bits[i]);
        return $"Surprisal strip{(Title is null ? "" : $" \"{Title}\"")}: {Tokens.Count} token{(Tokens.Count == 1 ? "" : "s")}, " +
               $"mean {BitsText(MeanBits)} bits per token (perplexity {Number(Perplexity)}), " +
               $"most surprising “{Visible(Tokens[worst])}” ({BitsText(Bits[worst])} bits)";
    }

    /// <summary>The colour for a fraction of the scale (0 = pale, 1 and above = darkest), interpolated between shades.</summary>
    internal static string ShadeFor(double fraction)
    {
        double t = double.IsNaN(fraction) ? 0 : Math.Clamp(fraction, 0, 1) * (Shades.Length - 1);
        int i = Math.Min((int)t, Shades.Length - 2);
        var (a, b) = (Rgb(Shades[i]), Rgb(Shades[i + 1]));
        double f = t - i;
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * f);
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }

    /// <summary>Near-black on light shades, white on dark ones (by relative luminance), so text reads on every shade.</summary>
    internal static string TextColorOn(string background)
    {
        var (r, g, b) = Rgb(background);
        static double Linear(int c) { double s = c / 255.0; return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        double luminance = 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
        return luminance > 0.18 ? "#111111" : "#ffffff";
    }

    private static (int R, int G, int B) Rgb(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>Line breaks and tabs get a visible mark so their shading shows; a line break still breaks the line.</summary>
    private static string Shown(string token) => VisibleText.Flowing(token);

    /// <summary>A token standing alone (hover text, the summary line): a leading space shows as ␣.</summary>
    private static string Visible(string token) => VisibleText.Label(token);

    private static string BitsText(double bits) => double.IsPositiveInfinity(bits) ? "∞" : bits.ToString("0.00", CultureInfo.InvariantCulture);

    private static string ProbabilityText(double bits) => Number(Math.Pow(2, -bits));

    private static string Number(double value) => double.IsPositiveInfinity(value) ? "∞" : value.ToString("G3", CultureInfo.InvariantCulture);
}
