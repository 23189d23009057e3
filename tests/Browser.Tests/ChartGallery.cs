using System.Text;
using System.Text.RegularExpressions;
using InfoTheory.Charts;
using InfoTheory.Rendering;

namespace Browser.Tests;

/// <summary>One exhibit of the gallery and how many traces the browser should draw for it (0 for HTML-only items).</summary>
public sealed record Exhibit(string Name, IHtmlRenderable Item, int ExpectedTraces, bool HasSlider = false);

/// <summary>Where a gallery page gets plotly.js from.</summary>
public enum PlotlySource
{
    /// <summary>As a notebook does: the first figure carries it inline.</summary>
    Inline,
    /// <summary>As the static site does: inline copy removed, plotly.min.js loaded in the head.</summary>
    Head,
    /// <summary>Inline copy removed, plotly.min.js loaded only after every figure's script.</summary>
    EndOfBody,
    /// <summary>Inline copy removed and never loaded.</summary>
    Missing,
}

/// <summary>
/// Every chart kind the lessons use, written the way a lesson would write it, plus a page builder.
/// </summary>
public static class ChartGallery
{
    private static double H2(double p) => p <= 0 || p >= 1 ? 0 : -p * Math.Log2(p) - (1 - p) * Math.Log2(1 - p);

    private static double Gaussian(double x, double mean, double sd) =>
        Math.Exp(-0.5 * Math.Pow((x - mean) / sd, 2)) / (sd * Math.Sqrt(2 * Math.PI));

