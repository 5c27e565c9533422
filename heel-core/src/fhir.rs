//! HL7 FHIR R4: heel's interview as a Structured Data Capture (SDC)
//! Questionnaire that any SDC form renderer can show, a QuestionnaireResponse
//! to that Questionnaire read as an [`Assessment`], and the results as a
//! Bundle a record system can file.
//!
//! - [`questionnaire`] is generated from the [`catalog`](crate::catalog()):
//!   one question per evidence item (the `linkId` is the item id), in the
//!   catalog's groups, with the red-flag screens in a first group; its
//!   canonical URL is [`QUESTIONNAIRE_URL`] and its version is heel's.
//! - [`assessment_from_response_json`] and [`assessment_from_response`] read
//!   a QuestionnaireResponse with the validation and error codes of the JSON
//!   assessment document; [`read_json`] and [`read`] take either document.
//! - [`bundle`] assesses and returns a `collection` Bundle of the
//!   QuestionnaireResponse, a RiskAssessment (one prediction per cause), the
//!   triage as an Observation, a CarePlan and the anonymous Patient they are
//!   about. Ids are UUID v5 of the assessment, so the same answers always give
//!   the same Bundle.
//!
//! `docs/fhir.md` documents the profile: every resource, code system and
//! extension, with an example Bundle. Resources are plain JSON
//! ([`Resource`]: serialize it, or get text or a [`serde_json::Value`]);
//! heel-core has no FHIR model dependency.
//!
//! ```
//! use heel_core::{fhir, Assessment};
//!
//! let q = fhir::questionnaire().to_value();
//! assert_eq!(q["url"], fhir::QUESTIONNAIRE_URL);
//! assert_eq!(q["item"][0]["linkId"], "red_flag_screens");
//!
//! // A form renderer fills it in ...
//! let response = r#"{
//!     "resourceType": "QuestionnaireResponse",
//!     "questionnaire": "https://github.com/heel-project/heel/fhir/Questionnaire/heel-assessment",
//!     "status": "completed",
//!     "item": [{"linkId": "profile", "item": [
//!         {"linkId": "age", "answer": [{"valueDecimal": 42}]},
//!         {"linkId": "sex", "answer": [{"valueCoding": {"code": "female"}}]}
//!     ]}, {"linkId": "timing", "item": [
//!         {"linkId": "first_step_pain", "answer": [{"valueCoding": {
//!             "system": "http://terminology.hl7.org/CodeSystem/v2-0136", "code": "Y"}}]}
//!     ]}]
//! }"#;
//! // ... heel reads the answers ...
//! let a = fhir::assessment_from_response_json(response)?;
//! assert_eq!(a, Assessment::from_json(
//!     r#"{"answers": {"age": 42, "sex": "female", "first_step_pain": "present"}}"#)?);
//!
//! // ... and returns the results for the record.
//! let bundle = fhir::bundle(&a)?;
//! assert_eq!(bundle.to_value()["type"], "collection");
//! assert_eq!(bundle, fhir::bundle(&a)?); // deterministic
//!
//! // Bad answers are errors naming the place in the response:
//! let err = fhir::assessment_from_response_json(
//!     r#"{"resourceType": "QuestionnaireResponse",
//!         "item": [{"linkId": "age", "answer": [{"valueDecimal": 130}]}]}"#,
//! ).unwrap_err();
//! assert_eq!((err.code(), err.field()), ("out_of_range", "item[0].answer[0].valueDecimal"));
//! # Ok::<(), heel_core::Error>(())
//! ```

mod bundle;
mod json;
mod questionnaire;
mod response;

use serde::Deserializer;
use serde_json::Value;

use crate::Error;
use crate::assessment::Assessment;
use crate::doc::{self, Doc, Limits};
use json::Json;

/// The base of every canonical URL heel defines (code systems, extensions,
/// the Questionnaire). It identifies; it is not meant to resolve.
macro_rules! base {
    () => {
        "https://github.com/heel-project/heel/fhir"
    };
}

/// The base of heel's canonical URLs: `https://github.com/heel-project/heel/fhir`.
pub const BASE: &str = base!();

/// The canonical URL of heel's Questionnaire. Its `version` is heel's version
/// ([`VERSION`]); a QuestionnaireResponse names it, with or without
/// `|version`, in its `questionnaire` field.
pub const QUESTIONNAIRE_URL: &str = concat!(base!(), "/Questionnaire/heel-assessment");

