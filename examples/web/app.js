// The self-check page: presentation and the interview loop only. Every
// question, answer option, probability, triage level, reason and piece of
// advice comes from the heel-wasm package, and so does what is read from the
// person's own words (`parse`); nothing here scores, triages or reads text.

import init, { assess, catalog, isHeelError, nextQuestions, parse } from "heel-wasm";

const RANKED = 5; // causes in the main ranking ("Something else" is always there too)
const EXPLAINED = 3; // causes whose score is explained
const OTHER = "other"; // the cause heel keeps for "Something else"

const $ = (id) => document.getElementById(id);

const state = {
  catalog: null,
  items: new Map(), // item id -> catalog item
  setting: null,
  answers: {},
  skip: [], // items answered "don't know"
  history: [], // { question, answer } in the order asked (answer undefined: don't know)
  current: null, // the question on screen
  more: false, // "Answer more questions": keep asking while heel says it needs more
  reviewed: false, // answers came from the person's description: Back from the first question returns to them
  unknownLabel: "Don't know", // the catalog's label for "unknown"
};

/** The display name of a triage level, from the catalog. */
function levelName(id) {
  return state.catalog.triage_levels.find((l) => l.id === id)?.label ?? id;
}

/** heel's own verdict that it needs more before it could advise self-care. */
function notEnoughInformation(report) {
  return report.triage.reasons.find((r) => r.kind === "not_enough_information");
}

/** The display name of an evidence grade, from the catalog. */
function gradeName(id) {
  return state.catalog.grades.find((g) => g.id === id)?.label ?? id;
}

/** Creates an element with properties, attributes and children. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key in el && !key.includes("-")) el[key] = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

function show(section) {
  for (const id of ["start", "understood", "interview", "result"]) $(id).hidden = id !== section;
}

function announce(text) {
  // Cleared first so that the same text is announced again.
  $("status").textContent = "";
  requestAnimationFrame(() => {
    $("status").textContent = text;
  });
}

function focus(el) {
  el.focus();
  el.scrollIntoView({ block: "nearest" });
}

function percent(p) {
  return p < 0.005 ? "under 1%" : `${Math.round(p * 100)}%`;
}

function assessment() {
  return state.setting ? { setting: state.setting, answers: state.answers } : { answers: state.answers };
}

// ---- start ---------------------------------------------------------------

function renderStart() {
  const choices = [{ id: "", label: "Let heel choose from the age (adults: runners)" }, ...state.catalog.settings];
  $("settings").replaceChildren(
    ...choices.map((s, i) =>
      h(
        "label",
        { class: "choice" },
        h("input", { type: "radio", name: "setting", value: s.id, checked: i === 0 }),
        h("span", { text: s.label }),
      ),
    ),
  );
  // The notice every report carries, shown before the first question too.
  $("start-notice").textContent = assess({}).notice;
  $("version").textContent = `heel ${state.catalog.engine_version}. The self-check runs on your device; nothing is sent anywhere.`;
}

function start(event) {
  event.preventDefault();
  const chosen = new FormData($("start-form")).get("setting") || null;
  state.answers = {};
  state.skip = [];
  state.history = [];
  state.more = false;
  state.reviewed = false;
  const text = $("description");
  $("description-error").textContent = "";
  text.removeAttribute("aria-invalid");
  if (text.value.trim() === "") {
    state.setting = chosen;
    ask();
    return;
  }
  let parsed;
  try {
    parsed = parse(text.value);
  } catch (err) {
    if (!isHeelError(err)) throw err;
    $("description-error").textContent = err.message;
    text.setAttribute("aria-invalid", "true");
    focus(text);
    return;
  }
  // A setting the person chose wins; otherwise the one the text suggests.
  state.setting = chosen ?? parsed.assessment.setting ?? null;
  renderUnderstood(parsed);
}

// ---- what heel understood from the description ----------------------------

/** How a finding reads, in the catalog's words: "No", "Left foot", "about 35 km". */
function readAs(finding, spec) {
  if (finding.answer === null) return "not sure";
  if (spec.type === "number") return `${finding.approximate ? "about " : ""}${finding.answer} ${spec.unit}`;
  return spec.options.find((o) => o.id === finding.answer)?.label ?? String(finding.answer);
}

/**
 * The answers heel read, one row per item in the order the text gave them:
 * the question, the words each answer came from, and a control holding the
 * answer (the one in the parsed assessment) to confirm or change. Hedged
 * findings have no answer there: they are shown as not confirmed.
 */
