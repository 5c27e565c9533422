// Compiled with `tsc --noEmit` (tsconfig.browser.json): the package's types
// as a browser or bundler user sees them (the "browser" condition), where
// the module must be initialised before use.

import init, { assess, initSync, isHeelError, nextQuestions, parse, type Parsed, type Report } from "heel-wasm";

export async function run(): Promise<string> {
  await init();
  const parsed: Parsed = parse("Pain under my heel with the first steps in the morning. No fever.");
  const fromWords: Report = assess(parsed.assessment);
  const report: Report = assess({ answers: { age: 42, first_step_pain: "present" } });
  const next = nextQuestions({ answers: {} }, { self_report_only: true, limit: 1 });
  return `${report.conditions[0]?.name} ${report.triage.level} ${next.questions[0]?.item} ${fromWords.triage.level}`;
}

export async function runWithUrl(url: URL): Promise<void> {
  await init({ module_or_path: url });
}

export function runWithBytes(bytes: ArrayBuffer): boolean {
  initSync({ module: bytes });
  try {
    assess("{");
    return true;
  } catch (err) {
    return isHeelError(err) && err.code === "invalid_document";
  }
}
