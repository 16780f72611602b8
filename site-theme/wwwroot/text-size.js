// Large-text mode before the first paint: a classic script in <head>, so a reader who chose large
// text never sees the page flash at the normal size first. js/site.js keeps the button in step.
try {
  if (localStorage.getItem("publicedu:elder") === "on") document.documentElement.dataset.elder = "on";
} catch { /* storage blocked: normal size */ }
