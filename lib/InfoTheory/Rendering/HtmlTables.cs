using System.Globalization;
using System.Text;

namespace InfoTheory.Rendering;

/// <summary>
/// The HTML tables the library's types show in a notebook: a distribution with its bars, a joint table with
/// its marginals, a prefix code. Every name in them goes through <see cref="VisibleText.Label"/> and
/// <see cref="Html.Escape"/>: a space in an outcome shows as ␣, and a "&lt;" as itself, never as markup.
/// </summary>
internal static class HtmlTables
{
    private const string Cell = "padding:2px 10px;text-align:right;border:1px solid rgba(128,128,128,.4)";

    private static string Name(string name) => Html.Escape(VisibleText.Label(name));

    private static string Number(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Outcomes with their probabilities drawn as bars (the first 40; a line says how many more).</summary>
    public static string Distribution(IReadOnlyList<string> outcomes, IReadOnlyList<double> probabilities)
    {
        const int shown = 40;
        double max = probabilities.Max();
        var html = new StringBuilder("<table class=\"itn-distribution\" style=\"border-collapse:collapse;font-family:monospace\">");
        html.Append("<tr><th style=\"text-align:left;padding:0 8px\">outcome</th><th style=\"text-align:right;padding:0 8px\">p</th><th></th></tr>");
        for (int i = 0; i < Math.Min(outcomes.Count, shown); i++)
        {
            double width = max > 0 ? 160 * probabilities[i] / max : 0;
            html.Append("<tr><td style=\"padding:0 8px\">").Append(Name(outcomes[i]))
                .Append("</td><td style=\"text-align:right;padding:0 8px\">").Append(Number(probabilities[i], "0.#####"))
                .Append("</td><td><div style=\"background:#4c78a8;height:0.8em;width:")
                .Append(Number(width, "0.#")).Append("px\"></div></td></tr>");
        }
        if (outcomes.Count > shown)
            html.Append($"<tr><td colspan=\"3\" style=\"padding:0 8px\">… {outcomes.Count - shown} more outcomes</td></tr>");
        return html.Append("</table>").ToString();
    }

    /// <summary>A joint table p(x, y), rows x and columns y, with p(x) in the right margin and p(y) in the bottom one.</summary>
    public static string Joint(JointDistribution joint)
    {
        static string F(double p) => Number(p, "0.####");
        var px = joint.MarginalX().Probabilities;
        var py = joint.MarginalY().Probabilities;
        string x = Html.Escape(joint.XName), y = Html.Escape(joint.YName);
        var html = new StringBuilder("<table class=\"itn-joint\" style=\"border-collapse:collapse;font-family:monospace\"><tr>");
        html.Append($"<th style=\"{Cell}\">{x} \\ {y}</th>");
        foreach (var column in joint.YOutcomes) html.Append($"<th style=\"{Cell}\">{Name(column)}</th>");
        html.Append($"<th style=\"{Cell};font-style:italic\">p({x})</th></tr>");
        for (int i = 0; i < joint.XOutcomes.Count; i++)
        {
            html.Append($"<tr><th style=\"{Cell}\">{Name(joint.XOutcomes[i])}</th>");
            for (int j = 0; j < joint.YOutcomes.Count; j++) html.Append($"<td style=\"{Cell}\">{F(joint.Probability(i, j))}</td>");
            html.Append($"<td style=\"{Cell};font-style:italic\">{F(px[i])}</td></tr>");
        }
        html.Append($"<tr><th style=\"{Cell};font-style:italic\">p({y})</th>");
        foreach (var p in py) html.Append($"<td style=\"{Cell};font-style:italic\">{F(p)}</td>");
        return html.Append($"<td style=\"{Cell}\">1</td></tr></table>").ToString();
    }

    /// <summary>A channel's table: one row per input, p(y | x) in the cells, zeros left blank so the pattern shows.</summary>
    public static string Channel(IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, double[,] p)
    {
        var html = new StringBuilder("<table class=\"itn-channel\" style=\"border-collapse:collapse;font-family:monospace\"><tr>");
        html.Append($"<th style=\"{Cell}\">x \\ y</th>");
        foreach (var y in outputs) html.Append($"<th style=\"{Cell}\">{Name(y)}</th>");
        html.Append("</tr>");
        for (int i = 0; i < inputs.Count; i++)
        {
            html.Append($"<tr><th style=\"{Cell}\">{Name(inputs[i])}</th>");
            for (int j = 0; j < outputs.Count; j++)
                html.Append($"<td style=\"{Cell}\">{(p[i, j] == 0 ? "" : Number(p[i, j], "0.####"))}</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>A prefix code: symbol, codeword and length per row (rows in the order given), then the Kraft sum.</summary>
    public static string PrefixCode(IEnumerable<(string Symbol, string Codeword)> rows, double kraftSum)
    {
        var html = new StringBuilder("<table class=\"prefix-code\"><thead><tr><th>symbol</th><th>codeword</th><th>length</th></tr></thead><tbody>");
        int count = 0;
        foreach (var (symbol, codeword) in rows)
        {
            html.Append($"<tr><td>{Name(symbol)}</td><td><code>{Html.Escape(codeword)}</code></td><td>{codeword.Length}</td></tr>");
            count++;
        }
        return html.Append($"</tbody></table><p>{count} symbols, Kraft sum {Number(kraftSum, "0.####")}</p>").ToString();
    }
}
