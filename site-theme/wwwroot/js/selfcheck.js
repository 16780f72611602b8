// The self-check questionnaire. The page is a complete paper checklist without this script; it
// adds conditional questions, progress, saving in this browser only, one question per screen on
// a phone (GOV.UK "question pages" and "check answers"), the result with the law behind each
// hazard, printable documents, and export/import. Nothing a visitor enters is sent anywhere.
// The page holds what the questions need; what the key and the result need (hazards, quotes,
// schemes, rules) is fetched from beside the page once it has loaded (loadHazards).
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
const page = form.closest(".selfcheck-page");

let hazardsLoad = null;
/**
 * Adds the hazards document to data, once. Pages built for file:// hold it inline, as browsers
 * refuse fetches there. A failed fetch (offline before it was ever cached) can be tried again.
 */
function loadHazards() {
  hazardsLoad ??= (async () => {
    const inline = document.getElementById("selfcheck-hazards");
    const response = inline ? null : await fetch(new URL(page.dataset.hazards, location.href));
    if (response && !response.ok) throw new Error(`${response.status}`);
    Object.assign(data, inline ? JSON.parse(inline.textContent) : await response.json());
    return data;
  })().catch((error) => { hazardsLoad = null; throw error; });
  return hazardsLoad;
}

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

/** A question's number among the questions shown: the same in the question, progress, check answers and result. */
function numberOf(q) {
  return visibleQuestions().indexOf(q) + 1;
}

function refresh() {
  const visible = visibleQuestions();
  for (const q of questions) {
    const fieldset = fieldsets.get(q.id);
    const show = visible.includes(q);
    fieldset.hidden = !show;
    fieldset.disabled = !show;
    const label = `第 ${visible.indexOf(q) + 1} 题`;
    fieldset.querySelector(".q-number").textContent = label;
    fieldset.dataset.readPart = label;
    // What each option would mean is shown after answering, so it does not steer the answer.
    const key = fieldset.querySelector(".hazard-info");
    if (key) key.hidden = answers[q.id] === undefined;
  }
  for (const section of form.querySelectorAll(".qs-section")) {
    section.hidden = ![...section.querySelectorAll(".question")].some((f) => !f.hidden);
  }
  const answered = visible.filter((q) => answers[q.id] !== undefined).length;
  const asking = wizard && page.dataset.step === "question";
  progress.textContent = asking ? `第 ${current + 1} 题，共 ${visible.length} 题` : `已回答 ${answered} / ${visible.length} 题`;
  startLink.textContent = answered === 0 ? "开始自查" : allAnswered() ? "查看自查结果" : "继续自查";
  if (wizard) showCurrent(visible);
}

