using System.Globalization;
using System.Reflection;
using System.Text;
using InfoTheory.Rendering;

namespace InfoTheory;

/// <summary>
/// Rows of values shown as one table: a column per public property of the row type, a row per item. In a notebook
/// it is an HTML table (numbers right-aligned); as text, aligned columns. <c>Table.Of(words)</c> reads better than a
/// list of records, which the kernel shows as a column of folded tree views.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class Table : IHtmlRenderable
{
    private Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The column headings, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The values of each row, one per column.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>
    /// A table of <paramref name="rows"/>, one column per public property of <typeparamref name="T"/> in the order
    /// they are declared (for a record: its parameters), or a single "value" column when <typeparamref name="T"/>
    /// is a number, a string or another type without properties.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public static Table Of<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var properties = typeof(T) == typeof(string) || typeof(T).IsPrimitive
            ? []
            : typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                .OrderBy(p => p.MetadataToken)
                .ToArray();
        if (properties.Length == 0)
            return new Table(["value"], rows.Select(r => (IReadOnlyList<object?>)[r]).ToArray());
        return new Table(properties.Select(p => p.Name).ToArray(),
            rows.Select(r => (IReadOnlyList<object?>)properties.Select(p => r is null ? null : p.GetValue(r)).ToArray()).ToArray());
    }

    /// <summary>A table with the given <paramref name="columns"/> and <paramref name="rows"/>, each row one value per column.</summary>
    /// <exception cref="ArgumentException">A row has a different number of values than there are columns.</exception>
    public static Table Of(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToArray();
        var bad = Array.FindIndex(all, r => r is null || r.Count != columns.Count);
        if (bad >= 0)
            throw new ArgumentException($"Row {bad} has {all[bad]?.Count ?? 0} values but there are {columns.Count} columns; give one value per column.", nameof(rows));
        return new Table(columns.ToArray(), all);
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        const string cell = "padding:2px 10px;border-bottom:1px solid rgba(128,128,128,.3)";
        var html = new StringBuilder("<table class=\"itn-table\" style=\"border-collapse:collapse\"><thead><tr>");
        for (int j = 0; j < Columns.Count; j++)
        {
            // A column of numbers is right-aligned, its heading too, so digits line up under it.
            var numeric = Rows.Count > 0 && Rows.All(r => r[j] is null || IsNumber(r[j]));
            html.Append($"<th style=\"{cell};text-align:{(numeric ? "right" : "left")}\">").Append(Html.Escape(Columns[j])).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var value in row)
                html.Append($"<td style=\"{cell};text-align:{(IsNumber(value) ? "right;font-variant-numeric:tabular-nums" : "left")}\">")
                    .Append(Html.Escape(Text(value))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The table as aligned text columns, a heading line first.</summary>
    public override string ToString()
    {
        var cells = Rows.Select(r => r.Select(Text).ToArray()).Prepend(Columns.ToArray()).ToArray();
        var widths = Columns.Select((_, j) => cells.Max(r => r[j].Length)).ToArray();
        return string.Join("\n", cells.Select(r => string.Join("  ", r.Select((text, j) => text.PadRight(widths[j]))).TrimEnd()));
    }

    private static bool IsNumber(object? value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    /// <summary>A value as shown in a cell: numbers in the invariant culture (0.5, not 0,5), null as empty.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