function renderUnderstood(parsed) {
  const rows = new Map();
  for (const f of parsed.findings) {
    if (!state.items.has(f.item)) continue;
    if (!rows.has(f.item)) rows.set(f.item, []);
    rows.get(f.item).push(f);
  }
  const answers = parsed.assessment.answers ?? {};
  $("findings").replaceChildren(...[...rows].map(([item, found]) => understoodRow(item, found, answers[item])));
  const unsure = [...rows.keys()].filter((item) => answers[item] === undefined).length;
  const read = rows.size - unsure;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  $("understood-summary").textContent =
    rows.size === 0
      ? "heel found nothing it could use in your description. The questions will ask what it needs."
      : `heel read ${plural(read, "answer")} from your description` +
        (unsure ? `, and ${plural(unsure, "more thing")} it is not sure of` : "") +
        ". Check each one and change any that is wrong; the questions then ask only what is still missing.";
  $("unused").replaceChildren(...parsed.unused.map((u) => h("li", {}, h("q", { text: u.text }))));
  $("unused-box").hidden = parsed.unused.length === 0;
  $("understood-error").textContent = "";
  show("understood");
  focus($("understood-title"));
}

function understoodRow(itemId, found, answer) {
  const item = state.items.get(itemId);
  const spec = item.answer;
  const id = `u-${itemId}`;
  const confirmed = answer !== undefined;
  const words = found.flatMap((f, i) => [i ? "; " : "", h("q", { text: f.span.text })]);
  const notConfirmed = confirmed ? null : h("span", { class: "tag unconfirmed", text: "Not confirmed" });
  const from = confirmed
    ? h(
        "p",
        { class: "from", id: `${id}-from` },
        "From your words: ",
        found.flatMap((f, i) => [i ? "; " : "", h("q", { text: f.span.text }), " → ", h("strong", { text: readAs(f, spec) })]),
      )
    : h(
        "p",
        { class: "from", id: `${id}-from` },
        notConfirmed,
        " You wrote ",
        words,
        ", but heel was not sure what you meant. Choose an answer, or leave it to be asked later.",
      );
  const changed = h("span", { class: "tag changed", text: "Changed", hidden: true });
  const error = h("p", { class: "field-error", id: `${id}-error` });
  const describedBy = `${id}-from ${id}-error`;
  let body;
  if (spec.type === "locations") {
    const selected = new Set(answer ?? []);
    body = h(
      "fieldset",
      { "aria-describedby": describedBy },
      h("legend", { class: "finding-question", text: item.question }),
      changed,
      from,
      h(
        "div",
        { class: "choices columns" },
        spec.options
          .filter((o) => o.id !== "unknown")
          .map((o) =>
            h(
              "label",
              { class: "choice" },
              h("input", { type: "checkbox", name: id, value: o.id, checked: selected.has(o.id) }),
              h("span", { text: o.label }),
            ),
          ),
      ),
      error,
    );
  } else {
    let control;
    if (spec.type === "number") {
      control = h(
        "span",
        { class: "number-answer" },
        h("input", {
          id,
          type: "number",
          inputMode: "decimal",
          min: spec.min,
          max: spec.max,
          step: "any",
          value: answer ?? "",
          "aria-describedby": `${describedBy} ${id}-unit`,
        }),
        h("span", { id: `${id}-unit`, text: `${spec.unit} (leave it empty to be asked later)` }),
      );
    } else {
      const options = [
        ...(confirmed ? [] : [{ id: "", label: "Ask me later (not confirmed)" }]),
        ...spec.options.filter((o) => o.id !== "unknown"),
        { id: "unknown", label: state.unknownLabel },
      ];
      control = h(
        "select",
        { id, "aria-describedby": describedBy },
        options.map((o) => h("option", { value: o.id, text: o.label, selected: o.id === (answer ?? "") })),
      );
    }
    body = [
      h("label", { for: id, class: "finding-question", text: item.question }),
      changed,
      from,
      control,
      error,
    ];
  }
  const row = h(
    "li",
    { class: "finding", "data-item": itemId, "data-state": confirmed ? "understood" : "unconfirmed" },
    body,
  );
  const initial = JSON.stringify(rowValue(row));
  row.addEventListener("change", () => {
    const now = JSON.stringify(rowValue(row));
    changed.hidden = now === initial;
    if (notConfirmed) notConfirmed.hidden = now !== initial;
    row.dataset.state = now !== initial ? "changed" : confirmed ? "understood" : "unconfirmed";
  });
  return row;
}

