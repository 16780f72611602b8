using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Rendering;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Rendering;

public class HtmlMinifierTests
{
    [Fact]
    public void Line_breaks_and_indentation_between_tags_become_one_line_break()
    {
        Assert.Equal("<ul>\n<li>甲</li>\n<li>乙</li></ul>", HtmlMinifier.Minify("<ul>\n    <li>甲</li>\n\n    <li>乙</li></ul>"));
    }

    [Fact]
    public void Spaces_within_a_line_of_text_are_kept()
    {
        Assert.Equal("<p>第 60 条  <b>罚款</b> 五千元</p>", HtmlMinifier.Minify("<p>第 60 条  <b>罚款</b> 五千元</p>"));
    }

    [Fact]
    public void Pre_textarea_script_style_comments_and_attribute_values_are_copied_as_they_are()
    {
        const string html = "<pre>\n  缩进\n    保留\n</pre><textarea>\n  a\n</textarea><script type=\"application/json\">{\n  \"a\": 1\n}</script>" +
            "<style>\n  p { }\n</style><!--\n   注释\n--><a title=\"第一行\n    第二行\">x</a>";
        Assert.Equal(html, HtmlMinifier.Minify(html));
    }

    [Fact]
    public void White_space_between_attributes_becomes_one_space()
    {
        Assert.Equal("<a href=\"x\" class=\"y\">", HtmlMinifier.Minify("<a\n   href=\"x\"\n   class=\"y\">"));
    }

    [Fact]
    public void Encoded_apostrophes_and_plus_signs_are_written_plainly_except_in_single_quoted_values()
    {
        Assert.Equal("<meta content=\"default-src 'self'\"><p>a+b 'c'</p><i title='&#x27;'></i>",
            HtmlMinifier.Minify("<meta content=\"default-src &#x27;self&#x27;\"><p>a&#x2B;b &#x27;c&#x27;</p><i title='&#x27;'></i>"));
    }

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_page_of_the_site_means_the_same_minified_and_not()
    {
        using var folder = new TempFolder();
        var minified = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, folder.Combine("min"), null, RepoPaths.ThemeWwwroot));
        var plain = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, folder.Combine("plain"), null, RepoPaths.ThemeWwwroot,
            new RenderOptions(MinifyHtml: false)));
        Assert.True(minified.Succeeded && plain.Succeeded);

        var pages = minified.Files.Where(f => f.IsHtml).ToList();
        Assert.NotEmpty(pages);
        long before = 0, after = 0;
        foreach (var page in pages)
        {
            var original = plain.Files.Single(f => f.Path == page.Path).Content;
            // The minifier leaves inert JSON data alone, so the saving is measured on the markup around it.
            before += WithoutJsonData(original);
            after += WithoutJsonData(page.Content);
            Assert.True(Canonical(Encoding.UTF8.GetString(original)) == Canonical(Encoding.UTF8.GetString(page.Content)), page.Path);
        }
        // Only provably safe rewrites are made, so the saving is small (about 3% on this site).
        Assert.True(after < before * 0.98, $"minified {after} bytes of {before}");
    }

    private static long WithoutJsonData(byte[] html) =>
        System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(html), "(<script type=\"application/json\"[^>]*>).*?</script>", "$1</script>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Length;

    /// <summary>
    /// The document as a browser sees it: elements, attributes with their values, and text with
    /// runs of white space shown as one space, except where white space is kept (pre, textarea,
    /// script, style).
    /// </summary>
    private static string Canonical(string html)
    {
        var output = new StringBuilder();
        void Walk(INode node, bool keepSpace)
        {
            switch (node)
            {
                case IElement element:
                    output.Append('<').Append(element.LocalName);
                    foreach (var attribute in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                        output.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
                    output.Append('>');
                    var keep = keepSpace || element.LocalName is "pre" or "textarea" or "script" or "style";
                    foreach (var child in element.ChildNodes) Walk(child, keep);
                    output.Append("</").Append(element.LocalName).Append('>');
                    break;
                case IText text:
                    output.Append(keepSpace ? text.Data : Regex.Replace(text.Data, "[ \t\n\r\f]+", " "));
                    break;
                case IComment comment:
                    output.Append("<!--").Append(comment.Data).Append("-->");
                    break;
            }
        }
        Walk(Parser.ParseDocument(html).DocumentElement, false);
        return output.ToString();
    }
}
