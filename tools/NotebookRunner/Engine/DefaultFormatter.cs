using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace NotebookRunner.Engine;

/// <summary>
/// How the runner shows values whose type has no formatter of its own, in the spirit of the kernel:
/// strings and numbers as plain text (invariant culture), sequences as a small HTML table plus a
/// one-line text form, other objects as their ToString(), with a property table when ToString() is not overridden.
/// </summary>
public static class DefaultFormatter
{
    /// <summary>Rows shown for a sequence before it is cut off.</summary>
    public const int MaxItems = 20;

    /// <summary>The mime bundle for <paramref name="value"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Format(object? value)
    {
        var plain = new KeyValuePair<string, string>("text/plain", PlainText(value));
        if (value is null || IsScalar(value)) return [plain];
        if (value is IEnumerable sequence) return [new("text/html", SequenceTable(sequence)), plain];
        if (!OverridesToString(value.GetType()) && Properties(value.GetType()).Length > 0)
            return [new("text/html", PropertyTable(value)), plain];
        return [plain];
    }

    /// <summary>The text form: strings as they are, numbers invariant, sequences as <c>[ a, b, c ]</c>.</summary>
    public static string PlainText(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => SequenceText(sequence),
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>True for values shown as one piece of text (strings, numbers, booleans, dates, enums…).</summary>
    private static bool IsScalar(object value) =>
        value is string or IFormattable or bool or char or Type || value.GetType().IsPrimitive;

    private static bool OverridesToString(Type type) =>
        type.GetMethod("ToString", Type.EmptyTypes)?.DeclaringType != typeof(object);

    private static PropertyInfo[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();

    private static string SequenceText(IEnumerable sequence)
    {
        var items = Take(sequence, out var more).Select(PlainText);
        return "[ " + string.Join(", ", items) + (more ? ", …" : "") + " ]";
    }

    /// <summary>Columns: index, then the key and value of dictionary entries, the properties of objects, or the value.</summary>
    private static string SequenceTable(IEnumerable sequence)
    {
        var items = Take(sequence, out var more);
        var itemType = items.FirstOrDefault(i => i is not null)?.GetType();
        var columns = itemType is null || IsScalarType(itemType) || itemType.IsAssignableTo(typeof(IEnumerable))
            ? []
            : Properties(itemType);

        var html = new StringBuilder("<table><thead><tr><th><i>index</i></th>");
        if (columns.Length == 0) html.Append("<th>value</th>");
        foreach (var column in columns) html.Append("<th>").Append(Escape(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < items.Count; i++)
        {
            html.Append("<tr><td>").Append(i).Append("</td>");
            if (columns.Length == 0) Cell(html, items[i]);
            foreach (var column in columns)
                Cell(html, items[i] is { } item && column.DeclaringType!.IsInstanceOfType(item) ? column.GetValue(item) : null);
            html.Append("</tr>");
        }
        if (more) html.Append("<tr><td colspan=\"").Append(Math.Max(2, columns.Length + 1)).Append("\">… (more)</td></tr>");
        return html.Append("</tbody></table>").ToString();
    }

    private static string PropertyTable(object value)
    {
        var html = new StringBuilder("<table><thead><tr><th>property</th><th>value</th></tr></thead><tbody>");
        foreach (var property in Properties(value.GetType()))
        {
            html.Append("<tr><td>").Append(Escape(property.Name)).Append("</td>");
            Cell(html, property.GetValue(value));
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static void Cell(StringBuilder html, object? value) =>
        html.Append("<td>").Append(Escape(PlainText(value))).Append("</td>");

    private static bool IsScalarType(Type type) =>
        type.IsPrimitive || type == typeof(string) || type.IsEnum || typeof(IFormattable).IsAssignableFrom(type);

    private static List<object?> Take(IEnumerable sequence, out bool more)
    {
        var items = new List<object?>();
        more = false;
        foreach (var item in sequence)
        {
            if (items.Count == MaxItems)
            {
                more = true;
                break;
            }
            items.Add(item);
        }
        return items;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
