// Free text: `parse` gives the same documents as Rust's (target/fixtures/
// parsed/, written by `cargo run --example fixtures`) for the shared texts
// of tests/fixtures/texts.json, its assessment scores as the Rust `--text`
// path does, and its errors are HeelErrors.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { assess, nextQuestions, parse } from "heel-wasm";

import { checkOutputShape, compareDocuments, readJson, root, rust, throwsHeelError } from "./helpers.mjs";

const texts = readJson("tests", "fixtures", "texts.json");
const schema = readJson("schema", "parsed.schema.json");
const reportSchema = readJson("schema", "report.schema.json");

function textOf(c) {
  return c.text ?? readFileSync(join(root, c.file), "utf8");
}

function byName(name) {
  return texts.texts.find((c) => c.name === name);
}

/** The parsed document with its assessment left out: the assessment is a document heel reads, with only the answers given. */
function withoutAssessment({ assessment, ...rest }) {
  return rest;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe("parsed texts are the same documents as Rust's, bit for bit", () => {
  for (const c of texts.texts) {
    test(c.name, () => {
      const parsed = parse(textOf(c));
      compareDocuments(parsed, rust("parsed", `${c.name}.json`), 0);
      // Every field of the findings and spans is present, as the types say.
      checkOutputShape(withoutAssessment(parsed), {
        ...schema,
        properties: withoutAssessment(schema.properties),
      });
    });
    test(`${c.name}: its assessment scores as in Rust`, () => {
      const report = assess(parse(textOf(c)).assessment);
      compareDocuments(report, rust("parsed", `${c.name}.report.json`), 0);
      checkOutputShape(report, reportSchema);
    });
  }
});

test("the report is the one the Rust --text path prints", () => {
  // `cargo run --example assess -- --text --json FILE`, saved by scripts/test-wasm.
  const file = join(root, "target", "fixtures", "parsed", "cli-runner-first-step-pain.report.json");
  assert.ok(existsSync(file), `${file} is missing: scripts/test-wasm writes it`);
  const text = readFileSync(join(root, "examples", "runner-first-step-pain.txt"), "utf8");
  const report = assess(parse(text).assessment);
  compareDocuments(report, JSON.parse(readFileSync(file, "utf8")), 0);
  assert.equal(report.conditions[0].id, "plantar_fasciitis");
});

describe("parsed texts meet the hand-written expectations", () => {
  for (const c of texts.texts) {
    test(c.name, () => {
      const e = c.expect;
      const parsed = parse(textOf(c));
      for (const [item, answer] of Object.entries(e.answers)) {
        assert.deepEqual(parsed.assessment.answers[item], answer, item);
      }
      const hedged = [...new Set(parsed.findings.filter((f) => f.hedged).map((f) => f.item))].sort();
      assert.deepEqual(hedged, [...e.hedged].sort());
      for (const f of parsed.findings.filter((f) => f.hedged)) assert.equal(f.answer, null);
      assert.deepEqual(
        parsed.unused.map((u) => u.text),
        e.unused,
      );
      if (e.setting) assert.equal(parsed.assessment.setting, e.setting);
      const report = assess(parsed.assessment);
      if (e.top) assert.equal(report.conditions[0].id, e.top);
      if (e.triage) assert.equal(report.triage.level, e.triage);
    });
  }
});

describe("parse", () => {
  test("spans are byte offsets into the UTF-8 text, with the words themselves", () => {
    for (const c of texts.texts) {
      const text = textOf(c);
      const bytes = encoder.encode(text);
      const parsed = parse(text);
      for (const span of [...parsed.findings.map((f) => f.span), ...parsed.unused]) {
        assert.equal(decoder.decode(bytes.subarray(span.start, span.end)), span.text, c.name);
      }
    }
    const text = byName("beyond_ascii").text;
    const burning = parse(text).findings.find((f) => f.item === "burning");
    assert.ok(burning.span.start > text.indexOf("burning"), "bytes, not UTF-16 code units");
  });

  test("answers take the forms of an assessment document", () => {
    const parsed = parse(textOf(byName("runner_first_step_pain")));
    const found = Object.fromEntries(parsed.findings.filter((f) => !f.hedged).map((f) => [f.item, f.answer]));
    assert.equal(found.fever, "absent");
    assert.equal(found.age, 42);
    assert.equal(found.pain_location, "plantar_medial_heel");
    const injury = parsed.findings.find((f) => f.item === "trauma");
    assert.ok(injury.hedged && injury.negated && injury.answer === null);
    assert.equal(parsed.assessment.answers.trauma, undefined);
  });

  test("the interview goes on from its assessment, asking only what is missing", () => {
    const parsed = parse(textOf(byName("runner_first_step_pain")));
    const next = nextQuestions(parsed.assessment, { self_report_only: true });
    const answered = Object.keys(parsed.assessment.answers);
    assert.equal(next.answered, answered.length);
    for (const q of next.questions) assert.ok(!answered.includes(q.item), q.item);
  });

  test("returns a new plain object on each call", () => {
    const a = parse("No fever.");
    a.assessment.answers.fever = "present";
    assert.equal(parse("No fever.").assessment.answers.fever, "absent");
    assert.equal(Object.getPrototypeOf(a), Object.prototype);
  });

  for (const c of texts.errors) {
    test(`refuses ${c.name}, with Rust's code, field and message`, () => {
      const err = throwsHeelError(() => parse(c.repeat.repeat(c.count)), { code: c.code, field: c.field });
      assert.deepEqual({ code: err.code, field: err.field, message: err.message }, rust("parsed", "errors.json")[c.name]);
      assert.ok(err.message.includes(c.message_contains), err.message);
    });
  }

  for (const c of texts.accepted) {
    test(`reads ${c.name}: the limit counts characters`, () => {
      const text = c.repeat.repeat(c.count);
      assert.ok(encoder.encode(text).length > text.length);
      assert.deepEqual(parse(text).findings, []);
    });
  }

  test("anything but a string is a wrong_type HeelError on the field text", () => {
    const values = [undefined, null, 42, 7n, true, ["No fever"], { text: "No fever" }, () => "No fever", Symbol("x")];
    const found = [];
    for (const value of values) {
      const err = throwsHeelError(() => parse(value), { code: "wrong_type", field: "text" });
      found.push(err.message.replace(/^text: expected a string \(the text to read\), found /, ""));
    }
    assert.deepEqual(found, [
      "undefined",
      "null",
      "a number",
      "a number",
      "a boolean",
      "an array",
      "an object",
      "a function",
      "a symbol",
    ]);
    assert.equal(parse("No fever.").findings[0].item, "fever", "and the next call works");
  });

  test("a lone surrogate is read as a replacement character", () => {
    const parsed = parse("No fever \ud800.");
    assert.equal(parsed.assessment.answers.fever, "absent");
  });
});
