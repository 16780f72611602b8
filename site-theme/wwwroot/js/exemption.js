// Which leniency schemes may apply to this owner, computed from the answers alone. The same
// algorithm as ExemptionAssessor.cs, on the same model the generator writes into the page;
// ExemptionAssessmentTests runs one set of answers through both and compares the results.

/** @returns {{found: object[], major: boolean, causes: object[], schemes: object[]}} */
export function assess(model, answers) {
  // A duplicate id is an author's error reported by the build; the first question keeps the id, as in C#.
  const byId = new Map();
  for (const q of model.questions) if (!byId.has(q.id)) byId.set(q.id, q);
  const has = (id) => Object.prototype.hasOwnProperty.call(answers, id);
  const visible = (q) => !q.cond || (byId.has(q.cond.q) && visible(byId.get(q.cond.q)) && has(q.cond.q) && q.cond.o.includes(answers[q.cond.q]));
  const chosen = (q) => (has(q.id) && answers[q.id] >= 0 && answers[q.id] < q.options.length ? q.options[answers[q.id]] : null);

  const shown = model.questions.filter(visible);
  const found = shown
    .map((q) => ({ q, option: chosen(q) }))
    .filter((x) => x.option && x.option.o === "hazard" && x.option.h && model.hazards[x.option.h])
    .map((x) => ({ id: x.q.id, hazard: x.option.h, model: model.hazards[x.option.h] }));
  const legal = found.filter((f) => f.model.sev !== null);
  const major = legal.some((f) => f.model.sev === 2);
  const causes = [];
  for (const f of legal.filter((x) => x.model.cause.length > 0)) {
    const existing = causes.find((c) => c.cause === f.model.cause);
    if (!existing) causes.push({ cause: f.model.cause, sev: f.model.sev });
    else if (existing.sev < f.model.sev) existing.sev = f.model.sev;
  }
  const facts = new Map();
  for (const q of shown.filter((x) => x.fact !== null)) if (!facts.has(q.fact)) facts.set(q.fact, chosen(q)?.o ?? "");

  const plain = (status) => ({ status, count: null, worst: null });
  function evaluate(c) {
    if (c.kind === "noMajor") return plain(major ? "unmet" : "met");
    if (c.kind === "causes") {
      const worst = causes.length === 0 ? null : Math.max(...causes.map((x) => x.sev));
      const met = causes.length <= c.limit && (worst === null || worst <= c.max);
      return { status: met ? "met" : "unmet", count: causes.length, worst };
    }
    if (c.kind === "fact") {
      const answer = facts.get(c.fact) ?? "";
      return plain(answer === "yes" ? (c.expect ? "met" : "unmet") : answer === "no" ? (c.expect ? "unmet" : "met") : "unknown");
    }
    return plain("todo");
  }

  const schemes = model.schemes.map((s) => {
    const conditions = s.conditions.map(evaluate);
    const covered = legal.filter((f) => f.model.schemes.includes(s.name)).map((f) => f.id);
    const status = legal.length === 0 ? "none"
      : conditions.some((c) => c.status === "unmet") ? "no"
        : covered.length === 0 ? "outside"
          : conditions.some((c) => c.status === "unknown") ? "unknown"
            : "may";
    return { name: s.name, status, conditions, hazards: status === "may" || status === "unknown" ? covered : [] };
  });

  return {
    found: found.map((f) => ({ q: f.id, h: f.hazard, sev: f.model.sev, schemes: schemes.filter((s) => s.hazards.includes(f.id)).map((s) => s.name) })),
    major,
    causes,
    schemes,
  };
}
