// Compiled with `tsc --noEmit` (tsconfig.node.json): the types as a
// CommonJS TypeScript user sees them, through `require`.

import heel = require("heel-wasm");

const report: heel.Report = heel.assess({ answers: { age: 42 } });
const level: heel.TriageLevel = report.triage.level;
const next: heel.NextQuestions = heel.nextQuestions({}, { limit: 1 });

export = { level, next };
