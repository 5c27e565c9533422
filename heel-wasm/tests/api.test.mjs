// The package's API, imported exactly as a user does after
// `npm install heel-wasm`: assess, catalog, nextQuestions, isHeelError,
// the errors, and that no input traps the module or leaves it unusable.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import * as heel from "heel-wasm";
import { assess, catalog, isHeelError, nextQuestions, parse } from "heel-wasm";

import { ERROR_CODES, cases, readJson, throwsHeelError } from "./helpers.mjs";

const runner = cases.cases.find((c) => c.name === "runner_first_step_pain").assessment;

function plantarFasciitisFirst() {
  const report = assess(runner);
  assert.equal(report.conditions[0].id, "plantar_fasciitis");
  assert.equal(report.triage.level, "self_care");
}

describe("the package", () => {
  test("exports exactly the documented functions", () => {
    assert.deepEqual(Object.keys(heel).filter((k) => k !== "default").sort(), [
      "assess",
      "assessmentFromFhir",
      "catalog",
      "fhirBundle",
      "fhirQuestionnaire",
      "isHeelError",
      "nextQuestions",
      "parse",
    ]);
  });

  test("Node's import and require both load the Node build", () => {
    assert.match(fileURLToPath(import.meta.resolve("heel-wasm")), /heel-wasm\/node\/heel\.js$/);
    const required = createRequire(import.meta.url)("heel-wasm");
    assert.equal(typeof required.assess, "function");
    assert.deepEqual(required.assess(runner), assess(runner));
  });

  test("its version is the Rust workspace's, and reports carry it", () => {
    const pkg = createRequire(import.meta.url)("heel-wasm/package.json");
    const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
    const version = cargo.match(/^\[workspace\.package\][^[]*?^version = "([^"]+)"/ms)[1];
    assert.equal(pkg.version, version);
    // The engine version also names the knowledge base that produced the document.
    const engine = catalog().engine_version;
    assert.match(engine, /^(.+)\+kb\.[0-9a-f]{8}$/);
    assert.equal(engine.split("+kb.")[0], version);
    assert.equal(assess(runner).engine_version, engine);
  });

  test("the browser build (ES module) gives the same documents", async () => {
    const web = await import("heel-wasm/web");
    const wasm = readFileSync(fileURLToPath(import.meta.resolve("heel-wasm/web/heel_bg.wasm")));
    web.initSync({ module: wasm });
    for (const c of cases.cases) assert.deepEqual(web.assess(c.assessment), assess(c.assessment));
    assert.deepEqual(web.catalog(), catalog());
    const err = throwsHeelError(() => web.assess({ answers: { age: 130 } }), { code: "out_of_range" });
    assert.ok(web.isHeelError(err));
  });
});

