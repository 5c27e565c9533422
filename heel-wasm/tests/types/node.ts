// Compiled with `tsc --noEmit` (tsconfig.node.json): the package's types as
// a Node user sees them. Lines marked @ts-expect-error must fail to compile.

import {
  assess,
  catalog,
  isHeelError,
  nextQuestions,
  parse,
  type Answers,
  type Assessment,
  type Catalog,
  type CatalogItem,
  type Condition,
  type ConditionResult,
  type Finding,
  type FoundAnswer,
  type HeelError,
  type HeelErrorCode,
  type Item,
  type NextQuestions,
  type Parsed,
  type Professional,
  type QuestionOptions,
  type Report,
  type Span,
  type TriageLevel,
} from "heel-wasm";

const answers: Answers = {
  age: 42,
  sex: "female",
  pain_location: ["plantar_medial_heel"],
  first_step_pain: "present",
  eases_after_few_minutes: true,
  fever: null,
};
const assessment: Assessment = { setting: "runners", answers };

const report: Report = assess(assessment);
const top: ConditionResult | undefined = report.conditions[0];
const id: Condition | undefined = top?.id;
const level: TriageLevel = report.triage.level;
const probability: number | undefined = top?.probability;
const source: string | null | undefined = top?.contributions[0]?.source;
const steps: string[] = report.care_plan.steps.map((s) => `${s.title}: ${s.text}`);
const applied: number | undefined = top?.contributions[0]?.applied;
const score: number | undefined = top === undefined ? undefined : top.log_score - report.log_normaliser;
const who: Professional[] = report.triage.who_to_see;
const when: string = `${report.triage.time_frame}: ${report.triage.who_to_see_text} ${report.triage.who_source ?? ""}`;
const missing: Item[] = report.missing;
const enoughInformation: boolean = !report.triage.reasons.some((r) => r.kind === "not_enough_information");
const fromText: Report = assess('{"answers": {"age": 42}}');

const options: QuestionOptions = { self_report_only: true, limit: 1, skip: ["fever"] };
const next: NextQuestions = nextQuestions(assessment, options);
const stop: boolean = next.should_stop;
const reason: "leading_condition_clear" | "no_question_changes_ranking" | "no_questions_left" | null = next.stop_reason;
nextQuestions(assessment);
nextQuestions(assessment, null);

const parsed: Parsed = parse("I'm 42. No fever, maybe a bit swollen.");
const understood: string[] = parsed.findings.map((f: Finding) => {
  const answer: FoundAnswer | null = f.answer;
  const span: Span = f.span;
  const item: Item = f.item;
  return `${item} ${answer ?? "hedged"} ${span.text} ${span.start}..${span.end} ${f.negated} ${f.hedged} ${f.approximate}`;
});
const unused: string[] = parsed.unused.map((u) => u.text);
// The assessment parse builds is the document assess and nextQuestions read.
const parsedAssessment: Assessment = parsed.assessment;
const fromWords: Report = assess(parsed.assessment);
nextQuestions(parsed.assessment, { self_report_only: true, limit: 1 });

const cat: Catalog = catalog();
function describeAnswer(item: CatalogItem): string {
  const spec = item.answer;
  switch (spec.type) {
    case "number":
      return `${spec.min} to ${spec.max} ${spec.unit}`;
    case "yes_no":
    case "choice":
    case "locations":
      return spec.options.map((o) => o.label).join(", ");
  }
}
const described: string[] = cat.items.map(describeAnswer);
const labels: string[] = cat.professionals.map((p) => `${p.id}: ${p.label}`);
const thresholds: number[] = cat.triage_levels.map((l) => l.likely_threshold);
const conditionWho: Professional[][] = cat.conditions.map((c) => c.who_to_see);

try {
  assess({ answers: { age: 130 } });
} catch (err: unknown) {
  if (isHeelError(err)) {
    const e: HeelError = err;
    const code: HeelErrorCode = e.code;
    const field: string = e.field;
    const message: string = e.message;
    const suggestion: string | null = e.suggestion;
    const asError: Error = e;
    console.log(code, field, message, suggestion, asError.name);
  }
}

// @ts-expect-error: age is a number
assess({ answers: { age: "forty" } });
// @ts-expect-error: not an item
assess({ answers: { first_steps_pain: "present" } });
// @ts-expect-error: not a yes/no answer
assess({ answers: { fever: "yes" } });
// @ts-expect-error: not a location
assess({ answers: { pain_location: ["toe"] } });
// @ts-expect-error: not a setting
assess({ setting: "gym" });
// @ts-expect-error: not an option
nextQuestions({}, { limits: 3 });
// @ts-expect-error: skip lists item ids
nextQuestions({}, { skip: ["feverr"] });
// @ts-expect-error: reports have no such field
report.diagnosis;
// @ts-expect-error: log_odds is gone; the score is log_score
top?.log_odds;
// @ts-expect-error: redness_warmth was split into redness and warmth
assess({ answers: { redness_warmth: "present" } });
// @ts-expect-error: not a professional
const wrongWho: Professional = "surgeon";
// @ts-expect-error: the level is a closed set
const wrongLevel: TriageLevel = "later";
// @ts-expect-error: parse reads text, not a document
parse({ text: "No fever" });
// @ts-expect-error: a hedged finding's answer may be null
const notNull: FoundAnswer = parsed.findings[0]!.answer;
// @ts-expect-error: findings have no such field
parsed.findings[0]?.confidence;
// @ts-expect-error: a HeelError's code is a closed set
const wrongCode: HeelErrorCode = "oops";

export {
  applied,
  conditionWho,
  described,
  enoughInformation,
  fromText,
  fromWords,
  id,
  labels,
  level,
  missing,
  notNull,
  parsedAssessment,
  probability,
  reason,
  score,
  source,
  steps,
  stop,
  thresholds,
  understood,
  unused,
  when,
  who,
  wrongCode,
  wrongLevel,
  wrongWho,
};
