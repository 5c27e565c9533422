//! Documents between JavaScript and heel-core.
//!
//! **In.** An argument is either JSON text (a string, read by heel-core's own
//! JSON reader, which also reports keys given twice) or a JavaScript value.
//! A value is first copied with `structuredClone`, so getters, proxies and
//! other exotic objects run once, here, where anything they throw is caught
//! and reported as an `invalid_document` error; the copy is then read with
//! `serde-wasm-bindgen` into heel-core, which validates it and applies its
//! size limits. No input can make a JavaScript exception unwind through the
//! WebAssembly code, which would leave it in an unknown state.
//!
//! **Out.** Results are written with `serde-wasm-bindgen`'s JSON-compatible
//! serializer: plain objects, arrays, strings, numbers, booleans and `null`,
//! exactly the JSON documents heel-core writes.

use heel_core::Error;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error;

#[wasm_bindgen]
extern "C" {
    /// The host's `structuredClone`, with its exceptions caught.
    #[wasm_bindgen(catch, js_name = structuredClone)]
    fn structured_clone(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// What an argument holds.
pub enum Input {
    /// JSON text.
    Text(String),
    /// A plain copy of a JavaScript value, safe to read.
    Value(serde_wasm_bindgen::Deserializer),
}

/// Classifies an argument, copying a non-string value.
///
/// # Errors
/// heel-core's [`Error::InvalidDocument`] when the value cannot be copied
/// (a function, a symbol, a getter or proxy that throws).
pub fn read(value: &JsValue) -> Result<Input, Error> {
    if let Some(text) = value.as_string() {
        return Ok(Input::Text(text));
    }
    structured_clone(value)
        .map(|copy| Input::Value(serde_wasm_bindgen::Deserializer::from(copy)))
        .map_err(|thrown| {
            Error::invalid_document(format!(
                "the value cannot be read as a document: {}",
                describe(&thrown)
            ))
        })
}

/// The message of a thrown value (at most 200 characters), for error
/// messages. Read through `Reflect.get`, whose exceptions are caught: the
/// thrown value may itself be a hostile object.
fn describe(thrown: &JsValue) -> String {
    const MAX: usize = 200;
    let message = js_sys::Reflect::get(thrown, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "it threw something that is not an Error".to_owned());
    if message.chars().count() <= MAX {
        message
    } else {
        message.chars().take(MAX).chain(['…']).collect()
    }
}

/// Writes a heel-core document as a plain JavaScript value.
///
/// # Errors
/// A plain `Error` (not a `HeelError`) if the document cannot be converted;
/// heel-core's documents hold only strings, numbers, booleans, lists and
/// nulls, so this would be a bug in heel.
pub fn write<T: Serialize>(doc: &T, what: &str) -> Result<JsValue, JsValue> {
    doc.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error::internal(&format!("could not convert the {what}"), &e))
}