describe("assess", () => {
  test("returns a plain object with the report's snake_case fields", () => {
    const report = assess(runner);
    assert.equal(Object.getPrototypeOf(report), Object.prototype);
    assert.deepEqual(Object.keys(report), [
      "setting",
      "conditions",
      "log_normaliser",
      "triage",
      "care_plan",
      "missing",
      "answered",
      "remarks",
      "notice",
      "engine_version",
    ]);
    // 26 named conditions and "other" ("Something else").
    assert.equal(report.conditions.length, 27);
    assert.equal(report.answered, 8);
    assert.deepEqual(report.missing, []);
    const top = report.conditions[0];
    assert.ok(top.probability > 0.5 && top.probability < 1);
    assert.ok(top.contributions.length > 0);
    for (const c of top.contributions) {
      assert.ok(Math.abs(Math.log(c.likelihood_ratio) - c.log_lr) < 1e-12);
      assert.ok(Math.abs(c.log_lr * c.weight - c.applied) < 1e-12);
    }
    assert.ok(report.conditions.every((c, i, all) => i === 0 || all[i - 1].probability >= c.probability));
  });

  test("gives a distribution over the causes that sums to 1, with Something else", () => {
    const groups = readJson("schema", "report.schema.json").$defs.EvidenceGroup.enum;
    for (const c of cases.cases) {
      const report = assess(c.assessment);
      const total = report.conditions.reduce((sum, x) => sum + x.probability, 0);
      assert.ok(Math.abs(total - 1) < 1e-12, `${c.name}: the probabilities sum to ${total}`);
      const other = report.conditions.find((x) => x.id === "other");
      assert.equal(other.name, "Something else");
      assert.ok(other.probability > 0);
      for (const x of report.conditions) {
        // probability = exp(log_score - log_normaliser); log_score = log_prior + Σ applied.
        assert.ok(Math.abs(Math.exp(x.log_score - report.log_normaliser) - x.probability) < 1e-9);
        const score = x.contributions.reduce((sum, k) => sum + k.applied, x.log_prior);
        assert.ok(Math.abs(score - x.log_score) < 1e-9, `${c.name}: ${x.id}'s score`);
        for (const k of x.contributions) assert.ok(k.group === null || groups.includes(k.group));
      }
    }
  });

  test("says how soon and who to see, in ids and in words", () => {
    const cat = catalog();
    const labels = new Map(cat.professionals.map((p) => [p.id, p.label]));
    for (const c of cases.cases) {
      const { triage } = assess(c.assessment);
      const level = cat.triage_levels.find((l) => l.id === triage.level);
      assert.equal(triage.time_frame, level.time_frame);
      assert.equal(triage.action, level.action);
      assert.ok(triage.who_to_see.length > 0, c.name);
      assert.match(triage.who_to_see_text, /^Best placed to see first: /);
      for (const p of triage.who_to_see) assert.ok(triage.who_to_see_text.includes(labels.get(p)), `${c.name}: ${p}`);
    }
    const runnerTriage = assess(runner).triage;
    const fasciitis = cat.conditions.find((c) => c.id === "plantar_fasciitis");
    assert.deepEqual(runnerTriage.who_to_see, fasciitis.who_to_see);
    assert.equal(runnerTriage.who_source, fasciitis.who_source);
  });

  test("too little information is never self-care", () => {
    const report = assess({ answers: { age: 11 } });
    assert.equal(report.setting, "children");
    assert.equal(report.triage.level, "see_doctor");
    assert.deepEqual(report.missing, ["pain_location", "onset"]);
    const reason = report.triage.reasons.find((r) => r.kind === "not_enough_information");
    assert.ok(reason, "a not_enough_information reason");
    assert.equal(reason.level, "see_doctor");
    assert.match(reason.text, /where it hurts.*1 so far/);
  });

  test("a retired item is refused, naming its replacements; another is read as its successor", () => {
    const err = throwsHeelError(() => assess({ answers: { redness_warmth: "present" } }), {
      code: "unknown_id",
      field: "answers.redness_warmth",
    });
    assert.match(err.message, /did you mean `redness`/);
    assert.match(err.message, /split into "redness" and "warmth"/);
    assert.deepEqual(
      assess({ answers: { age: 30, heel_raise_difficulty: "present" } }),
      assess({ answers: { age: 30, heel_raise_painful: "present" } }),
    );
  });

  test("accepts the assessment as JSON text", () => {
    assert.deepEqual(assess(JSON.stringify(runner)), assess(runner));
  });

  test("plain data is the same document as its JSON text; other values are not read as JSON", () => {
    // Plain objects are handed to heel-core as JSON text (the fast path):
    // every shared case must give what its text gives, field for field.
    for (const c of cases.cases) {
      assert.deepEqual(assess(c.assessment), assess(JSON.stringify(c.assessment)), c.name);
      assert.deepEqual(nextQuestions(c.assessment, { limit: 3 }), nextQuestions(JSON.stringify(c.assessment), '{"limit":3}'));
    }
    // What JSON.stringify would quietly change is read as the value it is.
    const viaToJson = { answers: { age: 40 }, toJSON: () => ({ answers: { age: 1 } }) };
    throwsHeelError(() => assess(viaToJson), { code: "invalid_document", field: "" });
    throwsHeelError(() => assess({ answers: { onset: new Date(0) } }), { code: "wrong_type", field: "answers.onset" });
    throwsHeelError(() => assess({ answers: { age: NaN } }), { field: "answers.age" });
    throwsHeelError(() => assess({ answers: { pain_location: ["arch", undefined] } }), { field: "answers.pain_location[1]" });
    // A getter is read (it may run twice: once in the fast pass, once in the copy).
    const withGetter = {
      get answers() {
        return { age: 42 };
      },
    };
    assert.deepEqual(assess(withGetter), assess({ answers: { age: 42 } }));
  });

  test("does not change or keep the caller's object", () => {
    const input = structuredClone(runner);
    const report = assess(input);
    assert.deepEqual(input, runner);
    report.conditions.length = 0;
    assert.equal(assess(input).conditions.length, 27);
  });

  test("treats undefined and null answers as unknown", () => {
    const withUnknowns = { ...runner, answers: { ...runner.answers, night_pain: undefined, bmi: null, fever: "unknown" } };
    const { fever, ...withoutFever } = runner.answers;
    assert.deepEqual(assess(withUnknowns), assess({ ...runner, answers: withoutFever }));
  });

  test("red flags set the triage, with reasons and who to see", () => {
    const hotHeel = { fever: "present", redness: "present", warmth: "present", swelling: "present" };
    const report = assess({ answers: hotHeel });
    assert.equal(report.triage.level, "urgent");
    assert.equal(report.triage.time_frame, "today");
    assert.ok(report.triage.reasons.some((r) => r.red_flag && r.rule === "hot_red_swollen_heel"));
    assert.ok(report.triage.reasons.some((r) => r.red_flag && r.rule === "fever_with_local_signs"));
    assert.equal(report.triage.who_to_see[0], "urgent_care");
    // With diabetes it is an emergency, and the diabetic foot team comes first.
    const diabetic = assess({ answers: { ...hotHeel, diabetes: "present" } });
    assert.equal(diabetic.triage.level, "emergency");
    assert.equal(diabetic.triage.reasons[0].rule, "infection_with_systemic_signs");
    assert.deepEqual(diabetic.triage.who_to_see, ["emergency_department", "diabetic_foot_team"]);
    assert.equal(diabetic.triage.who_source, "diabetes_uk");
  });
});