    public static IReadOnlyList<Exhibit> Exhibits()
    {
        var list = new List<Exhibit>();

        // 01: surprisal of one outcome.
        list.Add(new("line: −log₂ p", Chart.Function(p => -Math.Log2(p), 0.001, 1, name: "−log₂ p")
            .WithTitle("Surprisal of an outcome with probability p")
            .WithXAxis("p").WithYAxis("surprisal [bits]")
            .WithAnnotation(0.5, 1, "a fair coin: 1 bit"), 1));

        // 02: entropy of a softmax as logits sharpen, several lines on a log axis.
        double[] logits = [2.0, 1.0, 0.5, -1.0];
        double SoftmaxEntropy(double temperature)
        {
            var e = logits.Select(z => Math.Exp(z / temperature)).ToArray();
            return e.Select(v => v / e.Sum()).Where(p => p > 0).Sum(p => -p * Math.Log2(p));
        }
        list.Add(new("lines on a log axis", Chart.Function(SoftmaxEntropy, 0.05, 20, name: "H(softmax(z / T))", logSpacing: true)
            .Add(Chart.Line([0.05, 20], [2, 2], name: "log₂ 4 (uniform)", dash: LineDash.Dash))
            .WithTitle("Entropy of a softmax against temperature")
            .WithXAxis("temperature T", log: true).WithYAxis("H [bits]", min: 0), 2));

        // 02: binary entropy with a slider for p.
        var ps = Chart.Linspace(0.01, 0.99, 99);
        list.Add(new("slider: binary entropy", Chart.Slider("p", ps, p =>
                Chart.Scatter([p], [H2(p)], name: "H(p)", text: [$"{H2(p):0.000} bits"]))
            .Add(Chart.Function(H2, 0, 1, name: "binary entropy"))
            .WithTitle("Binary entropy H(p)").WithXAxis("p = P(heads)").WithYAxis("H(p) [bits]"), 2, HasSlider: true));

        // 03: Huffman code lengths against surprisal, grouped bars with values.
        string[] letters = ["e", "t", "a", "o", "z"];
        double[] probabilities = [0.4, 0.3, 0.15, 0.1, 0.05];
        list.Add(new("grouped bars", Chart.Bar(letters, [1, 2, 3, 4, 4], name: "code length [bits]", valueFormat: "0")
            .Add(Chart.Bar(letters, probabilities.Select(p => -Math.Log2(p)), name: "−log₂ p", valueFormat: "0.00"))
            .WithTitle("Huffman code lengths against surprisal").WithXAxis("symbol").WithYAxis("bits"), 2));

        // Stacked bars: where the bits of a code go.
        list.Add(new("stacked bars", Chart.Bar(["fixed", "Huffman", "arithmetic"], [2.0, 1.75, 1.75], name: "entropy H")
            .Add(Chart.Bar(["fixed", "Huffman", "arithmetic"], [0.25, 0.0, 0.002], name: "overhead"))
            .WithBarMode(BarMode.Stacked).WithTitle("Bits per symbol: entropy plus overhead").WithYAxis("bits per symbol"), 2));

        // A histogram of sampled surprisals (deterministic pseudo-random numbers).
        var random = new Random(7);
        var samples = Enumerable.Range(0, 2000).Select(_ => -Math.Log2(random.NextDouble())).ToArray();
        list.Add(new("histogram", Chart.Histogram(samples, name: "−log₂ U", maxBins: 40, normalization: HistogramNormalization.Density)
            .WithTitle("Surprisal of a uniform random number").WithXAxis("bits").WithYAxis("density"), 1));

        // 07: a joint distribution as a heatmap.
        double[,] joint = { { 0.30, 0.05, 0.05 }, { 0.05, 0.25, 0.05 }, { 0.02, 0.03, 0.20 } };
        list.Add(new("heatmap", Chart.Heatmap(joint, columns: ["y = rain", "y = sun", "y = snow"], rows: ["x = rain", "x = sun", "x = snow"],
                scale: ColorScale.Blues, valueFormat: "0.00", colorBarTitle: "p(x, y)")
            .WithTitle("Joint distribution p(x, y)"), 1));

        // 05: KL forward/reverse with a slider for the Gaussian's mean: areas and a band.
        var xs = Chart.Linspace(-6, 6, 241);
        double Target(double x) => 0.5 * Gaussian(x, -2, 0.8) + 0.5 * Gaussian(x, 2, 0.8);
        list.Add(new("slider: fitting a Gaussian", Chart.Slider("μ", Chart.Linspace(-3, 3, 25), mu =>
                Chart.Area(xs, xs.Select(x => Gaussian(x, mu, 1.0)), name: "q = N(μ, 1)")
                    .WithVerticalLine(mu, "μ")
                    .WithNote($"KL(p‖q) and KL(q‖p) change as μ moves (μ = {mu:0.00})"))
            .Add(Chart.Line(xs, xs.Select(Target), name: "p (two modes)"))
            .WithTitle("Fitting one Gaussian to two modes").WithXAxis("x").WithYAxis("density"), 2, HasSlider: true));

        // Filled band between two curves.
        var qs = Chart.Linspace(0.05, 1, 60);
        list.Add(new("band", Chart.Band(qs, qs.Select(q => -Math.Log2(q)), qs.Select(q => -Math.Log2(q) + 0.5 * (1 - q)), name: "gap")
            .Add(Chart.Line(qs, qs.Select(q => -Math.Log2(q)), name: "−log₂ q"))
            .WithTitle("Cross-entropy against the predicted probability of the true class")
            .WithXAxis("q = predicted probability of the true class").WithYAxis("loss [bits]"), 2));

        // 06: Jensen's chord picture: a convex curve, its chord, a vertical marker at E[X], an annotation.
        double F(double x) => -Math.Log2(x);
        double a = 0.1, b = 0.9, wa = 0.25, wb = 0.75, mean = wa * a + wb * b, meanOfF = wa * F(a) + wb * F(b);
        list.Add(new("shapes and annotations", Chart.Function(F, 0.05, 1, name: "f(x) = −log₂ x")
            .Add(Chart.Scatter([a, b, mean], [F(a), F(b), F(mean)], name: "points", text: ["f(a)", "f(b)", "f(E[X])"]))
            .WithSegment(a, F(a), b, F(b), "chord")
            .WithVerticalLine(mean, "E[X]")
            .WithAnnotation(mean, meanOfF, "E[f(X)] ≥ f(E[X])")
            .WithTitle("Jensen's inequality for a convex f").WithXAxis("x").WithYAxis("f(x)"), 2));

        // 07: Venn-style information bars.
        list.Add(new("information bars", Chart.InformationBars(hX: 1.5, hY: 1.2, hXY: 2.1)
            .WithTitle("Information diagram of X and Y"), 3));

        // 08: bits-per-character ladder, a grid of panels.
        string[] models = ["uniform 8", "order 0", "order 1", "order 2", "order 3"];
        double[] bpc = [8, 4.5, 3.6, 2.9, 2.4];
        list.Add(new("grid of panels", Chart.Grid(2,
            Chart.Bar(models, bpc, valueFormat: "0.0").WithTitle("Bits per character").WithYAxis("bits/char"),
            Chart.Line([0, 1, 2, 3], [4.5, 3.6, 2.9, 2.4], markers: true).WithTitle("by context length").WithXAxis("order"),
            Chart.Heatmap(new[] { new[] { 0.1, 0.9 }, new[] { 0.7, 0.3 } }, scale: ColorScale.Viridis).WithTitle("a heatmap panel"),
            Chart.Scatter([1, 2, 3], [3, 1, 2], text: ["a", "b", "c"]).WithTitle("points")), 4));

        // A slider whose frames are bars (a biased coin).
        list.Add(new("slider: bars", Chart.Slider("p", Chart.Linspace(0, 1, 11), p =>
                Chart.Bar(["heads", "tails"], [p, 1 - p], valueFormat: "0.0").WithNote($"H = {H2(p):0.000} bits"), start: 0.5)
            .WithTitle("A biased coin").WithYAxis("probability", min: 0, max: 1), 1, HasSlider: true));

        // 08: surprisal strip.
        var text = "the cat sat on the mat; qwerty!";
        var bits = text.Select((c, i) => c == ' ' ? 1.2 : "aeiou".Contains(c) ? 2.5 : "qwy!;".Contains(c) ? 11.0 : 4.0 + (i % 3)).ToArray();
        list.Add(new("surprisal strip", Chart.SurprisalStrip(text.Select(c => c.ToString()), bits, title: "Per-character surprisal"), 0));

        return list;
    }

