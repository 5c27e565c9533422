#!/usr/bin/env node
// Timing of the JavaScript package and of the self-check page, for
// BENCHMARKS.md. Prints ONE JSON object on stdout (progress goes to stderr):
//
//   node heel-wasm/bench/bench.mjs [--runs N] [--no-browser] [--pkg DIR]
//
// It measures the package built in heel-wasm/pkg/ (run heel-wasm/build.sh
// first; --pkg names another build to compare, and then the page is not
// timed, as it always loads heel-wasm/pkg/), and Debian's
// Chromium at /usr/bin/chromium (or $HEEL_CHROMIUM) through playwright-core
// from heel-wasm/node_modules. It is not part of the test command.
//
// Every time is a median: each call is timed in batches, and the figure is
// the median over the batches (the first calls, which warm up the JIT and
// heel's lazily built tables, are left out). The machine's load moves these
// figures a lot; compare figures from one run.

import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/chromium.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = join(here, "..");
const root = join(wasmDir, "..");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option("--runs")) || 21;
const pkg = option("--pkg") ? resolve(option("--pkg")) : join(wasmDir, "pkg");
const browserToo = !args.includes("--no-browser") && !option("--pkg");
const log = (...a) => console.error("bench:", ...a);

// The Node build (CommonJS), as `require("heel-wasm")` gives it.
const heel = require(join(pkg, "node", "heel.js"));
const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;

// The 15-answer assessment of heel-core's own bench (examples/bench.rs).
const assessment = {
  setting: "runners",
  answers: {
    age: 42,
    sex: "female",
    pain_location: ["plantar_medial_heel"],
    onset: "gradual",
    duration_days: 10,
    first_step_pain: "present",
    eases_after_few_minutes: "present",
    worse_end_of_day: "present",
    training_increase: "present",
    runner: "present",
    weekly_distance_km: 35,
    tight_calves: "present",
    fever: "absent",
    tingling: "absent",
    trauma: "absent",
  },
};
const assessmentText = JSON.stringify(assessment);
const options = { self_report_only: true, limit: 5 };
const optionsText = JSON.stringify(options);
// The 100-word description of heel-core's bench.
const description =
  "I'm 44 and run about 25 miles a week. For the last six weeks I've had a stabbing pain under my " +
  "left heel on the inner side, worst with the first few steps out of bed or when I stand up after " +
  "sitting at my desk. It eases off after five minutes or so of walking but comes back by the end " +
  "of the day. No swelling or redness that I can see, no fever, and it doesn't wake me at night. I " +
  "haven't had any injections. Maybe my shoes are a bit worn. My calves are tight and I increased " +
  "my mileage recently.";

/**
 * Median µs per call of each function of `fns` (an object of name ->
 * function), over `runs` batches each, the batches of the functions
 * interleaved so that a change in the machine's load hits them alike. A
 * batch takes about 20 ms.
 */
function microsPerCall(fns) {
  const names = Object.keys(fns);
  const batch = {};
  for (const name of names) {
    const fn = fns[name];
    for (let i = 0; i < 5; i += 1) fn();
    let n = 1;
    for (;;) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i += 1) fn();
      if (Number(process.hrtime.bigint() - t) > 20e6 || n >= 1 << 16) break;
      n *= 2;
    }
    batch[name] = n;
  }
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < runs; r += 1) {
    for (const name of names) {
      const fn = fns[name];
      const n = batch[name];
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i += 1) fn();
      samples[name].push(Number(process.hrtime.bigint() - t) / n / 1e3);
    }
  }
  return Object.fromEntries(names.map((name) => [name, round(median(samples[name]), 2)]));
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Raw and gzipped bytes of every .wasm in pkg/web, gzipped with `gzip -9` as
 * build.sh measures its budget (Node's zlib at level 9 when there is no
 * gzip; it gives a few KB more).
 */
function wasmSizes() {
  const dir = join(pkg, "web");
  const out = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".wasm")).sort()) {
    const file = join(dir, name);
    let gzip;
    let gzipTool = "gzip -9";
    try {
      gzip = execFileSync("gzip", ["-9", "-c", file], { maxBuffer: 1 << 26 }).length;
    } catch {
      gzip = gzipSync(readFileSync(file), { level: 9 }).length;
      gzipTool = "node zlib level 9";
    }
    out[name] = { raw_bytes: readFileSync(file).length, gzip_bytes: gzip, gzip_tool: gzipTool };
  }
  return out;
}

/**
 * The self-check page in headless Chromium: from the start of navigation to
 * the start form being ready (the package loaded and the catalog rendered),
 * and to the first question on screen once "Start the self-check" is
 * pressed as soon as it can be. A fresh browser context (empty cache) for
 * every run.
 */
async function pageTimes() {
  const { chromium } = require(join(wasmDir, "node_modules", "playwright-core"));
  const { serve } = await import(join(root, "examples", "web", "serve.mjs"));
  const server = await serve({ port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium(chromium);
  const ready = [];
  const firstQuestion = [];
  try {
    const n = Math.max(5, Math.min(runs, 11));
    for (let i = 0; i < n; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/examples/web/`, { waitUntil: "commit" });
      await page.waitForSelector("html[data-ready]");
      ready.push(await page.evaluate(() => performance.now()));
      await page.click("#start-form button[type=submit]");
      await page.waitForSelector("#question-title", { state: "visible" });
      firstQuestion.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    page_load_to_start_screen_ms: round(median(ready), 1),
    page_load_to_first_question_ms: round(median(firstQuestion), 1),
    page_runs: ready.length,
  };
}

const result = {
  tool: "heel-wasm/bench/bench.mjs",
  package_dir: pkg,
  heel_wasm_version: version,
  node_version: process.version,
  cpus: cpus().length,
  cpu_model: cpus()[0]?.model ?? "",
  load_average_1min_at_start: round(loadavg()[0], 2),
  batches_per_median: runs,
  assess_answers: Object.keys(assessment.answers).length,
};

log("assess, nextQuestions, parse, catalog (interleaved)");
const times = microsPerCall({
  assess_object_us_per_call: () => heel.assess(assessment),
  assess_json_text_in_object_out_us_per_call: () => heel.assess(assessmentText),
  next_questions_object_us_per_call: () => heel.nextQuestions(assessment, options),
  next_questions_json_text_in_object_out_us_per_call: () => heel.nextQuestions(assessmentText, optionsText),
  parse_us_per_call: () => heel.parse(description),
  catalog_us_per_call: () => heel.catalog(),
});
Object.assign(result, times);
result.assess_report_json_bytes = JSON.stringify(heel.assess(assessment)).length;
result.next_questions_options = options;
result.parse_words = description.split(/\s+/).length;
result.wasm = wasmSizes();
if (browserToo) {
  log("Chromium");
  Object.assign(result, await pageTimes());
}
result.load_average_1min_at_end = round(loadavg()[0], 2);

process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
