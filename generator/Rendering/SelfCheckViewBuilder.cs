using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.Citations;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Theme.Models;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Builds a questionnaire's page model and the JSON its script reads, in two parts. The page holds
/// what the questions need (every question and option). What the in-place key and the result need
/// (each catalogue hazard with its articles and quoted penalty, the assessment model that
/// js/exemption.js evaluates, the leniency rules with their dated sources) is a second document,
/// <see cref="HazardsFile"/> beside the page, fetched once the page has loaded: it is most of the
/// data, and a page that carries it inline paints a round trip later on a phone. Pages built for
/// file:// keep it inline, as browsers refuse fetches there. Nothing a visitor enters is sent.
/// </summary>
public sealed class SelfCheckViewBuilder(LawRegistry laws, SiteConfig config, ExemptionRules? rules, IReadOnlySet<string> pageUrls)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The result's data, in the page's folder.</summary>
    public const string HazardsFile = "hazards.json";

    public SelfCheckView Build(Questionnaire questionnaire, PageFrame frame, MarkdownHtml markdown, string previewsJson)
    {
        var model = AssessmentModel.From(questionnaire, rules);
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

        var data = Data(questionnaire, model, frame);
        // The version in the query names this build's data, so no cache pairs a page with another build's.
        var hazardsUrl = frame.IndexFileLinks ? null : $"{HazardsFile}?v={data.Version}";
        return new SelfCheckView(frame, markdown.RenderBlocks(questionnaire.Intro), questionnaire.Premises, questionnaire.Audience,
            questionnaire.Minutes, questionnaire.Reviewed, CountOf(questionnaire), sections, data.PageJson, data.HazardsJson, hazardsUrl, previewsJson);
    }

    /// <summary>The document written to <see cref="HazardsFile"/>: the same bytes the page would otherwise hold inline.</summary>
    public string HazardsJson(Questionnaire questionnaire, PageFrame frame) =>
        Data(questionnaire, AssessmentModel.From(questionnaire, rules), frame).HazardsJson;

    private static string? ConditionText(Question question, IReadOnlyDictionary<string, Question> byId)
    {
        if (question.Condition is not { OptionIndexes.Count: > 0 } condition || !byId.TryGetValue(condition.QuestionId, out var target)) return null;
        var options = string.Join("或", condition.OptionIndexes.Select(i => $"“{target.Options[i].Label}”"));
        return $"（第 {target.Number} 题选择{options}时回答本题）";
    }

    /// <summary>What the printed key says of a hazard option: its level, articles, fix and deadline.</summary>
    private static HazardInfoView HazardInfo(AppliedHazard hazard, MarkdownHtml markdown)
    {
        var definition = hazard.Definition;
        if (hazard.Severity is not { } severity)
            return new HazardInfoView("安全建议", "severity-advice", "", "", hazard.Fix, definition.Deadline, "");
        return new HazardInfoView(
            HazardSeverities.Name(severity),
            SeverityClass(severity),
            string.Join("、", definition.Breaks.Select(c => markdown.Render(c))),
            definition.NoDirectPenalty ? "法律对此没有直接规定罚则，但必须改正" : string.Join("、", definition.Penalties.Select(c => markdown.Render(c))),
            hazard.Fix,
            definition.Deadline,
            severity == HazardSeverity.PossiblyMajor ? definition.MajorBasis : "");
    }

    /// <summary>
    /// For the in-place key, the schemes that could spare each hazard option if it were the only
    /// hazard found ("question/option" → names). Options no scheme could spare are left out.
    /// </summary>
    private static SortedDictionary<string, IReadOnlyList<string>> SchemesAlone(Questionnaire questionnaire, AssessmentModel model)
    {
        var alone = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var question in questionnaire.Questions)
        foreach (var option in question.Options)
        {
            if (option.Hazard?.Severity is not { } severity || severity == HazardSeverity.PossiblyMajor) continue;
            var assessment = ExemptionAssessor.Assess(model, ExemptionAssessor.Alone(model, question.Id, option.Index));
            if (assessment.Found.Count > 0 && assessment.Found[0].Schemes.Count > 0) alone[$"{question.Id}/{option.Index}"] = assessment.Found[0].Schemes;
        }
        return alone;
    }

    public static string SeverityClass(HazardSeverity severity) => severity switch
    {
        HazardSeverity.General => "severity-general",
        HazardSeverity.Serious => "severity-serious",
        _ => "severity-major",
    };

    /// <summary>The page's JSON, the hazards document, and the version both share.</summary>
    private sealed record SelfCheckData(string PageJson, string HazardsJson, string Version);

    private SelfCheckData Data(Questionnaire questionnaire, AssessmentModel model, PageFrame frame)
    {
        // Article texts come from the page's citation previews (cite-data); penalty quotes are shared, as many hazards quote one 款.
        var quotes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        object Cite(CitationInline citation, bool quotePenalty) => new
        {
            t = citation.Prefix + string.Concat(citation.Parts.Select(p => p.Text)),
            refs = citation.Parts.Where(p => p.PreviewKey is not null).Select(p =>
            {
                var quote = quotePenalty ? $"{p.PreviewKey}/{p.Ref!.Paragraph}/{p.Ref.Item}" : null;
                if (quote is not null) quotes[quote] = Quote(p);
                return new { key = p.PreviewKey, href = frame.Link(p.Href!.TrimStart('/')), quote };
            }).ToList(),
        };

        var applied = questionnaire.Questions.SelectMany(q => q.Options).Select(o => o.Hazard).OfType<AppliedHazard>().DistinctBy(h => h.Id).OrderBy(h => h.Id, StringComparer.Ordinal);
        var hazards = applied.ToDictionary(h => h.Id, h => (object)new
        {
            title = h.Definition.Title,
            advice = h.Severity is null,
            sev = h.Severity is { } s ? (int?)s : null,
            severity = h.Severity is { } named ? HazardSeverities.Name(named) : "安全建议",
            cause = h.Definition.Cause,
            breaks = h.Definition.Breaks.Select(b => Cite(b, false)).ToList(),
            penalties = h.Definition.Penalties.Select(p => Cite(p, true)).ToList(),
            noPenalty = h.Definition.NoDirectPenalty,
            fix = h.Definition.Fix,
            deadline = h.Definition.Deadline,
            schemes = h.Schemes,
            majorBasis = h.Severity == HazardSeverity.PossiblyMajor ? h.Definition.MajorBasis : "",
            note = h.Definition.Note,
        });

        var questions = questionnaire.Questions.Select(q => new
        {
            id = q.Id,
            n = q.Number,
            section = questionnaire.Sections.First(s => s.Questions.Contains(q)).Title,
            text = PlainText.Of(q.Text.Inline).Trim(),
            fact = q.Fact,
            cond = q.Condition is { OptionIndexes.Count: > 0 } c ? new { q = c.QuestionId, o = c.OptionIndexes } : null,
            options = q.Options.Select(o => new
            {
                l = o.Label,
                o = AssessmentModel.Code(o.Outcome),
                h = o.Hazard?.Id,
                // Only a questionnaire's own wording of the fix; the catalogue's is in hazards.
                fix = o.Hazard is { } h && h.Fix != h.Definition.Fix ? h.Fix : null,
            }).ToList(),
        }).ToList();

        var major = rules is null ? null : laws.Find(rules.MajorLaw) is { } majorLaw && majorLaw.Article(rules.MajorArticle) is { } majorArticle
            ? new
            {
                text = rules.MajorText,
                t = $"《{majorLaw.CitationName}》{majorArticle.Heading}",
                href = frame.Link(majorLaw.Url + "#" + majorArticle.Anchor),
                quote = majorArticle.Text,
            }
            : null;
        var content = new
        {
            slug = questionnaire.Slug,
            title = questionnaire.Page.Meta.Title,
            premises = questionnaire.Premises,
            questions,
            channels = config.ReportingChannels.Select(ch => new { name = ch.Name, phone = ch.Phone, address = ch.Address, url = ch.Url, note = ch.Note }).ToList(),
            organisation = new { name = config.Organisation.Name, contact = config.Organisation.Contact },
            links = new
            {
                voluntaryReporting = GuideLink(frame, "guides/voluntary-reporting/"),
                exemption = GuideLink(frame, "guides/first-violation-exemption/"),
                hazardLevels = GuideLink(frame, "guides/general-vs-major-hazards/"),
                terms = GuideLink(frame, "guides/fire-safety-terms/"),
                penaltyLaw = laws.Find("行政处罚法") is { } penaltyLaw ? frame.Link(penaltyLaw.Url) : null,
            },
        };
        // With the page's data merged in, a superset of the assessment model (questions, hazards,
        // schemes): js/exemption.js reads the merged data as it is.
        var result = new
        {
            hazards,
            schemes = (rules?.Schemes ?? []).Zip(model.Schemes, (s, m) => new
            {
                name = s.Name,
                effect = s.Effect,
                caveat = s.Caveat,
                conditions = s.Conditions.Zip(m.Conditions, (c, mc) => new { text = c.Text, kind = mc.Kind, fact = mc.Fact, expect = mc.Expect, limit = mc.Limit, max = mc.Max }).ToList(),
                sources = s.Sources,
            }).ToList(),
            quotes,
            alone = SchemesAlone(questionnaire, model),
            rules = rules is null ? null : new
            {
                reviewed = rules.Reviewed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                statements = rules.Statements,
                major,
                noPenalty = rules.NoDirectPenalty,
                prepare = rules.Prepare,
                ask = rules.AskWhom,
            },
        };
        var body = JsonSerializer.Serialize(content, Json);
        var hazardsJson = JsonSerializer.Serialize(result, Json);
        // Saved answers are keyed by this: a changed questionnaire never silently reuses old answers.
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body + "\n" + hazardsJson)))[..12];
        return new SelfCheckData("{\"version\":\"" + version + "\"," + body[1..], hazardsJson, version);
    }

    public static QuestionCount CountOf(Questionnaire questionnaire)
    {
        var conditional = questionnaire.Questions.Count(q => q.Condition is not null);
        return new QuestionCount(questionnaire.Questions.Count() - conditional, conditional);
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
