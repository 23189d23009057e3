using NotebookRunner.Engine;
using NotebookRunner.Export;
using Xunit;

namespace Notebooks.Tests;

public class SiteRenderingTests
{
    [Fact]
    public void Double_dollars_inside_a_line_are_marked_as_display_math()
    {
        var html = MarkdownRenderer.ToHtml("The rule $$ s(p) = -\\log_2 p $$ and $q$.");
        Assert.Matches(@"<span class=""math display"">[^<]*s\(p\)", html);
        Assert.Matches(@"<span class=""math"">[^<]*q", html);
    }

    [Fact]
    public void Math_is_kept_verbatim_for_katex()
    {
        var html = MarkdownRenderer.ToHtml("Let $a_1 < \\frac{b}{c}$ hold.\n\n$$\n\\sum_i p_i \\log_2 \\frac{1}{p_i}\n$$\n");

        Assert.Contains(@"<span class=""math"">\(a_1 &lt; \frac{b}{c}\)</span>", html);
        Assert.Contains(@"\sum_i p_i \log_2 \frac{1}{p_i}", html);
        Assert.Contains(@"<div class=""math"">", html);
    }

    [Theory]
    [InlineData("02-entropy.dib", "02-entropy.html")]
    [InlineData("../exercises/01-surprisal.dib#exercise-2", "../exercises/01-surprisal.html#exercise-2")]
    [InlineData("https://example.org/x.dib", "https://example.org/x.dib")]
    [InlineData("notes.md", "notes.md")]
    [InlineData("#top", "#top")]
    public void Links_to_notebooks_become_links_to_pages(string url, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.PageLink(url));
        Assert.Contains($"href=\"{expected}\"", MarkdownRenderer.ToHtml($"[x]({url})"));
    }

    [Fact]
    public void The_summary_is_the_first_heading_and_the_first_sentence_after_it()
    {
        var (heading, sentence) = MarkdownRenderer.Summary(
            "Intro line.\n\n# 02 · Entropy\n\nEntropy is $H = 0.5 \\cdot 2$ on\naverage, the expected surprisal of a source. More text follows.");

        Assert.Equal("02 · Entropy", heading);
        Assert.Equal("Entropy is $H = 0.5 \\cdot 2$ on average, the expected surprisal of a source.", sentence);
    }

    [Fact]
    public void A_short_first_sentence_is_followed_by_the_second_in_the_summary()
    {
        var (_, opening) = MarkdownRenderer.Summary("# 02 · Entropy\n\nSurprisal is one outcome. Entropy is a whole source. More follows.");

        Assert.Equal("Surprisal is one outcome. Entropy is a whole source.", opening);
    }

    [Fact]
    public void A_summary_needs_a_heading()
    {
        Assert.Equal((null, null), MarkdownRenderer.Summary("Just prose."));
    }

    [Fact]
    public void Highlighting_escapes_code_and_leaves_keywords_in_strings_and_comments_alone()
    {
        var html = CSharpHighlighter.ToHtml("var s = \"new <b>\"; // if x < 1\nint n = 42;");

        Assert.Equal(
            "<span class=\"c-keyword\">var</span> s = <span class=\"c-string\">&quot;new &lt;b&gt;&quot;</span>; "
            + "<span class=\"c-comment\">// if x &lt; 1</span>\n"
            + "<span class=\"c-keyword\">int</span> n = <span class=\"c-number\">42</span>;",
            html);
    }

    [Fact]
    public void Highlighting_names_types_methods_and_control_keywords_from_the_compiler()
    {
        var html = CSharpHighlighter.ToHtml("var xs = new List<int> { 3 };\nif (xs.Count > 0) Console.WriteLine(Math.Sqrt(xs[0]));");

        Assert.Equal(
            "<span class=\"c-keyword\">var</span> xs = <span class=\"c-keyword\">new</span> <span class=\"c-type\">List</span>&lt;"
            + "<span class=\"c-keyword\">int</span>&gt; { <span class=\"c-number\">3</span> };\n"
            + "<span class=\"c-control\">if</span> (xs.Count &gt; <span class=\"c-number\">0</span>) "
            + "<span class=\"c-type\">Console</span>.<span class=\"c-method\">WriteLine</span>("
            + "<span class=\"c-type\">Math</span>.<span class=\"c-method\">Sqrt</span>(xs[<span class=\"c-number\">0</span>]));",
            html);
    }

    [Fact]
    public void A_type_and_method_declared_in_an_earlier_cell_are_named_in_a_later_one()
    {
        var cells = CSharpHighlighter.NotebookToHtml(["record Point(double X);\nstatic double Twice(double x) => 2 * x;", "Twice(new Point(1).X)"], ".");

        Assert.Equal("<span class=\"c-method\">Twice</span>(<span class=\"c-keyword\">new</span> <span class=\"c-type\">Point</span>"
            + "(<span class=\"c-number\">1</span>).X)", cells[1]);
    }

    [Fact]
    public void Notebook_directives_and_magic_lines_are_shown_as_directives()
    {
        var html = CSharpHighlighter.ToHtml("#r \"nuget: MathNet.Numerics, 5.0.0\"\n#load \"../lib/setup.csx\"\n#!time\nvar x = 1;");

        Assert.StartsWith(
            "<span class=\"c-directive\">#r</span> <span class=\"c-string\">&quot;nuget: MathNet.Numerics, 5.0.0&quot;</span>\n"
            + "<span class=\"c-directive\">#</span><span class=\"c-directive\">load</span> <span class=\"c-string\">&quot;../lib/setup.csx&quot;</span>\n"
            + "<span class=\"c-directive\">#!time</span>\n"
            + "<span class=\"c-keyword\">var</span> x = <span class=\"c-number\">1</span>;",
            html);
    }

    [Fact]
    public void Highlighting_keeps_every_character()
    {
        const string code = "var raw = \"\"\"\n  a \"quoted\" word\n  \"\"\";\nchar c = '\\'';\n/* block\n comment */ x >>= 2;";

        var html = CSharpHighlighter.ToHtml(code);

        Assert.Equal(code, System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "")));
    }

    [Fact]
    public void The_inline_plotly_elements_are_removed_and_the_rest_kept()
    {
        var html = OutputHtml.StripInlinePlotly(
            "<div id=\"a\"></div>\n<script data-itn-plotly=\"inline\">PLOTLY()</script>\n<script>draw()</script><script data-itn-plotly=\"inline\">AGAIN()</script>");

        Assert.Equal("<div id=\"a\"></div>\n\n<script>draw()</script>", html);
        Assert.Equal("<p>no chart</p>", OutputHtml.StripInlinePlotly("<p>no chart</p>"));
    }

    [Fact]
    public void Outputs_render_text_escaped_and_html_as_is()
    {
        Assert.Equal("<pre class=\"output stream stdout\">&lt;b&gt;\n</pre>", OutputHtml.Render(new StreamOutput("stdout", "<b>\n")));
        Assert.Equal("<pre class=\"output text\">&lt;script&gt;</pre>",
            OutputHtml.Render(new DisplayOutput([new("text/plain", "<script>")], IsResult: true)));
        Assert.Equal("<div class=\"output html\"><i>x</i></div>",
            OutputHtml.Render(new DisplayOutput([new("text/html", "<i>x</i>"), new("text/plain", "x")], IsResult: false)));
        Assert.Equal("<pre class=\"output error\">Timeout: too &lt;slow&gt;</pre>", OutputHtml.Render(new ErrorOutput("Timeout", "too <slow>", [])));
    }
}
