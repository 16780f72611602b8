using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Markdown;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>
/// Reads a questionnaire page: ## sections, ::: question blocks holding the question, an optional
/// "> 怎么判断" hint and a list of options, each ending in {合规}, {不适用} or {隐患：编号}. A hazard
/// option names a catalogue hazard and may reword its fix on one "整改：" line below; the legal
/// facts live only in the catalogue. Problems of shape are reported here; rules that span
/// questions and the catalogue are checked by <see cref="QuestionnaireValidator"/>.
/// </summary>
public static partial class QuestionnaireParser
{
    [GeneratedRegex("^(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\\s+if=(?<if>.+))?$")]
    private static partial Regex QuestionArguments();

    [GeneratedRegex(@"[{｛](?<outcome>[^{}｛｝]+)[}｝]\s*$")]
    private static partial Regex OutcomeMarker();


    public static Questionnaire? Parse(ContentPage page, DiagnosticBag diagnostics)
    {
        // Loaded and checked with the page; a page of another kind has no questionnaire to read.
        if (page.QuestionnaireFrontMatter is not { } meta) return null;

        var intro = new List<Block>();
        var sections = new List<(string Title, string Anchor, List<Question> Questions)>();
        var number = 0;
        foreach (var block in page.Document)
        {
            switch (block)
            {
                case HeadingBlock { Level: 2 } heading:
                    sections.Add((PlainText.Of(heading.Inline).Trim(), heading.GetAttributes().Id ?? "", []));
                    break;
                case CustomContainer { Info: "question" } container when sections.Count > 0:
                    var question = ParseQuestion(container, ++number, page, diagnostics);
                    if (question is not null) sections[^1].Questions.Add(question);
                    break;
                case CustomContainer { Info: "question" } early:
                    Error(page, early, DiagnosticCodes.QuestionMalformed, "问题必须放在某个 ## 小标题之下。请先写一个小标题，例如“## 安全疏散”。", diagnostics);
                    break;
                case Block other when sections.Count == 0:
                    intro.Add(other);
                    break;
                case Block other:
                    // The page shows sections and questions only; text here would silently vanish.
                    Error(page, other, DiagnosticCodes.QuestionMalformed,
                        "小标题之后只能写问题（::: question …）。说明文字请写进问题的“> 怎么判断”，或者放到第一个 ## 小标题之前的引言里。", diagnostics);
                    break;
            }
        }
        return new Questionnaire(page, meta.Premises, meta.Audience, meta.Minutes, meta.Reviewed, meta.Classes, intro,
            sections.Select(s => new QuestionSection(s.Title, s.Anchor, s.Questions)).ToList());
    }

    private static Question? ParseQuestion(CustomContainer container, int number, ContentPage page, DiagnosticBag diagnostics)
    {
        var args = QuestionArguments().Match((container.Arguments ?? "").Trim());
        if (!args.Success)
        {
            Error(page, container, DiagnosticCodes.QuestionMalformed,
                $"问题编号“{container.Arguments}”无效。请写成 ::: question exits-clear（只用小写字母、数字和连字符），条件写在后面：if=前一题编号:选项文字。", diagnostics);
            return null;
        }
        var id = args.Groups["id"].Value;
        var text = container.OfType<ParagraphBlock>().FirstOrDefault();
        var hint = container.OfType<QuoteBlock>().FirstOrDefault();
        var list = container.OfType<ListBlock>().FirstOrDefault();
        if (text is null || container.IndexOf(text) != 0)
        {
            Error(page, container, DiagnosticCodes.QuestionMalformed, $"问题“{id}”的第一段应是问题本身。", diagnostics);
            return null;
        }
        if (list is null)
        {
            Error(page, container, DiagnosticCodes.QuestionMalformed, $"问题“{id}”没有选项。请用“- ”开头的列表写出选项，每项末尾写 {{合规}}、{{不适用}} 或 {{隐患：隐患编号}}。", diagnostics);
            return null;
        }
        foreach (var extra in container.Where(b => b != text && b != hint && b != list))
            Error(page, extra, DiagnosticCodes.QuestionMalformed, $"问题“{id}”里有多余的内容。问题块里只能依次写：问题、> 怎么判断（可选）、选项列表。", diagnostics);

        var options = new List<QuestionOption>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var option = ParseOption(item, options.Count, id, page, diagnostics);
            if (option is not null) options.Add(option);
        }

