// The self-check page (examples/web/) in Debian's Chromium, driven by
// playwright-core, served by examples/web/serve.mjs on 127.0.0.1: two
// complete interviews (a benign one by keyboard only, a red-flag one by
// mouse), the result they show (the triage with its time frame and who to
// see, the distribution with "Something else"), an interview finished too
// early (the "not enough information" state), no console error, no request
// anywhere but the local server (and none at all once the page has loaded),
// and screenshots at desktop and phone width in target/web-screenshots/.
// A runner's own description, read by `parse`, confirmed and corrected
// before the interview asks what is missing. Also runs the README's browser
// example.

import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { assess, catalog, parse } from "heel-wasm";
import { chromium } from "playwright-core";

import { serve } from "../../examples/web/serve.mjs";
import { launchChromium } from "./chromium.mjs";
import { readmeBlocks, root } from "./helpers.mjs";

const screenshots = join(root, "target", "web-screenshots");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

// A runner with typical plantar fasciitis, answered with the keyboard only.
const runner = {
  fever: "absent",
  redness: "absent",
  warmth: "absent",
  unable_to_bear_weight: "absent",
  puncture_wound: "absent",
  swelling: "absent",
  age: 42,
  sex: "female",
  pain_location: ["plantar_medial_heel"],
  onset: "gradual",
  duration_days: 10,
  first_step_pain: "present",
  eases_after_few_minutes: "present",
  night_pain: "absent",
  numbness: "absent",
};

// A hot, red, swollen heel with fever after stepping on something, in
// someone with diabetes.
const redFlag = {
  fever: "present",
  redness: "present",
  warmth: "present",
  swelling: "present",
  unable_to_bear_weight: "absent",
  puncture_wound: "present",
  diabetes: "present",
  age: 34,
  pain_location: ["whole_heel"],
};

/** The question of an item, as the package words it. */
function question(item) {
  return catalog().items.find((i) => i.id === item).question;
}

let server;
let origin;
let browser;

