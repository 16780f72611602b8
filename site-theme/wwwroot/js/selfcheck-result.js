// The self-check result: each hazard with the law behind it, safety advice, the exemption
// assessment scheme by scheme with its sources, next steps and the printable documents.
// selfcheck.js loads this module when the visitor asks for the result and passes the answers.
import { assess } from "./exemption.js";

// What the page gave on the last render; the result's buttons use it until the next one.
let data, previews, el, answers, premises, today, visibleQuestions, save, exportAnswers, backToForm;

const LEVELS = [
  { title: "未发现隐患", text: "按您的回答，没有发现这份问卷所列的火灾隐患。请保持现状，定期再查。" },
  { title: "一般风险", text: "发现一般火灾隐患。它们不难整改，但不改可能被处罚，起火时也可能造成伤亡。请在建议期限内逐项改好。" },
  { title: "较高风险", text: "发现较大隐患，一旦起火，人员可能来不及疏散。请尽快整改，整改完成前加强巡查。" },
  { title: "高风险：可能存在重大火灾隐患", text: "至少有一项可能构成重大火灾隐患。请立即整改，必要时停止使用相关区域，并联系当地消防救援机构。" },
];
const SEVERITY_CLASS = ["general", "serious", "major"];
const SEVERITY_NAME = ["一般隐患", "较大隐患", "可能构成重大火灾隐患"];
const SCHEME_STATUS = {
  may: "可能适用",
  unknown: "可能适用，但要先确认您回答“不确定”的条件",
  no: "不适用",
  outside: "不适用：您查出的隐患都不在这项办法的范围内",
  none: "不涉及：没有查出违法的隐患",
};
const CONDITION_MARK = { met: "符合", unmet: "不符合", unknown: "需要确认", todo: "需要您做到" };

/** Each hazard found, with its question, option and catalogue entry; legal hazards by severity, then advice. */
function findings(assessment) {
  const byQuestion = new Map(assessment.found.map((f) => [f.q, f]));
  return visibleQuestions()
    .map((q) => ({ q, option: q.options[answers[q.id]], found: byQuestion.get(q.id) }))
    .filter((x) => x.found)
    .map((x) => ({ ...x, hazard: data.hazards[x.found.h] }))
    .sort((a, b) => (b.hazard.sev ?? -1) - (a.hazard.sev ?? -1) || a.q.n - b.q.n);
}

// Written as 2026年12月3日, the one date format of the printed documents.
function deadlineDate(text) {
  const base = new Date(`${premises.date || today()}T00:00:00`);
  if (Number.isNaN(base.getTime())) return text;
  const days = deadlineDays(text);
  if (days === null) return text;
  base.setDate(base.getDate() + days);
  const day = `${base.getFullYear()}年${base.getMonth() + 1}月${base.getDate()}日`;
  // "Before the day of the check" reads as already late; 立即 means that very day.
  return days === 0 ? `立即（${day}）` : `${day}前（${text}）`;
}

/** Days allowed by a catalogue deadline (立即, 24小时内, 3日内 …); null for wording it does not know. */
function deadlineDays(text) {
  if (text === "立即") return 0;
  if (text.startsWith("24小时")) return 1;
  const days = Number((text.match(/^(\d+)日/) || [])[1]);
  return Number.isFinite(days) ? days : null;
}

// The summary's timeline: what to do today, within 3 days and within 30 days, from each deadline.
const TIMELINE = [
  { title: "今天就做", within: 1 },
  { title: "3 日内完成", within: 3 },
  { title: "30 日内完成", within: 30 },
];

function timeline(found) {
  const steps = TIMELINE.map((step) => ({ ...step, items: [] }));
  const later = [];
  for (const item of found) {
    const days = deadlineDays(item.hazard.deadline);
    const step = days === null ? null : steps.find((s) => days <= s.within);
    (step ? step.items : later).push(item);
  }
  const entry = (item) => el("li", {}, el("a", { href: `#hazard-${item.q.id}` }, item.hazard.title), `（${deadlineDate(item.hazard.deadline)}）`);
  return el("ol", { class: "timeline" },
    steps.filter((s) => s.items.length > 0).map((s) => el("li", {}, el("h4", {}, s.title), el("ul", {}, s.items.map(entry)))),
    later.length > 0 ? el("li", {}, el("h4", {}, "按期限完成"), el("ul", {}, later.map(entry))) : null);
}

function citeLinks(citations) {
  return citations.flatMap((c, i) => [i > 0 ? "、" : "", c.refs.length > 0 ? el("a", { class: "cite", href: c.refs[0].href, "data-cite": c.refs[0].key }, c.t) : c.t]);
}

