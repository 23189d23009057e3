using System.Globalization;
using System.Text.Json.Nodes;

namespace InfoTheory.Charts;

/// <summary>
/// Translates a <see cref="Figure"/> into the JSON that plotly.js draws: <c>{ data, layout, frames, config }</c>
/// (see the plotly.js reference for the attribute names). Panel k uses the axes "x", "y" (k = 0) or
/// "x{k+1}", "y{k+1}"; a slider figure lists its still traces first and its changing traces after them.
/// </summary>
internal static class PlotlyJson
{
    private const string Transparent = "rgba(0,0,0,0)";

    public static JsonObject Build(Figure figure, ChartTheme theme)
    {
        var slider = figure.Slider;
        var drawnFirst = slider?.Frames[slider.Active];
        int height = HeightOf(figure, theme);

        var data = new JsonArray();
        int stillCount = 0;
        for (int k = 0; k < figure.Panels.Count; k++)
        {
            var still = figure.Panels[k].Traces;
            for (int i = 0; i < still.Count; i++) { data.Add(Trace(still[i], k, i, figure, theme)); stillCount++; }
        }
        if (drawnFirst is not null) AddFrameTraces(data, drawnFirst, figure, theme);

        var result = new JsonObject
        {
            ["data"] = data,
            ["layout"] = Layout(figure, theme, height),
        };
        if (slider is not null) result["frames"] = Frames(figure, slider, theme, stillCount);
        result["config"] = new JsonObject
        {
            ["responsive"] = true,
            ["displaylogo"] = false,
            ["modeBarButtonsToRemove"] = new JsonArray("select2d", "lasso2d"),
        };
        return result;
    }

    // ------------------------------------------------------------------ layout

