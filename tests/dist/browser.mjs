// Runs in an empty npm project into which only the tarball from dist/ (and
// esbuild, playwright-core) was installed: bundles a page that imports
// "heel-wasm" as a browser app would, serves it on 127.0.0.1 and runs it in
// Debian's Chromium. The page awaits init() (which fetches the .wasm next to
// the bundle), assesses the README's runner, and must show the report with no
// console error and no request beyond the local server.

import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { test } from "node:test";

import { build } from "esbuild";
import { chromium } from "playwright-core";

const out = join(process.cwd(), "public");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(process.cwd(), "app.js"),
  `import init, { assess, catalog, isHeelError } from "heel-wasm";
await init();
const report = assess({
  setting: "runners",
  answers: {
    age: 42, sex: "female", pain_location: ["plantar_medial_heel"], onset: "gradual",
    duration_days: 10, first_step_pain: "present", eases_after_few_minutes: "present", fever: "absent",
  },
});
let error = null;
try { assess({ answers: { age: 130 } }); } catch (err) { error = isHeelError(err) ? err.code + " " + err.field : String(err); }
const top = report.conditions[0];
document.getElementById("result").textContent =
  top.name + ": " + Math.round(top.probability * 100) + "%, " + report.triage.level + "; " + error;
document.body.dataset.engine = catalog().engine_version;
document.body.dataset.done = "yes";
`,
);
await build({
  entryPoints: ["app.js"],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
// wasm-bindgen's web build finds its .wasm at new URL("heel_bg.wasm", import.meta.url).
copyFileSync(join("node_modules", "heel-wasm", "web", "heel_bg.wasm"), join(out, "heel_bg.wasm"));
writeFileSync(
  join(out, "index.html"),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>heel bundle</title>
<link rel="icon" href="data:,"><script type="module" src="app.js"></script></head>
<body><p id="result">loading</p></body></html>`,
);

const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://127.0.0.1").pathname;
  const file = join(out, path === "/" ? "index.html" : path.slice(1));
  try {
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": types[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

test("the bundled package runs in Chromium", async () => {
  const browser = await chromium.launch({
    executablePath: process.env.HEEL_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("request", (r) => r.url().startsWith(base) || problems.push(`request to ${r.url()}`));
    await page.goto(`${base}/`);
    await page.waitForSelector("body[data-done=yes]", { timeout: 20_000 });
    const text = await page.textContent("#result");
    assert.equal(text, "Plantar fasciitis: 99%, self_care; out_of_range answers.age");
    const engine = await page.getAttribute("body", "data-engine");
    const version = JSON.parse(readFileSync(join("node_modules", "heel-wasm", "package.json"), "utf8")).version;
    assert.match(engine, new RegExp(`^${version.replaceAll(".", "\\.")}\\+kb\\.[0-9a-f]{8}$`));
    assert.deepEqual(problems, []);
    console.log(`ok  ${text} (heel-wasm ${engine}, bundled by esbuild)`);
  } finally {
    await browser.close();
    server.close();
  }
});