/** The answer a row holds: undefined for none, "unknown" for "Don't know", NaN for a number that is not one. */
function rowValue(row) {
  const spec = state.items.get(row.dataset.item).answer;
  if (spec.type === "locations") {
    const checked = [...row.querySelectorAll("input:checked")].map((i) => i.value);
    return checked.length ? checked : undefined;
  }
  const control = row.querySelector("select, input");
  if (spec.type === "number") return control.value.trim() === "" && control.validity.valid ? undefined : control.valueAsNumber;
  return control.value === "" ? undefined : control.value;
}

function showRowError(row, text) {
  const inputs = [...row.querySelectorAll("select, input")];
  for (const input of inputs) input.setAttribute("aria-invalid", "true");
  row.querySelector(".field-error").textContent = text;
  // The alert region announces it; the row shows it next to the field.
  $("understood-error").textContent = `${state.items.get(row.dataset.item).question} ${text}`;
  focus(inputs[0] ?? $("understood-title"));
}

/** "Continue": the confirmed answers go into the interview, which asks only what is missing. */
function confirmUnderstood(event) {
  event.preventDefault();
  $("understood-error").textContent = "";
  const answers = {};
  const skip = [];
  for (const row of $("findings").children) {
    for (const input of row.querySelectorAll("select, input")) input.removeAttribute("aria-invalid");
    row.querySelector(".field-error").textContent = "";
  }
  for (const row of $("findings").children) {
    const value = rowValue(row);
    if (Number.isNaN(value)) {
      showRowError(row, "Enter a number, or leave it empty.");
      return;
    }
    if (value === "unknown") skip.push(row.dataset.item);
    else if (value !== undefined) answers[row.dataset.item] = value;
  }
  const candidate = state.setting ? { setting: state.setting, answers } : { answers };
  try {
    // The package checks the answers (their ranges, and that they fit together).
    nextQuestions(candidate, { self_report_only: true, limit: 0, skip });
  } catch (err) {
    if (!isHeelError(err)) throw err;
    const item = err.field.match(/^answers\.(\w+)/)?.[1];
    const row = [...$("findings").children].find((r) => r.dataset.item === item);
    if (row) showRowError(row, err.message);
    else $("understood-error").textContent = err.message;
    return;
  }
  state.answers = answers;
  state.skip = skip;
  state.history = [];
  state.reviewed = true;
  ask();
}

// ---- the interview -------------------------------------------------------

/**
 * Asks the package for the next question, or shows the result when it says
 * to stop. When it would stop but the report says it still needs something
 * (`missing`) that was not answered "don't know", that is asked first; after
 * "Answer more questions", the questions go on while the report says there
 * is not enough information.
 */
function ask() {
  const next = nextQuestions(assessment(), { self_report_only: true, limit: 1, skip: state.skip });
  if (next.should_stop || next.questions.length === 0) {
    const report = assess(assessment());
    const needed = report.missing.find((item) => !state.skip.includes(item) && state.items.has(item));
    if (needed) {
      renderQuestion(neededQuestion(needed), next.rule_level);
      return;
    }
    if (!(state.more && notEnoughInformation(report) && next.questions.length > 0)) {
      showResult();
      return;
    }
  }
  renderQuestion(next.questions[0], next.rule_level);
}

/** A question for an item the report says is missing, worded from the catalog. */
function neededQuestion(itemId) {
  const item = state.items.get(itemId);
  return {
    item: itemId,
    question: item.question,
    group: item.group,
    clinician_only: item.clinician_only,
    red_flag_screen: item.red_flag_screen,
    reason: "heel needs to know this before it could advise self-care.",
  };
}