describe("catalog", () => {
  test("lists the conditions, questions, levels, advice and sources", () => {
    const cat = catalog();
    assert.equal(cat.conditions.length, 27);
    assert.equal(cat.conditions.at(-1).id, "other");
    assert.ok(cat.items.length >= 90);
    const professionals = cat.professionals.map((p) => p.id);
    assert.deepEqual(professionals, readJson("schema", "catalog.schema.json").$defs.Professional.enum);
    for (const l of cat.triage_levels) {
      assert.ok(l.time_frame && l.who.length > 0 && l.who.every((p) => professionals.includes(p)));
      assert.ok(l.likely_threshold > 0 && l.likely_threshold < 1);
    }
    const order = cat.triage_levels.map((l) => l.id);
    for (const c of cat.conditions) {
      // The lowest threshold among the clinician levels up to its own.
      const care = cat.triage_levels.findIndex((l) => l.id === c.care_level);
      const thresholds = cat.triage_levels.filter((_, i) => i > 0 && i <= care).map((l) => l.likely_threshold);
      assert.equal(c.likely_at, thresholds.length ? Math.min(...thresholds) : cat.triage_levels[0].likely_threshold);
      assert.ok(c.who_to_see.length > 0 && c.who_to_see.every((p) => professionals.includes(p)));
      assert.ok(cat.sources.some((s) => s.id === c.who_source));
    }
    assert.deepEqual(
      cat.triage_levels.map((l) => l.id),
      ["self_care", "see_doctor", "urgent", "emergency"],
    );
    const fever = cat.items.find((i) => i.id === "fever");
    assert.equal(fever.answer.type, "yes_no");
    assert.ok(fever.red_flag_screen);
    const age = cat.items.find((i) => i.id === "age");
    assert.deepEqual([age.answer.type, age.answer.min, age.answer.max], ["number", 0, 120]);
  });

  test("returns a new object on each call", () => {
    const a = catalog();
    a.conditions.length = 0;
    assert.equal(catalog().conditions.length, 27);
  });
});

describe("nextQuestions", () => {
  const start = { answers: { age: 45, sex: "female", pain_location: ["plantar_medial_heel"] } };

  test("asks red-flag screens first, and no clinician tests in self-report mode", () => {
    const next = nextQuestions(start, { self_report_only: true });
    assert.ok(next.questions[0].red_flag_screen);
    assert.ok(next.questions.every((q) => !q.clinician_only));
    assert.equal(next.should_stop, false);
    assert.equal(next.stop_reason, null);
    assert.equal(next.answered, 3);
  });

  test("options are optional; limit and skip work", () => {
    assert.ok(nextQuestions(start).questions.some((q) => q.clinician_only));
    assert.deepEqual(nextQuestions(start), nextQuestions(start, {}));
    assert.deepEqual(nextQuestions(start), nextQuestions(start, null));
    assert.equal(nextQuestions(start, { limit: 2 }).questions.length, 2);
    const first = nextQuestions(start, { limit: 1 }).questions[0].item;
    const skipped = nextQuestions(start, { skip: [first] });
    assert.ok(skipped.questions.every((q) => q.item !== first));
  });

  test("gives the stop signal when the answer is clear", () => {
    const clear = cases.questions.find((c) => c.name === "clear_plantar_fasciitis");
    const next = nextQuestions(clear.assessment, clear.options);
    assert.equal(next.should_stop, true);
    assert.equal(next.stop_reason, "leading_condition_clear");
    assert.equal(next.leading_condition, "plantar_fasciitis");
  });

  test("an interview that follows it ends, with red-flag screens asked first", () => {
    const answers = {};
    const skip = [];
    const asked = [];
    for (let i = 0; i < 200; i += 1) {
      const next = nextQuestions({ answers }, { self_report_only: true, limit: 1, skip });
      if (next.should_stop) break;
      const q = next.questions[0];
      asked.push(q);
      skip.push(q.item); // "don't know" to everything
    }
    assert.ok(asked.length > 0 && asked.length < 200, `asked ${asked.length}`);
    const firstOther = asked.findIndex((q) => !q.red_flag_screen);
    assert.ok(asked.slice(0, firstOther).length >= 3, "screens first");
  });

  test("reports the level the red-flag rules set so far", () => {
    const hotHeel = { fever: "present", redness: "present", warmth: "present", swelling: "present" };
    assert.equal(nextQuestions({ answers: hotHeel }).rule_level, "urgent");
    assert.equal(nextQuestions({ answers: { ...hotHeel, diabetes: "present" } }).rule_level, "emergency");
  });
});

