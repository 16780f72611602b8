using System.Text.Json.Serialization;

namespace PublicEdu.Generator.Laws;

/// <summary>An article as the page scripts read it; short names keep the JSON in every page small.</summary>
public sealed record ArticlePreview([property: JsonPropertyName("t")] string Title, [property: JsonPropertyName("x")] string Text);
