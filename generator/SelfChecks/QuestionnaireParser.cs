using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>
/// Reads a questionnaire page: ## sections, ::: question blocks holding the question, an optional
/// "> 怎么判断" hint and a list of options, each ending in {合规}, {不适用} or {隐患} with the
/// hazard's details on the lines below it. Problems of shape are reported here; rules that span
/// questions (ids, conditions) are checked by <see cref="QuestionnaireValidator"/>.
/// </summary>
public static partial class QuestionnaireParser
{
    public static readonly IReadOnlyList<string> FrontMatterKeys = ["premises", "audience", "minutes", "reviewed"];

    [GeneratedRegex("^(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\\s+if=(?<if>.+))?$")]
    private static partial Regex QuestionArguments();

    [GeneratedRegex(@"[{｛](?<outcome>[^{}｛｝]+)[}｝]\s*$")]
    private static partial Regex OutcomeMarker();

    [GeneratedRegex(@"^(?<key>[\p{IsCJKUnifiedIdeographs}]{2})[：:]\s*(?<value>.*)$")]
    private static partial Regex DetailLine();

    private static readonly string[] DetailKeys = ["等级", "违反", "处罚", "整改", "期限", "免罚"];

    public static Questionnaire? Parse(ContentPage page, DiagnosticBag diagnostics)
    {
        var map = page.FrontMatterMap;
        var premises = map.String("premises", required: true);
        var audience = map.String("audience") ?? "";
        var minutes = map.Int("minutes") ?? 10;
        var reviewed = map.Date("reviewed", required: true);

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
        if (premises is null) return null;
        return new Questionnaire(page, premises, audience, minutes, reviewed, intro,
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
            Error(page, container, DiagnosticCodes.QuestionMalformed, $"问题“{id}”没有选项。请用“- ”开头的列表写出选项，每项末尾写 {{合规}}、{{不适用}} 或 {{隐患}}。", diagnostics);
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
        var lines = SplitLines(paragraph.Inline);
        var first = LineText(lines[0]).Trim();
        var marker = OutcomeMarker().Match(first);
        var line = paragraph.Line + 1;
        if (!marker.Success)
        {
            diagnostics.Error(page.DisplayPath, line, paragraph.Column + 1, DiagnosticCodes.OptionNoOutcome,
                $"问题“{questionId}”的选项“{first}”没有写结论。请在这一行末尾加 {{合规}}、{{不适用}} 或 {{隐患}}。");
            return null;
        }
        var label = first[..marker.Index].Trim();
        var outcome = marker.Groups["outcome"].Value.Trim() switch
        {
            "合规" or "ok" => Outcome.Compliant,
            "不适用" or "na" => Outcome.NotApplicable,
            "隐患" or "hazard" => Outcome.Hazard,
            _ => (Outcome?)null,
        };
        if (outcome is null)
        {
            diagnostics.Error(page.DisplayPath, line, paragraph.Column + 1, DiagnosticCodes.OptionNoOutcome,
                $"选项“{label}”的结论“{{{marker.Groups["outcome"].Value}}}”无法识别。只能写 {{合规}}、{{不适用}} 或 {{隐患}}。");
            return null;
        }
        foreach (var extra in item.Where(b => b != paragraph))
            diagnostics.Error(page.DisplayPath, extra.Line + 1, extra.Column + 1, DiagnosticCodes.QuestionMalformed,
                $"选项“{label}”下面有空行或多余的段落。隐患的“等级：”“违反：”等各行要紧接在选项下面，中间不要空行。");

        if (outcome != Outcome.Hazard)
        {
            if (lines.Count > 1)
                diagnostics.Error(page.DisplayPath, line + 1, 1, DiagnosticCodes.QuestionMalformed,
                    $"选项“{label}”不是隐患，下面不需要写“等级：”等内容。如果它是隐患，请把结论改为 {{隐患}}。");
            return new QuestionOption(index, label, outcome.Value, null, line);
        }
        var hazard = ParseHazard(lines, label, line, page, diagnostics);
        return new QuestionOption(index, label, Outcome.Hazard, hazard, line);
    }

    private static Hazard? ParseHazard(List<List<Inline>> lines, string label, int line, ContentPage page, DiagnosticBag diagnostics)
    {
        var details = new Dictionary<string, (List<Inline> Inlines, string Text, int Line)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var text = LineText(lines[i]).Trim();
            var m = DetailLine().Match(text);
            if (!m.Success || !DetailKeys.Contains(m.Groups["key"].Value))
            {
                diagnostics.Error(page.DisplayPath, line + i, 1, DiagnosticCodes.QuestionMalformed,
                    $"“{Shorten(text)}”无法识别。隐患下面每行以 {string.Join("、", DetailKeys.Select(k => k + "："))} 之一开头。");
                continue;
            }
            details[m.Groups["key"].Value] = (lines[i], m.Groups["value"].Value.Trim(), line + i);
        }

        var missing = DetailKeys.Where(k => k != "处罚" && (!details.TryGetValue(k, out var d) || d.Text.Length == 0)).ToList();
        if (!details.ContainsKey("处罚")) missing.Add("处罚");
        if (missing.Count > 0)
        {
            diagnostics.Error(page.DisplayPath, line, 1, DiagnosticCodes.HazardIncomplete,
                $"隐患选项“{label}”缺少：{string.Join("、", missing)}。每个隐患都要写明等级、违反的条文、罚则、整改办法、期限和免罚路径。");
            return null;
        }

        HazardSeverity? severity = details["等级"].Text switch
        {
            "一般隐患" => HazardSeverity.General,
            "较大隐患" => HazardSeverity.Serious,
            "可能构成重大火灾隐患" => HazardSeverity.PossiblyMajor,
            _ => null,
        };
        if (severity is null)
        {
            diagnostics.Error(page.DisplayPath, details["等级"].Line, 1, DiagnosticCodes.HazardValueInvalid,
                $"等级“{details["等级"].Text}”无法识别。只能写：一般隐患、较大隐患、可能构成重大火灾隐患。");
            return null;
        }

        var breaks = details["违反"].Inlines.OfType<CitationInline>().ToList();
        if (breaks.Count == 0)
        {
            diagnostics.Error(page.DisplayPath, details["违反"].Line, 1, DiagnosticCodes.HazardIncomplete,
                $"隐患选项“{label}”的“违反：”没有写出法条。请写成《消防法》第二十八条 这样的引用。");
            return null;
        }
        var penaltyText = details["处罚"].Text;
        var penalties = details["处罚"].Inlines.OfType<CitationInline>().ToList();
        var noDirectPenalty = penaltyText == "无直接罚则";
        if (penalties.Count == 0 && !noDirectPenalty)
        {
            diagnostics.Error(page.DisplayPath, details["处罚"].Line, 1, DiagnosticCodes.HazardIncomplete,
                $"隐患选项“{label}”的“处罚：”没有写出法条。请引用规定罚则的条文；法律对此没有罚则时写“处罚：无直接罚则”。");
            return null;
        }

        var exemptionText = details["免罚"].Text;
        (ExemptionPath Path, string Note)? exemption = exemptionText switch
        {
            "可能适用" => (ExemptionPath.MayQualify, ""),
            "可能从轻或减轻" => (ExemptionPath.MayReduce, ""),
            _ when exemptionText.StartsWith("不适用", StringComparison.Ordinal) => (ExemptionPath.NotApplicable, exemptionText["不适用".Length..].TrimStart('：', ':', '，', ' ')),
            _ => null,
        };
        if (exemption is null)
        {
            diagnostics.Error(page.DisplayPath, details["免罚"].Line, 1, DiagnosticCodes.HazardValueInvalid,
                $"免罚“{exemptionText}”无法识别。只能写：可能适用、可能从轻或减轻、不适用：原因。");
            return null;
        }
        // Every Hunan exemption scheme excludes 重大火灾隐患; the site must never suggest otherwise.
        if (severity == HazardSeverity.PossiblyMajor && exemption.Value.Path != ExemptionPath.NotApplicable)
        {
            diagnostics.Error(page.DisplayPath, details["免罚"].Line, 1, DiagnosticCodes.HazardValueInvalid,
                "可能构成重大火灾隐患的情形不适用任何免罚或从轻规定。请写“免罚：不适用：可能构成重大火灾隐患”。");
            return null;
        }

        return new Hazard(severity.Value, breaks, penalties, noDirectPenalty, details["整改"].Text, details["期限"].Text,
            exemption.Value.Path, exemption.Value.Note);
    }

    /// <summary>An option's paragraph, cut at its line breaks: the label line, then one line per detail.</summary>
    private static List<List<Inline>> SplitLines(ContainerInline inline)
    {
        var lines = new List<List<Inline>> { new() };
        foreach (var child in inline)
        {
            if (child is LineBreakInline) lines.Add([]);
            else lines[^1].Add(child);
        }
        return lines;
    }

    private static string LineText(IEnumerable<Inline> inlines) =>
        string.Concat(inlines.Select(i => i switch
        {
            LiteralInline l => l.Content.ToString(),
            CitationInline c => c.Prefix + string.Concat(c.Parts.Select(p => p.Text)),
            CodeInline code => code.Content,
            ContainerInline container => LineText(container),
            _ => "",
        }));

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;

    private static void Error(ContentPage page, Block block, string code, string message, DiagnosticBag diagnostics) =>
        diagnostics.Error(page.DisplayPath, block.Line + 1, block.Column + 1, code, message);
}
