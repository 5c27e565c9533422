#!/usr/bin/env node
// Writes heel-wasm/src/documents.d.ts, the TypeScript types of heel's
// documents, from the JSON Schemas in schema/ (which heel-core generates from
// its Rust types). The build adds the file to the package's .d.ts.
//
//   node heel-wasm/scripts/gen-types.mjs           write the file
//   node heel-wasm/scripts/gen-types.mjs --check   fail if it is out of date
//
// Inputs (assessment, options) keep the schema's optional fields optional.
// Outputs (report, next questions, catalog) are written by serde with every
// field present (heel-core never skips a field; an absent value is null), so
// every property of an output type is required; the Node tests check this
// against real documents.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const target = join(here, "..", "src", "documents.d.ts");

/**
 * The documents: schema file, TypeScript name, and whether heel reads or
 * writes it. `passBack` names parts of a written document that are documents
 * heel reads, written to be passed back to it (the assessment `parse` builds
 * goes to `assess`): they keep the type of the document heel reads.
 */
export const DOCUMENTS = [
  { file: "assessment.schema.json", name: "Assessment", input: true },
  { file: "question-options.schema.json", name: "QuestionOptions", input: true },
  { file: "report.schema.json", name: "Report", input: false },
  { file: "next-questions.schema.json", name: "NextQuestions", input: false },
  { file: "catalog.schema.json", name: "Catalog", input: false },
  { file: "parsed.schema.json", name: "Parsed", input: false, passBack: ["Assessment"] },
];

/** Nested object types that get a name of their own: "Parent.property" -> name. */
const HOISTED = { "Assessment.answers": "Answers" };

class Generator {
  constructor() {
    /** name -> { schema, input, text } */
    this.named = new Map();
    this.order = [];
  }

  addDocument({ file, name, input, passBack = [] }) {
    const schema = JSON.parse(readFileSync(join(root, "schema", file), "utf8"));
    for (const [defName, def] of Object.entries(schema.$defs ?? {})) {
      if (passBack.includes(defName) && !this.named.get(defName)?.input) {
        throw new Error(`${name}: ${defName} is passed back, but no document heel reads defines it first`);
      }
      this.define(defName, def, passBack.includes(defName) || input);
    }
    const { $defs, $schema, title, ...body } = schema;
    this.define(name, body, input);
  }

  define(name, schema, input) {
    const key = JSON.stringify(schema);
    const seen = this.named.get(name);
    if (seen) {
      if (seen.key !== key) throw new Error(`two different schemas are named ${name}`);
      if (seen.input !== input && isObject(schema)) {
        throw new Error(`${name} is both read and written; its optional fields are ambiguous`);
      }
      return;
    }
    const entry = { key, input, text: null };
    this.named.set(name, entry);
    this.order.push(name);
    entry.text = this.declaration(name, schema, input);
  }

  declaration(name, schema, input) {
    const doc = comment(describe(schema), "");
    if (isObject(schema) && schema.properties) {
      return `${doc}export interface ${name} ${this.object(name, schema, input, "")}\n`;
    }
    const type = this.type(name, schema, input, "");
    return `${doc}export type ${name} =${type.startsWith("\n") ? "" : " "}${type};\n`;
  }

  object(path, schema, input, indent) {
    const required = new Set(schema.required ?? []);
    const lines = ["{"];
    for (const [prop, sub] of Object.entries(schema.properties ?? {})) {
      const optional = input && !required.has(prop);
      const hoisted = HOISTED[`${path}.${prop}`];
      let type;
      if (hoisted) {
        const { description, ...rest } = sub;
        const nullable = types(rest).includes("null");
        const objectSchema = { ...rest, type: "object" };
        this.named.set(hoisted, { key: JSON.stringify(objectSchema), input, text: null });
        this.order.push(hoisted);
        this.named.get(hoisted).text =
          `${comment(description ?? "", "")}export interface ${hoisted} ${this.object(hoisted, objectSchema, input, "")}\n`;
        type = nullable ? `${hoisted} | null` : hoisted;
      } else {
        type = this.type(`${path}.${prop}`, sub, input, `${indent}  `);
      }
      lines.push(comment(describe(sub), `${indent}  `).trimEnd());
      lines.push(`${indent}  ${prop}${optional ? "?" : ""}: ${type};`);
    }
    lines.push(`${indent}}`);
    return lines.filter((l) => l !== "").join("\n");
  }

