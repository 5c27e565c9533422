//! `parse`: heel-core's [`heel_core::parse()`], the free-text reader.

use heel_core::Error;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{doc, error};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, with its exceptions caught (it throws for a revoked
    /// `Proxy`).
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Reads a free-text description of heel pain: what it says about each
/// evidence item (`findings`, in text order, each with the `span` of words it
/// came from and whether it was `negated`, `hedged` or `approximate`), the
/// pieces of text it could not use (`unused`), and an `assessment` built from
/// the findings, ready for `assess` and `nextQuestions`. A hedged finding
/// ("maybe a bit swollen") has a `null` answer and stays out of the
/// assessment.
///
/// A span's `start` and `end` are byte offsets into the UTF-8 encoding of the
/// text (the same numbers in Rust, Python and JavaScript), not string
/// indices; its `text` is the words themselves.
///
/// ```js
/// const parsed = parse("No fever, but maybe a bit swollen. I'm 42.");
/// for (const f of parsed.findings) console.log(f.item, f.answer, f.hedged, f.span.text);
/// console.log(assess(parsed.assessment).triage.level);
/// ```
///
/// # Errors
/// Throws a `HeelError` with `field` `"text"`: `too_large` for a text over
/// 20,000 characters, `wrong_type` when `text` is not a string.
#[wasm_bindgen(js_name = parse, unchecked_return_type = "Parsed")]
pub fn parse(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "a description of the heel pain, in the person's or a clinician's words"
    )]
    text: &JsValue,
) -> Result<JsValue, JsValue> {
    crate::init_panic_hook();
    let Some(text) = text.as_string() else {
        return Err(error::to_js(&Error::WrongType {
            field: "text".to_owned(),
            expected: "a string (the text to read)".to_owned(),
            found: type_name(text),
        }));
    };
    let parsed = heel_core::parse(&text).map_err(|e| error::to_js(&e))?;
    doc::write(&parsed, "parsed text")
}

/// What a value that is not a string is, in heel-core's words for JSON
/// types. Only `typeof` checks and a caught `Array.isArray`: nothing here
/// can throw, whatever the value.
fn type_name(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.as_f64().is_some() || value.is_bigint() {
        "a number"
    } else if is_array(value).unwrap_or(false) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else {
        "an object"
    }
}