    /// <summary>
    /// Writes a gallery page (and plotly.min.js beside it when the page loads it as a file) and returns
    /// its path. Each exhibit is a section with data-expected-traces; the page uses its own document id,
    /// so its first figure carries plotly.js.
    /// </summary>
    public static string WritePage(string fileName, PlotlySource source, ChartTheme theme, bool dark, IReadOnlyList<Exhibit>? exhibits = null)
    {
        var previous = AppContext.GetData("InfoTheory.DocumentId");
        AppContext.SetData("InfoTheory.DocumentId", "gallery-" + Guid.NewGuid().ToString("N"));
        try
        {
            Chart.UseTheme(theme);
            var body = new StringBuilder();
            foreach (var exhibit in exhibits ?? Exhibits())
            {
                body.Append($"<section data-name=\"{Html.Escape(exhibit.Name)}\" data-expected-traces=\"{exhibit.ExpectedTraces}\" data-slider=\"{(exhibit.HasSlider ? "yes" : "no")}\">\n");
                body.Append($"<h2>{Html.Escape(exhibit.Name)}</h2>\n{exhibit.Item.ToHtml()}\n</section>\n");
            }
            string figures = body.ToString();
            string head = "";
            if (source != PlotlySource.Inline)
            {
                figures = Regex.Replace(figures, "<script " + Regex.Escape(PlotlyJs.InlineAttribute) + ">.*?</script>", "", RegexOptions.Singleline);
                File.WriteAllText(Path.Combine(BrowserFixture.ArtifactsDirectory, "plotly.min.js"), PlotlyJs.Source);
            }
            if (source == PlotlySource.Head) head = "<script src=\"plotly.min.js\"></script>";
            string tail = source == PlotlySource.EndOfBody ? "<script src=\"plotly.min.js\"></script>" : "";
            string colors = dark ? "background:#1e1e1e;color:#d4d4d4" : "background:#ffffff;color:#1f1f1f";
            string html = $$"""
                <!doctype html>
                <html><head><meta charset="utf-8"><title>Chart gallery</title>{{head}}
                <style>body{ {{colors}};font-family:system-ui,sans-serif;margin:16px;max-width:960px } h2{ font-size:14px;opacity:0.6;margin:28px 0 4px }</style>
                </head><body>
                {{figures}}{{tail}}
                </body></html>
                """;
            string path = Path.Combine(BrowserFixture.ArtifactsDirectory, fileName);
            File.WriteAllText(path, html);
            return path;
        }
        finally
        {
            AppContext.SetData("InfoTheory.DocumentId", previous);
        }
    }
}
