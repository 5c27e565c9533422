// Compiled with `tsc --noEmit` (tsconfig.node.json): the package's types as
// a Node user sees them. Lines marked @ts-expect-error must fail to compile.

import {
  assess,
  catalog,
  isHeelError,
  nextQuestions,
  type Answers,
  type Assessment,
  type Catalog,
  type CatalogItem,
  type Condition,
  type ConditionResult,
  type HeelError,
  type HeelErrorCode,
  type NextQuestions,
  type QuestionOptions,
  type Report,
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
const fromText: Report = assess('{"answers": {"age": 42}}');

const options: QuestionOptions = { self_report_only: true, limit: 1, skip: ["fever"] };
const next: NextQuestions = nextQuestions(assessment, options);
const stop: boolean = next.should_stop;
const reason: "leading_condition_clear" | "no_question_changes_ranking" | "no_questions_left" | null = next.stop_reason;
nextQuestions(assessment);
nextQuestions(assessment, null);

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

try {
  assess({ answers: { age: 130 } });
} catch (err: unknown) {
  if (isHeelError(err)) {
    const e: HeelError = err;
    const code: HeelErrorCode = e.code;
    const field: string = e.field;
    const message: string = e.message;
    const asError: Error = e;
    console.log(code, field, message, asError.name);
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
// @ts-expect-error: the level is a closed set
const wrongLevel: TriageLevel = "later";
// @ts-expect-error: a HeelError's code is a closed set
const wrongCode: HeelErrorCode = "oops";

export { described, fromText, id, level, probability, reason, source, steps, stop, wrongCode, wrongLevel };