  type(path, schema, input, indent) {
    if (schema.$ref) return refName(schema.$ref);
    if (schema.anyOf) return union(schema.anyOf.map((s) => this.type(path, s, input, indent)));
    if (schema.oneOf) {
      return schema.oneOf
        .map((s) => `\n${indent}  | ${this.type(path, s, input, `${indent}  `)}`)
        .join("");
    }
    if (schema.enum) return union(schema.enum.map(literal));
    if ("const" in schema) return literal(schema.const);
    const list = types(schema);
    if (list.length === 0) throw new Error(`${path}: no type in ${JSON.stringify(schema)}`);
    return union(
      list.map((t) => {
        switch (t) {
          case "string":
          case "boolean":
          case "null":
            return t;
          case "number":
          case "integer":
            return "number";
          case "array": {
            const item = schema.items ? this.type(`${path}[]`, schema.items, input, indent) : "unknown";
            return /[| ]/.test(item) ? `(${item})[]` : `${item}[]`;
          }
          case "object":
            if (!schema.properties) throw new Error(`${path}: an object without properties`);
            return this.object(path, schema, input, indent);
          default:
            throw new Error(`${path}: unsupported type ${t}`);
        }
      }),
    );
  }

  render() {
    // The documents first (each followed by its hoisted parts), then the
    // shared definitions by name.
    const first = [];
    for (const { name } of DOCUMENTS) {
      first.push(name);
      for (const [path, hoisted] of Object.entries(HOISTED)) {
        if (path.startsWith(`${name}.`)) first.push(hoisted);
      }
    }
    const rest = this.order.filter((n) => !first.includes(n)).sort();
    const header = [
      "// heel's documents, generated by heel-wasm/scripts/gen-types.mjs from",
      "// schema/*.schema.json. Do not edit: run `node heel-wasm/scripts/gen-types.mjs`.",
      "",
      "",
    ];
    return header.join("\n") + [...first, ...rest].map((n) => this.named.get(n).text).join("\n");
  }
}

function isObject(schema) {
  return types(schema).includes("object");
}

function types(schema) {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function refName(ref) {
  const prefix = "#/$defs/";
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

function literal(value) {
  if (typeof value === "string" || typeof value === "boolean" || value === null) {
    return JSON.stringify(value);
  }
  throw new Error(`unsupported literal ${JSON.stringify(value)}`);
}

function union(parts) {
  return [...new Set(parts)].join(" | ");
}

/** The description, with the allowed range of numbers and lists added. */
function describe(schema) {
  let text = (schema.description ?? "").replace(/\[`([^`\]]+)`\]/g, "`$1`");
  const notes = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined) {
    notes.push(`From ${schema.minimum} to ${schema.maximum}${schema["x-unit"] ? ` ${schema["x-unit"]}` : ""}.`);
  } else if (schema.minimum !== undefined && types(schema).includes("integer")) {
    notes.push(`A whole number from ${schema.minimum}.`);
  }
  if (schema.uniqueItems) notes.push("Each at most once.");
  if (schema.default !== undefined) notes.push(`Default: \`${JSON.stringify(schema.default)}\`.`);
  if (notes.length) text = text ? `${text}\n\n${notes.join(" ")}` : notes.join(" ");
  return text;
}

function comment(text, indent) {
  if (!text) return "";
  const lines = text.replaceAll("*/", "*\\/").split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}

export function generate() {
  const g = new Generator();
  for (const d of DOCUMENTS) g.addDocument(d);
  return g.render();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {
      // A missing file is out of date.
    }
    if (current !== text) {
      console.error(
        "heel-wasm/src/documents.d.ts is out of date with schema/; run `node heel-wasm/scripts/gen-types.mjs`",
      );
      process.exit(1);
    }
    console.log("ok  heel-wasm/src/documents.d.ts matches schema/");
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
