// The self-check questionnaire. The page is a complete paper checklist without this script; it
// adds conditional questions, progress, saving in this browser only, one question per screen on
// a phone (GOV.UK "question pages" and "check answers"), the result with the law behind each
// hazard, printable documents, and export/import. Nothing is fetched and nothing is sent.
import { assess } from "./exemption.js";

const data = JSON.parse(document.getElementById("selfcheck-data").textContent);
// Article texts are the page's citation previews, written once for the links and for the result.
const previews = JSON.parse(document.getElementById("cite-data")?.textContent ?? "{}");
const form = document.getElementById("selfcheck-form");
const result = document.getElementById("selfcheck-result");
const status = document.getElementById("selfcheck-status");
const errors = document.getElementById("selfcheck-errors");
const progress = document.getElementById("selfcheck-progress");
const STORAGE_KEY = `publicedu:selfcheck:${data.slug}`;
const FORMAT = "publicedu-selfcheck";
const questions = data.questions;
const byId = new Map(questions.map((q) => [q.id, q]));
const fieldsets = new Map(questions.map((q) => [q.id, document.getElementById(`q-${q.id}`)]));

let answers = {};
let premises = { name: "", address: "", checker: "", date: today() };
let wizard = false;
let current = 0;

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function say(message, ...actions) {
  status.replaceChildren(el("p", {}, message), ...actions);
}

// ---- answers and visibility ----------------------------------------------------------------

function isVisible(q) {
  if (!q.cond) return true;
  const parent = byId.get(q.cond.q);
  return isVisible(parent) && q.cond.o.includes(answers[parent.id]);
}

function visibleQuestions() {
  return questions.filter(isVisible);
}

function refresh() {
  for (const q of questions) {
    const fieldset = fieldsets.get(q.id);
    const show = isVisible(q);
    fieldset.hidden = !show;
    fieldset.disabled = !show;
  }
  for (const section of form.querySelectorAll(".qs-section")) {
    section.hidden = ![...section.querySelectorAll(".question")].some((f) => !f.hidden);
  }
  const visible = visibleQuestions();
  const answered = visible.filter((q) => answers[q.id] !== undefined).length;
  progress.textContent = wizard && current < visible.length
    ? `第 ${current + 1} / ${visible.length} 题`
    : `已回答 ${answered} / ${visible.length} 题`;
  if (wizard) showCurrent();
}

function applyToForm() {
  for (const q of questions) {
    for (const input of fieldsets.get(q.id).querySelectorAll("input[type=radio]")) {
      input.checked = answers[q.id] === Number(input.value);
    }
  }
  refresh();
}

function save() {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ format: FORMAT, slug: data.slug, version: data.version, answers, labels: chosenLabels(), premises, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    say("无法在本机保存答案（浏览器可能处于无痕模式，或存储空间已满）。本页关闭前答案仍然有效，您也可以导出答案文件。");
    return false;
  }
}

// Each answer is saved with the words of the chosen option too: when the questionnaire changes and
// options move, an old answer finds its option by those words, never lands on another by position.
function chosenLabels() {
  return Object.fromEntries(Object.entries(answers).map(([id, i]) => [id, byId.get(id).options[i].l]));
}

/** Keeps only answers that name a real question and one of its options; with labels, the option that still has those words. */
function validAnswers(raw, labels) {
  const clean = {};
  if (!raw || typeof raw !== "object") return clean;
  const byLabel = labels && typeof labels === "object" ? labels : null;
  for (const [id, value] of Object.entries(raw)) {
    const q = byId.get(id);
    if (!q) continue;
    if (byLabel && typeof byLabel[id] === "string") {
      const at = q.options.findIndex((o) => o.l === byLabel[id]);
      if (at >= 0) clean[id] = at;
      continue;
    }
    if (Number.isInteger(value) && value >= 0 && value < q.options.length) clean[id] = value;
  }
  return clean;
}

function restore() {
  let saved;
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    if (!text) return;
    saved = JSON.parse(text);
  } catch {
    say("本机保存的答案已损坏，无法读取，已忽略。您可以重新作答；旧数据会在您作答后被替换。");
    return;
  }
  if (!saved || saved.format !== FORMAT || saved.slug !== data.slug) return;
  if (saved.premises && typeof saved.premises === "object") premises = { ...premises, ...saved.premises, date: premises.date };
  if (saved.version === data.version) {
    answers = validAnswers(saved.answers);
    applyToForm();
    const count = Object.keys(answers).length;
    if (count > 0) say(`已恢复您上次在本机保存的 ${count} 个答案。`, el("button", { type: "button", class: "button-secondary", onclick: clearAll }, "清除全部答案"));
    return;
  }
  // The questionnaire changed since these answers were saved: offer them for review, never apply silently.
  say("这份问卷在您上次作答后更新过，之前保存的答案没有自动载入。",
    el("button", { type: "button", class: "button-secondary", onclick: () => {
      answers = validAnswers(saved.answers, saved.labels);
      const dropped = Object.keys(saved.answers ?? {}).length - Object.keys(answers).length;
      applyToForm();
      save();
      say(`已载入旧答案中仍然有效的 ${Object.keys(answers).length} 个。${dropped > 0 ? `另有 ${dropped} 个答案的选项已经改动或删除，请重新回答。` : ""}问卷有更新，请逐题核对。`);
    } }, "载入旧答案并逐题核对"));
}

