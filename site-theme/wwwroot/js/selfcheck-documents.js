// The three printable documents of a self-check: 自查记录, 主动申报表 and 承诺书. selfcheck.js loads
// this module only when someone prints, and passes what the documents show: the answers, the
// premises details typed on the page and the exemption assessment the result is based on.
// An agency files a paper by who it is from, so every document names the premises the same way
// (name, 统一社会信用代码, type, address, contact, phone) and writes every date as 2026年12月3日:
// a form with two date formats looks hand-altered. Anything not typed in stays a line to write on.

const LINE = "＿＿＿＿＿＿＿＿＿＿";
const HAND_DATE = "＿＿＿＿年＿＿月＿＿日";

/** "2026-12-03" (what a date input gives) as 2026年12月3日; anything else unchanged. */
export function chineseDate(value) {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value ?? "");
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : value || "";
}

/** @param {"record"|"report"|"pledge"} kind */
export function buildDoc(kind, { data, el, premises, today, deadlineDate, fixOf, assessment, found, visible, answers }) {
  const field = (label, value, wide) => el("div", { class: wide ? "doc-wide" : null }, el("dt", {}, label), el("dd", {}, value || ""));
  const fields = (...items) => el("dl", { class: "doc-fields" }, items);
  const signatures = (...names) => el("p", { class: "signatures" }, names.map(([n, v]) => el("span", {}, `${n}：${v ?? LINE}`)));
  // Fixed column widths, set by class because the CSP allows no style attributes; unnamed columns share the rest.
  const table = (head, rows) => el("table", {},
    el("thead", {}, el("tr", {}, head.map(([h, col]) => el("th", { scope: "col", class: col }, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c, i) => el("td", { class: head[i][1] }, c))))));
  const outcomeName = (option) => option.o === "ok" ? "合规" : option.o === "na" ? "不适用" : option.o === "hazard" ? data.hazards[option.h].severity : option.l;
  const legal = found.filter((x) => x.hazard.sev !== null);
  const date = chineseDate(premises.date || today());
  const type = premises.type ?? data.premises;
  // A date never breaks inside itself: the day on one line, what the deadline says on the next.
  const deadline = (text) => deadlineDate(text).split(/(?=（)/).map((part) => el("span", { class: "doc-nowrap" }, part));
  const who = [
    field("统一社会信用代码", premises.creditCode),
    field("场所类型", type),
    field("地址", premises.address, true),
  ];

  if (kind === "record") {
    return el("article", { class: "doc", "data-doc": "record" }, el("h2", {}, "消防安全自查记录"),
      fields(field("场所名称", premises.name, true), ...who, field("检查人", premises.checker), field("联系电话", premises.phone),
        field("检查日期", date), field("自查项目", data.title)),
      table([["序号", "col-n"], ["检查内容"], ["检查结果"], ["判定", "col-level"], ["整改期限", "col-date"]], visible.map((q) => {
        const option = q.options[answers[q.id]];
        return [String(q.n), q.text, option ? option.l : "未回答", option ? outcomeName(option) : "", option?.h ? deadline(data.hazards[option.h].deadline) : ""];
      })),
      signatures(["检查人签名"], ["消防安全责任人签名"], ["日期", date]));
  }
  if (kind === "report") {
    return el("article", { class: "doc", "data-doc": "report" }, el("h2", {}, "火灾隐患主动申报表"),
      el("p", { class: "doc-note" }, "本表为本站提供的参考格式；申报方式和表格以当地消防救援机构的要求为准。"),
      fields(field("申报单位（场所）名称", premises.name, true), ...who, field("联系人", premises.checker), field("联系电话", premises.phone),
        field("自查日期", date), field("发现隐患", `${legal.length} 项，涉及 ${assessment.causes.length} 个案由`),
        field("是否可能有重大火灾隐患", assessment.major ? "是" : "否")),
      // The article and the 案由 go under the hazard's name: columns of their own would leave the fix too narrow on A4.
      table([["序号", "col-n"], ["隐患情形", "col-what"], ["等级", "col-level"], ["整改措施"], ["整改期限", "col-date"], ["整改完成情况", "col-done"]],
        legal.map((x, i) => [String(i + 1), [x.hazard.title,
          el("span", { class: "doc-sub" }, `违反：${x.hazard.breaks.map((b) => b.t).join("、")}`),
          x.hazard.cause ? el("span", { class: "doc-sub" }, `案由：${x.hazard.cause}`) : null],
        x.hazard.severity, fixOf(x), deadline(x.hazard.deadline),
        [el("span", { class: "doc-tick" }, "□已完成"), el("span", { class: "doc-tick" }, "□未完成")]])),
      el("p", {}, "本单位（场所）通过自查发现上述火灾隐患，现主动申报，并承诺按期整改到位；整改完成前落实防范措施。"),
      signatures(["申报人签名（盖章）"], ["申报日期", HAND_DATE]),
      el("section", { class: "doc-box" }, el("h3", {}, "受理意见（由消防救援机构填写）"), el("div", { class: "doc-blank" }),
        signatures(["受理人"], ["受理日期", HAND_DATE])));
  }
  return el("article", { class: "doc", "data-doc": "pledge" }, el("h2", {}, "消防安全承诺书"),
    fields(field("承诺单位（场所）名称", premises.name, true), ...who, field("消防安全责任人"), field("联系电话", premises.phone)),
    el("p", {}, `本场所（${premises.name || LINE}）坚持“自知、自查、自改”，${date}通过自查发现下列火灾隐患和安全问题，现向社会公开承诺在以下期限内整改完毕，整改期间落实防范措施，确保消防安全。`),
    el("ol", {}, found.map((x) => el("li", {}, el("strong", {}, x.hazard.title), "：", fixOf(x),
      el("span", { class: "doc-deadline" }, `整改期限：${deadlineDate(x.hazard.deadline)}`)))),
    supervision(data, el),
    signatures(["承诺人（消防安全责任人）签名"], ["承诺单位（盖章）"], ["日期", date]));
}

// Where the public can report: the channels the operator took from the local agency's own notice,
// or, when site.yml names none, the agency by description only, as this site never guesses a number.
function supervision(data, el) {
  const lead = "欢迎社会各界监督。发现本场所存在火灾隐患或者没有按照承诺整改的，";
  const channels = data.channels ?? [];
  if (channels.length === 0) return el("p", {}, `${lead}可以向本场所所在地的消防救援机构反映。`);
  return [
    el("p", {}, `${lead}可以向下列机构反映：`),
    el("ul", {}, channels.map((c) => el("li", {}, [c.name, c.phone && `电话：${c.phone}`, c.address && `地址：${c.address}`,
      /^https?:\/\//.test(c.url ?? "") && `网址：${c.url}`, c.note].filter(Boolean).join("，")))),
  ];
}