/// The version of the Questionnaire and of the engine that assesses the
/// answers (heel's version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The code systems heel's resources use: heel's own (under [`BASE`]) and
/// the standard ones.
pub mod code_system {
    /// heel's condition ids (`plantar_fasciitis`, ..., `other`): the outcomes
    /// of the RiskAssessment, beside ICD-10-CM and SNOMED CT.
    pub const CONDITION: &str = concat!(base!(), "/CodeSystem/condition");
    /// The options of heel's single-choice questions (`female`, `sudden`, `left`, ...).
    pub const OPTION: &str = concat!(base!(), "/CodeSystem/option");
    /// The places of the `pain_location` question (`plantar_medial_heel`, ...).
    pub const PAIN_LOCATION: &str = concat!(base!(), "/CodeSystem/pain-location");
    /// The settings whose priors heel uses (`runners`, `general_practice`, `children`).
    pub const SETTING: &str = concat!(base!(), "/CodeSystem/setting");
    /// The triage levels (`self_care`, `see_doctor`, `urgent`, `emergency`).
    pub const TRIAGE_LEVEL: &str = concat!(base!(), "/CodeSystem/triage-level");
    /// The triage rules (red flags and "see a doctor" advice), by rule id.
    pub const TRIAGE_RULE: &str = concat!(base!(), "/CodeSystem/triage-rule");
    /// Triage reasons that are neither a rule nor a likely condition
    /// (`no_clear_pattern`, `not_enough_information`, `no_warning_signs`).
    pub const TRIAGE_REASON: &str = concat!(base!(), "/CodeSystem/triage-reason");
    /// The care-plan advice ids (`rest`, `ice`, ...).
    pub const ADVICE: &str = concat!(base!(), "/CodeSystem/advice");
    /// What heel's results are: `triage-level` (the Observation's code) and
    /// `differential` (the RiskAssessment's code).
    pub const RESULT: &str = concat!(base!(), "/CodeSystem/result");
    /// The method: code `heel`, with heel's version as the coding's version.
    pub const METHOD: &str = concat!(base!(), "/CodeSystem/method");

    /// HL7 v2 table 0136 (yes/no): `Y` and `N`.
    pub const YES_NO: &str = "http://terminology.hl7.org/CodeSystem/v2-0136";
    /// Data absent reason: `asked-unknown` is "don't know".
    pub const DATA_ABSENT_REASON: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    /// ICD-10-CM.
    pub const ICD_10_CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
    /// SNOMED CT.
    pub const SNOMED_CT: &str = "http://snomed.info/sct";
    /// UCUM units.
    pub const UCUM: &str = "http://unitsofmeasure.org";
    /// SDC item controls (`radio-button`, `check-box`).
    pub const ITEM_CONTROL: &str = "http://hl7.org/fhir/questionnaire-item-control";
    /// Observation categories (`survey`).
    pub const OBSERVATION_CATEGORY: &str =
        "http://terminology.hl7.org/CodeSystem/observation-category";
}

/// The extensions heel's resources use: heel's own (under [`BASE`]) and the
/// standard ones.
pub mod extension {
    /// On a Questionnaire item (`valueBoolean: true`): only a clinician can
    /// answer it (a bedside test).
    pub const CLINICIAN_ONLY: &str = concat!(base!(), "/StructureDefinition/clinician-only");
    /// On a Questionnaire item (`valueBoolean: true`): it screens for a red
    /// flag (the item is in the first group).
    pub const RED_FLAG_SCREEN: &str = concat!(base!(), "/StructureDefinition/red-flag-screen");
    /// On a component of the triage Observation (`valueBoolean: true`): the
    /// reason is a red flag.
    pub const RED_FLAG: &str = concat!(base!(), "/StructureDefinition/red-flag");

    /// The unit of a numeric question (`valueCoding`, UCUM).
    pub const QUESTIONNAIRE_UNIT: &str =
        "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    /// The smallest allowed answer.
    pub const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
    /// The largest allowed answer.
    pub const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
    /// How to show a choice question (SDC item control).
    pub const ITEM_CONTROL: &str =
        "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
}

/// The size limits for FHIR input: those of heel's own documents (the same
/// 1 MiB text and 512 entries per object or array), but nesting up to 16
/// levels (a response nests items in groups and codings in answers) and
/// strings up to 64 KiB (resources may carry a narrative).
pub(crate) const LIMITS: Limits = Limits {
    depth: 16,
    string: 64 * 1024,
    ..doc::DOCUMENT
};

