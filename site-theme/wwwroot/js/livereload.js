// Loaded only by pages built in serve mode. Reloads the page after each rebuild and shows the
// build's errors over the page when a rebuild fails (the last good site stays on screen).
const events = new EventSource("/__publicedu/events");

events.addEventListener("reload", () => location.reload());

events.addEventListener("build-error", (event) => {
  let panel = document.getElementById("publicedu-build-errors");
  if (!panel) {
    panel = document.createElement("div");
    panel.id = "publicedu-build-errors";
    panel.className = "build-errors";
    panel.setAttribute("role", "alert");
    document.body.append(panel);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "关闭";
  close.addEventListener("click", () => panel.remove());
  const text = document.createElement("pre");
  text.textContent = "构建失败，正在显示上一次成功生成的网站：\n\n" + event.data;
  panel.replaceChildren(close, text);
});
