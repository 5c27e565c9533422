// FHIR from JavaScript: the Questionnaire and the responses of
// tests/fixtures/fhir.json give the Rust documents (target/fixtures/fhir/),
// a response and its assessment give the same report and Bundle, errors are
// HeelErrors with the place in the response, and the README's FHIR example
// runs. (fixtures.test.mjs compares the Bundles of the shared cases.)

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { assess, assessmentFromFhir, catalog, fhirBundle, fhirQuestionnaire } from "heel-wasm";

import { cases, compareDocuments, readJson, root, rust, throwsHeelError } from "./helpers.mjs";

const fhir = readJson("tests", "fixtures", "fhir.json");

test("the Questionnaire is Rust's, keys in heel's order", () => {
  const q = fhirQuestionnaire();
  compareDocuments(q, rust("fhir", "questionnaire.json"), 0);
  assert.deepEqual(Object.keys(q).slice(0, 3), ["resourceType", "id", "url"]);
  // Every call gives a new object.
  q.item.length = 0;
  assert.ok(fhirQuestionnaire().item.length > 0);
  const questions = fhirQuestionnaire().item.flatMap((g) => g.item.map((i) => i.linkId));
  assert.deepEqual(
    [...questions].sort(),
    [...catalog().items.map((i) => i.id), "setting"].sort(),
  );
});

describe("a case through its QuestionnaireResponse gives the same report", () => {
  for (const c of cases.cases) {
    test(c.name, () => {
      const response = fhirBundle(c.assessment).entry[0].resource;
      assert.equal(response.resourceType, "QuestionnaireResponse");
      const assessment = assessmentFromFhir(response);
      assert.deepEqual(assess(assessment), assess(c.assessment));
      assert.deepEqual(assessmentFromFhir(JSON.stringify(response)), assessment);
      assert.deepEqual(fhirBundle(JSON.stringify(c.assessment)), fhirBundle(c.assessment));
    });
  }
});

describe("responses read as Rust reads them", () => {
  for (const c of fhir.responses) {
    test(c.name, () => {
      const assessment = assessmentFromFhir(c.response);
      compareDocuments(assessment, rust("fhir", "assessments", `${c.name}.json`), 0);
      assert.deepEqual(assess(assessment), assess(c.assessment));
      assert.deepEqual(fhirBundle(c.response), fhirBundle(c.assessment));
    });
  }
});

describe("response errors are Rust's: code, field and message", () => {
  const reference = rust("fhir", "errors.json");
  for (const c of fhir.response_errors) {
    test(c.name, () => {
      for (const given of [c.input, JSON.stringify(c.input)]) {
        const err = throwsHeelError(() => assessmentFromFhir(given), { code: c.code, field: c.field });
        assert.deepEqual({ code: err.code, field: err.field, message: err.message }, reference[c.name]);
        assert.ok(err.message.includes(c.message_contains), err.message);
      }
    });
  }
});

test("the README's FHIR example runs and prints what it says", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("FHIR\n"));
  assert.ok(section, 'README.md has a "## FHIR" section');
  const blocks = [...section.matchAll(/^```js\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  assert.equal(blocks.length, 1);
  // As a user would run it, from a folder where heel-wasm is installed.
  const cwd = dirname(dirname(fileURLToPath(import.meta.url)));
  const run = spawnSync(process.execPath, ["--input-type=module"], { cwd, input: blocks[0], encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const promised = [...blocks[0].matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(run.stdout.trim().split("\n"), promised);
});