/// heel's Questionnaire (FHIR R4, SDC), generated from the catalog.
///
/// - A first group, `red_flag_screens`, holds the red-flag screening
///   questions (the items the catalog flags `red_flag_screen`, also marked
///   with the [`extension::RED_FLAG_SCREEN`] extension); then one group per
///   catalog group (`location`, `story`, ...) holds the other questions in
///   catalog order. The `profile` group starts with an optional `setting`
///   question (which priors to use).
/// - Yes/no questions are `choice` questions with the options `Y` and `N`
///   ([`code_system::YES_NO`]) and `asked-unknown` ("Don't know",
///   [`code_system::DATA_ABSENT_REASON`]); single-choice questions offer the
///   option codes ([`code_system::OPTION`]); `pain_location` is a `choice`
///   with `repeats: true` ([`code_system::PAIN_LOCATION`]); numbers are
///   `decimal` with a UCUM unit (`questionnaire-unit`) and `minValue` /
///   `maxValue`.
/// - Clinician-only questions carry the [`extension::CLINICIAN_ONLY`] extension.
///
/// ```
/// let q = heel_core::fhir::questionnaire().to_value();
/// assert_eq!(q["version"], heel_core::fhir::VERSION);
/// let screens = &q["item"][0]["item"];
/// assert!(screens.as_array().unwrap().iter().any(|i| i["linkId"] == "fever"));
/// ```
#[must_use]
pub fn questionnaire() -> Resource {
    Resource(questionnaire::questionnaire().clone())
}

/// The QuestionnaireResponse to heel's [`questionnaire`] holding the answers
/// of `a` (status `completed`, items in the Questionnaire's groups, only the
/// answered ones). Reading it back with [`assessment_from_response_json`]
/// gives `a` again. Its `id` is the one it has in [`bundle`]; it has no
/// `subject` (the Bundle's copy refers to the Bundle's Patient).
///
/// ```
/// use heel_core::{fhir, Assessment};
/// let a = Assessment::from_json(r#"{"setting": "runners", "answers": {"fever": "absent"}}"#)?;
/// let qr = fhir::questionnaire_response(&a).to_value();
/// assert_eq!(qr["status"], "completed");
/// assert_eq!(fhir::assessment_from_response(&qr)?, a);
/// # Ok::<(), heel_core::Error>(())
/// ```
#[must_use]
pub fn questionnaire_response(a: &Assessment) -> Resource {
    let ids = bundle::Ids::new(a);
    Resource(response::write(a, &ids.response, None))
}

/// Assesses `a` and returns the results as a FHIR R4 Bundle of type
/// `collection`, holding, in this order:
///
/// 1. the QuestionnaireResponse ([`questionnaire_response`]), about the Patient;
/// 2. a RiskAssessment with one prediction per cause, most likely first: the
///    outcome coded in heel's [`code_system::CONDITION`], ICD-10-CM (for the
///    side answered) and SNOMED CT where verified, `probabilityDecimal`,
///    `relativeRisk` (against the setting's prior) and a `rationale` naming
///    the answers that moved it most; `basis` refers to the response and
///    `method` names heel and its version;
/// 3. the triage as an Observation: the level in
///    [`code_system::TRIAGE_LEVEL`], one component per reason (the rule, the
///    likely condition or the kind of reason, the level it sets, its text,
///    and the [`extension::RED_FLAG`] extension on red flags), who to see and
///    the notice as notes;
/// 4. a CarePlan (`intent: proposal`) with one activity per care step
///    (`detail.description`, `detail.code` in [`code_system::ADVICE`], the
///    conditions it is for as `detail.reasonCode`);
/// 5. an anonymous Patient: FHIR needs a subject, heel knows nobody.
///
/// Every id is a UUID v5 of the resource type, heel's version and the
/// answers (as `item=answer` lines in catalog order; `docs/fhir.md` gives
/// the details); `fullUrl`s and references are `urn:uuid:` URIs. Nothing
/// depends on the clock: a record system adds dates when it files the Bundle.
///
/// ```
/// use heel_core::{fhir, Assessment};
/// let a = Assessment::from_json(r#"{"answers": {"age": 30, "fever": "present",
///     "redness": "present", "warmth": "present", "swelling": "present"}}"#)?;
/// let b = fhir::bundle(&a)?.to_value();
/// let types: Vec<&str> = b["entry"].as_array().unwrap().iter()
///     .map(|e| e["resource"]["resourceType"].as_str().unwrap()).collect();
/// assert_eq!(types, ["QuestionnaireResponse", "RiskAssessment", "Observation", "CarePlan", "Patient"]);
/// let level = &b["entry"][2]["resource"]["valueCodeableConcept"]["coding"][0]["code"];
/// assert_eq!(level, "urgent");
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # Errors
/// As for [`crate::assess`]: [`Error::Inconsistent`] when answers contradict
/// each other.
pub fn bundle(a: &Assessment) -> Result<Resource, Error> {
    bundle::bundle(a).map(Resource)
}

