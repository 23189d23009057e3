using System.Text.RegularExpressions;
using InfoTheory.Charts;
using Xunit;

namespace InfoTheory.Tests.Charts;

public class SurprisalStripTests
{
    [Fact]
    public void Every_token_is_a_shaded_span_with_its_bits_and_probability_on_hover()
    {
        string html = Chart.SurprisalStrip(["a", "b", "<"], [1, 3, 0]).ToHtml();
        var spans = Regex.Matches(html, "<span class=\"itn-token\" title=\"([^\"]*)\" style=\"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})[^\"]*\">([^<]*)</span>");
        Assert.Equal(3, spans.Count);
        Assert.Equal("“a” · 1.00 bits · p = 0.5", System.Net.WebUtility.HtmlDecode(spans[0].Groups[1].Value));
        Assert.Equal("“b” · 3.00 bits · p = 0.125", System.Net.WebUtility.HtmlDecode(spans[1].Groups[1].Value));
        Assert.Equal("&lt;", spans[2].Groups[4].Value); // the token is escaped, not markup
        // 3 bits is the largest, so it gets the darkest shade; 0 bits the palest.
        Assert.Equal("#662506", spans[1].Groups[2].Value);
        Assert.Equal("#ffffe5", spans[2].Groups[2].Value);
        Assert.Equal("#ffffff", spans[1].Groups[3].Value); // white text on the dark shade
        Assert.Equal("#111111", spans[2].Groups[3].Value); // dark text on the pale one
    }

    [Fact]
    public void Mean_bits_and_perplexity_follow_from_the_surprisals()
    {
        var strip = Chart.SurprisalStrip(["x", "y"], [1, 3]);
        Assert.Equal(2, strip.MeanBits, 12);
        Assert.Equal(4, strip.Perplexity, 12); // 2^2
        Assert.Contains("mean 2.00 bits per token · perplexity 4", strip.ToHtml());
        Assert.Equal("Surprisal strip: 2 tokens, mean 2.00 bits per token (perplexity 4), most surprising “y” (3.00 bits)", strip.ToString());
    }

    [Fact]
    public void An_impossible_token_has_infinite_surprisal_and_the_darkest_shade()
    {
        var strip = Chart.SurprisalStrip(["a", "z"], [1, double.PositiveInfinity]);
        Assert.Equal(1, strip.ScaleMax); // the largest finite value
        Assert.True(double.IsPositiveInfinity(strip.Perplexity));
        string html = strip.ToHtml();
        Assert.Contains("“z” · ∞ bits · p = 0", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void A_fixed_scale_lets_strips_be_compared()
    {
        var strip = Chart.SurprisalStrip(["a"], [2], scaleMax: 8);
        Assert.Equal(8, strip.ScaleMax);
        Assert.Contains($"background:{SurprisalStrip.ShadeFor(0.25)}", strip.ToHtml());
    }

    [Fact]
    public void Shades_run_from_pale_to_dark_and_stay_inside_the_scale()
    {
        Assert.Equal("#ffffe5", SurprisalStrip.ShadeFor(0));
        Assert.Equal("#662506", SurprisalStrip.ShadeFor(1));
        Assert.Equal("#662506", SurprisalStrip.ShadeFor(double.PositiveInfinity));
        Assert.Equal("#fe9929", SurprisalStrip.ShadeFor(0.5)); // the middle one of nine stops
    }

    [Fact]
    public void Line_breaks_show_a_mark_and_still_break_the_line()
    {
        string html = Chart.SurprisalStrip(["a", "\n", "b"], [1, 1, 1]).ToHtml();
        Assert.Contains(">↵\n</span>", html);
    }

    [Fact]
    public void Bad_input_is_refused_by_name()
    {
        Assert.Equal("bits", Assert.Throws<ArgumentException>(() => Chart.SurprisalStrip(["a"], [-1])).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentException>(() => Chart.SurprisalStrip(["a"], [double.NaN])).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentException>(() => Chart.SurprisalStrip(["a", "b"], [1])).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => Chart.SurprisalStrip(["a", ""], [1, 1])).ParamName);
        Assert.Equal("scaleMax", Assert.Throws<ArgumentException>(() => Chart.SurprisalStrip(["a"], [1], scaleMax: 0)).ParamName);
    }
}

public class LabelTests
{
    [Fact]
    public void Subscripts_and_superscripts_map_character_by_character()
    {
        Assert.Equal("−log₂ p", Label.Minus + "log" + Label.Subscript("2") + " p");
        Assert.Equal("2⁻ᴴ", "2" + Label.Superscript("-H"));
        Assert.Equal("σ²", "σ" + Label.Superscript("2"));
        Assert.Equal("x₁₀", "x" + Label.Subscript("10"));
    }

    [Fact]
    public void Characters_without_a_unicode_form_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Label.Superscript("q"));
        Assert.Equal("text", error.ParamName);
    }
}
