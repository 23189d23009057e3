using InfoTheory.Exercises;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>The HTML that Rendering/ builds for the domain types: names visible and escaped, statuses agreeing.</summary>
public class RenderedHtmlTests
{
    [Fact]
    public void A_channel_table_shows_a_space_symbol_as_a_glyph_and_escapes_markup()
    {
        var channel = Channel.FromTable(new double[,] { { 1, 0 }, { 0.25, 0.75 } }, [" ", "<b>"], ["a", "b"]);
        string html = channel.ToHtml();
        Assert.Contains(">␣</th>", html);
        Assert.Contains("&lt;b&gt;", html);
        Assert.DoesNotContain("<b>", html);
        // The zero cell is blank so the pattern shows; the others keep their value.
        Assert.Contains("<td style=\"padding:2px 10px;text-align:right;border:1px solid rgba(128,128,128,.4)\"></td>", html);
        Assert.Contains(">0.75</td>", html);
    }

    [Fact]
    public void A_check_box_and_the_progress_row_of_the_same_status_share_colour_and_symbol()
    {
        var check = new CheckResult("01.2", "A <title>", CheckStatus.Wrong, "Try again & again");
        var progress = new ProgressReport("01", [new ProgressRow("01.2", "A <title>", CheckStatus.Wrong)]);
        string box = check.ToHtml(), table = progress.ToHtml();
        Assert.StartsWith("<div class=\"itn-check itn-check-wrong\"", box);
        Assert.Contains("✘ Exercise 01.2 — not yet", box);
        Assert.Contains("A &lt;title&gt;", box);
        Assert.Contains("Try again &amp; again", box);
        Assert.Contains("<tr class=\"itn-progress-wrong\">", table);
        Assert.Contains("Lesson 01 exercises: 0 of 1 correct", table);
        string colour = System.Text.RegularExpressions.Regex.Match(box, "border-left:6px solid ([^;]+);").Groups[1].Value;
        Assert.Contains($"color:{colour};padding:2px 8px\">✘</td>", table);
    }

    [Fact]
    public void A_hint_box_says_which_rung_it_is()
    {
        string html = new HintResult("04.2", "Entropy", 1, 2, "Start from p = 1/2.").ToHtml();
        Assert.StartsWith("<div class=\"itn-hint\"", html);
        Assert.Contains("→ Exercise 04.2 — hint 1 of 2 (run Hint(&quot;04.2&quot;) again for the next)", html);
        Assert.Contains("Start from p = 1/2.", html);
    }
}