/// Reads a QuestionnaireResponse to heel's [`questionnaire`] (JSON text)
/// into an assessment.
///
/// Questions may sit in the Questionnaire's groups or anywhere else in the
/// item tree; an unanswered question, and a "Don't know", are unknown. The
/// checks and error codes are those of [`Assessment::from_json`], and every
/// error names the place in the response (for example
/// `item[2].item[0].answer[0].valueDecimal`):
///
/// - an unknown `linkId` is `unknown_id` (with a "did you mean");
/// - an answer of the wrong type (`valueString` for a number) is
///   `wrong_type`; a code that the question does not offer is `unknown_id`;
/// - a number outside the question's range is `out_of_range`;
/// - a question answered twice, or given twice, is `duplicate`;
/// - fields that a QuestionnaireResponse does not have, a
///   `modifierExtension` (which heel cannot understand) and another
///   Questionnaire's response are rejected; so is a response with status
///   `entered-in-error` (`inconsistent`);
/// - the size limits of JSON input apply (`too_large`), with room for
///   FHIR's deeper nesting and narratives.
///
/// # Errors
/// An [`Error`] naming the field at fault, as above.
pub fn assessment_from_response_json(text: &str) -> Result<Assessment, Error> {
    response::read(&doc::from_json_with(text, &LIMITS)?)
}

/// [`assessment_from_response_json`] for any serde deserializer (a Python
/// dict through `pythonize`, a JavaScript object through
/// `serde-wasm-bindgen`, a [`serde_json::Value`], ...).
///
/// # Errors
/// As for [`assessment_from_response_json`].
pub fn assessment_from_response<'de, D: Deserializer<'de>>(d: D) -> Result<Assessment, Error> {
    response::read(&doc::from_deserializer_with(d, &LIMITS)?)
}

/// Reads either of the documents an assessment can come in: a FHIR
/// QuestionnaireResponse (any JSON object with a `resourceType`, see
/// [`assessment_from_response_json`]) or heel's assessment document (see
/// [`Assessment::from_json`], whose limits and errors then apply unchanged).
///
/// ```
/// use heel_core::fhir;
/// let a = fhir::read_json(r#"{"answers": {"fever": "absent"}}"#)?;
/// let b = fhir::read_json(&fhir::questionnaire_response(&a).to_json())?;
/// assert_eq!(a, b);
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # Errors
/// The errors of the document it turned out to be.
pub fn read_json(text: &str) -> Result<Assessment, Error> {
    read_doc(&doc::from_json_with(text, &LIMITS)?)
}

/// [`read_json`] for any serde deserializer.
///
/// # Errors
/// As for [`read_json`].
pub fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Assessment, Error> {
    read_doc(&doc::from_deserializer_with(d, &LIMITS)?)
}

/// A FHIR resource as heel writes it: JSON whose keys keep a readable,
/// stable order (`resourceType` and `id` first, then the elements in the
/// order FHIR lists them). Serialize it with any serde serializer (this is
/// what the bindings return), or turn it into text or a
/// [`serde_json::Value`].
///
/// ```
/// use heel_core::fhir;
/// let q = fhir::questionnaire();
/// assert!(q.to_json().starts_with(r#"{"resourceType":"Questionnaire","id":"heel-assessment","url":"#));
/// assert_eq!(q.to_value()["status"], "active");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Resource(Json);

impl Resource {
    /// The resource as a [`serde_json::Value`] (whose objects sort their keys).
    #[must_use]
    pub fn to_value(&self) -> Value {
        // Strings, finite numbers, booleans, arrays and objects: this cannot fail.
        serde_json::to_value(&self.0).unwrap_or_default()
    }

    /// The resource as compact JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// The resource as indented JSON text.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.0).unwrap_or_default()
    }
}

impl serde::Serialize for Resource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// Whether `d` is a FHIR resource rather than heel's assessment document.
fn is_resource(d: &Doc) -> bool {
    matches!(d, Doc::Object(fields) if fields.iter().any(|(k, _)| k == "resourceType"))
}

fn read_doc(d: &Doc) -> Result<Assessment, Error> {
    if is_resource(d) {
        response::read(d)
    } else {
        // Read with FHIR's limits; an assessment must meet its own.
        doc::check(d, &doc::DOCUMENT)?;
        Assessment::from_doc(d)
    }
}