    private static JsonObject Layout(Figure figure, ChartTheme theme, int height)
    {
        bool grid = figure.Panels.Count > 1;
        bool legend = figure.ShowLegend ?? AllTraces(figure).Count(t => t.Name is not null) >= 2;
        var layout = new JsonObject
        {
            // The text colour is left to the page: the drawing script copies the surrounding CSS colour in.
            ["font"] = new JsonObject { ["family"] = theme.FontFamily, ["size"] = theme.FontSize },
            ["paper_bgcolor"] = Transparent,
            ["plot_bgcolor"] = Transparent,
            ["colorway"] = new JsonArray(theme.Colors.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["height"] = height,
            ["autosize"] = true,
            ["margin"] = new JsonObject
            {
                ["l"] = 60, ["r"] = 24, ["b"] = figure.Slider is null ? 50 : 150,
                // Room for the title; a legend below it pushes the plot further down by itself (it is placed
                // against the container, so plotly.js grows the margin to fit however many rows it wraps to).
                ["t"] = (figure.Title is null ? 20 : 20 + (int)(theme.TitleFontSize * 1.8))
                    + (grid && figure.Panels.Any(p => p.Title is not null) ? (int)(theme.FontSize * 2) : 0),
                ["pad"] = 0,
            },
            ["showlegend"] = legend,
            ["legend"] = new JsonObject
            {
                ["orientation"] = "h", ["x"] = 0, ["xanchor"] = "left",
                ["yref"] = "container", ["y"] = Round(1 - (figure.Title is null ? 8 : 16 + theme.TitleFontSize * 1.6) / height), ["yanchor"] = "top",
                ["bgcolor"] = Transparent,
            },
            ["hovermode"] = "closest",
            ["barmode"] = figure.BarMode switch { BarMode.Stacked => "stack", BarMode.Overlaid => "overlay", _ => "group" },
            ["modebar"] = new JsonObject { ["bgcolor"] = Transparent, ["color"] = "rgba(128,128,128,0.7)", ["activecolor"] = "rgba(128,128,128,1)" },
            ["hoverlabel"] = new JsonObject { ["font"] = new JsonObject { ["family"] = theme.FontFamily, ["size"] = theme.FontSize } },
        };
        if (figure.Title is not null)
            layout["title"] = new JsonObject
            {
                ["text"] = figure.Title, ["x"] = 0, ["xref"] = "paper", ["xanchor"] = "left",
                ["yref"] = "container", ["y"] = 1, ["yanchor"] = "top", ["pad"] = new JsonObject { ["t"] = 12 },
                ["font"] = new JsonObject { ["size"] = theme.TitleFontSize },
            };

        var annotations = new JsonArray();
        var shapes = new JsonArray();
        for (int k = 0; k < figure.Panels.Count; k++)
        {
            var panel = figure.Panels[k];
            var (xDomain, yDomain) = Domains(figure, k, height, theme);
            layout[AxisKey("x", k)] = AxisJson(figure, k, isX: true, theme, xDomain);
            layout[AxisKey("y", k)] = AxisJson(figure, k, isX: false, theme, yDomain);
            if (grid && panel.Title is not null)
                annotations.Add(new JsonObject
                {
                    ["text"] = panel.Title, ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                    ["x"] = (xDomain![0] + xDomain[1]) / 2, ["y"] = yDomain![1], ["xanchor"] = "center", ["yanchor"] = "bottom",
                    ["yshift"] = 4, ["font"] = new JsonObject { ["size"] = theme.FontSize + 2 },
                });
        }
        foreach (var node in Decorations(figure, figure.Slider?.Frames[figure.Slider.Active], theme))
            (node["type"] is null ? annotations : shapes).Add(node);
        layout["annotations"] = annotations;
        layout["shapes"] = shapes;

        if (figure.Slider is { } slider) layout["sliders"] = new JsonArray(SliderJson(slider, theme));
        return layout;
    }

    private static int HeightOf(Figure figure, ChartTheme theme) => figure.Height ?? DefaultHeight(figure, theme);

    private static int DefaultHeight(Figure figure, ChartTheme theme)
    {
        int rows = Rows(figure);
        int height = rows == 1 ? theme.Height : 80 + rows * theme.GridRowHeight + (rows - 1) * (int)(9 * theme.FontSize);
        return height + (figure.Slider is null ? 0 : 100);
    }

    private static int Rows(Figure figure) => (figure.Panels.Count + figure.Columns - 1) / figure.Columns;

    /// <summary>Where panel k sits on the page, as fractions of the plotting area; null for a single panel.</summary>
    private static (double[]? X, double[]? Y) Domains(Figure figure, int k, int height, ChartTheme theme)
    {
        if (figure.Panels.Count == 1) return (null, null);
        int columns = figure.Columns, rows = Rows(figure);
        bool colorBars = AllTraces(figure).Any(t => t is HeatmapTrace);
        double xGap = colorBars ? 0.16 : 0.09;
        // Between rows: the upper row's tick labels and x-axis title, then the lower row's panel title.
        double yGap = Math.Min(0.35, 9 * theme.FontSize / height);
        double width = (1 - (columns - 1) * xGap) / columns;
        double tall = (1 - (rows - 1) * yGap) / rows;
        int row = k / columns, column = k % columns;
        double left = column * (width + xGap), top = 1 - row * (tall + yGap);
        return ([Round(left), Round(left + width)], [Round(top - tall), Round(top)]);
    }

    private static JsonObject AxisJson(Figure figure, int k, bool isX, ChartTheme theme, double[]? domain)
    {
        var panel = figure.Panels[k];
        var axis = isX ? panel.XAxis : panel.YAxis;
        var traces = PanelTraces(figure, k).ToArray();
        var json = new JsonObject
        {
            ["gridcolor"] = theme.GridColor,
            ["zerolinecolor"] = theme.LineColor,
            ["linecolor"] = theme.LineColor,
            ["tickcolor"] = theme.LineColor,
            ["showline"] = true,
            ["ticks"] = "outside",
            ["automargin"] = true,
        };
        if (axis.Title is not null) json["title"] = new JsonObject { ["text"] = axis.Title };
        if (traces.Length > 0 && traces.All(t => t is ImageTrace))
        {
            // Pictures: no axes, square pixels, row 0 at the top.
            json["visible"] = false;
            if (isX) json["scaleanchor"] = AxisId("y", k);
            else json["autorange"] = "reversed";
            if (domain is not null)
            {
                json["domain"] = new JsonArray(domain[0], domain[1]);
                json["anchor"] = AxisId(isX ? "y" : "x", k);
            }
            return json;
        }

        // Bars and heatmaps name their categories; keep them in the order given even if they look like numbers.
        bool categories = traces.Length > 0 && traces.All(t => IsCategoryAxis(t, isX));
        bool topDown = traces.Length > 0 && !isX && traces.All(t => t is HeatmapTrace || t is BarTrace { Horizontal: true });
        if (axis.Log)
        {
            json["type"] = "log";
            // Over two or more powers of ten, label only 0.01, 0.1, 1, … and draw the rest as faint minor grid lines.
            if (Decades(axis, traces, isX) >= 2)
            {
                json["dtick"] = 1;
                json["minor"] = new JsonObject { ["dtick"] = "D1", ["showgrid"] = true, ["gridcolor"] = "rgba(128,128,128,0.1)" };
            }
        }
        else if (categories) json["type"] = "category";

        var range = ExplicitRange(axis);
        if (range is { } set && (set.Low is null || set.High is null) && !categories && DataRange(figure, k, isX, axis.Log) is { } data)
        {
            // plotly.js drops a one-sided range ("autorange": "min") when it re-fits the margins for an axis title,
            // so complete the other side from the data instead of leaving it to plotly.
            range = (set.Low ?? data.Low, set.High ?? data.High);
        }
        range ??= figure.Slider is null || categories ? null : DataRange(figure, k, isX, axis.Log);
        if (range is not null)
        {
            json["range"] = new JsonArray(range.Value.Low is double lo ? Num(lo) : null, range.Value.High is double hi ? Num(hi) : null);
            json["autorange"] = range.Value.Low is null ? "min" : range.Value.High is null ? "max" : false;
        }
        else if (topDown) json["autorange"] = "reversed"; // row 0 / the first bar at the top, as read

        if (domain is not null)
        {
            json["domain"] = new JsonArray(domain[0], domain[1]);
            json["anchor"] = AxisId(isX ? "y" : "x", k);
        }
        return json;
    }

    /// <summary>How many powers of ten a log axis spans (its set range, else its positive data).</summary>
    private static double Decades(Axis axis, IEnumerable<Trace> traces, bool isX)
    {
        var values = new List<double>();
        if (axis.Min is double min) values.Add(min);
        if (axis.Max is double max) values.Add(max);
        if (values.Count < 2)
            foreach (var trace in traces)
                values.AddRange(trace switch
                {
                    ScatterTrace s => isX ? s.X : s.Y,
                    BarTrace b when b.Horizontal == isX => b.Values,
                    _ => [],
                });
        var positive = values.Where(v => v > 0).ToArray();
        return positive.Length == 0 ? 0 : Math.Log10(positive.Max() / positive.Min());
    }

    private static bool IsCategoryAxis(Trace trace, bool isX) => trace switch
    {
        HeatmapTrace => true,
        BarTrace bar => bar.Horizontal != isX,
        _ => false,
    };

    /// <summary>The range a student set; on a log axis plotly.js wants it in powers of ten.</summary>
    private static (double? Low, double? High)? ExplicitRange(Axis axis)
    {
        if (axis.Min is null && axis.Max is null) return null;
        double? Scale(double? v) => v is double d && axis.Log ? Math.Log10(d) : v;
        return (Scale(axis.Min), Scale(axis.Max));
    }

    /// <summary>
    /// The range that covers the panel's data in every frame, with a little room at the ends. A slider figure
    /// uses it to keep its axes still while the frames change, so the eye sees the data move.
    /// </summary>
    private static (double? Low, double? High)? DataRange(Figure figure, int k, bool isX, bool log)
    {
        var values = new List<double>();
        bool pad = !isX;
        foreach (var traces in FramesOfPanel(figure, k))
        {
            if (!isX && figure.BarMode == BarMode.Stacked) AddStackTotals(traces.OfType<BarTrace>(), values);
            foreach (var trace in traces)
            {
                switch (trace)
                {
                    case HistogramTrace: return null; // plotly.js picks the bins; let it pick the range too
                    case ScatterTrace s:
                        values.AddRange(isX ? s.X : s.Y);
                        if (!isX && s.Fill == Fill.ToZero) values.Add(0);
                        if (s.Mode != ScatterMode.Lines) pad = true;
                        break;
                    case BarTrace b when b.Horizontal == isX && figure.BarMode != BarMode.Stacked:
                        for (int i = 0; i < b.Values.Count; i++)
                        {
                            double from = b.Base?[i] ?? 0;
                            values.Add(from);
                            values.Add(from + b.Values[i]);
                        }
                        break;
                }
            }
        }
        if (log) values = values.Where(v => v > 0).Select(Math.Log10).ToList();
        if (values.Count == 0) return null;
        double low = values.Min(), high = values.Max();
        double room = high > low ? (high - low) * 0.05 : Math.Max(0.5, Math.Abs(high) * 0.1);
        if (!pad) room = high > low ? 0 : room;
        // Bars and areas that start at zero should start exactly at the axis.
        double bottom = low == 0 && !log ? 0 : low - room;
        return (Round(bottom), Round(high + room));
    }

    private static void AddStackTotals(IEnumerable<BarTrace> bars, List<double> values)
    {
        var totals = new Dictionary<string, (double Up, double Down)>();
        foreach (var bar in bars)
            for (int i = 0; i < bar.Categories.Count; i++)
            {
                var (up, down) = totals.GetValueOrDefault(bar.Categories[i]);
                totals[bar.Categories[i]] = bar.Values[i] >= 0 ? (up + bar.Values[i], down) : (up, down + bar.Values[i]);
            }
        foreach (var (up, down) in totals.Values) { values.Add(up); values.Add(down); }
    }

    private static JsonObject SliderJson(Slider slider, ChartTheme theme)
    {
        var steps = new JsonArray();
        for (int i = 0; i < slider.Frames.Count; i++)
            steps.Add(new JsonObject
            {
                ["label"] = slider.Labels[i],
                ["method"] = "animate",
                // Jump straight to frame i: no tweening, and redraw so bars and heatmaps update too.
                ["args"] = new JsonArray(
                    new JsonArray(FrameName(i)),
                    new JsonObject
                    {
                        ["mode"] = "immediate",
                        ["frame"] = new JsonObject { ["duration"] = 0, ["redraw"] = true },
                        ["transition"] = new JsonObject { ["duration"] = 0 },
                    }),
            });
        return new JsonObject
        {
            ["active"] = slider.Active,
            ["steps"] = steps,
            ["x"] = 0, ["len"] = 1, ["y"] = 0, ["yanchor"] = "top",
            ["pad"] = new JsonObject { ["t"] = 70, ["b"] = 10 },
            ["currentvalue"] = new JsonObject
            {
                ["prefix"] = slider.Parameter + " = ", ["xanchor"] = "left",
                ["font"] = new JsonObject { ["size"] = theme.FontSize + 2 },
            },
            ["bgcolor"] = "rgba(128,128,128,0.35)",
            ["bordercolor"] = "rgba(128,128,128,0.6)",
            ["activebgcolor"] = "rgba(128,128,128,0.8)",
            ["tickcolor"] = "rgba(128,128,128,0.8)",
            ["font"] = new JsonObject { ["size"] = Math.Max(10, theme.FontSize - 2) },
        };
    }

    // ------------------------------------------------------------------ frames

    private static JsonArray Frames(Figure figure, Slider slider, ChartTheme theme, int stillCount)
    {
        int changing = slider.Frames[0].Sum(p => p.Traces.Count);
        bool decorated = slider.Frames.Any(f => f.Any(p => p.Annotations.Count > 0 || p.Shapes.Count > 0));
        var frames = new JsonArray();
        for (int i = 0; i < slider.Frames.Count; i++)
        {
            var data = new JsonArray();
            AddFrameTraces(data, slider.Frames[i], figure, theme);
            var frame = new JsonObject
            {
                ["name"] = FrameName(i),
                ["data"] = data,
                ["traces"] = new JsonArray(Enumerable.Range(stillCount, changing).Select(t => (JsonNode)t).ToArray()),
            };
            if (decorated)
            {
                // A frame's annotations and shapes replace the layout's, so each frame lists them all again.
                var annotations = new JsonArray();
                var shapes = new JsonArray();
                foreach (var node in GridTitles(figure, theme).Concat(Decorations(figure, slider.Frames[i], theme)))
                    (node["type"] is null ? annotations : shapes).Add(node);
                frame["layout"] = new JsonObject { ["annotations"] = annotations, ["shapes"] = shapes };
            }
            frames.Add(frame);
        }
        return frames;
    }

    private static IEnumerable<JsonObject> GridTitles(Figure figure, ChartTheme theme)
    {
        // Rebuilt the same way as in Layout, so a frame keeps the panel titles.
        if (figure.Panels.Count == 1) yield break;
        int height = HeightOf(figure, theme);
        for (int k = 0; k < figure.Panels.Count; k++)
        {
            if (figure.Panels[k].Title is not { } title) continue;
            var (x, y) = Domains(figure, k, height, theme);
            yield return new JsonObject
            {
                ["text"] = title, ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                ["x"] = (x![0] + x[1]) / 2, ["y"] = y![1], ["xanchor"] = "center", ["yanchor"] = "bottom",
                ["yshift"] = 4, ["font"] = new JsonObject { ["size"] = theme.FontSize + 2 },
            };
        }
    }

    private static void AddFrameTraces(JsonArray data, IReadOnlyList<Panel> framePanels, Figure figure, ChartTheme theme)
    {
        for (int k = 0; k < framePanels.Count; k++)
        {
            int before = figure.Panels[k].Traces.Count; // a panel's still traces take the first colours
            var changing = framePanels[k].Traces;
            for (int i = 0; i < changing.Count; i++) data.Add(Trace(changing[i], k, before + i, figure, theme));
        }
    }

    private static string FrameName(int i) => "frame " + i.ToString(CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ notes and lines

    /// <summary>The still panels' notes and lines, then those of one slider frame (if any). Shapes carry a "type".</summary>
    private static IEnumerable<JsonObject> Decorations(Figure figure, IReadOnlyList<Panel>? frame, ChartTheme theme)
    {
        for (int k = 0; k < figure.Panels.Count; k++)
        {
            var panels = frame is null ? [figure.Panels[k]] : new[] { figure.Panels[k], frame[k] };
            foreach (var panel in panels)
            {
                foreach (var note in panel.Annotations) yield return AnnotationJson(note, k, theme);
                foreach (var shape in panel.Shapes) yield return ShapeJson(shape, k, theme);
            }
        }
    }

    private static JsonObject AnnotationJson(Annotation note, int k, ChartTheme theme)
    {
        if (note.IsNote)
            return new JsonObject
            {
                ["text"] = note.Text, ["showarrow"] = false, ["align"] = "left",
                ["xref"] = AxisId("x", k) + " domain", ["yref"] = AxisId("y", k) + " domain",
                ["x"] = 0.02, ["y"] = 0.98, ["xanchor"] = "left", ["yanchor"] = "top",
                ["bgcolor"] = "rgba(128,128,128,0.14)", ["borderpad"] = 4,
            };
        return new JsonObject
        {
            ["text"] = note.Text, ["x"] = Num(note.X!.Value), ["y"] = Num(note.Y!.Value),
            ["xref"] = AxisId("x", k), ["yref"] = AxisId("y", k),
            ["showarrow"] = note.Arrow, ["arrowhead"] = 2, ["arrowwidth"] = 1.5, ["arrowcolor"] = theme.LineColor,
            ["ax"] = note.Arrow ? 30 : 0, ["ay"] = note.Arrow ? -35 : 0,
        };
    }

    private static JsonObject ShapeJson(Shape shape, int k, ChartTheme theme)
    {
        string x = AxisId("x", k), y = AxisId("y", k);
        var json = new JsonObject
        {
            ["type"] = "line",
            ["xref"] = shape.Kind == ShapeKind.HorizontalLine ? x + " domain" : x,
            ["yref"] = shape.Kind == ShapeKind.VerticalLine ? y + " domain" : y,
            ["x0"] = Num(shape.X0), ["y0"] = Num(shape.Y0), ["x1"] = Num(shape.X1), ["y1"] = Num(shape.Y1),
            ["layer"] = "above",
            ["line"] = new JsonObject
            {
                ["color"] = shape.Color ?? theme.LineColor,
                ["width"] = Math.Max(1.5, theme.LineWidth * 0.7),
                ["dash"] = Dash(shape.Dash),
            },
        };
        if (shape.Label is not null)
            json["label"] = shape.Kind switch
            {
                // Upright text just right of the top of a vertical line.
                ShapeKind.VerticalLine => new JsonObject
                {
                    ["text"] = shape.Label, ["textposition"] = "end", ["textangle"] = 0,
                    ["xanchor"] = "left", ["yanchor"] = "top", ["padding"] = 6,
                },
                // Above the right end of a horizontal line.
                ShapeKind.HorizontalLine => new JsonObject
                {
                    ["text"] = shape.Label, ["textposition"] = "end", ["xanchor"] = "right", ["yanchor"] = "bottom",
                },
                // Along the middle of a segment.
                _ => new JsonObject { ["text"] = shape.Label, ["textposition"] = "middle", ["yanchor"] = "bottom" },
            };
        return json;
    }

    // ------------------------------------------------------------------ traces

    /// <summary>Trace number <paramref name="position"/> of panel <paramref name="k"/>; it takes that position's theme colour unless it has its own.</summary>
    private static JsonObject Trace(Trace trace, int k, int position, Figure figure, ChartTheme theme)
    {
        // Colours count from the start in every panel, so each panel of a grid begins with the same colour.
        string color = trace.Color ?? theme.Colors[position % theme.Colors.Count];
        var json = trace switch
        {
            ScatterTrace s => Scatter(s, color, theme),
            BarTrace b => Bar(b, color),
            HistogramTrace h => Histogram(h, color, figure),
            HeatmapTrace m => Heatmap(m, figure, k, theme),
            ImageTrace i => Images(i),
            _ => throw new NotSupportedException(trace.GetType().Name),
        };
        if (trace.Name is not null) json["name"] = trace.Name;
        json["showlegend"] = trace.Name is not null;
        if (trace.Hover is not null)
        {
            json["hovertext"] = Strings(trace.Hover);
            json["hoverinfo"] = trace.Name is null ? "text" : "text+name";
        }
        if (k > 0)
        {
            json["xaxis"] = AxisId("x", k);
            json["yaxis"] = AxisId("y", k);
        }
        return json;
    }

    private static JsonObject Scatter(ScatterTrace s, string color, ChartTheme theme)
    {
        var json = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = s.Mode switch
            {
                ScatterMode.Lines => "lines",
                ScatterMode.Markers => "markers",
                ScatterMode.LinesAndMarkers => "lines+markers",
                _ => "markers+text",
            },
            ["x"] = Numbers(s.X),
            ["y"] = Numbers(s.Y),
            ["line"] = new JsonObject { ["color"] = color, ["width"] = theme.LineWidth, ["dash"] = Dash(s.Dash) },
            ["marker"] = new JsonObject { ["color"] = color, ["size"] = s.MarkerSize ?? theme.MarkerSize },
        };
        if (s.Text is not null)
        {
            json["text"] = Strings(s.Text);
            json["textposition"] = "top center";
            json["cliponaxis"] = false;
        }
        if (s.Fill != Fill.None) json["fill"] = s.Fill == Fill.ToZero ? "tozeroy" : "toself";
        return json;
    }

    private static JsonObject Bar(BarTrace b, string color)
    {
        var json = new JsonObject { ["type"] = "bar", ["marker"] = new JsonObject { ["color"] = color } };
        json[b.Horizontal ? "y" : "x"] = Strings(b.Categories);
        json[b.Horizontal ? "x" : "y"] = Numbers(b.Values);
        if (b.Horizontal) json["orientation"] = "h";
        if (b.Base is not null) json["base"] = Numbers(b.Base);
        if (b.Text is not null)
        {
            json["text"] = Strings(b.Text);
            json["textposition"] = "auto";
            json["cliponaxis"] = false;
        }
        return json;
    }

    private static JsonObject Histogram(HistogramTrace h, string color, Figure figure)
    {
        var json = new JsonObject
        {
            ["type"] = "histogram",
            ["marker"] = new JsonObject { ["color"] = color },
            ["x"] = Numbers(h.Values),
            ["histnorm"] = h.Normalization switch
            {
                HistogramNormalization.Probability => "probability",
                HistogramNormalization.Density => "probability density",
                _ => "",
            },
        };
        if (h.MaxBins is int bins) json["nbinsx"] = bins;
        if (figure.BarMode == BarMode.Overlaid) json["opacity"] = 0.6;
        return json;
    }

    private static JsonObject Heatmap(HeatmapTrace m, Figure figure, int k, ChartTheme theme)
    {
        var json = new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = new JsonArray(m.Z.Select(row => (JsonNode)Numbers(row)).ToArray()),
            ["x"] = Strings(m.ColumnLabels),
            ["y"] = Strings(m.RowLabels),
            ["colorscale"] = Scale(m.Scale),
            ["xgap"] = 1, ["ygap"] = 1,
            ["hovertemplate"] = "%{y}, %{x}: %{z}<extra></extra>",
        };
        if (m.Min is double lo) json["zmin"] = Num(lo);
        if (m.Max is double hi) json["zmax"] = Num(hi);
        if (m.Scale == ColorScale.Diverging && m.Min is null && m.Max is null) json["zmid"] = 0;
        if (m.CellText is not null)
        {
            json["text"] = new JsonArray(m.CellText.Select(row => (JsonNode)Strings(row)).ToArray());
            json["texttemplate"] = "%{text}";
        }
        var colorBar = new JsonObject { ["thickness"] = 14, ["outlinewidth"] = 0 };
        if (m.ColorBarTitle is not null) colorBar["title"] = new JsonObject { ["text"] = m.ColorBarTitle };
        if (figure.Panels.Count > 1)
        {
            // Beside its own panel, not at the right edge of the whole figure.
            var (x, y) = Domains(figure, k, HeightOf(figure, theme), theme);
            colorBar["x"] = x![1] + 0.01;
            colorBar["xanchor"] = "left";
            colorBar["y"] = (y![0] + y[1]) / 2;
            colorBar["len"] = y[1] - y[0];
        }
        json["colorbar"] = colorBar;
        return json;
    }

