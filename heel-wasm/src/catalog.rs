//! `catalog`: heel-core's [`heel_core::catalog`].

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::doc;

/// Everything a user interface needs to ask the questions and show the
/// answers: the settings, triage levels (with their time frames and who to
/// see), the conditions and `other`, the professionals, every evidence item
/// as a question with its answer options, the advice and the sources.
///
/// Each call returns a new plain object (`schema/catalog.schema.json`), so
/// callers may change their copy freely.
///
/// # Errors
/// Throws a plain `Error` only if the catalog cannot be converted to
/// JavaScript, which would be a bug in heel.
#[wasm_bindgen(js_name = catalog, unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    crate::init_panic_hook();
    doc::write(heel_core::catalog(), "catalog")
}
