// Export and import of a self-check's answers as a file. selfcheck.js loads this module only when
// someone uses one of the two buttons; the answers never leave the visitor's own device.

/** Offers the answers as a JSON file to download. */
export function exportFile({ data, answers, labels, premises, format, el, today }) {
  const payload = JSON.stringify({ format, slug: data.slug, version: data.version, title: data.title, answers, labels, premises, exportedAt: new Date().toISOString() }, null, 2);
  const url = URL.createObjectURL(new Blob([payload], { type: "application/json" }));
  const a = el("a", { href: url, download: `自查答案-${data.slug}-${premises.date || today()}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The parsed file, or the message that says why it cannot be imported. */
export async function readImport(file, slug, format) {
  let parsed;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return "无法导入：这个文件不是有效的答案文件。当前答案没有改动。";
  }
  if (!parsed || parsed.format !== format || parsed.slug !== slug || typeof parsed.answers !== "object") {
    return "无法导入：这个文件不是本问卷导出的答案。当前答案没有改动。";
  }
  return parsed;
}
