namespace InfoTheory.Rendering;

/// <summary>
/// Tells a notebook kernel how to render a type, without this library referencing the kernel.
/// Polyglot Notebooks (and our runner in tools/) look for an attribute with exactly this name, create
/// <see cref="FormatterSourceType"/>, call its <c>CreateTypeFormatters()</c>, and use each formatter's
/// <c>MimeType</c> and <c>Format(object, TextWriter)</c>. Everything is found by name, so the properties
/// and methods must stay public even though the types are internal.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[] PreferredMimeTypes { get; set; } = ["text/html"];
}
