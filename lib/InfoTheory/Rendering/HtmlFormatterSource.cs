namespace InfoTheory.Rendering;

/// <summary>
/// A value that renders itself: <see cref="ToHtml"/> for notebooks and pages, <c>ToString()</c> for text.
/// A type implementing it also carries
/// <c>[TypeFormatterSource(typeof(HtmlFormatterSource))]</c> so the kernel finds the HTML.
/// </summary>
public interface IHtmlRenderable
{
    /// <summary>A self-contained HTML fragment (no &lt;html&gt; or &lt;body&gt;).</summary>
    string ToHtml();
}

/// <summary>Created by the kernel by reflection (see <see cref="TypeFormatterSourceAttribute"/>).</summary>
internal sealed class HtmlFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter();
        yield return new PlainTextFormatter();
    }

    internal sealed class HtmlFormatter
    {
        public string MimeType => "text/html";

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlRenderable renderable) return false;
            writer.Write(renderable.ToHtml());
            return true;
        }
    }

    internal sealed class PlainTextFormatter
    {
        public string MimeType => "text/plain";

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlRenderable) return false;
            writer.Write(instance.ToString());
            return true;
        }
    }
}