/**
 * What each hazard option of one question means, for its in-place "这一题为什么重要": the level,
 * the articles, the fix, and whether a scheme could spare the penalty were it the only hazard
 * found (data.alone, weighed at build time). The printed appendix says the same but the last.
 */
export function hazardKey(context) {
  ({ el } = context);
  const { data: page, q } = context;
  return q.options.map((option, index) => [option, index, page.hazards[option.h]]).filter(([, , h]) => h).map(([option, index, h]) =>
    el("div", { class: "hazard-detail" },
      el("p", {}, el("strong", {}, `选“${option.l}”：`), el("span", { class: `severity severity-${h.advice ? "advice" : SEVERITY_CLASS[h.sev]}` }, h.severity)),
      h.breaks.length > 0 ? [
        el("p", {}, "违反：", citeLinks(h.breaks)),
        el("p", {}, "罚则：", h.noPenalty ? "法律对此没有直接规定罚则，但必须改正" : citeLinks(h.penalties)),
      ] : null,
      h.majorBasis ? el("p", {}, `为什么可能构成重大火灾隐患：${h.majorBasis}`) : null,
      h.note ? el("p", {}, h.note) : null,
      el("p", {}, `怎么改：${option.fix ?? h.fix}（建议期限：${h.deadline}）`),
      el("p", {}, `主动整改能否免罚：${schemesAlone(h, page.alone[`${q.id}/${index}`] ?? [])}`)));
}

function schemesAlone(h, schemes) {
  if (h.advice) return "这是安全建议，不是法律认定的违法行为，不涉及处罚。";
  if (h.sev === 2) return "不适用：可能构成重大火灾隐患，本站见到的各项免罚办法都排除它。请立即整改，并联系当地消防救援机构。";
  return schemes.length === 0 ? "没有可能适用的免罚办法，但必须整改。" : `可能适用${schemes.join("、")}（还要看其他条件，由消防救援机构决定）。`;
}

function articleTexts(citations) {
  const keys = [...new Set(citations.flatMap((c) => c.refs.map((r) => r.key)))];
  return keys.map((key) => previews[key]).filter(Boolean).map((a) =>
    el("div", { class: "article-text" }, el("p", { class: "article-title" }, a.t), a.x.split("\n").map((line) => el("p", {}, line))));
}

function fixOf(item) {
  return item.option.fix ?? item.hazard.fix;
}

function sourceText(source) {
  return `${source.title}（${[source.issuer, source.date].filter(Boolean).join("，")}${source.via ? `；${source.via}` : ""}）`;
}

function hazardSchemes(item) {
  const h = item.hazard;
  if (h.sev === 2) return "不适用：可能构成重大火灾隐患，本站见到的各项免罚办法都排除重大火灾隐患。";
  if (item.found.schemes.length > 0) return `${item.found.schemes.join("、")}（条件和来源见下面的“能否免罚”）。`;
  if (h.schemes.length > 0) return `这一项本可能适用${h.schemes.join("、")}，但按您的回答，它们的条件不满足（原因见下面的“能否免罚”）。`;
  return "没有可能适用的免罚办法，但必须整改。";
}

function hazardItem(item) {
  const { q, option, hazard: h } = item;
  return el("li", { class: "hazard", id: `hazard-${q.id}` },
    el("h4", {}, el("span", { class: `severity severity-${SEVERITY_CLASS[h.sev]}` }, h.severity), ` ${h.title}`),
    el("p", {}, el("strong", {}, "您的回答："), `第 ${q.n} 题 ${q.text} —— ${option.l}`),
    el("p", {}, el("strong", {}, "怎么改："), fixOf(item)),
    el("p", {}, el("strong", {}, "建议期限："), deadlineDate(h.deadline)),
    h.majorBasis ? el("p", {}, el("strong", {}, "为什么可能构成重大火灾隐患："), h.majorBasis) : null,
    el("p", {}, el("strong", {}, "违反："), citeLinks(h.breaks)),
    el("details", {}, el("summary", {}, "查看条文原文"), articleTexts(h.breaks)),
    el("div", { class: "penalty" }, el("p", {}, el("strong", {}, "可能的处罚："), h.cause ? `（案由：${h.cause}）` : ""),
      h.noPenalty ? el("p", {}, data.rules?.noPenalty ?? "")
        : h.penalties.map((p) => el("blockquote", {}, el("p", {}, el("a", { href: p.refs[0]?.href }, p.t), "："), (data.quotes[p.refs[0]?.quote] ?? "").split("\n").map((line) => el("p", {}, line))))),
    h.note ? el("p", { class: "small" }, h.note) : null,
    el("p", {}, el("strong", {}, "可能适用的免罚办法："), hazardSchemes(item)));
}