function renderQuestion(question, ruleLevel, previous) {
  state.current = question;
  const item = state.items.get(question.item);
  const spec = item.answer;

  const legend = h("legend", {}, h("h2", { id: "question-title", tabindex: "-1", text: question.question }));
  const hint = h("p", { id: "question-hint", class: "hint", text: question.reason });
  let controls;
  if (spec.type === "number") {
    const input = h("input", {
      id: "answer-number",
      type: "number",
      inputMode: "decimal",
      name: "answer",
      min: spec.min,
      max: spec.max,
      step: "any",
      "aria-describedby": "question-hint question-error",
      value: previous ?? "",
    });
    controls = h(
      "div",
      { class: "number" },
      h("label", { for: "answer-number", text: `Your answer in ${spec.unit} (${spec.min} to ${spec.max})` }),
      input,
    );
  } else {
    const multiple = spec.type === "locations";
    const selected = new Set([previous ?? []].flat());
    const options = spec.options.filter((o) => o.id !== "unknown"); // "Don't know" is a button
    controls = h(
      "div",
      { class: multiple ? "choices columns" : "choices" },
      options.map((o) =>
        h(
          "label",
          { class: "choice" },
          h("input", {
            type: multiple ? "checkbox" : "radio",
            name: "answer",
            value: o.id,
            checked: selected.has(o.id),
          }),
          h("span", { text: o.label }),
        ),
      ),
    );
  }
  const fieldset = h(
    "fieldset",
    { class: "question", "data-item": question.item, "aria-describedby": "question-hint" },
    legend,
    question.red_flag_screen ? h("p", { class: "tag", text: "Warning-sign question" }) : null,
    hint,
    controls,
  );
  $("question").replaceChildren(fieldset);
  clearError();

  const answered = Object.keys(state.answers).length;
  $("progress").textContent = `Question ${state.history.length + 1}` + (answered ? ` · ${answered} answered` : "");
  $("back").textContent = state.history.length
    ? "Back"
    : state.reviewed
      ? "Back to what heel understood"
      : "Back to the start";
  // Finishing early is offered once the warning-sign questions are done.
  $("finish").hidden = question.red_flag_screen;
  renderAlert(ruleLevel);
  show("interview");
  focus($("question-title"));
}

/** A red flag already found is shown during the interview, not only at the end. */
function renderAlert(level) {
  const alert = $("alert");
  const raised = level === "emergency" || level === "urgent";
  alert.hidden = !raised;
  // Changed only when the level changes, so that it is announced once.
  if (raised && alert.dataset.level !== level) {
    alert.className = `alert level-${level}`;
    $("alert-action").textContent = state.catalog.triage_levels.find((l) => l.id === level).action;
  }
  alert.dataset.level = raised ? level : "";
}

function clearError() {
  $("question-error").textContent = "";
  for (const input of $("question").querySelectorAll("input")) input.removeAttribute("aria-invalid");
}

function showError(text, target) {
  // An alert region that is always present, so the new text is announced.
  $("question-error").textContent = text;
  const inputs = $("question").querySelectorAll("input");
  for (const input of inputs) input.setAttribute("aria-invalid", "true");
  focus(target ?? inputs[0] ?? $("question-title"));
}

/** The answer on screen, or undefined with an error shown. */
function readAnswer() {
  const spec = state.items.get(state.current.item).answer;
  if (spec.type === "number") {
    const input = $("answer-number");
    if (input.value.trim() === "" || Number.isNaN(input.valueAsNumber)) {
      showError("Enter a number, or choose “Don't know”.", input);
      return undefined;
    }
    return input.valueAsNumber;
  }
  const checked = [...$("question").querySelectorAll("input:checked")].map((i) => i.value);
  if (checked.length === 0) {
    showError(
      spec.type === "locations" ? "Choose at least one place, or “Don't know”." : "Choose an answer, or “Don't know”.",
    );
    return undefined;
  }
  return spec.type === "locations" ? checked : checked[0];
}

function answer(event) {
  event.preventDefault();
  const value = readAnswer();
  if (value === undefined) return;
  const question = state.current;
  state.answers[question.item] = value;
  try {
    // The package checks the answer (its range, and that it fits the others).
    nextQuestions(assessment(), { self_report_only: true, limit: 0, skip: state.skip });
  } catch (err) {
    delete state.answers[question.item];
    if (!isHeelError(err)) throw err;
    showError(err.message);
    return;
  }
  state.history.push({ question, answer: value });
  ask();
}

function dontKnow() {
  const question = state.current;
  state.skip.push(question.item);
  state.history.push({ question, answer: undefined });
  ask();
}

function back() {
  const last = state.history.pop();
  if (!last && state.reviewed) {
    show("understood");
    focus($("understood-title"));
    return;
  }
  if (!last) {
    show("start");
    focus($("start-title"));
    return;
  }
  delete state.answers[last.question.item];
  state.skip = state.skip.filter((item) => item !== last.question.item);
  const next = nextQuestions(assessment(), { self_report_only: true, limit: 0, skip: state.skip });
  renderQuestion(last.question, next.rule_level, last.answer);
}