        QuestionCondition? condition = null;
        if (args.Groups["if"].Success)
        {
            var raw = args.Groups["if"].Value.Trim();
            var colon = raw.IndexOfAny([':', '：']);
            // Options are resolved against the earlier question by the validator.
            condition = colon > 0
                ? new QuestionCondition(raw[..colon].Trim(), [], raw[(colon + 1)..].Trim())
                : new QuestionCondition(raw, [], "");
        }
        return new Question(id, number, text, hint, options, condition, container.Line + 1);
    }

    private static QuestionOption? ParseOption(ListItemBlock item, int index, string questionId, ContentPage page, DiagnosticBag diagnostics)
    {
        var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null) return null;
        var lines = DetailLines.Split(paragraph.Inline);
        var first = DetailLines.Text(lines[0]);
        var marker = OutcomeMarker().Match(first);
        var line = paragraph.Line + 1;
        if (!marker.Success)
        {
            diagnostics.Error(page.DisplayPath, line, paragraph.Column + 1, DiagnosticCodes.OptionNoOutcome,
                $"问题“{questionId}”的选项“{first}”没有写结论。请在这一行末尾加 {{合规}}、{{不适用}} 或 {{隐患：隐患编号}}。");
            return null;
        }
        var label = first[..marker.Index].Trim();
        var written = marker.Groups["outcome"].Value.Trim();
        var colon = written.IndexOfAny(['：', ':']);
        var (word, hazardId) = colon < 0 ? (written, "") : (written[..colon].Trim(), written[(colon + 1)..].Trim());
        Outcome? outcome = word switch
        {
            "合规" or "ok" when colon < 0 => Outcome.Compliant,
            "不适用" or "na" when colon < 0 => Outcome.NotApplicable,
            "隐患" or "hazard" => Outcome.Hazard,
            _ => null,
        };
        if (outcome is null)
        {
            diagnostics.Error(page.DisplayPath, line, paragraph.Column + 1, DiagnosticCodes.OptionNoOutcome,
                $"选项“{label}”的结论“{{{written}}}”无法识别。只能写 {{合规}}、{{不适用}} 或 {{隐患：隐患编号}}。");
            return null;
        }
        foreach (var extra in item.Where(b => b != paragraph))
            diagnostics.Error(page.DisplayPath, extra.Line + 1, extra.Column + 1, DiagnosticCodes.QuestionMalformed,
                $"选项“{label}”下面有空行或多余的段落。改写的“整改：”要紧接在选项下面，中间不要空行。");

        if (outcome != Outcome.Hazard)
        {
            if (lines.Count > 1)
                diagnostics.Error(page.DisplayPath, line + 1, 1, DiagnosticCodes.QuestionMalformed,
                    $"选项“{label}”不是隐患，下面不需要写“整改：”等内容。如果它是隐患，请把结论改为 {{隐患：隐患编号}}。");
            return new QuestionOption(index, label, outcome.Value, null, line);
        }
        if (hazardId.Length == 0)
        {
            diagnostics.Error(page.DisplayPath, line, paragraph.Column + 1, DiagnosticCodes.OptionRestatesHazard,
                $"选项“{label}”的结论要写出隐患编号，例如 {{隐患：exits-blocked}}。隐患的等级、条文、罚则和免罚都在 content/hazards/ 的隐患目录里定义，问卷只引用编号。");
            return null;
        }

        string? fix = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var detail = DetailLines.Read(lines[i], line + i);
            if (detail is { Key: "整改", Qualifier: null } && fix is null && detail.Value.Length > 0)
            {
                fix = detail.Value;
                continue;
            }
            diagnostics.Error(page.DisplayPath, line + i, 1, DiagnosticCodes.OptionRestatesHazard, detail is { Key: "等级" or "违反" or "处罚" or "期限" or "免罚" }
                ? $"选项“{label}”不能自己写“{detail.Key}：”。隐患“{hazardId}”的等级、条文、罚则、期限和免罚只在隐患目录（content/hazards/）里写一次，所有问卷共用；问卷里只能另写一行“整改：”，换一种说法讲怎么改。需要不同的法律判断时，请在目录里新建一个隐患。"
                : $"选项“{label}”下面的“{DetailLines.Shorten(DetailLines.Text(lines[i]))}”无法识别。引用隐患的选项下面最多写一行“整改：……”。");
        }
        return new QuestionOption(index, label, Outcome.Hazard, new HazardReference(hazardId, fix, line, paragraph.Column + 1), line);
    }

    private static void Error(ContentPage page, Block block, string code, string message, DiagnosticBag diagnostics) =>
        diagnostics.Error(page.DisplayPath, block.Line + 1, block.Column + 1, code, message);
}
