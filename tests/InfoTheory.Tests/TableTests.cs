using System.Globalization;
using InfoTheory;
using Xunit;

namespace InfoTheory.Tests;

public class TableTests
{
    private sealed record Word(string Text, int Count, double Bits);

    [Fact]
    public void A_record_gives_one_column_per_parameter_in_order_and_one_row_per_item()
    {
        var table = Table.Of(new[] { new Word("the", 4331, 4.82), new Word("entail", 3, 15.3) });

        Assert.Equal(["Text", "Count", "Bits"], table.Columns);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["entail", 3, 15.3], table.Rows[1]);
    }

    [Fact]
    public void Text_is_aligned_columns_with_numbers_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");   // writes 0,5
        try
        {
            var text = Table.Of(new[] { new Word("a", 1, 0.5), new Word("bbb", 22, 1.25) }).ToString();

            Assert.Equal("Text  Count  Bits\na     1      0.5\nbbb   22     1.25", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Html_escapes_values_and_right_aligns_number_columns()
    {
        var html = Table.Of(new[] { new Word("<b>", 1, 2) }).ToHtml();

        Assert.Contains("&lt;b&gt;", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("text-align:left\">Text</th>", html);
        Assert.Contains("text-align:right\">Count</th>", html);
    }

    [Fact]
    public void Plain_values_make_one_value_column()
    {
        var table = Table.Of(new[] { "x", "y" });

        Assert.Equal(["value"], table.Columns);
        Assert.Equal("value\nx\ny", table.ToString());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => Table.Of(["a", "b"], [new object?[] { 1, 2 }, new object?[] { 3 }]));

        Assert.Equal("rows", e.ParamName);
        Assert.Contains("Row 1 has 1 values but there are 2 columns", e.Message);
    }
}
