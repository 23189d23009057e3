using InfoTheory.Charts;
using InfoTheory.Coding;
using InfoTheory.Rendering;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>One table of glyphs for invisible characters, used by every table and strip the library draws.</summary>
public class VisibleTextTests
{
    [Theory]
    [InlineData(' ', "␣")]
    [InlineData('\n', "↵")]
    [InlineData('\r', "␍")]
    [InlineData('\t', "⇥")]
    [InlineData('\0', "·")]
    [InlineData('\u007f', "·")]
    public void Invisible_characters_get_a_glyph(char c, string glyph) => Assert.Equal(glyph, VisibleText.GlyphFor(c));

    [Theory]
    [InlineData('a')]
    [InlineData('<')]
    [InlineData('é')]
    [InlineData('␣')]
    public void Visible_characters_show_themselves(char c) => Assert.Null(VisibleText.GlyphFor(c));

    [Fact]
    public void A_label_replaces_every_invisible_character_and_keeps_the_rest()
    {
        Assert.Equal("a␣b↵⇥c␍", VisibleText.Label("a b\n\tc\r"));
        Assert.Equal("", VisibleText.Label(null));
    }

    [Fact]
    public void Flowing_text_keeps_spaces_and_still_breaks_lines() =>
        Assert.Equal("a b↵\n⇥c", VisibleText.Flowing("a b\n\tc"));

    /// <summary>The distribution table, the joint table, the prefix-code table and the strip's hover all show " " and "\n" the same way.</summary>
    [Fact]
    public void Every_table_and_the_strip_use_the_same_glyphs()
    {
        string[] names = [" ", "\n", "\t"];
        string distribution = Distribution.Uniform(names).ToHtml();
        string joint = JointDistribution.FromTable(new[,] { { 0.25, 0.25 }, { 0.5, 0 } }, [" ", "\n"], ["\t", "x"]).ToHtml();
        string code = new PrefixCode<char>(new Dictionary<char, string> { [' '] = "0", ['\n'] = "10", ['\t'] = "11" }).ToHtml();
        string strip = Chart.SurprisalStrip([" the", "\n", "\t"], [1, 2, 3]).ToHtml();
        foreach (var html in new[] { distribution, joint, code })
            foreach (var glyph in new[] { "␣", "↵", "⇥" })
                Assert.Contains($">{glyph}<", html);
        Assert.Contains("“␣the” ·", System.Net.WebUtility.HtmlDecode(strip));   // hover: the token alone, its leading space shown
        Assert.Contains("> the</span>", strip);        // running text: the space is a space
        Assert.Equal("{␣: 0.3333, ↵: 0.3333, ⇥: 0.3333}", Distribution.Uniform(names).ToString());
    }

    [Fact]
    public void Names_are_escaped_after_their_glyphs_are_chosen()
    {
        string html = Distribution.Uniform(["<b> x", "&"]).ToHtml();
        Assert.Contains(">&lt;b&gt;␣x<", html);
        Assert.Contains(">&amp;<", html);
    }
}
