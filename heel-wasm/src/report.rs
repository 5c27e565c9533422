//! `assess`: heel-core's [`heel_core::assess`].

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{assessment, doc, error};

/// Assesses heel pain: a probability distribution over the causes (the named
/// conditions and `other`, "Something else"; it sums to 1) with the
/// contribution of every answer, the triage level with its time frame, who
/// to see and the reasons, the items still `missing` before self-care could
/// be advised, and a care plan. The report always carries the "not a
/// diagnosis" notice.
///
/// The assessment is a plain object (`{ setting?, answers? }`, the same
/// document as in Rust and Python) or its JSON text. The report is a new
/// plain object with the snake_case fields of `schema/report.schema.json`.
///
/// ```js
/// const report = assess({ answers: { age: 42, first_step_pain: "present" } });
/// console.log(report.conditions[0].name, report.triage.level, report.triage.who_to_see_text);
/// console.log("still needed:", report.missing.join(", "));
/// ```
///
/// # Errors
/// Throws a `HeelError` when the assessment is not accepted; its `code` and
/// `field` say what is wrong and where.
#[wasm_bindgen(js_name = assess, unchecked_return_type = "Report")]
pub fn assess(
    #[wasm_bindgen(
        unchecked_param_type = "Assessment | string",
        param_description = "what is known: an assessment document, or its JSON text"
    )]
    assessment: &JsValue,
) -> Result<JsValue, JsValue> {
    crate::init_panic_hook();
    let a = assessment::read(assessment).map_err(|e| error::to_js(&e))?;
    let report = heel_core::assess(&a).map_err(|e| error::to_js(&e))?;
    doc::write(&report, "report")
}