function clearAll() {
  if (!window.confirm("确定清除这份问卷的全部答案吗？")) return;
  answers = {};
  try { localStorage.removeItem(STORAGE_KEY); } catch { /* nothing saved */ }
  applyToForm();
  result.hidden = true;
  form.hidden = false;
  current = 0;
  say("已清除全部答案。");
}

form.addEventListener("change", (event) => {
  const input = event.target;
  if (input.type !== "radio") return;
  answers[input.closest(".question").dataset.question] = Number(input.value);
  errors.hidden = true;
  refresh();
  save();
});

// ---- errors, wizard and check answers ----------------------------------------------------------

function showErrors(missing) {
  errors.replaceChildren(
    el("h2", {}, missing.length === 1 ? "请先回答这个问题" : `还有 ${missing.length} 个问题没有回答`),
    el("ul", {}, missing.map((q) => el("li", {}, el("a", { href: `#q-${q.id}-0`, onclick: (e) => {
      e.preventDefault();
      if (wizard) { current = visibleQuestions().indexOf(q); refresh(); }
      document.getElementById(`q-${q.id}-0`).focus();
    } }, `第 ${q.n} 题：${q.text}`)))));
  errors.hidden = false;
  errors.focus();
}

const wizardNav = el("div", { class: "wizard-nav", hidden: true },
  el("button", { type: "button", class: "button-secondary", onclick: () => move(-1) }, "上一步"),
  el("button", { type: "button", class: "button-primary", onclick: () => move(1) }, "下一步"));
form.append(wizardNav);
const checkPage = el("section", { class: "check-answers", hidden: true, tabindex: "-1", "aria-labelledby": "check-answers-title" });
form.after(checkPage);

function showCurrent() {
  const visible = visibleQuestions();
  for (const q of questions) fieldsets.get(q.id).classList.toggle("wizard-current", visible[current] === q);
  for (const section of form.querySelectorAll(".qs-section")) {
    section.classList.toggle("wizard-current", section.contains(form.querySelector(".question.wizard-current")));
  }
  wizardNav.firstChild.disabled = current === 0;
}

function move(step) {
  const visible = visibleQuestions();
  const q = visible[current];
  if (step > 0 && answers[q.id] === undefined) { showErrors([q]); return; }
  errors.hidden = true;
  current = Math.max(0, current + step);
  if (current >= visible.length) { showCheckAnswers(); return; }
  refresh();
  const legend = fieldsets.get(visible[current].id).querySelector("legend");
  legend.setAttribute("tabindex", "-1");
  legend.focus();
}

function answerLabel(q) {
  return q.options[answers[q.id]]?.l ?? "未回答";
}

function showCheckAnswers() {
  form.hidden = true;
  checkPage.replaceChildren(
    el("h2", { id: "check-answers-title" }, "核对答案"),
    el("p", {}, "请核对下面的答案。需要修改时，点“修改”回到那一题。"),
    el("dl", { class: "answer-list" }, visibleQuestions().map((q, index) => el("div", { class: "answer-row" },
      el("dt", {}, `${q.n}. ${q.text}`),
      el("dd", {}, answerLabel(q)),
      el("dd", {}, el("a", { href: `#q-${q.id}`, onclick: (e) => {
        e.preventDefault();
        checkPage.hidden = true;
        form.hidden = false;
        current = index;
        refresh();
        document.getElementById(`q-${q.id}-${answers[q.id] ?? 0}`).focus();
      } }, "修改", el("span", { class: "visually-hidden" }, `第 ${q.n} 题的答案`)))))),
    el("button", { type: "button", class: "button-primary", onclick: showResult }, "查看自查结果"));
  checkPage.hidden = false;
  checkPage.focus();
}

function setWizard(on) {
  wizard = on;
  form.classList.toggle("wizard", on);
  wizardNav.hidden = !on;
  document.getElementById("selfcheck-submit").hidden = on;
  refresh();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const missing = visibleQuestions().filter((q) => answers[q.id] === undefined);
  if (missing.length > 0) { showErrors(missing); return; }
  showResult();
});