function showCurrent(visible) {
  for (const q of questions) fieldsets.get(q.id).classList.toggle("wizard-current", visible[current] === q);
  for (const section of form.querySelectorAll(".qs-section")) {
    section.classList.toggle("wizard-current", section.contains(form.querySelector(".question.wizard-current")));
  }
  wizardNav.firstChild.disabled = false;
  wizardNav.lastChild.textContent = history.state?.edit ? "继续" : current === visible.length - 1 ? "核对答案" : "下一步";
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
  redirect(location.pathname + location.search, {});
  show(false);
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

// ---- the flow: one URL per step -------------------------------------------------------------
// Each step is a fragment of the page's URL, so Back, Forward, reload and a shared link all land
// on the same step, on a phone and from file:// alike: #q-<id> is a question, #check-answers the
// check-answers page, #selfcheck-result the outcome. No fragment is the start page.

const intro = page.querySelector(".selfcheck-intro");
const startLink = document.getElementById("selfcheck-start");
const CHECK = "#check-answers";
let shownUrl = "";
const RESULT = "#selfcheck-result";

const wizardNav = el("div", { class: "wizard-nav", hidden: true },
  el("button", { type: "button", class: "button-secondary", onclick: back }, "上一步"),
  el("button", { type: "button", class: "button-primary", onclick: next }, "下一步"));
form.append(wizardNav);
const checkPage = el("section", { id: "check-answers", class: "check-answers", hidden: true, tabindex: "-1", "aria-labelledby": "check-answers-title" });
form.after(checkPage);

/** The question a fragment names: #q-<id>, or #q-<id>-<option> for one of its radios. */
function questionOf(hash) {
  if (!hash.startsWith("#q-")) return null;
  const id = decodeURIComponent(hash.slice(3));
  return byId.get(id) ?? byId.get(id.replace(/-\d+$/, "")) ?? null;
}

const firstUnanswered = () => visibleQuestions().find((q) => answers[q.id] === undefined);
const allAnswered = () => firstUnanswered() === undefined;

/** Moves to a step, as a new history entry; state.flow marks entries the flow itself made. */
function go(hash, state = {}) {
  history.pushState({ ...state, flow: true }, "", hash);
  show(true);
}

function redirect(hash, state = history.state) {
  history.replaceState(state, "", hash);
}

/** Whether a fragment is a step of the flow; any other (the skip link's #main) moves nothing. */
function isStep(hash) {
  return hash === "" || hash === CHECK || hash === RESULT || hash.startsWith("#q-") || hash.startsWith("#hazard-");
}

/** What the current URL asks for, once the answers are known; unreachable steps fall back to one that is. */
function stepFromUrl() {
  const hash = location.hash;
  const inResult = hash.startsWith("#hazard-");
  if (hash === RESULT || hash === CHECK || inResult) {
    if (allAnswered()) return hash === CHECK && wizard ? { view: "check" } : { view: "result", anchor: inResult ? hash.slice(1) : null };
    const q = firstUnanswered();
    redirect(`#q-${q.id}`);
    return { view: "question", q, missing: true };
  }
  const q = questionOf(hash);
  if (q && isVisible(q)) return { view: "question", q };
  return { view: "start" };
}

/** Shows the step the URL names. focus: the visitor moved here, so focus goes with them. */
async function show(focus) {
  shownUrl = location.href;
  const step = stepFromUrl();
  page.dataset.step = step.view;
  const inWizard = wizard && step.view !== "start";
  intro.hidden = inWizard || step.view === "result";
  form.hidden = step.view === "result" || step.view === "check" || (wizard && step.view === "start");
  checkPage.hidden = step.view !== "check";
  result.hidden = step.view !== "result";
  errors.hidden = true;
  current = step.q ? visibleQuestions().indexOf(step.q) : 0;
  refresh();
  if (step.view === "check") renderCheckAnswers();
  if (step.view === "result") await renderResult();
  if (step.missing && (location.hash !== `#q-${step.q.id}` || focus)) say("还有问题没有回答，请先回答完再查看结果。");
  if (step.view === "question") {
    const fieldset = fieldsets.get(step.q.id);
    if (!wizard) fieldset.scrollIntoView();
    if (focus) focusHeading(fieldset.querySelector("legend"), wizard);
  }
  if (step.view === "check" && focus) focusHeading(checkPage, true);
  // The outcome opens on its summary, at the top of the screen, however long the questionnaire was.
  if (step.view === "result") focusHeading(document.getElementById(step.anchor) ?? result, true, focus);
  if (step.view === "start" && focus) window.scrollTo(0, 0);
}

function focusHeading(node, toTop, focus = true) {
  if (toTop) node.scrollIntoView({ block: "start" });
  if (!focus) return;
  if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
  node.focus({ preventScroll: true });
}

function showErrors(missing) {
  errors.replaceChildren(
    el("h2", {}, missing.length === 1 ? "请先回答这个问题" : `还有 ${missing.length} 个问题没有回答`),
    el("ul", {}, missing.map((q) => el("li", {}, el("a", { href: `#q-${q.id}`, onclick: (e) => {
      e.preventDefault();
      if (wizard) go(`#q-${q.id}`, history.state ?? {});
      document.getElementById(`q-${q.id}-0`).focus();
    } }, `第 ${numberOf(q)} 题：${q.text}`)))));
  errors.hidden = false;
  errors.focus();
}

/** After 修改 the flow returns to 核对答案, asking on the way only what the change made newly necessary. */
function next() {
  const q = visibleQuestions()[current];
  if (answers[q.id] === undefined) { showErrors([q]); return; }
  const editing = history.state?.edit === true;
  const following = editing ? firstUnanswered() : visibleQuestions()[current + 1];
  go(following ? `#q-${following.id}` : CHECK, editing ? { edit: true } : {});
}

function back() {
  if (history.state?.flow) { history.back(); return; }
  const previous = visibleQuestions()[current - 1];
  redirect(previous ? `#q-${previous.id}` : location.pathname + location.search, {});
  show(true);
}

function answerLabel(q) {
  return q.options[answers[q.id]]?.l ?? "未回答";
}

function renderCheckAnswers() {
  checkPage.replaceChildren(
    el("h2", { id: "check-answers-title" }, "核对答案"),
    el("p", {}, "请核对下面的答案。需要修改时，点“修改”回到那一题，改完会回到这里。"),
    el("dl", { class: "answer-list" }, visibleQuestions().map((q) => el("div", { class: "answer-row" },
      el("dt", {}, `${numberOf(q)}. ${q.text}`),
      el("dd", {}, answerLabel(q)),
      el("dd", {}, el("a", { href: `#q-${q.id}`, onclick: (e) => { e.preventDefault(); go(`#q-${q.id}`, { edit: true }); } },
        "修改", el("span", { class: "visually-hidden" }, `第 ${numberOf(q)} 题的答案`)))))),
    el("button", { type: "button", class: "button-primary", onclick: () => go(RESULT) }, "查看自查结果"));
}

function setWizard(on) {
  wizard = on;
  form.classList.toggle("wizard", on);
  page.classList.toggle("wizard-page", on);
  wizardNav.hidden = !on;
  document.getElementById("selfcheck-submit").hidden = on;
  show(false);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const missing = visibleQuestions().filter((q) => answers[q.id] === undefined);
  if (missing.length > 0) { showErrors(missing); return; }
  go(RESULT);
});

