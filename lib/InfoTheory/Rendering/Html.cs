using System.Net;

namespace InfoTheory.Rendering;

/// <summary>Small helpers for building safe HTML fragments.</summary>
public static class Html
{
    /// <summary>Escapes text for use inside HTML elements and attribute values.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