// ---- result ------------------------------------------------------------------------------------

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

function deadlineDate(text) {
  const base = new Date(`${premises.date || today()}T00:00:00`);
  if (Number.isNaN(base.getTime())) return text;
  const days = text === "立即" ? 0 : text.startsWith("24小时") ? 1 : Number((text.match(/^(\d+)日/) || [])[1]);
  if (!Number.isFinite(days)) return text;
  base.setDate(base.getDate() + days);
  return `${base.getFullYear()}年${base.getMonth() + 1}月${base.getDate()}日前（${text}）`;
}

function citeLinks(citations) {
  return citations.flatMap((c, i) => [i > 0 ? "、" : "", c.refs.length > 0 ? el("a", { href: c.refs[0].href }, c.t) : c.t]);
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
  return el("li", { class: "hazard" },
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
  return el("li", { class: "hazard advice" },
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

function premisesFields() {
  const field = (key, label, type = "text") => el("p", { class: "field" },
    el("label", { for: `premises-${key}` }, label),
    el("input", { id: `premises-${key}`, type, value: premises[key] || "", autocomplete: "off", oninput: (e) => { premises[key] = e.target.value; save(); } }));
  return el("fieldset", { class: "premises" }, el("legend", {}, "场所信息（只保存在本机，用于打印）"),
    field("name", "场所名称"), field("address", "地址"), field("checker", "检查人"), field("date", "检查日期", "date"));
}

function currentAssessment() {
  return assess(data, answers);
}

function showResult() {
  const assessment = currentAssessment();
  const found = findings(assessment);
  const legal = found.filter((x) => x.hazard.sev !== null);
  const advice = found.filter((x) => x.hazard.sev === null);
  const level = legal.length === 0 ? 0 : legal[0].hazard.sev + 1;
  const count = (sev) => legal.filter((x) => x.hazard.sev === sev).length;
  form.hidden = wizard;
  checkPage.hidden = true;
  result.replaceChildren(...[
    el("h2", { id: "selfcheck-result-title" }, "自查结果"),
    el("div", { class: `result-summary result-level-${level}` },
      el("p", { class: "risk-level" }, `总体风险：${LEVELS[level].title}`),
      el("p", {}, LEVELS[level].text),
      el("ul", { class: "counts" },
        el("li", {}, `可能构成重大火灾隐患：${count(2)} 项`),
        el("li", {}, `较大隐患：${count(1)} 项`),
        el("li", {}, `一般隐患：${count(0)} 项`),
        advice.length > 0 ? el("li", {}, `安全建议（不是违法，但很危险）：${advice.length} 项`) : null),
      el("p", { class: "small" }, "总体风险由最严重的一项决定。本结果仅供自查参考，以消防救援机构的认定为准。")),
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
  ].flat().filter(Boolean));
  result.hidden = false;
  result.focus();
}

function backToForm() {
  result.hidden = true;
  form.hidden = false;
  if (wizard) { current = 0; refresh(); }
  form.querySelector("fieldset:not([hidden]) input")?.focus();
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

// ---- export and import -------------------------------------------------------------------------

// The file code loads only when one of the two buttons is used, keeping the questionnaire page light.
async function exportAnswers() {
  const { exportFile } = await import("./selfcheck-transfer.js");
  exportFile({ data, answers, labels: chosenLabels(), premises, format: FORMAT, el, today });
}

async function importAnswers(file) {
  const { readImport } = await import("./selfcheck-transfer.js");
  const parsed = await readImport(file, data.slug, FORMAT);
  if (typeof parsed === "string") { say(parsed); return; }
  answers = validAnswers(parsed.answers, parsed.version === data.version ? null : parsed.labels);
  if (parsed.premises && typeof parsed.premises === "object") premises = { ...premises, ...parsed.premises };
  applyToForm();
  save();
  say(parsed.version === data.version
    ? `已导入 ${Object.keys(answers).length} 个答案。`
    : "已导入答案。文件来自旧版问卷，只载入了仍然有效的答案，请逐题核对。");
}

// ---- start -------------------------------------------------------------------------------------

document.getElementById("selfcheck-tools").hidden = false;
document.getElementById("selfcheck-submit").hidden = false;
document.querySelector("[data-action=clear]").addEventListener("click", clearAll);
document.querySelector("[data-action=export]").addEventListener("click", exportAnswers);
document.getElementById("selfcheck-import").addEventListener("change", (event) => {
  const file = event.target.files[0];
  if (file) importAnswers(file);
  event.target.value = "";
});
for (const note of form.querySelectorAll(".q-condition")) note.hidden = true;
const phone = window.matchMedia("(max-width: 40em)");
restore();
setWizard(phone.matches);
phone.addEventListener("change", (event) => setWizard(event.matches));
