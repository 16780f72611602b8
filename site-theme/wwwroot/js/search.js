// Site search in the browser. The generator wrote search/manifest.json, which names the folder
// search/{hash}/ holding the term shards and document chunks. A query loads only the shards of its own terms and the chunks of
// the results it shows. The steps mirror the generator's SearchEngine.cs; tokens come from
// search-analyzer.js, which matches SearchAnalyzer.cs.
import { tokenize } from "./search-analyzer.js";

const meta = document.querySelector('meta[name="publicedu-search"]');
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const PAGE = 10;

const manifestUrl = meta ? new URL(meta.content, location.href) : null;
const siteRoot = manifestUrl ? new URL("../", manifestUrl) : null;
const cache = new Map();
let manifest = null;
let indexUrl = null;
let shown = PAGE;
let latest = 0;

function load(name) {
  if (!cache.has(name)) {
    cache.set(name, fetch(new URL(name, indexUrl)).then((r) => {
      if (!r.ok) throw new Error(`${name}: ${r.status}`);
      return r.json();
    }));
  }
  return cache.get(name);
}

/** FNV-1a over UTF-16 code units, as SearchIndex.Hash. */
export function hash(term) {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

const isHan = (c) => /[\u3400-\u9fff\uf900-\ufaff]/.test(c);

export function queryTerms(query, laws) {
  const tokens = tokenize(query);
  const hasPair = tokens.some((t) => t.length === 2 && isHan(t[0]));
  const terms = [...new Set(tokens.filter((t) => !(hasPair && t.length === 1 && isHan(t))))];
  const normal = query.normalize("NFKC").toLowerCase();
  const articles = tokens.filter((t) => t.startsWith("§"));
  const names = Object.keys(laws).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const name = names.find((n) => normal.includes(n));
  if (name) for (const a of articles) terms.push(`@${laws[name]}${a}`);
  return terms;
}

/** Ranked [doc, score] pairs for the query, restricted to the given type names (all when empty). */
export async function search(query, types = []) {
  if (!manifest) {
    // The manifest's address never changes, so pages need not be rebuilt when the index is;
    // no-cache makes a browser ask whether it did.
    const r = await fetch(manifestUrl, { cache: "no-cache" });
    if (!r.ok) throw new Error(`manifest: ${r.status}`);
    manifest = await r.json();
    indexUrl = new URL(manifest.folder, manifestUrl);
  }
  const terms = queryTerms(query, manifest.laws);
  const plain = terms.filter((t) => !t.startsWith("@")).length;
  const shards = await Promise.all(terms.map((t) => load(`s${hash(t) % manifest.shards}.json`)));
  const scores = new Map();
  terms.forEach((term, i) => {
    const postings = shards[i][term];
    if (!postings) return;
    const numbers = postings.split(",").map(Number);
    let doc = 0;
    for (let j = 0; j < numbers.length; j += 2) {
      doc += numbers[j];
      const entry = scores.get(doc) ?? [0, 0];
      entry[0] += numbers[j + 1];
      if (!term.startsWith("@")) entry[1] += 1;
      scores.set(doc, entry);
    }
  });
  const ranges = types.map((t) => manifest.typeRanges[manifest.typeNames.indexOf(t)]).filter(Boolean);
  return [...scores]
    .filter(([doc]) => ranges.length === 0 || ranges.some(([first, count]) => doc >= first && doc < first + count))
    .map(([doc, [sum, matched]]) => [doc, sum * (plain > 1 && matched >= plain ? 1.5 : 1)])
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

export async function documents(ids) {
  const chunks = await Promise.all(ids.map((id) => load(`d${Math.floor(id / manifest.chunk)}.json`)));
  return ids.map((id, i) => {
    const [title, url, breadcrumb, snippet] = chunks[i][id % manifest.chunk];
    const type = manifest.typeNames[manifest.typeRanges.findIndex(([first, count]) => id >= first && id < first + count)];
    return { id, type, title, url, breadcrumb, snippet };
  });
}

function highlight(text, query) {
  const words = tokenize(query).filter((t) => !t.startsWith("§") && (t.length > 1 || !isHan(t) || query.trim().length === 1));
  const fragment = document.createDocumentFragment();
  if (words.length === 0) { fragment.append(text); return fragment; }
  const pattern = new RegExp(words.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    fragment.append(text.slice(last, m.index), Object.assign(document.createElement("mark"), { textContent: m[0] }));
    last = m.index + m[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function selectedTypes() {
  return [...form.querySelectorAll("input[name=type]:checked")].map((c) => c.value);
}

/** The message, then links to the main sections; index.html is named for pages opened from disk. */
function pointToSections(message) {
  const p = document.createElement("p");
  p.append(message);
  const index = location.protocol === "file:" ? "index.html" : "";
  for (const [href, text, sep] of [["selfchecks/", "消防自查", "、"], ["laws/", "法律法规", "和"], ["guides/", "办事指引", "。"]]) {
    p.append(Object.assign(document.createElement("a"), { href: new URL(href + index, siteRoot).href, textContent: text }), sep);
  }
  status.replaceChildren(p);
}

function noResults(query) {
  pointToSections(`没有找到与“${query}”相关的内容。可以换个说法，比如用“灭火器”代替“灭火筒”；或者直接看看`);
}

async function run() {
  const query = input.value.trim();
  const types = selectedTypes();
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const t of types) params.append("type", t);
  history.replaceState(null, "", `${location.pathname}${params.size ? "?" + params : ""}`);
  const ticket = ++latest;
  if (!query) { list.replaceChildren(); more.hidden = true; status.textContent = "请输入要搜索的内容。"; return; }
  const started = performance.now();
  let ranked;
  try {
    ranked = await search(query, types);
  } catch {
    status.textContent = "搜索索引加载失败，请刷新页面重试。";
    return;
  }
  const docs = await documents(ranked.slice(0, shown).map(([doc]) => doc));
  if (ticket !== latest) return;
  list.dataset.ms = String(Math.round((performance.now() - started) * 10) / 10);
  if (ranked.length === 0) { list.replaceChildren(); more.hidden = true; noResults(query); return; }
  status.textContent = `找到 ${ranked.length} 条结果${types.length ? `（只看${types.join("、")}）` : ""}。`;
  list.replaceChildren(...docs.map((d) => {
    const li = document.createElement("li");
    li.className = "search-result";
    const badge = Object.assign(document.createElement("span"), { className: "type-badge", textContent: d.type });
    const a = Object.assign(document.createElement("a"), { href: new URL(d.url, siteRoot).href });
    a.append(highlight(d.title, query));
    const h = document.createElement("h2");
    h.append(badge, " ", a);
    li.append(h);
    if (d.breadcrumb) li.append(Object.assign(document.createElement("p"), { className: "result-crumb", textContent: d.breadcrumb }));
    const snippet = document.createElement("p");
    snippet.append(highlight(d.snippet, query));
    li.append(snippet);
    return li;
  }));
  more.hidden = ranked.length <= shown;
}

let timer = 0;
function schedule() {
  clearTimeout(timer);
  shown = PAGE;
  timer = setTimeout(run, 150);
}

if (form && manifestUrl && location.protocol === "file:") {
  // Browsers refuse fetch() of local files, so the index cannot be read from a folder opened from disk.
  input.value = new URLSearchParams(location.search).get("q") ?? "";
  pointToSections("直接打开本地文件时无法搜索。请通过网址访问本站，或用 publicedu serve 在本机预览。您也可以直接浏览");
} else if (form && manifestUrl) {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const box of form.querySelectorAll("input[name=type]")) box.checked = params.getAll("type").includes(box.value);
  form.addEventListener("submit", (e) => { e.preventDefault(); shown = PAGE; run(); });
  input.addEventListener("input", schedule);
  form.addEventListener("change", (e) => { if (e.target.name === "type") { shown = PAGE; run(); } });
  more.addEventListener("click", () => { shown += PAGE; run(); });
  // Arrow keys move between the search box and the results; Escape goes back to the box.
  document.addEventListener("keydown", (e) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      e.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    } else if (e.key === "Escape" && at >= 0) {
      input.focus();
    }
  });
  status.textContent = input.value ? "正在搜索…" : "请输入要搜索的内容。";
  if (input.value) run();
  input.focus();
}
