// Read aloud by part, through the browser's own speech synthesis. A part is an element marked
// data-read-part: a law article, a self-check question, the result summary. The button reads the
// part that holds the focus, else the first one on screen, else the main text; link words, buttons
// and source metadata (data-read-skip) are left out. Text goes out sentence by sentence, so pause,
// resume, speed and stop act at once in every engine.
const SKIP = "[data-read-skip], button, script, style, .visually-hidden, .copy-link, [hidden], [aria-hidden=true]";
const BLOCK = /^(P|LI|H[1-6]|LEGEND|LABEL|DT|DD|BLOCKQUOTE|DIV|SECTION|TR)$/;
const RATES = [{ name: "慢", rate: 0.7 }, { name: "正常", rate: 0.9 }, { name: "快", rate: 1.2 }];

/** The words of an element as a listener needs them: no skipped parts, a pause after each block. */
export function readableText(element) {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { out.push(node.textContent); return; }
    if (node.nodeType !== Node.ELEMENT_NODE || node.matches(SKIP)) return;
    for (const child of node.childNodes) walk(child);
    if (BLOCK.test(node.tagName)) out.push("\n");
  };
  walk(element);
  return out.join("").split("\n").map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean)
    .map((line) => (/[。！？；：.!?]$/.test(line) ? line : `${line}。`)).join("");
}

/** The part to read: the one holding focus, else the one the URL names, else the first on screen, else main. */
export function currentPart() {
  const parts = [...document.querySelectorAll("[data-read-part]")].filter((p) => p.offsetParent !== null);
  const focused = parts.find((p) => p.contains(document.activeElement));
  if (focused) return focused;
  // A link to one article (…#art-60) names the part the reader came for.
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const targeted = parts.find((p) => p.contains(target));
  if (targeted) return targeted;
  const onScreen = parts.find((p) => { const r = p.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
  return onScreen ?? document.getElementById("main");
}

function sentences(text) {
  return text.match(/[^。！？；]+[。！？；]?/g) ?? [];
}

/** Wires the header's 朗读 button and its control bar. */
export function setUpReadAloud(button) {
  let rate = 1;
  let queue = [];
  let paused = false;
  let generation = 0; // cancel() may end the utterance being read; only the latest one moves on
  const bar = document.createElement("div");
  bar.className = "read-controls";
  bar.hidden = true;
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "朗读控制");
  const label = document.createElement("span");
  const control = (text, onclick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "tool-button";
    b.textContent = text;
    b.addEventListener("click", onclick);
    bar.append(b);
    return b;
  };
  bar.append(label);
  const pause = control("暂停", () => {
    paused = !paused;
    if (paused) speechSynthesis.pause(); else speechSynthesis.resume();
    pause.textContent = paused ? "继续" : "暂停";
    pause.setAttribute("aria-pressed", String(paused));
  });
  const speed = control(`语速：${RATES[rate].name}`, () => {
    rate = (rate + 1) % RATES.length;
    speed.textContent = `语速：${RATES[rate].name}`;
    // The new speed applies from the sentence now being read.
    if (queue.length > 0) { speechSynthesis.cancel(); speakNext(); }
  });
  control("停止", () => stop());
  button.closest(".site-header").append(bar);

  function stop() {
    queue = [];
    generation++;
    speechSynthesis.cancel();
    bar.hidden = true;
    paused = false;
    pause.textContent = "暂停";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "朗读";
  }

  function speakNext() {
    if (queue.length === 0) { stop(); return; }
    const mine = ++generation;
    const utterance = new SpeechSynthesisUtterance(queue[0]);
    utterance.lang = "zh-CN";
    utterance.rate = RATES[rate].rate;
    utterance.addEventListener("end", () => { if (mine !== generation) return; queue.shift(); speakNext(); });
    utterance.addEventListener("error", (event) => { if (event.error !== "interrupted" && event.error !== "canceled") stop(); });
    speechSynthesis.speak(utterance);
  }

  button.addEventListener("click", () => {
    if (button.getAttribute("aria-pressed") === "true") { stop(); return; }
    const part = currentPart();
    queue = sentences(readableText(part));
    if (queue.length === 0) return;
    label.textContent = `正在朗读：${part.dataset.readPart || "本页正文"}`;
    bar.hidden = false;
    button.setAttribute("aria-pressed", "true");
    button.textContent = "停止朗读";
    speechSynthesis.cancel();
    speakNext();
  });
  window.addEventListener("pagehide", stop);
}