// ---- result ------------------------------------------------------------------------------------

/** Questions as the visitor sees them, numbered among those shown: hidden conditional ones are not counted. */
function numberedQuestions() {
  return visibleQuestions().map((q, i) => ({ ...q, n: i + 1 }));
}

// The result's code loads when the visitor asks for it, keeping the questionnaire page light.
async function renderResult() {
  try {
    const [{ render }] = await Promise.all([import("./selfcheck-result.js"), loadHazards()]);
    result.replaceChildren(...render({ data, previews, el, answers, premises, today, visibleQuestions: numberedQuestions, save, exportAnswers, backToForm }));
  } catch {
    result.replaceChildren(el("h2", { id: "selfcheck-result-title" }, "暂时无法显示自查结果"),
      el("p", {}, "结果所需的数据没有载入，可能是网络中断了。您的答案已保存在本机；请联网后刷新本页，结果会重新显示。"));
  }
}

// ---- the key to each question ------------------------------------------------------------------
// Without this script each question links to its entry in the appendix at the page's end. Here the
// link becomes an in-place "这一题为什么重要", filled from the hazards data when first opened, and
// the appendix is left to paper.

for (const link of form.querySelectorAll(".hazard-info-link")) {
  const q = byId.get(link.closest(".question").dataset.question);
  const key = el("details", { class: "hazard-info", "data-read-skip": "" }, el("summary", {}, "这一题为什么重要"));
  key.addEventListener("toggle", () => { if (key.open && key.childElementCount === 1) fillKey(key, q); });
  link.replaceWith(key);
}
page.classList.add("key-inline");

async function fillKey(key, q) {
  try {
    const [{ hazardKey }] = await Promise.all([import("./selfcheck-result.js"), loadHazards()]);
    if (key.childElementCount === 1) key.append(...hazardKey({ data, el, q }));
  } catch {
    key.append(el("p", {}, "说明暂时无法载入，可能是网络中断了；联网后再打开一次即可。"));
  }
}

function backToForm() {
  if (wizard) { go(CHECK); return; }
  go(`#q-${visibleQuestions()[0].id}`);
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
startLink.addEventListener("click", (event) => {
  event.preventDefault();
  const q = firstUnanswered();
  go(q ? `#q-${q.id}` : wizard ? CHECK : RESULT);
});

const phone = window.matchMedia("(max-width: 40em)");
restore();
setWizard(phone.matches);
phone.addEventListener("change", (event) => setWizard(event.matches));
// A link followed inside the page (#q- from the error summary, a backlink) and Back/Forward both land here.
// A link inside the page fires both events; the second finds the step already shown.
const onNavigate = () => { if (isStep(location.hash) && location.href !== shownUrl) show(true); };
window.addEventListener("popstate", onNavigate);
window.addEventListener("hashchange", onNavigate);
// Fetched once the page has painted and is idle, so the key and the result are ready, and cached
// for offline use, without competing with the first paint on a slow phone.
window.addEventListener("load", () => whenPaintedAndIdle(() => { loadHazards().catch(() => {}); registerOffline(page.dataset.sw); }));

function whenPaintedAndIdle(task) {
  const idle = () => (window.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(task);
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint") || performance.getEntriesByType("paint").length > 0) { idle(); return; }
  new PerformanceObserver((_, observer) => { observer.disconnect(); idle(); }).observe({ type: "paint", buffered: true });
}

// ---- offline -------------------------------------------------------------------------------------

// A self-check started on a weak signal must finish offline: the service worker answers from its
// cache when the network fails, and this page puts itself and what it loads into that cache. Only
// pages and theme files are cached; the answers stay in localStorage and are never requested.
async function registerOffline(workerUrl) {
  if (!workerUrl || !("serviceWorker" in navigator) || !location.protocol.startsWith("http")) return;
  try {
    await navigator.serviceWorker.register(workerUrl);
    const scripts = [...document.querySelectorAll("script[src]")].map((s) => s.src);
    const lazy = ["selfcheck-result.js", "exemption.js", "selfcheck-documents.js", "selfcheck-transfer.js"]
      .map((name) => new URL(name, scripts.find((src) => src.includes("/selfcheck.js"))).href);
    const styles = [...document.querySelectorAll("link[rel=stylesheet], link[rel=icon]")].map((l) => l.href);
    const hazards = page.dataset.hazards ? [page.dataset.hazards] : [];
    const cache = await caches.open("publicedu-offline");
    await cache.addAll([location.pathname + location.search, ...scripts, ...lazy, ...styles, ...hazards].map((u) => new URL(u, location.href).href.split("#")[0]));
    page.dataset.offline = "ready"; // for whoever needs to know the page now works offline (tests do)
  } catch { /* without offline support the page still works online */ }
}
