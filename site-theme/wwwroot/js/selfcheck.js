// The self-check questionnaire. The page is a complete paper checklist without this script; it
// adds conditional questions, progress, saving in this browser only, one question per screen on
// a phone (GOV.UK "question pages" and "check answers"), the result with the law behind each
// hazard, printable documents, and export/import. Nothing is fetched and nothing is sent.
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

// The result's code loads when the visitor asks for it, keeping the questionnaire page light.
async function showResult() {
  const { render } = await import("./selfcheck-result.js");
  form.hidden = wizard;
  checkPage.hidden = true;
  result.replaceChildren(...render({ data, previews, el, answers, premises, today, visibleQuestions, save, exportAnswers, backToForm }));
  result.hidden = false;
  result.focus();
}

function backToForm() {
  result.hidden = true;
  form.hidden = false;
  if (wizard) { current = 0; refresh(); }
  form.querySelector("fieldset:not([hidden]) input")?.focus();
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
// A link to one question (#q-id, from search or a law page's backlinks) opens that question, on a phone too.
function openLinkedQuestion() {
  const q = location.hash.startsWith("#q-") ? byId.get(decodeURIComponent(location.hash.slice(3))) : null;
  if (!q || !isVisible(q)) return;
  if (wizard) { current = visibleQuestions().indexOf(q); refresh(); }
  fieldsets.get(q.id).scrollIntoView();
}

const phone = window.matchMedia("(max-width: 40em)");
restore();
setWizard(phone.matches);
openLinkedQuestion();
phone.addEventListener("change", (event) => setWizard(event.matches));
window.addEventListener("hashchange", openLinkedQuestion);