    private static JsonObject Images(ImageTrace i)
    {
        var table = i.Tiled(out var captions);
        // Three decimals are plenty for 256 grey levels and keep pages with many pictures small.
        JsonArray Row(double?[] row) => new(row.Select(v => v is double d ? (JsonNode)JsonValue.Create(Math.Round(d, 3)) : null).ToArray());
        var json = new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = new JsonArray(table.Select(row => (JsonNode)Row(row)).ToArray()),
            ["zmin"] = 0, ["zmax"] = 1,
            ["colorscale"] = Stops(("#ffffff", 0), ("#000000", 1)),
            ["showscale"] = false,
            ["hoverongaps"] = false,
            ["hovertemplate"] = captions is null ? "%{z}<extra></extra>" : "%{text}<extra></extra>",
        };
        if (captions is not null)
            json["text"] = new JsonArray(captions.Select(row => (JsonNode)new JsonArray(row.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray())).ToArray());
        return json;
    }

    private static JsonNode Scale(ColorScale scale) => scale switch
    {
        ColorScale.Viridis => "Viridis",
        ColorScale.Cividis => "Cividis",
        // Explicit stops (ColorBrewer's end colours), so the direction is unambiguous: light is low.
        ColorScale.Blues => Stops(("#f7fbff", 0), ("#6baed6", 0.5), ("#08306b", 1)),
        _ => Stops(("#2166ac", 0), ("#f7f7f7", 0.5), ("#b2182b", 1)),
    };

    private static JsonArray Stops(params (string Color, double At)[] stops) =>
        new(stops.Select(s => (JsonNode)new JsonArray(s.At, s.Color)).ToArray());

    // ------------------------------------------------------------------ small pieces

    private static IEnumerable<Trace> AllTraces(Figure figure) => figure.Traces;

    private static IEnumerable<Trace> PanelTraces(Figure figure, int k) => FramesOfPanel(figure, k).SelectMany(t => t);

    /// <summary>The traces panel k shows in each state: the still ones plus each frame's.</summary>
    private static IEnumerable<IReadOnlyList<Trace>> FramesOfPanel(Figure figure, int k)
    {
        var still = figure.Panels[k].Traces;
        if (figure.Slider is null) return [still];
        return figure.Slider.Frames.Select(f => (IReadOnlyList<Trace>)[.. still, .. f[k].Traces]);
    }

    private static string AxisKey(string letter, int k) => k == 0 ? letter + "axis" : letter + "axis" + (k + 1).ToString(CultureInfo.InvariantCulture);

    private static string AxisId(string letter, int k) => k == 0 ? letter : letter + (k + 1).ToString(CultureInfo.InvariantCulture);

    private static string Dash(LineDash dash) => dash switch
    {
        LineDash.Dash => "dash",
        LineDash.Dot => "dot",
        LineDash.DashDot => "dashdot",
        _ => "solid",
    };

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode)Num(v)).ToArray());

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    /// <summary>
    /// A number as the chart stores it: 7 significant digits, plenty for drawing and hover text, and it
    /// keeps slider figures (many frames of many points) from growing needlessly.
    /// </summary>
    private static JsonValue Num(double value) =>
        JsonValue.Create(double.Parse(value.ToString("G7", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    private static double Round(double value) => Math.Round(value, 6);
}