function adviceItem(item) {
  const { q, option, hazard: h } = item;
  return el("li", { class: "hazard advice", id: `hazard-${q.id}` },
    el("h4", {}, el("span", { class: "severity severity-advice" }, "安全建议"), ` ${h.title}`),
    el("p", {}, el("strong", {}, "您的回答："), `第 ${q.n} 题 ${q.text} —— ${option.l}`),
    el("p", {}, h.note),
    el("p", {}, el("strong", {}, "建议："), fixOf(item)),
    el("p", {}, el("strong", {}, "建议期限："), deadlineDate(h.deadline)));
}

function link(href, text) {
  return href ? el("a", { href }, text) : text;
}

function conditionDetail(result) {
  if (result.count === null) return "";
  const worst = result.worst === null ? "" : `，其中最严重的是${SEVERITY_NAME[result.worst]}`;
  return `：按您的回答，涉及 ${result.count} 个案由${worst}`;
}

function schemeBlock(scheme, result, found) {
  const covered = found.filter((x) => result.hazards.includes(x.q.id));
  return el("div", { class: `exemption-group exemption-${result.status}` },
    el("h4", {}, `${scheme.name}：${SCHEME_STATUS[result.status]}`),
    el("p", {}, `效果：${scheme.effect}。`),
    el("ul", { class: "conditions" }, scheme.conditions.map((condition, i) => {
      const r = result.conditions[i];
      return el("li", { class: `condition-${r.status}` }, el("strong", {}, `${CONDITION_MARK[r.status]}：`), condition.text, conditionDetail(r));
    })),
    covered.length > 0 ? el("p", {}, "可能涉及的隐患：", covered.map((x) => x.hazard.title).join("；"), "。") : null,
    scheme.caveat ? el("p", { class: "small" }, scheme.caveat) : null,
    el("p", { class: "small" }, "来源：", scheme.sources.map(sourceText).join("；"), "。"));
}

function assessmentSection(assessment, found) {
  const rules = data.rules;
  const legal = found.filter((x) => x.hazard.sev !== null);
  return el("section", { class: "voluntary", "aria-labelledby": "voluntary-title" },
    el("h3", { id: "voluntary-title" }, "能否免罚：按您的回答逐项说明"),
    el("p", {}, "下面按您的回答，说明每项免罚或从轻办法的条件是否符合。这只是根据法律和公开资料作出的初步判断：能否不罚、少罚，由消防救援机构依法认定，本站不能保证结果。"),
    assessment.major && rules.major
      ? el("div", { class: "notice notice-warning major-hazard" },
        el("p", {}, el("strong", {}, rules.major.text)),
        el("p", {}, "依据：", el("a", { href: rules.major.href }, rules.major.t), "：", rules.major.quote))
      : null,
    legal.length > 0 ? el("p", {}, `案由统计：您查出的违法隐患涉及 ${assessment.causes.length} 个案由`,
      assessment.causes.length > 0 ? `（${assessment.causes.map((c) => `${c.cause}，${SEVERITY_NAME[c.sev]}`).join("；")}）` : "", "。",
      data.links.terms ? ["什么是案由、一般隐患和较大隐患，见", el("a", { href: data.links.terms }, "几个常见消防用语"), "。"] : "") : null,
    data.schemes.map((scheme, i) => schemeBlock(scheme, assessment.schemes[i], legal)),
    el("h4", {}, "湖南的相关规定"),
    el("ul", {}, rules.statements.map((s) => el("li", {}, s.text, el("span", { class: "small" }, `（来源：${sourceText(s.source)}）`)))),
    el("p", { class: "small" }, `以上规则由本站编辑核对，最近核对日期：${rules.reviewed}。`),
    nextSteps(assessment),
    el("p", {}, "详细说明见", link(data.links.voluntaryReporting, "主动申报与免罚指引"), "和", link(data.links.exemption, "首违不罚与轻微不罚"), "。"));
}

