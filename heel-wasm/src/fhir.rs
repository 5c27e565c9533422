//! `fhirQuestionnaire`, `fhirBundle` and `assessmentFromFhir`: heel-core's
//! [`heel_core::fhir`] (HL7 FHIR R4; `docs/fhir.md` is the profile).
//!
//! Resources are plain JavaScript objects, the JSON heel-core writes with its
//! keys in heel-core's readable order. Input is a plain object or JSON text,
//! read and checked by heel-core, so the errors are the ones every binding
//! gives; they are thrown as a `HeelError`. The TypeScript types are in
//! `fhir.d.ts`.

use heel_core::{Assessment, Error, fhir};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::doc::{self, Input};
use crate::error;

/// The TypeScript types of the FHIR resources heel reads and writes.
#[wasm_bindgen(typescript_custom_section)]
const FHIR_TYPES: &str = include_str!("fhir.d.ts");

/// Which documents an argument may be.
#[derive(Clone, Copy)]
enum Accepts {
    /// A QuestionnaireResponse only.
    Response,
    /// A QuestionnaireResponse or heel's assessment document.
    Either,
}

fn read(value: &JsValue, accepts: Accepts) -> Result<Assessment, Error> {
    match (doc::read(value)?, accepts) {
        (Input::Text(text), Accepts::Response) => fhir::assessment_from_response_json(&text),
        (Input::Text(text), Accepts::Either) => fhir::read_json(&text),
        (Input::Value(d), Accepts::Response) => fhir::assessment_from_response(d),
        (Input::Value(d), Accepts::Either) => fhir::read(d),
    }
}

/// heel's FHIR R4 Questionnaire (Structured Data Capture), generated from
/// the catalog, for any SDC form renderer: one question per evidence item
/// (the `linkId` is the item id), the red-flag screens in a first group, then
/// the catalog's groups. Its `url` is heel's canonical URL and its `version`
/// heel's version. Each call returns a new object.
///
/// # Errors
/// Throws a plain `Error` only if the Questionnaire cannot be converted to
/// JavaScript, which would be a bug in heel.
#[wasm_bindgen(js_name = fhirQuestionnaire, unchecked_return_type = "FhirQuestionnaire")]
pub fn fhir_questionnaire() -> Result<JsValue, JsValue> {
    crate::init_panic_hook();
    doc::write(&fhir::questionnaire(), "Questionnaire")
}

/// Assesses and returns the results as a FHIR R4 Bundle of type
/// `collection`: the QuestionnaireResponse, a RiskAssessment with one
/// prediction per cause, the triage as an Observation, a CarePlan and the
/// anonymous Patient they are about. The same answers always give the same
/// Bundle (its ids are UUID v5 of the answers).
///
/// ```js
/// import { fhirBundle } from "heel-wasm";
/// const bundle = fhirBundle({ answers: { age: 42, first_step_pain: "present" } });
/// const [, risk, triage] = bundle.entry;
/// console.log(risk.resource.prediction[0].outcome.text, triage.resource.valueCodeableConcept.text);
/// ```
///
/// # Errors
/// Throws a `HeelError` when the input is not accepted; its `code` and
/// `field` say what is wrong and where (in a response, for example
/// `item[0].answer[0].valueDecimal`).
#[wasm_bindgen(js_name = fhirBundle, unchecked_return_type = "FhirBundle")]
pub fn fhir_bundle(
    #[wasm_bindgen(
        js_name = assessmentOrResponse,
        unchecked_param_type = "Assessment | FhirQuestionnaireResponse | string",
        param_description = "an assessment document or a FHIR QuestionnaireResponse to heel's Questionnaire, or its JSON text"
    )]
    assessment_or_response: &JsValue,
) -> Result<JsValue, JsValue> {
    crate::init_panic_hook();
    let a = read(assessment_or_response, Accepts::Either).map_err(|e| error::to_js(&e))?;
    let bundle = fhir::bundle(&a).map_err(|e| error::to_js(&e))?;
    doc::write(&bundle, "Bundle")
}

/// Reads a FHIR QuestionnaireResponse to heel's Questionnaire and returns the
/// assessment document it holds, ready for `assess`. "Don't know" and
/// unanswered questions are left out (unknown).
///
/// ```js
/// import { assessmentFromFhir } from "heel-wasm";
/// const assessment = assessmentFromFhir({
///   resourceType: "QuestionnaireResponse",
///   item: [{ linkId: "age", answer: [{ valueDecimal: 42 }] }],
/// });
/// console.log(assessment.answers?.age); // 42
/// ```
///
/// # Errors
/// Throws a `HeelError` with the same codes as for an assessment document,
/// its `field` the place in the response.
#[wasm_bindgen(js_name = assessmentFromFhir, unchecked_return_type = "Assessment")]
pub fn assessment_from_fhir(
    #[wasm_bindgen(
        unchecked_param_type = "FhirQuestionnaireResponse | string",
        param_description = "a FHIR QuestionnaireResponse to heel's Questionnaire, or its JSON text"
    )]
    response: &JsValue,
) -> Result<JsValue, JsValue> {
    crate::init_panic_hook();
    let a = read(response, Accepts::Response).map_err(|e| error::to_js(&e))?;
    doc::write(&a, "assessment")
}
