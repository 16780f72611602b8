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
const PAGE = 8;

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
const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const ARTICLE_REF = /第?[0-9零〇一二两三四五六七八九十百千]+条(?![件文例款目])/g;
const NAME_FLAG = 256;
const NAME_BOOST = 1e6;

/** Word → the words it also searches for, from the manifest's groups ("a b c" or "a b>c"); as Synonyms.ExpansionsOf. */
export function expansions(groups = []) {
  const map = new Map();
  for (const group of groups) {
    const arrow = group.indexOf(">");
    if (arrow < 0) {
      const words = group.split(" ");
      for (const w of words) map.set(w, words.filter((o) => o !== w));
    } else {
      const targets = group.slice(arrow + 1).split(" ");
      for (const w of group.slice(0, arrow).split(" ")) map.set(w, targets);
    }
  }
  return map;
}

/** A synonym's terms: its pairs when it has any, else its characters and words. */
function wordTerms(word) {
  const tokens = tokenize(word);
  const hasPair = tokens.some((t) => t.length === 2 && isHan(t[0]));
  return [...new Set(tokens.filter((t) => !(hasPair && t.length === 1 && isHan(t))))];
}

/** The query's clauses and article terms: the same steps as SearchEngine.Plan. */
export function plan(query, laws, synonyms) {
  let normal = query.normalize("NFKC").toLowerCase();
  const articles = [];
  const numbers = [...new Set(tokenize(normal).filter((t) => t.startsWith("§")))];
  if (numbers.length > 0) {
    const names = Object.keys(laws).sort((a, b) => b.length - a.length || ordinal(a, b));
    for (const name of names) {
      const at = normal.indexOf(name);
      if (at < 0) continue;
      for (const n of numbers) articles.push(`@${laws[name]}${n}`);
      normal = (normal.slice(0, at) + normal.slice(at + name.length)).replace(ARTICLE_REF, " ");
      break;
    }
  }
  const hasPair = tokenize(normal).some((t) => t.length === 2 && isHan(t[0]));
  // As SearchEngine.Plan: runs of Han characters come out as c1, c1c2, c2, c2c3, c3…; two single
  // characters in a row, or anything else, end a run. In a run, every other inner pair is a bridge.
  const termsOf = (text) => {
    const tokens = tokenize(text);
    const result = [];
    let pairInRun = 0;
    let lastWasSingle = false;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      const han = isHan(t[0]);
      if (han && t.length === 1) {
        if (lastWasSingle) pairInRun = 0;
        lastWasSingle = true;
        if (!hasPair) result.push([t, false]);
        continue;
      }
      if (!han) { pairInRun = 0; lastWasSingle = false; result.push([t, false]); continue; }
      const last = k + 2 >= tokens.length || tokens[k + 2].length !== 2 || !isHan(tokens[k + 2][0]);
      result.push([t, pairInRun % 2 === 1 && !last]);
      pairInRun++;
      lastWasSingle = false;
    }
    return result;
  };
  const clauses = [];
  const plain = [];
  const keys = [...synonyms.keys()].sort((a, b) => b.length - a.length || ordinal(a, b));
  let piece = 0;
  for (let i = 0; i < normal.length;) {
    const key = keys.find((k) => normal.startsWith(k, i));
    if (key === undefined) { i++; continue; }
    plain.push(...termsOf(normal.slice(piece, i)));
    clauses.push({ alternatives: [wordTerms(key), ...synonyms.get(key).map(wordTerms)], bridge: false });
    i += key.length;
    piece = i;
  }
  plain.push(...termsOf(normal.slice(piece)));
  // A term typed twice is a bridge only if it is one everywhere.
  const bridges = new Map();
  for (const [t, bridge] of plain) bridges.set(t, (bridges.get(t) ?? true) && bridge);
  clauses.unshift(...[...bridges].map(([t, bridge]) => ({ alternatives: [[t]], bridge })));
  return { clauses, articles };
}

let synonymTable = null;

