using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.Citations;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Theme.Models;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Builds a questionnaire's page model and the JSON its script reads: every question, option and
/// hazard, the statutory text of every cited article and the quoted penalty, all written into the
/// page at build time so that nothing is fetched and nothing is sent.
/// </summary>
public sealed class SelfCheckViewBuilder(LawRegistry laws, IReadOnlyList<ReportingChannel> channels, IReadOnlySet<string> pageUrls)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public SelfCheckView Build(Questionnaire questionnaire, PageFrame frame, MarkdownHtml markdown, string previewsJson)
    {
        var titles = questionnaire.Questions.DistinctBy(q => q.Id).ToDictionary(q => q.Id);
        var sections = questionnaire.Sections.Select(section => new SelfCheckSectionView(section.Title, section.Anchor,
            section.Questions.Select(q => new SelfCheckQuestionView(
                q.Id, q.Anchor, q.Number,
                markdown.RenderInlines(q.Text),
                q.Hint is null ? "" : markdown.Render(q.Hint),
                ConditionText(q, titles),
                q.Condition?.QuestionId,
                q.Condition is null ? "" : string.Join(' ', q.Condition.OptionIndexes),
                q.Options.Select(o => new SelfCheckOptionView(o.Index, o.Label, o.Hazard is null ? null : HazardInfo(o.Hazard, markdown))).ToList()))
                .ToList())).ToList();

        var data = Data(questionnaire, frame);
        return new SelfCheckView(frame, markdown.RenderBlocks(questionnaire.Intro), questionnaire.Premises, questionnaire.Audience,
            questionnaire.Minutes, questionnaire.Reviewed, questionnaire.Questions.Count(), sections, data, previewsJson);
    }

    private static string? ConditionText(Question question, IReadOnlyDictionary<string, Question> byId)
    {
        if (question.Condition is not { OptionIndexes.Count: > 0 } condition || !byId.TryGetValue(condition.QuestionId, out var target)) return null;
        var options = string.Join("或", condition.OptionIndexes.Select(i => $"“{target.Options[i].Label}”"));
        return $"（第 {target.Number} 题选择{options}时回答本题）";
    }

    private HazardInfoView HazardInfo(Hazard hazard, MarkdownHtml markdown) => new(
        Questionnaire.SeverityName(hazard.Severity),
        SeverityClass(hazard.Severity),
        string.Join("、", hazard.Breaks.Select(c => markdown.Render(c))),
        hazard.NoDirectPenalty ? "法律对此没有直接规定罚款，但须改正" : string.Join("、", hazard.Penalties.Select(c => markdown.Render(c))),
        hazard.Fix,
        hazard.Deadline,
        ExemptionText(hazard));

    public static string SeverityClass(HazardSeverity severity) => severity switch
    {
        HazardSeverity.General => "severity-general",
        HazardSeverity.Serious => "severity-serious",
        _ => "severity-major",
    };

    public static string ExemptionText(Hazard hazard) => hazard.Exemption switch
    {
        ExemptionPath.MayQualify => "及时改正、没有造成危害后果的，可能不予处罚（首违不罚、轻微不罚）",
        ExemptionPath.MayReduce => "主动消除或减轻危害后果的，可能从轻或减轻处罚",
        _ => "不适用" + (hazard.ExemptionNote.Length > 0 ? "：" + hazard.ExemptionNote : ""),
    };

    private string Data(Questionnaire questionnaire, PageFrame frame)
    {
        var articles = new SortedDictionary<string, ArticlePreview>(StringComparer.Ordinal);
        object Cite(CitationInline citation, bool quotePenalty) => new
        {
            t = citation.Prefix + string.Concat(citation.Parts.Select(p => p.Text)),
            refs = citation.Parts.Where(p => p.PreviewKey is not null).Select(p =>
            {
                articles[p.PreviewKey!] = laws.Preview(p.PreviewKey!);
                return new { key = p.PreviewKey, href = frame.Link(p.Href!.TrimStart('/')), quote = quotePenalty ? Quote(p) : null };
            }).ToList(),
        };

        var questions = questionnaire.Questions.Select(q => new
        {
            id = q.Id,
            n = q.Number,
            section = questionnaire.Sections.First(s => s.Questions.Contains(q)).Title,
            text = PlainText.Of(q.Text.Inline).Trim(),
            cond = q.Condition is { OptionIndexes.Count: > 0 } c ? new { q = c.QuestionId, o = c.OptionIndexes } : null,
            options = q.Options.Select(o => new
            {
                l = o.Label,
                o = o.Outcome switch { Outcome.Compliant => "ok", Outcome.NotApplicable => "na", _ => "hazard" },
                h = o.Hazard is not { } h ? null : new
                {
                    sev = (int)h.Severity,
                    severity = Questionnaire.SeverityName(h.Severity),
                    breaks = h.Breaks.Select(b => Cite(b, false)).ToList(),
                    penalties = h.Penalties.Select(p => Cite(p, true)).ToList(),
                    noPenalty = h.NoDirectPenalty,
                    fix = h.Fix,
                    deadline = h.Deadline,
                    ex = h.Exemption switch { ExemptionPath.MayQualify => "may", ExemptionPath.MayReduce => "reduce", _ => "no" },
                    exNote = h.ExemptionNote,
                },
            }).ToList(),
        }).ToList();

        var content = new
        {
            slug = questionnaire.Slug,
            title = questionnaire.Page.Meta.Title,
            premises = questionnaire.Premises,
            questions,
            articles,
            channels = channels.Select(ch => new { name = ch.Name, phone = ch.Phone, address = ch.Address, url = ch.Url, note = ch.Note }).ToList(),
            links = new
            {
                voluntaryReporting = GuideLink(frame, "guides/voluntary-reporting/"),
                exemption = GuideLink(frame, "guides/first-violation-exemption/"),
                hazardLevels = GuideLink(frame, "guides/general-vs-major-hazards/"),
                penaltyLaw = laws.Find("行政处罚法") is { } penaltyLaw ? frame.Link(penaltyLaw.Url) : null,
            },
        };
        var body = JsonSerializer.Serialize(content, Json);
        // Saved answers are keyed by this: a changed questionnaire never silently reuses old answers.
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..12];
        return "{\"version\":\"" + version + "\"," + body[1..];
    }

    /// <summary>Guides are content, so the result links to one only when the site has it.</summary>
    private string? GuideLink(PageFrame frame, string url) => pageUrls.Contains(url) ? frame.Link(url) : null;

    /// <summary>The words of the cited 款 (and 项) that set the penalty; the whole article when no 款 is named.</summary>
    private string Quote(CitationPart part)
    {
        var (_, article) = laws.ArticleFor(part.PreviewKey!);
        var reference = part.Ref!;
        if (reference.Paragraph is not { } p || p > article.Paragraphs.Count) return article.Text;
        var paragraph = article.Paragraphs[p - 1];
        var item = reference.Item is { } i ? paragraph.Items.FirstOrDefault(x => x.Number == i) : null;
        return item is null ? paragraph.Text : paragraph.Text + "\n" + item.Text;
    }
}
