// The shared fixtures in tests/fixtures/: the package gives the same
// documents and the same errors as Rust (target/fixtures/, written by
// `cargo run --example fixtures`), and meets the hand-written expectations.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { assess, catalog, fhirBundle, nextQuestions } from "heel-wasm";

import {
  cases,
  checkOutputShape,
  compareDocuments,
  ERROR_CODES,
  errors,
  readJson,
  rust,
  throwsHeelError,
} from "./helpers.mjs";

// heel-core computes ln, exp and log2 with the `libm` crate, so native Rust
// and WebAssembly produce the same bits: documents must match exactly.

const schemas = {
  report: readJson("schema", "report.schema.json"),
  questions: readJson("schema", "next-questions.schema.json"),
  catalog: readJson("schema", "catalog.schema.json"),
};

describe("reports are the same documents as Rust's, bit for bit", () => {
  for (const c of cases.cases) {
    test(c.name, () => {
      const report = assess(c.assessment);
      const stats = compareDocuments(report, rust("reports", `${c.name}.json`), 0);
      assert.ok(stats.numbers > 0);
      checkOutputShape(report, schemas.report);
    });
    test(`${c.name}, from JSON text`, () => {
      assert.deepEqual(assess(JSON.stringify(c.assessment)), assess(c.assessment));
    });
  }
});

describe("reports meet the hand-written expectations", () => {
  for (const c of cases.cases) {
    test(c.name, () => {
      const report = assess(c.assessment);
      const e = c.expect;
      assert.equal(report.conditions[0].id, e.top);
      assert.equal(report.triage.level, e.triage);
      if (e.setting) assert.equal(report.setting, e.setting);
      const rules = report.triage.reasons.filter((r) => r.kind === "rule").map((r) => r.rule);
      for (const rule of e.rules) assert.ok(rules.includes(rule), `rule ${rule} fired (got ${rules})`);
      const advice = report.care_plan.steps.map((s) => s.advice);
      for (const a of e.care_plan_includes) assert.ok(advice.includes(a), `care plan has ${a} (got ${advice})`);
      assert.match(report.notice, /not a diagnosis/);
    });
  }
});

describe("next questions are the same documents as Rust's, bit for bit", () => {
  for (const c of cases.questions) {
    test(c.name, () => {
      const next = nextQuestions(c.assessment, c.options);
      compareDocuments(next, rust("questions", `${c.name}.json`), 0);
      checkOutputShape(next, schemas.questions);
      const e = c.expect;
      if (e.first !== undefined) assert.equal(next.questions[0].item, e.first);
      if (e.first_is_screen !== undefined) assert.equal(next.questions[0].red_flag_screen, e.first_is_screen);
      if (e.should_stop !== undefined) assert.equal(next.should_stop, e.should_stop);
      if (e.stop_reason !== undefined) assert.equal(next.stop_reason, e.stop_reason);
      if (e.leading_condition !== undefined) assert.equal(next.leading_condition, e.leading_condition);
      if (e.no_clinician_items) assert.ok(next.questions.every((q) => !q.clinician_only));
      if (e.all_red_flag_screens_first) {
        const firstOther = next.questions.findIndex((q) => !q.red_flag_screen);
        const screens = next.questions.filter((q) => q.red_flag_screen).length;
        assert.ok(firstOther === -1 || firstOther >= screens, "red-flag screens come first");
      }
    });
    test(`${c.name}, from JSON text`, () => {
      assert.deepEqual(
        nextQuestions(JSON.stringify(c.assessment), JSON.stringify(c.options)),
        nextQuestions(c.assessment, c.options),
      );
    });
  }
});

test("the catalog is the same document as Rust's, bit for bit", () => {
  const cat = catalog();
  compareDocuments(cat, rust("catalog.json"), 0);
  checkOutputShape(cat, schemas.catalog);
});

describe("errors are the same as Rust's: code, field and message", () => {
  const reference = rust("errors.json");
  for (const c of errors.assessment_errors) {
    test(c.name, () => {
      const expected = reference[c.name];
      assert.ok(expected, `Rust wrote no error for ${c.name}`);
      for (const call of [() => assess(c.input), () => nextQuestions(c.input)]) {
        const err = throwsHeelError(call, { code: c.code, field: c.field });
        assert.deepEqual(
          { code: err.code, field: err.field, message: err.message, suggestion: err.suggestion },
          expected,
        );
        assert.ok(err.message.includes(c.message_contains), err.message);
      }
    });
  }
  for (const c of errors.option_errors) {
    test(`options: ${c.name}`, () => {
      const err = throwsHeelError(() => nextQuestions({}, c.input), { code: c.code, field: c.field });
      assert.deepEqual(
        { code: err.code, field: err.field, message: err.message, suggestion: err.suggestion },
        reference[c.name],
      );
      assert.ok(err.message.includes(c.message_contains), err.message);
    });
  }
  for (const c of errors.text_errors) {
    test(`JSON text: ${c.name}`, () => {
      const calls = [() => assess(c.text), () => nextQuestions(c.text)];
      // Options are read by the same JSON reader.
      if (c.field === "") calls.push(() => nextQuestions({}, c.text));
      for (const call of calls) {
        const err = throwsHeelError(call, { code: c.code, field: c.field });
        assert.ok(err.message.includes(c.message_contains), err.message);
      }
    });
  }
  for (const c of errors.host_errors.filter((h) => h.languages.includes("js"))) {
    test(`host value: ${c.name}`, () => {
      const input = hostValue(c.input);
      const calls =
        c.target === "assessment" ? [() => assess(input), () => nextQuestions(input)] : [() => nextQuestions({}, input)];
      for (const call of calls) {
        const err = throwsHeelError(call, { code: c.code, field: c.field });
        assert.ok(err.message.includes(c.message_contains), err.message);
      }
    });
  }
  test("the catalog has at least 60 cases, each with a known code", () => {
    const all = ["assessment_errors", "text_errors", "option_errors", "host_errors"].flatMap((s) => errors[s]);
    assert.ok(all.length >= 60, `${all.length} cases`);
    assert.deepEqual([...new Set(all.map((c) => c.code))].sort(), [...ERROR_CODES].sort());
  });
});

describe("FHIR Bundles are the same documents as Rust's, bit for bit", () => {
  for (const c of cases.cases) {
    test(c.name, () => {
      const expected = rust("fhir", "bundles", `${c.name}.json`);
      const bundle = fhirBundle(c.assessment);
      compareDocuments(bundle, expected, 0);
      // Its QuestionnaireResponse, read back, gives the same Bundle.
      compareDocuments(fhirBundle(bundle.entry[0].resource), expected, 0);
    });
  }
});

/** A host_errors input as JavaScript values (see the description in errors.json). */
function hostValue(value) {
  if (Array.isArray(value)) return value.map(hostValue);
  if (value === null || typeof value !== "object") return value;
  if ("$float" in value) return { nan: NaN, inf: Infinity, "-inf": -Infinity }[value.$float];
  if ("$int" in value) return BigInt(value.$int);
  if ("$utf16" in value) return String.fromCharCode(...value.$utf16);
  if ("$bytes" in value) return new Uint8Array(value.$bytes);
  if ("$key_utf16" in value) return { [String.fromCharCode(...value.$key_utf16)]: hostValue(value.value) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostValue(v)]));
}
