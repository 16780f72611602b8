// The three printable documents of a self-check: 自查记录, 主动申报表 and 承诺书. selfcheck.js loads
// this module only when someone prints, and passes what the documents show: the answers, the
// premises details typed on the page and the exemption assessment the result is based on.

/** @param {"record"|"report"|"pledge"} kind */
export function buildDoc(kind, { data, el, premises, today, deadlineDate, fixOf, assessment, found, visible, answers }) {
  const lines = (...pairs) => el("dl", { class: "doc-fields" }, pairs.map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, v || "＿＿＿＿＿＿＿＿＿＿"))));
  const signatures = (...names) => el("p", { class: "signatures" }, names.map((n) => el("span", {}, `${n}：＿＿＿＿＿＿＿＿`)));
  const table = (head, rows) => el("table", {}, el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c))))));
  const outcomeName = (option) => option.o === "ok" ? "合规" : option.o === "na" ? "不适用" : option.o === "hazard" ? data.hazards[option.h].severity : option.l;
  const legal = found.filter((x) => x.hazard.sev !== null);
  const date = premises.date || today();

  if (kind === "record") {
    return el("article", { class: "doc", "data-doc": "record" }, el("h2", {}, "消防安全自查记录"),
      lines(["场所名称", premises.name], ["地址", premises.address], ["检查人", premises.checker], ["检查日期", date], ["自查项目", data.title]),
      table(["序号", "检查内容", "检查结果", "判定", "整改期限"], visible.map((q) => {
        const option = q.options[answers[q.id]];
        return [String(q.n), q.text, option ? option.l : "未回答", option ? outcomeName(option) : "", option?.h ? deadlineDate(data.hazards[option.h].deadline) : ""];
      })),
      signatures("检查人签名", "消防安全责任人签名", "日期"));
  }
  if (kind === "report") {
    return el("article", { class: "doc", "data-doc": "report" }, el("h2", {}, "火灾隐患主动申报表"),
      el("p", { class: "small" }, "本表为本站提供的参考格式；申报方式和表格以当地消防救援机构的要求为准。"),
      lines(["申报单位（场所）名称", premises.name], ["地址", premises.address], ["联系人", premises.checker], ["联系电话", ""], ["自查日期", date],
        ["涉及案由", `${assessment.causes.length} 个`], ["是否可能有重大火灾隐患", assessment.major ? "是" : "否"]),
      table(["序号", "隐患情形", "等级", "违反的规定", "案由", "整改措施", "整改期限"], legal.map((x, i) =>
        [String(i + 1), x.hazard.title, x.hazard.severity, x.hazard.breaks.map((b) => b.t).join("、"), x.hazard.cause || "—", fixOf(x), deadlineDate(x.hazard.deadline)])),
      el("p", {}, "本单位（场所）通过自查发现上述火灾隐患，现主动申报，并承诺按期整改到位。"),
      signatures("申报人签名（盖章）", "日期"));
  }
  return el("article", { class: "doc", "data-doc": "pledge" }, el("h2", {}, "消防安全承诺书"),
    el("p", {}, `本场所（${premises.name || "＿＿＿＿＿＿"}）坚持“自知、自查、自改”，通过自查发现下列火灾隐患和安全问题，现向社会公开承诺在以下期限内整改完毕，整改期间落实防范措施，确保消防安全。`),
    el("ol", {}, found.map((x) => el("li", {}, `${x.hazard.title}：${fixOf(x)}（${deadlineDate(x.hazard.deadline)}）`))),
    el("p", {}, "欢迎社会各界监督。"),
    signatures("承诺人（消防安全责任人）签名", "日期"));
}
