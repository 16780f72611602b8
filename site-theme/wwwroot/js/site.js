// Reading aids for every page: large-text mode (适老化) that persists (text-size.js applies it
// before the first paint), read-aloud by part (read-aloud.js), and copy-link buttons on law articles. Without this script
// the page is complete; the buttons keep their place but stay invisible, so nothing shifts when
// the script reveals them.
import { setUpReadAloud } from "./read-aloud.js";

const root = document.documentElement;
const STORAGE_KEY = "publicedu:elder";

function readPreference() {
  try { return localStorage.getItem(STORAGE_KEY) === "on"; } catch { return false; }
}

function writePreference(on) {
  try { localStorage.setItem(STORAGE_KEY, on ? "on" : "off"); } catch { /* private mode: the choice lasts for this page only */ }
}

function setElder(button, on) {
  if (on) root.dataset.elder = "on"; else delete root.dataset.elder;
  button.setAttribute("aria-pressed", String(on));
  button.textContent = on ? "标准字号" : "大字模式";
}

const elderButton = document.getElementById("elder-toggle");
if (elderButton) {
  setElder(elderButton, readPreference());
  elderButton.removeAttribute("data-needs-js");
  elderButton.addEventListener("click", () => {
    const on = root.dataset.elder !== "on";
    setElder(elderButton, on);
    writePreference(on);
  });
}

const readButton = document.getElementById("read-aloud");
if (readButton && "speechSynthesis" in window && typeof SpeechSynthesisUtterance === "function") {
  readButton.removeAttribute("data-needs-js");
  setUpReadAloud(readButton);
}

for (const link of document.querySelectorAll("a[data-copy-link]")) {
  link.addEventListener("click", async (event) => {
    if (!navigator.clipboard) return; // falls back to following the anchor
    event.preventDefault();
    const url = new URL(link.getAttribute("href"), location.href).href;
    history.replaceState(null, "", link.getAttribute("href"));
    try {
      await navigator.clipboard.writeText(url);
      const label = link.lastChild;
      const before = label.textContent;
      label.textContent = "已复制";
      setTimeout(() => { label.textContent = before; }, 2000);
    } catch {
      location.hash = link.getAttribute("href");
    }
  });
}