/** Ranked [doc, score] pairs for the query, restricted to the given type names (all when empty). */
export async function search(query, types = []) {
  if (!manifest) {
    // The manifest's address never changes, so pages need not be rebuilt when the index is;
    // no-cache makes a browser ask whether it did.
    const r = await fetch(manifestUrl, { cache: "no-cache" });
    if (!r.ok) throw new Error(`manifest: ${r.status}`);
    manifest = await r.json();
    indexUrl = new URL(manifest.folder, manifestUrl);
    synonymTable = expansions(manifest.synonyms);
  }
  const planned = plan(query, manifest.laws, synonymTable);
  const { articles } = planned;
  const wanted = [...new Set([...planned.clauses.flatMap((c) => c.alternatives.flat()), ...articles])];
  const shards = new Map(await Promise.all(wanted.map(async (t) => [t, (await load(`s${hash(t) % manifest.shards}.json`))[t]])));
  // As SearchEngine.Plan(query): a term no document has (a pair bridging two words) is dropped.
  const clauses = planned.clauses.filter((c) => c.alternatives.length > 1 || shards.get(c.alternatives[0][0]) !== undefined);
  const slots = clauses.flatMap((c) => c.alternatives);
  const uses = new Map();
  slots.forEach((terms, s) => { for (const t of terms) (uses.get(t) ?? uses.set(t, []).get(t)).push(s); });
  // One row per document found, in flat typed arrays: a query over a large site touches tens of
  // thousands of postings, and an object per document would dominate its time.
  const width = slots.length;
  const rowOf = new Map();
  let capacity = 1024;
  let sums = new Float64Array(capacity * width);
  let counts = new Int32Array(capacity * width);
  let names = new Int32Array(capacity * width);
  let article = new Float64Array(capacity);
  const row = (doc) => {
    let r = rowOf.get(doc);
    if (r !== undefined) return r;
    r = rowOf.size;
    rowOf.set(doc, r);
    if (r === capacity) {
      capacity *= 2;
      const grow = (old, Type, n) => { const a = new Type(capacity * n); a.set(old); return a; };
      sums = grow(sums, Float64Array, width);
      counts = grow(counts, Int32Array, width);
      names = grow(names, Int32Array, width);
      article = grow(article, Float64Array, 1);
    }
    return r;
  };
  for (const [term, slotList] of uses) {
    const p = decoded(term, shards.get(term));
    for (let j = 0; j < p.length; j += 2) {
      const base = row(p[j]) * width;
      const value = p[j + 1];
      for (const s of slotList) {
        sums[base + s] += value & 255;
        counts[base + s]++;
        if (value & NAME_FLAG) names[base + s]++;
      }
    }
  }
  for (const term of articles) {
    const p = decoded(term, shards.get(term));
    for (let j = 0; j < p.length; j += 2) article[row(p[j])] += p[j + 1];
  }
  const terms = clauses.reduce((n, c) => n + c.alternatives[0].length, 0);
  const ranges = types.map((t) => manifest.typeRanges[manifest.typeNames.indexOf(t)]).filter(Boolean);
  const results = [];
  for (const [doc, r] of rowOf) {
    if (articles.length > 0 && article[r] === 0) continue;
    if (ranges.length > 0 && !ranges.some(([first, count]) => doc >= first && doc < first + count)) continue;
    results.push([doc, score(clauses, sums, counts, names, r * width, article[r], terms)]);
  }
  return results.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

const decodedCache = new Map();

/** A posting list as [doc, value, doc, value…], documents absolute; decoded once per term. */
function decoded(term, text) {
  if (!text) return [];
  let p = decodedCache.get(term);
  if (!p) {
    p = new Int32Array(text.split(",").map(Number));
    for (let j = 2; j < p.length; j += 2) p[j] += p[j - 2];
    decodedCache.set(term, p);
  }
  return p;
}

/** As SearchEngine.Score; a page document is one whose names matched, which only page documents have. */
function score(clauses, sums, counts, names, base, article, terms) {
  let total = article;
  let all = true;
  let named = clauses.length > 0;
  let s = base;
  for (const clause of clauses) {
    const typed = clause.alternatives[0].length;
    let best = 0;
    let full = false;
    let name = false;
    for (const alternative of clause.alternatives) {
      const n = alternative.length;
      best = Math.max(best, sums[s] * typed / n);
      full ||= counts[s] === n;
      name ||= names[s] === n;
      s++;
    }
    total += best;
    all &&= full;
    named &&= name || clause.bridge;
  }
  if (terms > 1 && all) total *= 1.5;
  if (named) total += NAME_BOOST;
  return total;
}

export async function documents(ids) {
  const chunks = await Promise.all(ids.map((id) => load(`d${Math.floor(id / manifest.chunk)}.json`)));
  return ids.map((id, i) => {
    const [title, url, breadcrumb, snippet, page] = chunks[i][id % manifest.chunk];
    const type = manifest.typeNames[manifest.typeRanges.findIndex(([first, count]) => id >= first && id < first + count)];
    return { id, type, title, url, breadcrumb, snippet, page };
  });
}

/**
 * Results as the page shows them, as SearchEngine.Group: under their page, in the order each
 * page first appears, the page and then at most `passages` of its passages.
 */
export function group(docs, passages = 3) {
  const groups = new Map();
  for (const d of docs) {
    const g = groups.get(d.page) ?? groups.set(d.page, { page: null, first: d, passages: [] }).get(d.page);
    if (d.id === d.page) g.page = d;
    else if (g.passages.length < passages) g.passages.push(d);
  }
  return [...groups.values()];
}

/** Every query term as it may appear in text, synonyms included; not article numbers. */
function highlightTerms(query) {
  const { clauses } = plan(query, manifest?.laws ?? {}, synonymTable ?? new Map());
  const terms = clauses.flatMap((c) => c.alternatives.flat()).filter((t) => !t.startsWith("§"));
  return [...new Set(terms)];
}

/**
 * Which characters of the text a query term covers. Runs of covered characters become one mark,
 * so 灭火 and 火器 highlight 灭火器 whole instead of splitting it.
 */
export function covered(text, terms) {
  const lower = text.toLowerCase();
  const marks = new Uint8Array(text.length);
  for (const t of terms) {
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) marks.fill(1, at, at + t.length);
  }
  return marks;
}