// ---- the result ----------------------------------------------------------

function answerLabel(itemId, answerId) {
  const spec = state.items.get(itemId)?.answer;
  const list = spec?.type === "number" ? spec.bands : spec?.options;
  return list?.find((o) => o.id === answerId)?.label ?? answerId;
}

function conditionName(id) {
  return state.catalog.conditions.find((c) => c.id === id)?.name ?? id;
}

function citation(sourceId) {
  return state.catalog.sources.find((s) => s.id === sourceId)?.citation ?? sourceId;
}

function rankingItem(c) {
  const pct = percent(c.probability);
  return h(
    "li",
    { "data-condition": c.id, class: c.id === OTHER ? "other" : null },
    h(
      "div",
      { class: "row" },
      h("span", { class: "name", text: c.name }),
      c.likely ? h("span", { class: "tag", text: "likely" }) : null,
      h("span", { class: "pct", text: pct }),
    ),
    h("div", { class: "bar", "aria-hidden": "true" }, h("span", { style: `width: ${(c.probability * 100).toFixed(1)}%` })),
  );
}

function explanation(c, open) {
  const summary = h("summary", {
    text: `${c.name}: from ${percent(c.prior)} before your answers to ${percent(c.probability)}`,
  });
  if (c.contributions.length === 0) {
    return h("details", { open }, summary, h("p", { text: "None of your answers changed its score." }));
  }
  const rows = c.contributions.map((k) => {
    const item = state.items.get(k.item);
    const raises = k.applied >= 0;
    // What moved the score is the ratio to the power of its weight (answers
    // in one evidence group overlap, so only the strongest counts in full).
    const weighted = k.weight === 1 ? null : `ratio ×${k.likelihood_ratio.toPrecision(2)}, weight ${k.weight.toFixed(2)}`;
    // Explicit roles keep the table a table for screen readers when phone
    // widths restyle it as blocks.
    return h(
      "tr",
      { role: "row" },
      h(
        "td",
        { role: "cell", "data-label": "Your answer" },
        h("span", { text: item?.question ?? k.item }),
        " ",
        h("strong", { text: answerLabel(k.item, k.answer) }),
      ),
      h(
        "td",
        { role: "cell", "data-label": "Effect", class: raises ? "raises" : "lowers" },
        `×${Math.exp(k.applied).toPrecision(2)}, ${raises ? "more likely" : "less likely"}`,
        weighted ? h("span", { class: "weight", text: weighted }) : null,
      ),
      h(
        "td",
        { role: "cell", "data-label": "Evidence" },
        gradeName(k.grade),
        k.source ? h("span", { class: "source", text: ` (${citation(k.source)})` }) : null,
      ),
    );
  });
  return h(
    "details",
    { open },
    summary,
    h(
      "table",
      { class: "why", role: "table" },
      h("caption", { class: "visually-hidden", text: `How each answer moved ${c.name}` }),
      h(
        "thead",
        { role: "rowgroup" },
        h(
          "tr",
          { role: "row" },
          ["Your answer", "Effect", "Evidence"].map((t) => h("th", { scope: "col", role: "columnheader", text: t })),
        ),
      ),
      h("tbody", { role: "rowgroup" }, rows),
    ),
  );
}

/**
 * "Not enough information": what heel still needs, and a way to answer it.
 * Shown only when that is what sets the level: when a warning sign makes it
 * urgent, more questions are not what the person needs.
 */
function renderMoreInfo(report) {
  const found = notEnoughInformation(report);
  const reason = found && found.level === report.triage.level ? found : undefined;
  $("more-info").hidden = !reason;
  if (!reason) return;
  const still = report.missing.map((item) => state.items.get(item)?.question ?? item);
  $("more-info-text").textContent = reason.text;
  $("missing").replaceChildren(...still.map((q) => h("li", { text: q })));
  $("missing").hidden = still.length === 0;
  const next = nextQuestions(assessment(), { self_report_only: true, limit: 1, skip: state.skip });
  const askable = next.questions.length > 0 || report.missing.some((i) => state.skip.includes(i));
  $("answer-more").hidden = !askable;
}

