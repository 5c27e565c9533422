//! Reading the assessment document from a JavaScript argument.
//!
//! Both forms go through heel-core's validation, so the errors (code, field
//! and message) are the same as in Rust and Python.

use heel_core::{Assessment, Error};
use wasm_bindgen::JsValue;

use crate::doc::{self, Input};

/// Reads an assessment from a plain object or from JSON text.
///
/// # Errors
/// heel-core's [`Error`] for a document it does not accept.
pub fn read(value: &JsValue) -> Result<Assessment, Error> {
    match doc::read(value)? {
        Input::Text(text) => Assessment::from_json(&text),
        Input::Value(d) => Assessment::from_deserializer(d),
    }
}
