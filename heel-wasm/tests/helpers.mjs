// Shared by the Node tests: paths, the shared fixtures, the Rust reference
// documents, and two document checks (against Rust's output, and against the
// JSON Schema with every field present).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const reference = join(root, "target", "fixtures");

export function readJson(...parts) {
  return JSON.parse(readFileSync(join(root, ...parts), "utf8"));
}

export const cases = readJson("tests", "fixtures", "cases.json");
export const errors = readJson("tests", "fixtures", "errors.json");

/** A Rust reference document, written by `cargo run --example fixtures`. */
export function rust(...parts) {
  const file = join(reference, ...parts);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`cargo run --locked --example fixtures\` first`);
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The stable error codes, listed once for every language's tests. */
export const ERROR_CODES = readJson("tests", "fixtures", "error-codes.json").codes.map((c) => c.code);

/** Asserts that `fn` throws a HeelError and returns it. */
export function throwsHeelError(fn, { code, field } = {}) {
  let thrown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== undefined, "expected a HeelError, but nothing was thrown");
  assert.ok(thrown instanceof Error, `expected an Error, got ${typeof thrown}: ${thrown}`);
  assert.equal(thrown.name, "HeelError", `expected a HeelError, got ${thrown.name}: ${thrown.message}`);
  assert.ok(ERROR_CODES.includes(thrown.code), `unknown code ${thrown.code}`);
  assert.equal(typeof thrown.field, "string");
  assert.equal(typeof thrown.message, "string");
  assert.ok(thrown.suggestion === null || typeof thrown.suggestion === "string", "suggestion is a string or null");
  if (code !== undefined) assert.equal(thrown.code, code, thrown.message);
  if (field !== undefined) assert.equal(thrown.field, field, thrown.message);
  return thrown;
}

/**
 * Compares two documents. Everything but numbers must be identical; numbers
 * must be equal within `tolerance` (0: bit for bit). Returns how many numbers
 * were compared and the largest difference, and throws on the first
 * difference beyond the tolerance, naming its path.
 */
export function compareDocuments(actual, expected, tolerance = 0) {
  const stats = { numbers: 0, inexact: 0, maxDifference: 0, worst: "" };
  walk(actual, expected, "$");
  return stats;

  function walk(a, e, path) {
    if (typeof e === "number") {
      assert.equal(typeof a, "number", `${path}: expected a number, got ${JSON.stringify(a)}`);
      stats.numbers += 1;
      if (Object.is(a, e)) return;
      const difference = Math.abs(a - e);
      const allowed = tolerance * Math.max(1, Math.abs(e));
      assert.ok(difference <= allowed, `${path}: ${a} differs from Rust's ${e} by ${difference}`);
      stats.inexact += 1;
      if (difference > stats.maxDifference) {
        stats.maxDifference = difference;
        stats.worst = `${path}: ${a} (JS) vs ${e} (Rust)`;
      }
      return;
    }
    if (Array.isArray(e)) {
      assert.ok(Array.isArray(a), `${path}: expected an array`);
      assert.equal(a.length, e.length, `${path}: length`);
      e.forEach((v, i) => walk(a[i], v, `${path}[${i}]`));
      return;
    }
    if (e !== null && typeof e === "object") {
      assert.ok(a !== null && typeof a === "object" && !Array.isArray(a), `${path}: expected an object`);
      assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort(), `${path}: fields`);
      for (const k of Object.keys(e)) walk(a[k], e[k], `${path}.${k}`);
      return;
    }
    assert.equal(a, e, `${path}`);
  }
}

/**
 * Checks a document heel wrote against its JSON Schema, with the stricter
 * rule the TypeScript types state: every property of an object is present
 * (absent values are `null`), and no other property is.
 */
export function checkOutputShape(doc, schema) {
  const defs = schema.$defs ?? {};
  check(doc, schema, "$");

  function matches(value, s) {
    try {
      check(value, s, "");
      return true;
    } catch {
      return false;
    }
  }

  function check(value, s, path) {
    if (s.$ref) return check(value, defs[s.$ref.replace("#/$defs/", "")], path);
    if (s.anyOf || s.oneOf) {
      const options = s.anyOf ?? s.oneOf;
      const n = options.filter((o) => matches(value, o)).length;
      assert.ok(s.anyOf ? n >= 1 : n === 1, `${path}: ${JSON.stringify(value)} matches ${n} of ${options.length} options`);
      return;
    }
    if (s.enum) {
      assert.ok(s.enum.includes(value), `${path}: ${JSON.stringify(value)} is not one of the schema's values`);
      return;
    }
    if ("const" in s) {
      assert.equal(value, s.const, path);
      return;
    }
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const type = typeOf(value);
    assert.ok(
      types.includes(type) || (type === "integer" && types.includes("number")),
      `${path}: ${type} is not ${types.join(" or ")}`,
    );
    if (type === "array") value.forEach((v, i) => check(v, s.items, `${path}[${i}]`));
    if (type === "object") {
      assert.deepEqual(Object.keys(value).sort(), Object.keys(s.properties).sort(), `${path}: fields`);
      for (const [k, sub] of Object.entries(s.properties)) check(value[k], sub, `${path}.${k}`);
    }
  }
}

function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** The fenced blocks of one language in the README's JavaScript section. */
export function readmeBlocks(language) {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Use it from JavaScript"));
  assert.ok(section, 'README.md has a "## Use it from JavaScript" section');
  const fence = new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm");
  return [...section.matchAll(fence)].map((m) => m[1]);
}
