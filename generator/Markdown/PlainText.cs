using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.Markdown;

/// <summary>The visible text of Markdown inlines and blocks, for ids, titles, previews and search.</summary>
public static class PlainText
{
    public static string Of(ContainerInline? container)
    {
        if (container is null) return "";
        var sb = new StringBuilder();
        Append(container, sb);
        return sb.ToString();
    }

    public static string Of(Block block)
    {
        var sb = new StringBuilder();
        AppendBlock(block, sb);
        return sb.ToString().Trim();
    }

    private static void AppendBlock(Block block, StringBuilder sb)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                Append(inline, sb);
                sb.Append('\n');
                break;
            case LeafBlock leaf:
                sb.Append(leaf.Lines.ToString()).Append('\n');
                break;
            case ContainerBlock container:
                foreach (var child in container) AppendBlock(child, sb);
                break;
        }
    }

    private static void Append(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case CitationInline citation:
                sb.Append(citation.Prefix);
                foreach (var part in citation.Parts) sb.Append(part.Text);
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container) Append(child, sb);
                break;
        }
    }
}
