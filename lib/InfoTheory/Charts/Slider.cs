namespace InfoTheory.Charts;

/// <summary>
/// The frames of a figure that has a slider: one drawing per value of a parameter. The browser holds
/// every frame, so dragging the slider needs no running kernel (it works in a static page too).
/// Made by <see cref="Chart.Slider"/>.
/// </summary>
public sealed record Slider
{
    /// <summary>The parameter's name as shown by the slider, e.g. "p" or "μ".</summary>
    public string Parameter { get; internal init; } = "";

    /// <summary>The parameter value of each frame, in slider order.</summary>
    public IReadOnlyList<double> Values { get; internal init; } = [];

    /// <summary>How each value is written on the slider.</summary>
    public IReadOnlyList<string> Labels { get; internal init; } = [];

    /// <summary>
    /// What each frame draws, panel by panel: its traces, annotations and shapes. Axes and titles come
    /// from the figure itself.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Panel>> Frames { get; internal init; } = [];

    /// <summary>The frame shown before anyone touches the slider.</summary>
    public int Active { get; internal init; }
}
