using NotebookRunner.Engine;
using Xunit;

namespace Notebooks.Tests;

// A type in this test assembly that follows the kernel's convention with its own attribute,
// the way lib/InfoTheory/Rendering does (the runner must find everything by name).
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}

internal sealed class MeterFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter();
        yield return new PlainFormatter();
    }

    internal sealed class HtmlFormatter
    {
        public string MimeType => "text/html";

        public bool Format(object instance, TextWriter writer)
        {
            var level = instance switch { Meter m => m.Level, Meter2 m => m.Level, _ => -1 };
            if (level < 0) return false; // declines negative levels
            writer.Write($"<meter value=\"{level}\"></meter>");
            return true;
        }
    }

    internal sealed class PlainFormatter
    {
        public string MimeType => "text/plain";

        public bool Format(object instance, TextWriter writer)
        {
            writer.Write($"meter at {instance switch { Meter m => m.Level, Meter2 m => m.Level, _ => -99 }}");
            return true;
        }
    }
}

[TypeFormatterSource(typeof(MeterFormatterSource))]
internal sealed class Meter(int level)
{
    public int Level { get; } = level;
}

internal sealed class LoudMeter(int level) : Meter2(level);

[TypeFormatterSource(typeof(MeterFormatterSource), PreferredMimeTypes = ["text/plain"])]
internal class Meter2(int level)
{
    public int Level { get; } = level;
}

internal sealed class ThrowingSource
{
    public IEnumerable<object> CreateTypeFormatters() { yield return new Formatter(); }

    internal sealed class Formatter
    {
        public string MimeType => "text/html";

        public bool Format(object instance, TextWriter writer) => throw new InvalidOperationException("broken formatter");
    }
}

[TypeFormatterSource(typeof(ThrowingSource))]
internal sealed class Broken;

public class FormatterTests
{
    [Fact]
    public void The_convention_gives_html_then_plain_text()
    {
        var bundle = ValueFormatter.Format(new Meter(3));

        Assert.Equal(
            [new("text/html", "<meter value=\"3\"></meter>"), new KeyValuePair<string, string>("text/plain", "meter at 3")],
            bundle);
    }

    [Fact]
    public void A_declined_html_format_leaves_the_text_formatter()
    {
        Assert.Equal([new KeyValuePair<string, string>("text/plain", "meter at -1")], ValueFormatter.Format(new Meter(-1)));
    }

    [Fact]
    public void Preferred_mime_types_decide_what_is_shown_and_the_attribute_is_inherited()
    {
        // Meter2 prefers text/plain only, so its HTML formatter is never asked; its subclass inherits the attribute.
        Assert.Equal([new KeyValuePair<string, string>("text/plain", "meter at 7")], FormatterConvention.TryFormat(new LoudMeter(7)));
    }

    [Fact]
    public void Requested_mime_types_restrict_the_bundle()
    {
        Assert.Equal([new KeyValuePair<string, string>("text/plain", "meter at 3")], ValueFormatter.Format(new Meter(3), ["text/plain"]));
    }

    [Fact]
    public void A_throwing_formatter_is_reported_with_its_type_and_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ValueFormatter.Format(new Broken()));

        Assert.Contains("Broken", error.Message);
        Assert.Contains("broken formatter", error.Message);
    }

    [Fact]
    public void Types_without_the_convention_are_not_formatted_by_it()
    {
        Assert.Null(FormatterConvention.TryFormat(42));
        Assert.Null(FormatterConvention.TryFormat(new object()));
    }

    [Theory]
    [InlineData(3.25, "3.25")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(-0.5f, "-0.5")]
    [InlineData(true, "True")]
    [InlineData('x', "x")]
    public void Scalars_are_plain_text_in_the_invariant_culture(object value, string expected)
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal([new KeyValuePair<string, string>("text/plain", expected)], ValueFormatter.Format(value));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Null_is_shown_as_a_null_marker()
    {
        Assert.Equal([new KeyValuePair<string, string>("text/plain", "<null>")], ValueFormatter.Format(null));
    }

    [Fact]
    public void A_long_sequence_is_cut_after_twenty_items()
    {
        var text = DefaultFormatter.PlainText(Enumerable.Range(0, 1000));

        Assert.Equal("[ " + string.Join(", ", Enumerable.Range(0, 20)) + ", … ]", text);
    }

    [Fact]
    public void A_sequence_of_records_gets_one_column_per_property()
    {
        var html = ValueFormatter.Format(new[] { new Point(1, 2) }).Single(p => p.Key == "text/html").Value;

        Assert.Equal(
            "<table><thead><tr><th><i>index</i></th><th>X</th><th>Y</th></tr></thead><tbody>"
            + "<tr><td>0</td><td>1</td><td>2</td></tr></tbody></table>",
            html);
    }

    [Fact]
    public void An_object_without_its_own_ToString_gets_a_property_table()
    {
        var bundle = ValueFormatter.Format(new Plain { Name = "<a>" });

        Assert.Equal(
            "<table><thead><tr><th>property</th><th>value</th></tr></thead><tbody><tr><td>Name</td><td>&lt;a&gt;</td></tr></tbody></table>",
            bundle.Single(p => p.Key == "text/html").Value);
        Assert.Equal(typeof(Plain).FullName, bundle.Single(p => p.Key == "text/plain").Value);
    }

    [Fact]
    public void HTML_values_are_html_only()
    {
        Assert.Equal([new KeyValuePair<string, string>("text/html", "<i>x</i>")],
            ValueFormatter.Format(Microsoft.DotNet.Interactive.Kernel.HTML("<i>x</i>")));
    }

    public sealed record Point(int X, int Y);

    public sealed class Plain
    {
        public string Name { get; init; } = "";
    }
}
