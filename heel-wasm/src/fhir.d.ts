
// ---- HL7 FHIR R4 (docs/fhir.md): the resources heel reads and writes ----

/** A FHIR `Coding`. */
export interface FhirCoding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
  userSelected?: boolean;
}

/** A FHIR `CodeableConcept`. */
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

/** A FHIR `Extension`, with the value types heel uses. */
export interface FhirExtension {
  url: string;
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueCoding?: FhirCoding;
  valueCodeableConcept?: FhirCodeableConcept;
}

/** A FHIR `Reference` (heel's are `urn:uuid:` URIs of entries of the same Bundle). */
export interface FhirReference {
  reference: string;
}

/** A FHIR `Annotation` (a note). */
export interface FhirAnnotation {
  text: string;
}

/** A group or question of heel's Questionnaire (the `linkId` of a question is its item id). */
export interface FhirQuestionnaireItem {
  linkId: string;
  text: string;
  type: "group" | "choice" | "decimal";
  repeats?: boolean;
  answerOption?: { valueCoding: FhirCoding }[];
  extension?: FhirExtension[];
  item?: FhirQuestionnaireItem[];
}

/** heel's Questionnaire (FHIR R4, Structured Data Capture), from `fhirQuestionnaire()`. */
export interface FhirQuestionnaire {
  resourceType: "Questionnaire";
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: "active";
  subjectType: ["Patient"];
  publisher: string;
  description: string;
  item: FhirQuestionnaireItem[];
}

/** An answer of a QuestionnaireResponse: heel reads these value types (and ignores `id` and `extension`). */
export interface FhirAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueCoding?: FhirCoding;
  valueQuantity?: { value?: number; unit?: string; system?: string; code?: string };
  item?: FhirResponseItem[];
  [element: string]: unknown;
}

/** An item of a QuestionnaireResponse: a group, or an answered question. */
export interface FhirResponseItem {
  linkId: string;
  text?: string;
  answer?: FhirAnswer[];
  item?: FhirResponseItem[];
  [element: string]: unknown;
}

/**
 * A QuestionnaireResponse to heel's Questionnaire: what a form renderer
 * returns, and the first entry of heel's Bundle. heel ignores the elements
 * it does not need (`meta`, `authored`, `subject`, ...).
 */
export interface FhirQuestionnaireResponse {
  resourceType: "QuestionnaireResponse";
  id?: string;
  questionnaire?: string;
  status?: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  subject?: FhirReference;
  item?: FhirResponseItem[];
  [element: string]: unknown;
}

/** One cause in the RiskAssessment: coded in heel's condition ids, ICD-10-CM and, where verified, SNOMED CT. */
export interface FhirPrediction {
  outcome: { coding: FhirCoding[]; text: string };
  probabilityDecimal: number;
  /** The probability divided by the setting's prior share. */
  relativeRisk?: number;
  /** The prior, the probability and the answers that moved it most, in words. */
  rationale: string;
}

/** The differential: one prediction per cause, most likely first. */
export interface FhirRiskAssessment {
  resourceType: "RiskAssessment";
  id: string;
  status: "final";
  code: FhirCodeableConcept;
  subject: FhirReference;
  method: FhirCodeableConcept;
  basis: [FhirReference];
  prediction: FhirPrediction[];
  note: FhirAnnotation[];
}

/** One triage reason: why (`code`: a rule, a condition or a kind of reason, with the text) and the level it sets. */
export interface FhirTriageComponent {
  /** The `red-flag` extension on red flags. */
  extension?: FhirExtension[];
  code: { coding: [FhirCoding]; text: string };
  valueCodeableConcept: { coding: [FhirCoding] };
}

/** The triage level as an Observation, with one component per reason. */
export interface FhirTriageObservation {
  resourceType: "Observation";
  id: string;
  status: "final";
  category: FhirCodeableConcept[];
  code: FhirCodeableConcept;
  subject: FhirReference;
  derivedFrom: [FhirReference];
  method: FhirCodeableConcept;
  valueCodeableConcept: { coding: [FhirCoding]; text: string };
  component: FhirTriageComponent[];
  note: FhirAnnotation[];
}

/** One care step. */
export interface FhirCareActivity {
  detail: {
    code: FhirCodeableConcept;
    status: "not-started";
    /** "Title: what to do". */
    description: string;
    /** The likely conditions the step is for. */
    reasonCode?: FhirCodeableConcept[];
  };
}

/** The care plan, a proposal. */
export interface FhirCarePlan {
  resourceType: "CarePlan";
  id: string;
  status: "active";
  intent: "proposal";
  title: string;
  description: string;
  subject: FhirReference;
  supportingInfo: FhirReference[];
  note: FhirAnnotation[];
  activity?: FhirCareActivity[];
}

/** The anonymous Patient the resources are about. */
export interface FhirPatient {
  resourceType: "Patient";
  id: string;
}

/** An entry of heel's Bundle. */
export interface FhirBundleEntry<R> {
  fullUrl: string;
  resource: R;
}

/** heel's results as a FHIR R4 Bundle, from `fhirBundle()`: always these five entries, in this order. */
export interface FhirBundle {
  resourceType: "Bundle";
  id: string;
  type: "collection";
  entry: [
    FhirBundleEntry<FhirQuestionnaireResponse>,
    FhirBundleEntry<FhirRiskAssessment>,
    FhirBundleEntry<FhirTriageObservation>,
    FhirBundleEntry<FhirCarePlan>,
    FhirBundleEntry<FhirPatient>,
  ];
}