before(async () => {
  server = await serve({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium(chromium);
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page that records console errors, page errors and every request. */
async function openPage(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const log = { errors: [], requests: [], failed: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => log.errors.push(`page error: ${e.message}`));
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("requestfailed", (r) => log.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  return { context, page, log };
}

function checkTraffic(log) {
  assert.deepEqual(log.errors, [], "no console errors");
  assert.deepEqual(log.failed, [], "no failed requests");
  const elsewhere = log.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
  assert.deepEqual(elsewhere, [], "no request other than to the local server");
}

async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page, selector) {
  for (let i = 0; i < 40; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Answers the question on screen with the keyboard only. */
async function answerByKeyboard(page, item, value) {
  const type = await page.evaluate(() => {
    const inputs = [...document.querySelectorAll("#question input")];
    return inputs[0].type;
  });
  if (value === undefined) {
    await tabTo(page, "#dont-know");
    await page.keyboard.press("Enter");
    return;
  }
  if (type === "number") {
    await tabTo(page, "#answer-number");
    await page.keyboard.type(String(value));
    await page.keyboard.press("Enter"); // submits the form: Next is its default button
    return;
  }
  if (type === "checkbox") {
    for (const v of value) {
      await tabTo(page, `#question input[value="${v}"]`);
      await page.keyboard.press("Space");
    }
  } else {
    // Tab enters the radio group at its first option; arrows move and select.
    await tabTo(page, "#question input[type=radio]");
    for (let i = 0; i < 20; i += 1) {
      const at = await page.evaluate(() => document.activeElement.value);
      if (at === value) break;
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Space");
  }
  assert.deepEqual(
    await page.$$eval("#question input:checked", (els) => els.map((e) => e.value)),
    [value].flat(),
    `${item} answered`,
  );
  await tabTo(page, "#next");
  await page.keyboard.press("Enter");
}

/** Answers the question on screen with the mouse. */
async function answerByMouse(page, item, value) {
  if (value === undefined) {
    await page.getByRole("button", { name: "Don't know" }).click();
  } else if (typeof value === "number") {
    await page.locator("#answer-number").fill(String(value));
    await page.getByRole("button", { name: "Next" }).click();
  } else {
    for (const v of [value].flat()) await page.locator(`#question input[value="${v}"]`).check();
    await page.getByRole("button", { name: "Next" }).click();
  }
}

/** Waits for the next question (or the result) after `previous` was on screen. */
async function nextScreen(page, previousStep) {
  await page.waitForFunction(
    (step) => !document.getElementById("result").hidden || document.querySelector("#progress")?.textContent.startsWith(`Question ${step + 1}`),
    previousStep,
  );
}

async function interview(page, log, persona, answerWith, onQuestion = async () => {}) {
  await page.goto(`${origin}/examples/web/`);
  await page.waitForSelector("html[data-ready]");
  const requestsWhenLoaded = log.requests.length;
  await page.getByRole("button", { name: "Start the self-check" }).click();
  const asked = [];
  for (let step = 1; step <= 60; step += 1) {
    await nextScreen(page, step - 1);
    if (await page.isVisible("#result")) break;
    const item = await page.getAttribute("#question fieldset", "data-item");
    assert.equal(await focusedId(page), "question-title", `focus moves to question ${step} (${item})`);
    // Every control has a real label; the question is the fieldset's legend.
    assert.ok(await page.$eval("#question input", (i) => i.labels.length > 0));
    assert.equal(await page.textContent("#question legend"), await page.textContent("#question-title"));
    asked.push(item);
    await onQuestion(page, item, step);
    await answerWith(page, item, persona[item]);
  }
  assert.ok(await page.isVisible("#result"), `the interview ended (asked: ${asked.join(", ")})`);
  assert.equal(await focusedId(page), "result-title", "focus moves to the result");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Result ready"));
  // Everything was loaded up front: no request at all during the interview.
  assert.deepEqual(log.requests.slice(requestsWhenLoaded), [], "no request after loading");
  return asked;
}

async function shownResult(page) {
  return {
    level: await page.getAttribute("#triage", "data-level"),
    levelText: await page.textContent("#triage .level"),
    timeFrame: await page.textContent("#triage .time-frame"),
    action: await page.textContent("#triage .action"),
    who: await page.textContent("#triage .who"),
    whoIds: (await page.getAttribute("#triage .who", "data-who")).split(" "),
    moreInfo: await page.isVisible("#more-info"),
    missing: await page.$$eval("#missing li", (els) => els.map((e) => e.textContent)),
    reasons: await page.$$eval("#triage .reasons li", (els) => els.map((e) => e.textContent)),
    ranking: await page.$$eval("#ranking li", (els) => els.map((e) => e.dataset.condition)),
    rest: await page.$$eval("#ranking-rest li", (els) => els.map((e) => e.dataset.condition)),
    percents: await page.$$eval(".ranking li .pct", (els) => els.map((e) => e.textContent)),
    top: await page.textContent("#ranking li:first-child .name"),
    notice: await page.textContent("#result-notice"),
    steps: await page.$$eval("#plan li h4", (els) => els.length),
    why: await page.$$eval("#why details", (els) => els.length),
    overflow: await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  };
}

describe("the self-check page", () => {
  test("a runner with first-step heel pain, by keyboard, at desktop width", async () => {
    const { context, page, log } = await openPage(DESKTOP);
    const asked = await interview(page, log, runner, answerByKeyboard);
    assert.deepEqual(asked.slice(0, 2), ["fever", "swelling"], "red-flag questions first");
    assert.ok(asked.includes("pain_location") && asked.includes("onset"), `asked ${asked}`);
    const r = await shownResult(page);
    assert.equal(r.top, "Plantar fasciitis");
    assert.equal(r.ranking[0], "plantar_fasciitis");
    assert.equal(r.level, "self_care");
    assert.equal(r.levelText, "Self-care");
    assert.equal(r.timeFrame, "at home; see someone if not better within two weeks");
    assert.match(r.action, /Self-care at home is a reasonable start/);
    // Who to see comes from the likely condition, in words and ids.
    assert.equal(r.who, "Best placed to see first: a physiotherapist, a podiatrist or a family doctor (GP).");
    assert.deepEqual(r.whoIds, ["physiotherapist", "podiatrist", "family_doctor"]);
    assert.equal(r.moreInfo, false, "enough information: no 'not enough information' panel");
    assert.match(r.notice, /not a diagnosis/);
    // The distribution: "Something else" is in the main ranking, every cause
    // is listed once, and the shares add up to about 100%.
    assert.equal(r.ranking.length, 5);
    assert.ok(r.ranking.includes("other"), `ranking ${r.ranking}`);
    assert.equal(await page.textContent('#ranking li[data-condition="other"] .name'), "Something else");
    assert.equal(new Set([...r.ranking, ...r.rest]).size, 27);
    const shown = r.percents.filter((t) => t.endsWith("%") && !t.startsWith("under")).map((t) => Number.parseInt(t, 10));
    const total = shown.reduce((a, b) => a + b, 0);
    assert.ok(total >= 97 && total <= 101, `the shown percentages add up to about 100 (${total})`);
    assert.equal(r.why, 3);
    assert.ok(r.steps >= 4, "a care plan");
    assert.equal(await page.isVisible("#why details[open] table"), true, "the top condition's contributions are shown");
    await page.screenshot({ path: join(screenshots, "desktop-runner.png"), fullPage: true });
    checkTraffic(log);
    await context.close();
  });

  test("a hot, swollen heel with fever and diabetes, at phone width, with Back", async () => {
    const { context, page, log } = await openPage(PHONE);
    let alertSeen = false;
    let wentBack = false;
    await interview(page, log, redFlag, answerByMouse, async (p, item, step) => {
      if (step === 2 && !wentBack) {
        // Back to the first question: its answer is still selected.
        wentBack = true;
        await p.getByRole("button", { name: "Back" }).click();
        await p.waitForFunction(() => document.querySelector("#progress").textContent.startsWith("Question 1"));
        assert.equal(await p.getAttribute("#question fieldset", "data-item"), "fever");
        assert.equal(await p.isChecked('#question input[value="present"]'), true);
        await p.getByRole("button", { name: "Next" }).click();
        await p.waitForFunction(() => document.querySelector("#progress").textContent.startsWith("Question 2"));
      }
      if (await p.isVisible("#alert")) {
        alertSeen = true;
        assert.match(await p.textContent("#alert"), /emergency|today/i);
      }
    });
    assert.ok(wentBack);
    assert.ok(alertSeen, "the red flag is shown during the interview");
    const r = await shownResult(page);
    assert.equal(r.top, "Calcaneal osteomyelitis");
    assert.equal(r.level, "emergency");
    assert.equal(r.levelText, "Emergency: now");
    assert.equal(r.timeFrame, "now");
    assert.match(r.action, /emergency department/);
    // Who to see: the emergency department now, then the diabetic foot team.
    assert.equal(r.who, "Best placed to see first: an emergency department or your diabetic foot team.");
    assert.deepEqual(r.whoIds, ["emergency_department", "diabetic_foot_team"]);
    assert.ok(r.reasons.some((t) => t.startsWith("Warning sign")), "the red flags are listed as reasons");
    // The person did not know how it started. heel says it still needs that,
    // among the reasons, but an emergency is no time for more questions.
    assert.ok(r.reasons.some((t) => t.includes("not enough information")));
    assert.equal(r.moreInfo, false, "no 'Answer more questions' in an emergency");
    assert.ok(r.overflow <= 0, `no sideways scrolling at phone width (${r.overflow}px)`);
    await page.screenshot({ path: join(screenshots, "phone-red-flag.png"), fullPage: true });
    checkTraffic(log);
    await context.close();
  });

  test("finishing too early shows what heel still needs, and the questions go on", async () => {
    const { context, page, log } = await openPage(DESKTOP);
    await page.goto(`${origin}/examples/web/`);
    await page.waitForSelector("html[data-ready]");
    const requestsWhenLoaded = log.requests.length;
    await page.getByRole("button", { name: "Start the self-check" }).click();
    // Don't know to every warning-sign question, then finish at the first chance.
    for (let step = 1; !(await page.isVisible("#finish")); step += 1) {
      assert.ok(step < 30, "finishing is offered once the warning-sign questions are done");
      await page.getByRole("button", { name: "Don't know" }).click();
      await nextScreen(page, step);
    }
    await page.getByRole("button", { name: "Finish now and see my result" }).click();
    await page.waitForSelector("#result:not([hidden])");
    const r = await shownResult(page);
    assert.equal(r.level, "see_doctor");
    assert.equal(r.timeFrame, "within days");
    assert.match(r.who, /^Best placed to see first: /);
    assert.equal(r.moreInfo, true, "the 'not enough information' panel is shown");
    assert.match(await page.textContent("#more-info-text"), /not enough information to advise self-care/);
    assert.match(await page.textContent("#more-info-text"), /0 so far/);
    assert.deepEqual(r.missing, [question("pain_location"), question("onset")]);
    assert.ok(r.reasons.some((t) => t.includes("not enough information")));
    await page.screenshot({ path: join(screenshots, "desktop-not-enough-information.png"), fullPage: true });
    // "Answer more questions" goes back to the interview.
    await page.getByRole("button", { name: "Answer more questions" }).click();
    await page.waitForSelector("#interview:not([hidden])");
    assert.equal(await focusedId(page), "question-title");
    const item = await page.getAttribute("#question fieldset", "data-item");
    assert.ok(item, "a question is on screen");
    assert.deepEqual(log.requests.slice(requestsWhenLoaded), [], "no request after loading");
    checkTraffic(log);
    await context.close();
  });

  test("a number out of range gets the package's message, next to the field", async () => {
    const { context, page, log } = await openPage(DESKTOP);
    await page.goto(`${origin}/examples/web/`);
    await page.waitForSelector("html[data-ready]");
    await page.getByRole("button", { name: "Start the self-check" }).click();
    // Don't know until a number question comes.
    for (let i = 0; i < 30 && !(await page.isVisible("#answer-number")); i += 1) {
      const step = i + 1;
      await page.getByRole("button", { name: "Don't know" }).click();
      await nextScreen(page, step);
    }
    await page.locator("#answer-number").fill("99999");
    await page.getByRole("button", { name: "Next" }).click();
    await page.waitForFunction(() => document.getElementById("question-error").textContent !== "");
    assert.match(await page.textContent("#question-error"), /is out of range; allowed/);
    assert.equal(await page.getAttribute("#answer-number", "aria-invalid"), "true");
    assert.equal(await focusedId(page), "answer-number");
    checkTraffic(log);
    await context.close();
  });

  test("a runner's own words: what heel understood, corrected, then only the missing questions", async () => {
    const description =
      "I'm 42 and run about 35 km a week. My left heel has hurt underneath on the inner side for ten days, " +
      "worst with the first steps in the morning, and it eases after a few minutes of walking. " +
      "No fever and no swelling, but maybe it is a bit warm.";
    // What the package reads from it (the page uses the same package).
    const parsed = parse(description);
    const items = [...new Set(parsed.findings.map((f) => f.item))];
    assert.ok(items.includes("warmth") && parsed.assessment.answers.warmth === undefined, "the warmth is hedged");

    const { context, page, log } = await openPage(PHONE);
    await page.goto(`${origin}/examples/web/`);
    await page.waitForSelector("html[data-ready]");
    const requestsWhenLoaded = log.requests.length;
    // By keyboard: type the description, then start.
    assert.equal(await page.$eval("#description", (t) => t.labels[0].textContent), "Describe it in your own words (optional)");
    await tabTo(page, "#description");
    await page.keyboard.type(description);
    await tabTo(page, "#start-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#understood:not([hidden])");
    assert.equal(await focusedId(page), "understood-title", "focus moves to what heel understood");
    assert.match(await page.textContent("#understood-summary"), /^heel read 10 answers from your description, and 1 more thing it is not sure of/);

    // One row per item, in text order: the question, the words, the answer.
    const rows = await page.$$eval("#findings > li", (els) =>
      els.map((li) => ({
        item: li.dataset.item,
        state: li.dataset.state,
        question: li.querySelector(".finding-question").textContent,
        words: [...li.querySelectorAll(".from q")].map((q) => q.textContent),
        read: [...li.querySelectorAll(".from strong")].map((s) => s.textContent),
        controls: [...li.querySelectorAll("select, input")].map((c) => ({
          labelled: c.labels.length > 0,
          value: c.type === "checkbox" ? (c.checked ? c.value : null) : c.value,
        })),
      })),
    );
    assert.deepEqual(
      rows.map((r) => r.item),
      items,
    );
    for (const row of rows) {
      const found = parsed.findings.filter((f) => f.item === row.item);
      const answer = parsed.assessment.answers[row.item];
      assert.equal(row.question, question(row.item));
      assert.deepEqual(row.words, found.map((f) => f.span.text), `${row.item}: the words it came from`);
      assert.equal(row.state, answer === undefined ? "unconfirmed" : "understood", row.item);
      assert.ok(row.controls.every((c) => c.labelled), `${row.item}: every control has a label`);
      const values = row.controls.map((c) => c.value).filter((v) => v !== null);
      assert.deepEqual(values, answer === undefined ? [""] : [answer].flat().map(String), `${row.item}: the answer read`);
    }
    const byItem = Object.fromEntries(rows.map((r) => [r.item, r]));
    assert.deepEqual(byItem.fever.read, ["No"]);
    assert.deepEqual(byItem.duration_days.read, ["10 days"]);
    assert.deepEqual(byItem.weekly_distance_km.read, ["about 35 km"]);
    assert.deepEqual(byItem.first_step_pain.words, ["first steps", "in the morning"]);
    assert.deepEqual(byItem.warmth.words, ["warm"]);
    assert.match(await page.textContent('#findings li[data-item="warmth"] .from'), /^Not confirmed You wrote “?warm”?/);

    // Correct one answer (it has been four months, not ten days) and confirm
    // the unconfirmed one (not warm), by keyboard.
    await tabTo(page, "#u-duration_days");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("120");
    await tabTo(page, "#u-warmth");
    await page.keyboard.type("No");
    assert.equal(await page.$eval("#u-warmth", (s) => s.value), "absent");
    await tabTo(page, "#understood-next");
    assert.equal(await page.getAttribute('#findings li[data-item="duration_days"]', "data-state"), "changed");
    assert.equal(await page.isVisible('#findings li[data-item="duration_days"] .tag.changed'), true);
    // Answered now: no longer "not confirmed".
    assert.equal(await page.getAttribute('#findings li[data-item="warmth"]', "data-state"), "changed");
    assert.equal(await page.isVisible('#findings li[data-item="warmth"] .tag.unconfirmed'), false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at phone width (${overflow}px)`);
    await page.screenshot({ path: join(screenshots, "phone-understood.png"), fullPage: true });
    await page.keyboard.press("Enter");

    // The interview goes on, asking only what the description left open.
    const reviewed = { ...parsed.assessment.answers, duration_days: 120, warmth: "absent" };
    const answers = { ...reviewed };
    const asked = [];
    for (let step = 1; step <= 60; step += 1) {
      await nextScreen(page, step - 1);
      if (await page.isVisible("#result")) break;
      const item = await page.getAttribute("#question fieldset", "data-item");
      assert.equal(await focusedId(page), "question-title");
      if (step === 1) assert.equal(await page.textContent("#back"), "Back to what heel understood");
      assert.ok(!(item in reviewed), `${item} was not asked again`);
      asked.push(item);
      if (runner[item] !== undefined) answers[item] = runner[item];
      await answerByKeyboard(page, item, runner[item]);
    }
    assert.ok(await page.isVisible("#result"), `the interview ended (asked: ${asked.join(", ")})`);
    assert.ok(asked.length > 0 && asked.length < 15, `asked ${asked}`);
    assert.equal(await focusedId(page), "result-title");

    // The result is the package's report on the corrected answers: pain for
    // four months needs a clinician, where ten days would have been self-care.
    const expected = assess({ setting: "runners", answers });
    const uncorrected = assess({ setting: "runners", answers: { ...answers, duration_days: 10 } });
    const r = await shownResult(page);
    assert.equal(r.top, "Plantar fasciitis");
    assert.equal(r.level, expected.triage.level);
    assert.equal(r.level, "see_doctor");
    assert.equal(uncorrected.triage.level, "self_care");
    assert.deepEqual(r.ranking.slice(0, 3), expected.conditions.slice(0, 3).map((c) => c.id));
    const why = await page.$$eval("#why details[open] tr", (trs) => trs.map((tr) => tr.textContent));
    assert.ok(
      why.some((t) => t.startsWith(question("duration_days")) && t.includes("more than 12 weeks")),
      `the corrected duration is used: ${why.join(" | ")}`,
    );
    await page.screenshot({ path: join(screenshots, "phone-understood-result.png"), fullPage: true });
    assert.deepEqual(log.requests.slice(requestsWhenLoaded), [], "no request after loading");
    checkTraffic(log);
    await context.close();
  });

  test("the README's browser example runs", async () => {
    const [html] = readmeBlocks("html");
    assert.ok(html, "the README has a ```html block");
    const dir = join(root, "target", "readme-web");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>README example</title>\n${html}`,
    );
    const { context, page, log } = await openPage(DESKTOP);
    await page.goto(`${origin}/target/readme-web/`);
    await page.waitForFunction(() => document.body.textContent.includes("Plantar fasciitis"));
    assert.equal(
      await page.textContent("body"),
      "Plantar fasciitis, within days: Best placed to see first: a family doctor (GP), a physiotherapist or a podiatrist.",
    );
    checkTraffic(log);
    await context.close();
  });
});
