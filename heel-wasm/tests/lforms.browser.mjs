// heel's FHIR Questionnaire in a real SDC form renderer: LHC-Forms (installed
// in tests/lforms/ by scripts/test-wasm) shows it in Debian's Chromium, driven
// by playwright-core and served from 127.0.0.1 only. A plantar fasciitis case
// from tests/fixtures/cases.json is filled in through the form as a person
// would (radio buttons, check boxes, number fields), LHC-Forms' own export
// gives the QuestionnaireResponse, and heel turns it into the same
// assessment, report and Bundle as the equivalent assessment document.
// A screenshot goes to target/web-screenshots/lforms.png.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { assess, assessmentFromFhir, fhirBundle, fhirQuestionnaire } from "heel-wasm";
import { chromium } from "playwright-core";

import { serve } from "../../examples/web/serve.mjs";
import { launchChromium } from "./chromium.mjs";
import { cases, root } from "./helpers.mjs";

const PAGE = "/heel-wasm/tests/lforms/index.html";

const runner = cases.cases.find((c) => c.name === "runner_first_step_pain");
// Answered "Don't know" in the form as well: heel must read it as unknown.
const DONT_KNOW = ["night_pain", "heel_raise_painful"];

let server;
let origin;
let browser;

before(async () => {
  server = await serve({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium(chromium);
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Every question of the Questionnaire by linkId. */
function questionsOf(questionnaire) {
  const out = new Map();
  const walk = (items) => {
    for (const item of items ?? []) {
      if (item.type !== "group") out.set(item.linkId, item);
      walk(item.item);
    }
  };
  walk(questionnaire.item);
  return out;
}

/** The display of the answer option with `code`. */
function optionLabel(question, code) {
  const option = question.answerOption.find((o) => o.valueCoding.code === code);
  assert.ok(option, `${question.linkId} offers ${code}`);
  return option.valueCoding.display;
}

/** Answers one question through the rendered form, as a person would. */
async function answer(page, question, value) {
  if (question.type === "decimal") {
    // LHC-Forms labels the field with the question text.
    const field = page.getByRole("textbox", { name: question.text, exact: true });
    await field.fill(String(value));
    await field.press("Tab");
  } else if (question.repeats) {
    for (const code of value) {
      const label = `Checkbox ${optionLabel(question, code)} for ${question.text}`;
      await page.getByLabel(label, { exact: true }).click();
    }
  } else {
    const code = { present: "Y", absent: "N", unknown: "asked-unknown" }[value] ?? value;
    const group = page.getByRole("radiogroup", { name: question.text, exact: true });
    await group.getByText(optionLabel(question, code), { exact: true }).click();
  }
}

test("a case filled in LHC-Forms and exported gives the same report as its assessment", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("request", (r) => requests.push(r.url()));

  await page.goto(`${origin}${PAGE}`);
  await page.waitForFunction(() => window.LForms?.Util?.addFormToPage !== undefined);
  const questionnaire = fhirQuestionnaire();
  await page.evaluate(
    (q) => window.LForms.Util.addFormToPage(q, "form", { fhirVersion: "R4" }),
    questionnaire,
  );
  await page.getByText(questionnaire.title, { exact: true }).waitFor();

  // Every group is shown, red-flag screens first, and numbers show their unit.
  const tops = [];
  for (const group of questionnaire.item) {
    const box = await page.getByText(group.text, { exact: true }).first().boundingBox();
    assert.ok(box, `the group "${group.text}" is shown`);
    tops.push(box.y);
  }
  assert.deepEqual([...tops].sort((a, b) => a - b), tops, "the groups in the Questionnaire's order");
  assert.equal(await page.locator('input[id^="unit_duration_days"]').inputValue(), "days");

  const questions = questionsOf(questionnaire);
  const answers = { setting: runner.assessment.setting, ...runner.assessment.answers };
  for (const [linkId, value] of Object.entries(answers)) {
    await answer(page, questions.get(linkId), value);
  }
  for (const linkId of DONT_KNOW) await answer(page, questions.get(linkId), "unknown");

  // LHC-Forms' own export.
  const response = await page.evaluate(() =>
    window.LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", "#form"),
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(join(root, "target", "web-screenshots"), { recursive: true });
  await page.screenshot({ path: join(root, "target", "web-screenshots", "lforms.png"), fullPage: false });
  await context.close();

  assert.equal(response.resourceType, "QuestionnaireResponse");
  assert.equal(response.questionnaire, `${questionnaire.url}|${questionnaire.version}`);
  const exported = JSON.stringify(response);
  assert.match(exported, /"asked-unknown"/, "the don't-know answers are in the export");

  const assessment = assessmentFromFhir(response);
  // The same assessment document as the case (in heel's canonical order)...
  assert.deepEqual(assessment, assessmentFromFhir(fhirBundle(runner.assessment).entry[0].resource));
  // ... the same report ...
  const report = assess(assessment);
  assert.deepEqual(report, assess(runner.assessment));
  assert.equal(report.conditions[0].id, "plantar_fasciitis");
  assert.equal(report.triage.level, runner.expect.triage);
  // ... and the same Bundle, from the exported response as from the assessment.
  assert.deepEqual(fhirBundle(response), fhirBundle(runner.assessment));
  assert.deepEqual(fhirBundle(exported), fhirBundle(runner.assessment));

  assert.deepEqual(problems, [], "no errors in the page");
  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
  assert.deepEqual(elsewhere, [], "no request other than to the local server");
});
