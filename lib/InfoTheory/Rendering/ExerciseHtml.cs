using InfoTheory.Exercises;

namespace InfoTheory.Rendering;

/// <summary>
/// The HTML of the exercise feedback: a check's coloured box, a hint's box and a lesson's progress table.
/// The colours, symbols and labels of a status come from <see cref="CheckLook"/>, so all three agree.
/// </summary>
internal static class ExerciseHtml
{
    /// <summary>A box with a coloured left edge, readable on light and dark backgrounds.</summary>
    private static string Box(string cssClass, string colour, string headingColour, string heading, string title, string body) =>
        $"<div class=\"{cssClass}\" " +
        $"style=\"border-left:6px solid {colour};padding:6px 12px;margin:4px 0;background:rgba(128,128,128,.08);font-family:system-ui,sans-serif\">" +
        $"<strong style=\"color:{headingColour}\">{heading}</strong>" +
        $"<span style=\"opacity:.8\"> · {Html.Escape(title)}</span>" +
        $"<div style=\"margin-top:4px\">{Html.Escape(body)}</div></div>";

    /// <summary>A check's box, coloured by its status.</summary>
    public static string Check(CheckResult check)
    {
        string colour = CheckLook.Colour(check.Status);
        return Box($"itn-check itn-check-{check.Status.ToString().ToLowerInvariant()}", colour, colour,
            $"{check.Symbol} Exercise {Html.Escape(check.ExerciseId)} — {CheckLook.Label(check.Status)}", check.Title, check.Message);
    }

    /// <summary>A hint's box, in amber.</summary>
    public static string Hint(HintResult hint) =>
        Box("itn-hint", "#f9a825", "#b26a00",
            $"→ Exercise {Html.Escape(hint.ExerciseId)} — {Html.Escape(hint.Position)}", hint.Title, hint.Text);

    /// <summary>A heading and a small table, one row per exercise, coloured by status.</summary>
    public static string Progress(ProgressReport report)
    {
        var rows = report.Rows.Select(r =>
            $"<tr class=\"itn-progress-{r.Status.ToString().ToLowerInvariant()}\">" +
            $"<td style=\"color:{CheckLook.Colour(r.Status)};padding:2px 8px\">{CheckLook.Symbol(r.Status)}</td>" +
            $"<td style=\"padding:2px 8px\">{Html.Escape(r.ExerciseId)}</td>" +
            $"<td style=\"padding:2px 8px\">{Html.Escape(r.Title)}</td>" +
            $"<td style=\"color:{CheckLook.Colour(r.Status)};padding:2px 8px\">{CheckLook.Label(r.Status)}</td></tr>");
        return "<div class=\"itn-progress\" style=\"margin:4px 0;font-family:system-ui,sans-serif\">" +
               $"<strong>{Html.Escape(report.Heading)}</strong>" +
               (report.Rows.Count == 0 ? "" : $"<table style=\"border-collapse:collapse;margin-top:4px\">{string.Concat(rows)}</table>") +
               "</div>";
    }
}
