// The examples users read run as written against the installed package: the
// README's "Use it from JavaScript" example (printing what its comments say)
// and the examples in the package's TypeScript docs.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { readmeBlocks } from "./helpers.mjs";

// Run code as a user would, from a folder where `heel-wasm` is installed.
function runModule(code) {
  const cwd = dirname(dirname(fileURLToPath(import.meta.url)));
  return spawnSync(process.execPath, ["--input-type=module"], { cwd, input: code, encoding: "utf8" });
}

test("the README's JavaScript example runs and prints what it says", () => {
  const [example, ...others] = readmeBlocks("js");
  assert.ok(example, "the section has a ```js block");
  assert.equal(others.length, 0, "one ```js block");
  const run = runModule(example);
  assert.equal(run.status, 0, run.stderr);
  const printed = run.stdout.split("\n");
  const promised = [...example.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((m) => m[1]);
  assert.ok(promised.length >= 4);
  for (const line of promised) assert.ok(printed.includes(line), `printed "${line}"; got:\n${run.stdout}`);
  assert.match(run.stdout, /because: None of your answers is a warning sign/);
});

test("the examples in the package's TypeScript docs run", () => {
  const dts = readFileSync(fileURLToPath(import.meta.resolve("heel-wasm")).replace(/\.js$/, ".d.ts"), "utf8");
  const examples = [...dts.matchAll(/^\s*\* ```js\n([\s\S]*?)^\s*\* ```/gm)].map((m) =>
    m[1].replace(/^\s*\* ?/gm, ""),
  );
  assert.ok(examples.length >= 2, `found ${examples.length} examples`);
  const prelude = 'import { assess, catalog, isHeelError, nextQuestions, parse } from "heel-wasm";\n';
  for (const example of examples) {
    const run = runModule(prelude + example);
    assert.equal(run.status, 0, `${example}\n${run.stderr}`);
  }
});