function highlight(text, terms) {
  const fragment = document.createDocumentFragment();
  const marks = covered(text, terms);
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && marks[j] === marks[i]) j++;
    const part = text.slice(i, j);
    fragment.append(marks[i] ? Object.assign(document.createElement("mark"), { textContent: part }) : part);
    i = j;
  }
  return fragment;
}

const SNIPPET = 110;
const ENDS = /[。！？；：…」”）)]$/;

/**
 * The stored sentences and list items that best match the query, from the first that contains a
 * query word, whole, up to about two lines on a phone. Items without closing punctuation (a
 * list's options) are joined with "；" so they do not run together.
 */
export function snippetText(segments, terms) {
  if (!Array.isArray(segments)) segments = segments ? [segments] : [];
  if (segments.length === 0) return "";
  const weights = segments.map((s) => covered(s, terms).reduce((a, b) => a + b, 0));
  let best = 0;
  weights.forEach((w, k) => { if (w > weights[best]) best = k; });
  let text = best > 0 ? "…" : "";
  let length = 0;
  let k = best;
  for (; k < segments.length && (k === best || length + segments[k].length <= SNIPPET); k++) {
    if (k > best && !ENDS.test(segments[k - 1])) text += "；";
    text += segments[k];
    length += segments[k].length;
  }
  if (k < segments.length && !text.endsWith("…")) text += "…";
  return text;
}

const PAGE_TYPES = { 法条: "法律法规", 自查项: "自查表", 指引: "指引", 文章: "文章", 页面: "页面" };

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
  // The hint gives way to the results (see .has-query in site.css).
  form.classList.toggle("has-query", query.length > 0);
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
  // A few more documents than groups shown: passages of a page shown usually share its chunk.
  const docs = await documents(ranked.slice(0, shown + 2).map(([doc]) => doc));
  if (ticket !== latest) return;
  list.dataset.ms = String(Math.round((performance.now() - started) * 10) / 10);
  if (ranked.length === 0) { list.replaceChildren(); more.hidden = true; noResults(query); return; }
  const groups = group(docs).slice(0, shown);
  const terms = highlightTerms(query);
  status.textContent = `找到 ${ranked.length} 处相关内容${types.length ? `（只看${types.join("、")}）` : ""}。`;
  list.replaceChildren(...groups.map((g) => {
    const li = document.createElement("li");
    li.className = "search-result";
    const page = g.page ?? g.first;
    const title = g.page ? g.page.title : page.breadcrumb.split(" › ")[0] || page.title;
    const url = g.page ? g.page.url : page.url.split("#")[0];
    const badge = Object.assign(document.createElement("span"), { className: "type-badge", textContent: PAGE_TYPES[page.type] ?? page.type });
    const a = Object.assign(document.createElement("a"), { href: new URL(url, siteRoot).href });
    a.append(highlight(title, terms));
    const h = document.createElement("h2");
    h.append(badge, " ", a);
    li.append(h);
    if (g.page) li.append(snippetParagraph(g.page.snippet, terms));
    if (g.passages.length > 0) {
      const ul = Object.assign(document.createElement("ul"), { className: "result-passages" });
      for (const d of g.passages) {
        const item = document.createElement("li");
        const link = Object.assign(document.createElement("a"), { href: new URL(d.url, siteRoot).href });
        link.append(highlight(d.title, terms));
        // The section the passage sits in: a law's chapter, a questionnaire's part.
        const section = d.breadcrumb.split(" › ").slice(1).join(" › ");
        const p = document.createElement("p");
        p.className = "result-passage";
        if (section) p.append(Object.assign(document.createElement("span"), { className: "result-section", textContent: section + "：" }));
        p.append(link);
        item.append(p, snippetParagraph(d.snippet, terms));
        ul.append(item);
      }
      li.append(ul);
    }
    return li;
  }));
  more.hidden = ranked.length <= shown + 2 && group(docs).length <= shown;
}

function snippetParagraph(segments, terms) {
  const p = Object.assign(document.createElement("p"), { className: "result-snippet" });
  p.append(highlight(snippetText(segments, terms), terms));
  return p;
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
