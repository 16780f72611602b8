// Article previews for citation links. The article texts a page cites are written into the page
// at build time (<script type="application/json" id="cite-data">), so nothing is fetched.
// Hover or keyboard focus shows the text; Escape or moving away hides it. The link still works
// as a plain link without this script.
const dataElement = document.getElementById("cite-data");
const articles = dataElement ? JSON.parse(dataElement.textContent) : {};

let popover = null;
let owner = null;
let hideTimer = 0;

function ensurePopover() {
  if (popover) return popover;
  popover = document.createElement("div");
  popover.className = "cite-preview";
  popover.id = "cite-preview";
  popover.setAttribute("role", "tooltip");
  popover.hidden = true;
  popover.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  popover.addEventListener("mouseleave", scheduleHide);
  document.body.append(popover);
  return popover;
}

function show(link) {
  const article = articles[link.dataset.cite];
  if (!article) return;
  clearTimeout(hideTimer);
  const box = ensurePopover();
  box.replaceChildren();
  const title = document.createElement("p");
  title.className = "cite-preview-title";
  title.textContent = article.t;
  box.append(title);
  for (const line of article.x.split("\n")) {
    const p = document.createElement("p");
    p.textContent = line;
    box.append(p);
  }
  box.hidden = false;
  const rect = link.getBoundingClientRect();
  const top = window.scrollY + rect.bottom + 6;
  const left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
  box.style.top = `${top}px`;
  box.style.left = `${left}px`;
  if (owner && owner !== link) owner.removeAttribute("aria-describedby");
  owner = link;
  link.setAttribute("aria-describedby", box.id);
}

function hide() {
  if (popover) popover.hidden = true;
  if (owner) owner.removeAttribute("aria-describedby");
  owner = null;
}

function scheduleHide() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, 200);
}

// Listened for on the document, so links a script adds later (the self-check's key and result) preview too.
const citeLink = (node) => (node instanceof Element ? node.closest("a.cite[data-cite]") : null);
document.addEventListener("mouseover", (event) => { const link = citeLink(event.target); if (link) show(link); });
document.addEventListener("mouseout", (event) => {
  const link = citeLink(event.target);
  if (link && !link.contains(event.relatedTarget)) scheduleHide();
});
document.addEventListener("focusin", (event) => { const link = citeLink(event.target); if (link) show(link); });
document.addEventListener("focusout", (event) => { if (citeLink(event.target)) scheduleHide(); });

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && popover && !popover.hidden) hide();
});