describe("errors", () => {
  test("shared arrays are too large, not endless", () => {
    // One array shared 500 times, six levels deep: 500 ** 6 leaves within the
    // depth and entry limits. heel counts every value it reads, and so does
    // the binding's own check of strings and BigInts.
    for (const leaf of ["arch", 10n ** 40n]) {
      let value = new Array(500).fill(leaf);
      for (let i = 0; i < 5; i++) value = new Array(500).fill(value);
      const err = throwsHeelError(() => assess({ answers: { pain_location: value } }), { code: "too_large" });
      assert.match(err.message, /more than 8192 values in all/);
    }
  });

  test("are HeelErrors: an Error with name, code, field, message and suggestion", () => {
    const err = throwsHeelError(() => assess({ answers: { age: 130 } }), {
      code: "out_of_range",
      field: "answers.age",
    });
    assert.equal(err.message, "answers.age: 130 is out of range; allowed: a finite number from 0 to 120 years");
    assert.ok(err.stack.startsWith("HeelError: answers.age"));
    assert.equal(String(err), `HeelError: ${err.message}`);
    assert.ok(isHeelError(err));
    assert.deepEqual(JSON.parse(JSON.stringify(err)), {
      name: "HeelError",
      code: "out_of_range",
      field: "answers.age",
      suggestion: null,
    });
  });

  test("isHeelError is false for anything else, and never throws", () => {
    const hostile = new Proxy(new Error("x"), {
      get() {
        throw new Error("get failed");
      },
      getPrototypeOf() {
        throw new Error("getPrototypeOf failed");
      },
    });
    const sneaky = new Proxy(new Error("x"), {
      get() {
        throw new Error("get failed");
      },
    });
    for (const v of [new Error("x"), new TypeError("x"), { name: "HeelError" }, "HeelError", null, undefined, 1, hostile, sneaky]) {
      assert.equal(isHeelError(v), false);
    }
    plantarFasciitisFirst();
  });

  test("name the field, with a suggestion for near misses", () => {
    const err = throwsHeelError(() => assess({ answers: { first_steps_pain: "present" } }), {
      code: "unknown_id",
      field: "answers.first_steps_pain",
    });
    assert.match(err.message, /did you mean `first_step_pain`/);
    // The suggestion is a field of its own, as in Python.
    assert.equal(err.suggestion, "first_step_pain");
    assert.equal(throwsHeelError(() => assess({ answers: { age: 130 } })).suggestion, null);
    throwsHeelError(() => nextQuestions({}, { skip: ["feverr"] }), { code: "unknown_id", field: "skip[0]" });
    throwsHeelError(() => nextQuestions({}, { limit: 1.5 }), { code: "out_of_range", field: "limit" });
    throwsHeelError(() => nextQuestions({}, "[1"), { code: "invalid_document", field: "" });
  });

  test("the codes are the ones the TypeScript types list", () => {
    const dts = readFileSync(fileURLToPath(import.meta.resolve("heel-wasm")).replace(/\.js$/, ".d.ts"), "utf8");
    const listed = [...dts.matchAll(/^\s*\| "(\w+)"/gm)].map((m) => m[1]);
    for (const code of ERROR_CODES) assert.ok(listed.includes(code), code);
  });
});

