using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace NotebookRunner.Engine;

/// <summary>
/// The kernel's rich-output convention, found by name only (no reference to any library type):
/// a type carries an attribute named <c>TypeFormatterSourceAttribute</c> whose <c>FormatterSourceType</c>
/// has a public <c>CreateTypeFormatters()</c>; each formatter has <c>string MimeType</c> and
/// <c>bool Format(object instance, TextWriter writer)</c>; <c>PreferredMimeTypes</c> says which to show.
/// </summary>
public static class FormatterConvention
{
    private const string AttributeName = "TypeFormatterSourceAttribute";

    /// <summary>Formatters found per type (an empty entry means the type does not use the convention).</summary>
    private static readonly ConcurrentDictionary<Type, TypeFormatters> Cache = new();

    /// <summary>
    /// Formats <paramref name="value"/> with its type's formatters: each preferred mime type whose formatter
    /// accepts the value, then text/plain when a text/plain formatter exists. Null when the type does not
    /// use the convention or no formatter accepted the value.
    /// </summary>
    /// <exception cref="InvalidOperationException">A formatter source or formatter is malformed or throws.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>>? TryFormat(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var formatters = Cache.GetOrAdd(value.GetType(), Discover);
        if (formatters.Formatters.Count == 0) return null;

        var bundle = new List<KeyValuePair<string, string>>();
        foreach (var mimeType in formatters.PreferredMimeTypes.Append("text/plain").Distinct())
        {
            foreach (var formatter in formatters.Formatters.Where(f => f.MimeType == mimeType))
            {
                if (formatter.TryFormat(value) is { } text)
                {
                    bundle.Add(new(mimeType, text));
                    break;
                }
            }
        }
        return bundle.Count == 0 ? null : bundle;
    }

    private static TypeFormatters Discover(Type type)
    {
        var formatters = new List<Formatter>();
        var preferred = new List<string>();
        foreach (var attribute in type.GetCustomAttributes(inherit: true).Where(a => a.GetType().Name == AttributeName))
        {
            var attributeType = attribute.GetType();
            var sourceType = attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) as Type
                ?? throw new InvalidOperationException(
                    $"{AttributeName} on {type.FullName} has no FormatterSourceType property of type Type.");
            if (attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) is string[] mimeTypes)
                preferred.AddRange(mimeTypes);

            var source = Activator.CreateInstance(sourceType, nonPublic: true)
                ?? throw new InvalidOperationException($"Could not create formatter source {sourceType.FullName}.");
            var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
                ?? throw new InvalidOperationException(
                    $"Formatter source {sourceType.FullName} has no public CreateTypeFormatters() method.");
            if (create.Invoke(source, null) is not IEnumerable created)
                throw new InvalidOperationException($"{sourceType.FullName}.CreateTypeFormatters() returned no sequence.");
            foreach (var formatter in created)
                if (formatter is not null) formatters.Add(Formatter.From(formatter, type));
        }
        if (preferred.Count == 0) preferred.Add("text/html"); // the kernel's default for rich types
        return new TypeFormatters(formatters, preferred.Distinct().ToArray());
    }

    private sealed record TypeFormatters(IReadOnlyList<Formatter> Formatters, IReadOnlyList<string> PreferredMimeTypes);

    /// <summary>One formatter object, reached by reflection.</summary>
    private sealed record Formatter(string MimeType, object Target, MethodInfo FormatMethod, Type ForType)
    {
        public static Formatter From(object formatter, Type forType)
        {
            var type = formatter.GetType();
            var mimeType = type.GetProperty("MimeType", BindingFlags.Public | BindingFlags.Instance)?.GetValue(formatter) as string
                ?? throw new InvalidOperationException($"Formatter {type.FullName} has no public string MimeType property.");
            var format = type.GetMethod("Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)])
                ?? throw new InvalidOperationException(
                    $"Formatter {type.FullName} has no public bool Format(object instance, TextWriter writer) method.");
            return new Formatter(mimeType, formatter, format, forType);
        }

        /// <summary>The formatted text, or null when the formatter declines the value.</summary>
        public string? TryFormat(object value)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                return FormatMethod.Invoke(Target, [value, writer]) is true ? writer.ToString() : null;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException(
                    $"The {MimeType} formatter for {ForType.Name} threw {e.InnerException.GetType().Name}: {e.InnerException.Message}",
                    e.InnerException);
            }
        }
    }
}
