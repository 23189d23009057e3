namespace NotebookRunner.Engine;

/// <summary>
/// Turns a displayed value into a mime bundle: HTML(...) values as text/html, types with a
/// TypeFormatterSourceAttribute through <see cref="FormatterConvention"/>, everything else through
/// <see cref="DefaultFormatter"/>.
/// </summary>
public static class ValueFormatter
{
    /// <summary>
    /// The bundle for <paramref name="value"/>; when <paramref name="mimeTypes"/> is not empty, only those
    /// formats (text/plain is always available; others fall back to an HTML-escaped text form).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Format(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        var bundle = value switch
        {
            null => DefaultFormatter.Format(null),
            Microsoft.DotNet.Interactive.HtmlString html => [new("text/html", html.Value)],
            _ => FormatterConvention.TryFormat(value) ?? DefaultFormatter.Format(value),
        };
        if (mimeTypes is null || mimeTypes.Count == 0) return bundle;

        return mimeTypes.Distinct().Select(mimeType =>
            bundle.FirstOrDefault(pair => pair.Key == mimeType) is { Key: not null } found
                ? found
                : new KeyValuePair<string, string>(mimeType, mimeType == "text/html"
                    ? "<pre>" + System.Net.WebUtility.HtmlEncode(DefaultFormatter.PlainText(value)) + "</pre>"
                    : DefaultFormatter.PlainText(value))).ToArray();
    }
}
