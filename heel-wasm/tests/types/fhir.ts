// Compiled with `tsc --noEmit` (tsconfig.node.json): heel's FHIR functions
// and resource types as a Node user sees them. Lines marked @ts-expect-error
// must fail to compile.

import {
  assess,
  assessmentFromFhir,
  fhirBundle,
  fhirQuestionnaire,
  type Assessment,
  type FhirBundle,
  type FhirCarePlan,
  type FhirPrediction,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
  type FhirRiskAssessment,
  type FhirTriageObservation,
  type Report,
} from "heel-wasm";

const questionnaire: FhirQuestionnaire = fhirQuestionnaire();
const url: string = questionnaire.url;
const linkIds: string[] = questionnaire.item.flatMap((g) => (g.item ?? []).map((q) => q.linkId));

const bundle: FhirBundle = fhirBundle({ answers: { age: 42, first_step_pain: "present" } });
const [responseEntry, riskEntry, triageEntry, planEntry, patientEntry] = bundle.entry;
const response: FhirQuestionnaireResponse = responseEntry.resource;
const risk: FhirRiskAssessment = riskEntry.resource;
const top: FhirPrediction | undefined = risk.prediction[0];
const probability: number | undefined = top?.probabilityDecimal;
const why: string | undefined = top?.rationale;
const triage: FhirTriageObservation = triageEntry.resource;
const level: string | undefined = triage.valueCodeableConcept.coding[0].code;
const reasons: string[] = triage.component.map((c) => c.code.text);
const plan: FhirCarePlan = planEntry.resource;
const steps: string[] = (plan.activity ?? []).map((a) => a.detail.description);
const patient: string = patientEntry.resource.id;

const fromResponse: FhirBundle = fhirBundle(response);
const fromText: FhirBundle = fhirBundle(JSON.stringify(response));
const assessment: Assessment = assessmentFromFhir(response);
const report: Report = assess(assessmentFromFhir('{"resourceType": "QuestionnaireResponse"}'));
const typed: FhirQuestionnaireResponse = {
  resourceType: "QuestionnaireResponse",
  status: "completed",
  authored: "2026-01-01",
  item: [{ linkId: "age", answer: [{ valueDecimal: 42 }] }],
};
assessmentFromFhir(typed);

// @ts-expect-error: a Bundle has five entries
bundle.entry[5];
// @ts-expect-error: a probability is a number
top?.probabilityDecimal.toUpperCase();
// @ts-expect-error: assessmentFromFhir takes a QuestionnaireResponse, not a Patient
assessmentFromFhir({ resourceType: "Patient" });
// @ts-expect-error: not a response status
const badStatus: FhirQuestionnaireResponse = { resourceType: "QuestionnaireResponse", status: "done" };
// @ts-expect-error: the second entry is the RiskAssessment
const wrongEntry: FhirCarePlan = bundle.entry[1].resource;

export {
  assessment,
  badStatus,
  fromResponse,
  fromText,
  level,
  linkIds,
  patient,
  probability,
  reasons,
  report,
  steps,
  url,
  why,
  wrongEntry,
};