/** "Answer more questions": the missing items may be asked again, and the questions go on. */
function answerMore() {
  const report = assess(assessment());
  state.skip = state.skip.filter((item) => !report.missing.includes(item));
  state.more = true;
  ask();
}

function showResult() {
  state.more = false;
  const report = assess(assessment());
  const { triage } = report;

  $("triage").className = `triage level-${triage.level}`;
  $("triage").setAttribute("data-level", triage.level);
  $("triage").replaceChildren(
    h("p", { class: "level", text: levelName(triage.level) }),
    h(
      "p",
      { class: "when" },
      h("span", { class: "label", text: "When: " }),
      h("span", { class: "time-frame", text: triage.time_frame }),
    ),
    h("p", { class: "action", text: triage.action }),
    h("p", { class: "who", "data-who": triage.who_to_see.join(" "), text: triage.who_to_see_text }),
    h("h3", { text: "Why" }),
    h(
      "ul",
      { class: "reasons" },
      triage.reasons.map((r) =>
        h("li", {}, r.red_flag ? h("strong", { class: "flag", text: "Warning sign: " }) : null, r.text),
      ),
    ),
  );
  $("result-notice").textContent = report.notice;
  renderMoreInfo(report);

  // The distribution: the leading causes, and "Something else" wherever it ranks.
  const ranked = report.conditions.slice(0, RANKED);
  const other = report.conditions.find((c) => c.id === OTHER);
  if (other && !ranked.includes(other)) ranked.push(other);
  $("ranking").replaceChildren(...ranked.map(rankingItem));
  $("ranking-rest").replaceChildren(...report.conditions.filter((c) => !ranked.includes(c)).map(rankingItem));
  $("why").replaceChildren(...report.conditions.slice(0, EXPLAINED).map((c, i) => explanation(c, i === 0)));

  $("plan-summary").textContent = report.care_plan.summary;
  $("plan").replaceChildren(
    ...report.care_plan.steps.map((s) =>
      h(
        "li",
        {},
        h("h4", { text: s.title }),
        h("p", { text: s.text }),
        s.for_conditions.length
          ? h("p", { class: "for", text: `For: ${s.for_conditions.map(conditionName).join(", ")}` })
          : null,
      ),
    ),
  );
  $("remarks").replaceChildren(
    ...(report.remarks.length
      ? [h("h3", { text: "Notes" }), h("ul", {}, report.remarks.map((r) => h("li", { text: r })))]
      : []),
  );

  show("result");
  focus($("result-title"));
  announce(
    `Result ready. ${levelName(triage.level)}: ${triage.action} ${triage.who_to_see_text} ` +
      `Most likely: ${report.conditions[0].name}, ${percent(report.conditions[0].probability)}.`,
  );
}

// ---- wiring --------------------------------------------------------------

function guarded(fn) {
  return (...args) => {
    try {
      fn(...args);
    } catch (err) {
      $("problem").hidden = false;
      $("problem").textContent = `Something went wrong: ${err.message}. Reload the page to start again.`;
      throw err;
    }
  };
}

async function main() {
  await init();
  state.catalog = catalog();
  for (const item of state.catalog.items) state.items.set(item.id, item);
  const unknown = state.catalog.items.find((i) => i.answer.type === "yes_no").answer.options.find((o) => o.id === "unknown");
  $("dont-know").textContent = unknown.label;
  state.unknownLabel = unknown.label;

  $("start-form").addEventListener("submit", guarded(start));
  $("understood-form").addEventListener("submit", guarded(confirmUnderstood));
  $("understood-back").addEventListener("click", () => {
    show("start");
    focus($("description"));
  });
  $("question-form").addEventListener("submit", guarded(answer));
  $("dont-know").addEventListener("click", guarded(dontKnow));
  $("back").addEventListener("click", guarded(back));
  $("finish").addEventListener("click", guarded(showResult));
  $("alert-result").addEventListener("click", guarded(showResult));
  $("answer-more").addEventListener("click", guarded(answerMore));
  $("change").addEventListener("click", guarded(back));
  $("restart").addEventListener("click", () => {
    show("start");
    focus($("start-title"));
  });

  renderStart();
  $("loading").hidden = true;
  show("start");
  document.documentElement.dataset.ready = "true";
}

main().catch((err) => {
  $("loading").hidden = true;
  $("problem").hidden = false;
  $("problem").textContent = `The self-check could not start: ${err.message}`;
  throw err;
});
