using System.Reflection;
using InfoTheory;
using Xunit;

namespace InfoTheory.Tests;

/// <summary>
/// The kernel finds our formatters by name and reflection only; check that shape from the outside,
/// exactly as the kernel would, so a rename cannot silently break rendering in notebooks.
/// </summary>
public class RenderingConventionTests
{
    [Theory]
    [InlineData(typeof(Distribution))]
    [InlineData(typeof(JointDistribution))]
    [InlineData(typeof(InfoTheory.Exercises.CheckResult))]
    public void Renderable_types_carry_a_formatter_source_found_by_name(Type type)
    {
        var attribute = type.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var mimeTypes = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal(["text/html"], mimeTypes);

        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().ToList();
        var html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");

        var value = Distribution.Bernoulli(0.25);
        var writer = new StringWriter();
        bool handled = (bool)html.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!.Invoke(html, [value, writer])!;
        Assert.True(handled);
        Assert.StartsWith("<table", writer.ToString());
        Assert.False((bool)html.GetType().GetMethod("Format")!.Invoke(html, ["not ours", new StringWriter()])!);
    }
}