// Values a caller might pass by mistake, or on purpose. Each must either be
// accepted or rejected with a HeelError; nothing may trap the module, and
// the next call must work.
function hostileInputs() {
  const cyclic = { answers: {} };
  cyclic.answers.loop = cyclic;
  let deep = [];
  for (let i = 0; i < 5000; i += 1) deep = [deep];
  const manyKeys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
  return {
    undefined: undefined,
    null: null,
    number: 42,
    boolean: true,
    "empty string": "",
    "JSON text of a number": "42",
    "long JSON text": `{"answers": {"age": ${" ".repeat(2_000_000)}40}}`,
    array: [1, 2, 3],
    "a function": () => ({}),
    "a symbol": Symbol("heel"),
    "a symbol answer": { answers: { fever: Symbol("x") } },
    "a BigInt answer": { answers: { age: 40n } },
    "a huge BigInt": { answers: { age: 2n ** 80n } },
    NaN: { answers: { age: NaN } },
    Infinity: { answers: { duration_days: Infinity } },
    "-Infinity": { answers: { age: -Infinity } },
    "negative zero": { answers: { age: -0 } },
    "a Date": { answers: { age: new Date(0) } },
    "a RegExp": { answers: { onset: /gradual/ } },
    "a Map": new Map([["answers", new Map([["age", 40]])]]),
    "a Map with object keys": new Map([[{}, 1]]),
    "a Set": { answers: { pain_location: new Set(["arch"]) } },
    "a typed array": { answers: { pain_location: new Uint8Array(4) } },
    "an ArrayBuffer": new ArrayBuffer(8),
    "a null-prototype object": Object.assign(Object.create(null), { answers: { age: 40 } }),
    "a frozen object": Object.freeze({ answers: Object.freeze({ age: 40 }) }),
    "a class instance": new (class Doc {
      constructor() {
        this.answers = { age: 40 };
      }
    })(),
    "a sparse array": { answers: { pain_location: [, "arch", , ] } },
    "a huge array": { answers: { pain_location: new Array(1_000_000).fill("arch") } },
    "100,000 keys": { answers: manyKeys },
    "a long string": { answers: { sex: "f".repeat(10_000_000) } },
    "a long key": { answers: { ["k".repeat(1_000_000)]: 1 } },
    "a cycle": cyclic,
    "5,000 levels deep": { answers: { pain_location: deep } },
    "a throwing getter": {
      get answers() {
        throw new Error("getter failed");
      },
    },
    "a getter that throws a string": {
      get answers() {
        throw "nope";
      },
    },
    "a getter that throws a hostile error": {
      get answers() {
        throw new Proxy(new Error("x"), {
          get() {
            throw new Error("message getter failed");
          },
        });
      },
    },
    "a getter that throws a very long message": {
      get answers() {
        throw new Error("x".repeat(1_000_000));
      },
    },
    "a Proxy whose ownKeys throws": new Proxy({}, {
      ownKeys() {
        throw new Error("ownKeys failed");
      },
    }),
    "a Proxy whose get throws": new Proxy({ answers: {} }, {
      get() {
        throw new Error("get failed");
      },
    }),
    "a revoked Proxy": (() => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    })(),
    "an Error": new Error("not a document"),
    "a WeakMap": new WeakMap(),
    "a Promise": Promise.resolve({}),
  };
}

describe("no input traps the module or leaves it unusable", () => {
  for (const [name, input] of Object.entries(hostileInputs())) {
    test(name, () => {
      const calls = [() => assess(input), () => nextQuestions(input), () => nextQuestions({}, input), () => parse(input)];
      for (const call of calls) {
        try {
          call();
        } catch (err) {
          assert.ok(isHeelError(err), `threw ${err?.name}: ${err?.message}`);
          assert.ok(ERROR_CODES.includes(err.code));
          assert.ok(err.message.length < 2000, "messages stay short");
        }
        plantarFasciitisFirst();
      }
    });
  }

  test("thousands of rejected calls in a row leave it working", () => {
    const heavy = ["long JSON text", "a huge array", "100,000 keys", "a long string", "a long key"];
    const inputs = Object.entries(hostileInputs()).filter(([name]) => !heavy.includes(name));
    const bad = [...inputs.map(([, v]) => v), ...readJson("tests", "fixtures", "errors.json").assessment_errors.map((c) => c.input)];
    for (let i = 0; i < 3000; i += 1) {
      try {
        assess(bad[i % bad.length]);
      } catch (err) {
        assert.ok(isHeelError(err), `${err?.name}: ${err?.message}`);
      }
    }
    plantarFasciitisFirst();
    assert.equal(catalog().conditions.length, 27);
  });
});