function channelList() {
  return el("ul", {}, data.channels.map((c) => el("li", {}, c.name, c.phone ? `，电话：${c.phone}` : "", c.address ? `，地址：${c.address}` : "",
    /^https?:\/\//.test(c.url) ? ["，网址：", el("a", { href: c.url }, c.url)] : "", c.note ? `（${c.note}）` : "")));
}

function nextSteps(assessment) {
  const rules = data.rules;
  const report = data.channels.length > 0
    ? ["通过下列渠道向消防救援机构报告自查发现的隐患和整改情况：", channelList()]
    : [rules.ask, data.organisation.contact ? `也可以联系本站运营方：${data.organisation.name}${data.organisation.contact}。` : ""];
  return [
    el("h4", {}, "怎么做"),
    el("ol", {},
      el("li", {}, assessment.major ? "立即整改可能构成重大火灾隐患的项目，整改完成前停止使用危险部位；其他隐患按建议期限整改。" : "按上面的办法和期限整改。"),
      el("li", {}, "准备好这些材料：", el("ul", {}, rules.prepare.map((p) => el("li", {}, p)))),
      el("li", {}, "主动申报：", report),
      el("li", {}, "之后：消防救援机构可能上门核查。是否处罚、怎样处罚，以其依法作出的决定为准。")),
  ];
}

// What an agency needs to file the documents: who the premises are and how to reach them.
// The type starts as the questionnaire's premises; emptied, it stays empty, a line to write on.
function premisesFields() {
  const field = (key, label, type = "text", fallback = "") => el("p", { class: "field" },
    el("label", { for: `premises-${key}` }, label),
    el("input", { id: `premises-${key}`, type, value: premises[key] ?? fallback, autocomplete: "off",
      oninput: (e) => { premises[key] = e.target.value; save(); } }));
  return el("fieldset", { class: "premises" }, el("legend", {}, "场所信息（只保存在本机，用于打印）"),
    field("name", "场所名称"), field("creditCode", "统一社会信用代码"), field("type", "场所类型", "text", data.premises),
    field("address", "地址"), field("checker", "检查人"), field("phone", "联系电话", "tel"), field("date", "检查日期", "date"));
}

function currentAssessment() {
  return assess(data, answers);
}

/** The result's nodes for the answers in the context. */
export function render(context) {
  ({ data, previews, el, answers, premises, today, visibleQuestions, save, exportAnswers, backToForm } = context);
  const assessment = currentAssessment();
  const found = findings(assessment);
  const legal = found.filter((x) => x.hazard.sev !== null);
  const advice = found.filter((x) => x.hazard.sev === null);
  const level = legal.length === 0 ? 0 : legal[0].hazard.sev + 1;
  const count = (sev) => legal.filter((x) => x.hazard.sev === sev).length;
  return [
    el("h2", { id: "selfcheck-result-title" }, "自查结果"),
    el("div", { class: `result-summary result-level-${level}`, "data-read-part": "自查结果" },
      el("p", { class: "risk-level" }, `总体风险：${LEVELS[level].title}`),
      el("p", {}, LEVELS[level].text),
      found.length > 0 ? [el("h3", {}, "先做什么"), timeline([...legal, ...advice])] : null,
      el("ul", { class: "counts" },
        el("li", {}, `可能构成重大火灾隐患：${count(2)} 项`),
        el("li", {}, `较大隐患：${count(1)} 项`),
        el("li", {}, `一般隐患：${count(0)} 项`),
        advice.length > 0 ? el("li", {}, `安全建议（不是违法，但很危险）：${advice.length} 项`) : null),
      el("p", { class: "small" }, "总体风险由最严重的一项决定。本结果仅供自查参考，以消防救援机构的认定为准。下面是每一项的详细说明。")),
    legal.length > 0 ? [el("h3", {}, "发现的隐患"), el("ol", { class: "hazard-list" }, legal.map(hazardItem))] : null,
    advice.length > 0 ? [el("h3", {}, "安全建议"), el("p", {}, "下面几项没有对应的法律条文，不会因此被处罚，但很多火灾就是这样引起的，请认真对待。"),
      el("ol", { class: "hazard-list" }, advice.map(adviceItem))] : null,
    legal.length > 0 && data.rules ? assessmentSection(assessment, found) : null,
    el("h3", {}, "打印和保存"),
    premisesFields(),
    el("div", { class: "tool-row" },
      el("button", { type: "button", class: "button-secondary", onclick: () => printDoc("record") }, "打印自查记录"),
      legal.length > 0 ? el("button", { type: "button", class: "button-secondary", onclick: () => printDoc("report") }, "打印主动申报表") : null,
      found.length > 0 ? el("button", { type: "button", class: "button-secondary", onclick: () => printDoc("pledge") }, "打印安全承诺书") : null,
      el("button", { type: "button", class: "button-secondary", onclick: exportAnswers }, "导出答案"),
      el("button", { type: "button", class: "button-secondary", onclick: backToForm }, "返回修改答案")),
    el("div", { id: "selfcheck-print", class: "print-docs" }),
  ].flat().filter(Boolean);
}


// ---- printable documents -----------------------------------------------------------------------

// The documents' code loads only when someone prints, keeping the questionnaire page light.
async function printDoc(kind) {
  const { buildDoc } = await import("./selfcheck-documents.js");
  const assessment = currentAssessment();
  const container = document.getElementById("selfcheck-print");
  container.replaceChildren(buildDoc(kind, { data, el, premises, today, deadlineDate, fixOf, assessment,
    found: findings(assessment), visible: visibleQuestions(), answers }));
  document.body.dataset.print = kind;
  window.addEventListener("afterprint", () => { delete document.body.dataset.print; }, { once: true });
  window.print();
}
