//! `nextQuestions`: heel-core's [`heel_core::next_questions`], and reading
//! its options document.

use heel_core::{Error, QuestionOptions};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::doc::{self, Input};
use crate::{assessment, error};

/// Reads the options (`{ self_report_only?, limit?, skip? }`) from a plain
/// object or JSON text; `undefined` and `null` mean the defaults.
///
/// # Errors
/// heel-core's [`Error`] for options it does not accept.
pub fn read_options(value: &JsValue) -> Result<QuestionOptions, Error> {
    match doc::read(value)? {
        Input::Text(text) => QuestionOptions::from_json(&text),
        Input::Value(d) => QuestionOptions::from_deserializer(d),
    }
}

/// The questions worth asking next, most useful first, and whether to stop.
///
/// Pending red-flag screening questions always come first; the rest are
/// ranked by how much their answer is expected to change the ranking of
/// conditions. `should_stop` (with `stop_reason`) says when more questions
/// are unlikely to change the answer; it is never set while a red-flag
/// question is pending. `rule_level` is the triage level the answers so far
/// set through the red-flag rules alone.
///
/// Options: `self_report_only` leaves out the clinician's bedside tests,
/// `limit` caps how many questions come back, and `skip` lists items already
/// asked and answered "don't know".
///
/// # Errors
/// Throws a `HeelError` when the assessment or the options are not
/// accepted; its `code` and `field` say what is wrong and where.
#[wasm_bindgen(js_name = nextQuestions, unchecked_return_type = "NextQuestions")]
pub fn next_questions(
    #[wasm_bindgen(
        unchecked_param_type = "Assessment | string",
        param_description = "the answers so far: an assessment document, or its JSON text"
    )]
    assessment: &JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "QuestionOptions | string | null",
        param_description = "how to choose the questions; every field is optional"
    )]
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    crate::init_panic_hook();
    let a = assessment::read(assessment).map_err(|e| error::to_js(&e))?;
    let o = read_options(options).map_err(|e| error::to_js(&e))?;
    let next = heel_core::next_questions(&a, &o).map_err(|e| error::to_js(&e))?;
    doc::write(&next, "questions")
}
