//! Documents between JavaScript and heel-core.
//!
//! **In.** An argument is either JSON text (a string, read by heel-core's own
//! JSON reader, which also reports keys given twice) or a JavaScript value.
//! Most values are plain data (objects and arrays of strings, numbers,
//! booleans and null); `doc.js` writes those as JSON text in one pass, and
//! heel-core reads the text: the same document, in about half the time of
//! reading it field by field across the WebAssembly boundary (measured for a
//! 15-answer assessment). Any other
//! value (undefined, NaN, a BigInt, a lone surrogate, a `Date`, a getter or
//! proxy that throws, ...) takes the general path: it is copied with
//! `structuredClone`, so getters, proxies and other exotic objects run here,
//! where anything they throw is caught and reported as an
//! `invalid_document` error; the copy is then read with `serde-wasm-bindgen`
//! into heel-core, which validates it and applies its size limits. (A getter
//! that does not throw may therefore run twice: once in the fast pass that
//! gave up, once in the copy.) No input can make a JavaScript exception
//! unwind through the WebAssembly code, which would leave it in an unknown
//! state.
//!
//! **Out.** Results are written as a tape (see [`crate::tape`]: operations,
//! the numbers' exact bits and the strings, repeated ids once, field names
//! once per module instance) that `doc.js`
//! turns into plain objects, arrays, strings, numbers, booleans and `null`
//! in one call: exactly the JSON documents heel-core writes. (Creating each
//! value through its own call, as `serde-wasm-bindgen` does, and writing
//! JSON text for the host's `JSON.parse` give the same documents but
//! measured slower: the first crosses the boundary for every value and
//! decodes every string on its own; the second formats and re-reads every
//! number.)

use heel_core::Error;
use heel_core::limits::{MAX_DEPTH, MAX_ENTRIES, MAX_TEXT, MAX_VALUES};
use js_sys::{Array, JsString, Object};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error;
use crate::tape::Tape;

#[wasm_bindgen(module = "/src/doc.js")]
extern "C" {
    /// The JSON text of a plain-data value within the limits, else
    /// `undefined`; it never throws (see `doc.js`).
    #[wasm_bindgen(js_name = plainJsonText)]
    fn plain_json_text(
        value: &JsValue,
        max_depth: usize,
        max_entries: usize,
        max_values: usize,
        max_text: usize,
    ) -> Option<String>;

    /// The plain value a [`Tape`] describes (see `doc.js`).
    #[wasm_bindgen(catch, js_name = decodeTape)]
    fn decode_tape(
        ops: &[u32],
        numbers: &[f64],
        text: &str,
        lengths: &[u32],
        keys_known: u32,
        key_text: &str,
        key_lengths: &[u32],
    ) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// The host's `structuredClone`, with its exceptions caught.
    #[wasm_bindgen(catch, js_name = structuredClone)]
    fn structured_clone(value: &JsValue) -> Result<JsValue, JsValue>;

    /// The host's `Number(value)`: the number nearest to a `BigInt`.
    #[wasm_bindgen(js_name = Number)]
    fn to_number(value: &JsValue) -> f64;
}

/// What an argument holds.
pub enum Input {
    /// JSON text.
    Text(String),
    /// A plain copy of a JavaScript value, safe to read.
    Value(serde_wasm_bindgen::Deserializer),
}

/// Classifies an argument: a string is JSON text, plain data becomes JSON
/// text, and any other value is copied for the general reader.
///
/// # Errors
/// heel-core's [`Error::InvalidDocument`] when the value cannot be copied
/// (a function, a symbol, a getter or proxy that throws).
pub fn read(value: &JsValue) -> Result<Input, Error> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        // Copying a string into Rust replaces a lone surrogate with U+FFFD;
        // refuse it instead, as Python does.
        if !text.is_valid_utf16() {
            return Err(Error::not_unicode(""));
        }
        return Ok(Input::Text(String::from(text)));
    }
    if let Some(text) = plain_json_text(value, MAX_DEPTH, MAX_ENTRIES, MAX_VALUES, MAX_TEXT) {
        return Ok(Input::Text(text));
    }
    let copy = structured_clone(value).map_err(|thrown| {
        Error::invalid_document(format!(
            "the value cannot be read as a document: {}",
            describe(&thrown)
        ))
    })?;
    let copy = check_values(&copy, "", 0, &mut 0)?.unwrap_or(copy);
    Ok(Input::Value(serde_wasm_bindgen::Deserializer::from(copy)))
}

/// Finds the values that cannot cross into Rust unchanged, in the order
/// heel-core reads the document, and treats them as Python's binding does:
///
/// - a string with a lone surrogate (which would become U+FFFD) is not
///   Unicode text: heel-core's error at its path (a bad key at its object);
/// - a `BigInt` outside the 64-bit range is read as the nearest number, as
///   JSON text reads a long integer (the copy is changed in place; the
///   return value replaces the document itself), and one beyond the number
///   range is out of range.
///
/// Paths use the core's format (`answers.age`, `answers.pain_location[0]`).
/// It looks no further than heel-core reads (its depth, entry and value
/// limits): a copy can share one array among many places, or hold itself.
fn check_values(
    value: &JsValue,
    path: &str,
    depth: usize,
    seen: &mut usize,
) -> Result<Option<JsValue>, Error> {
    // One past each limit, so that heel-core sees the value that breaks it.
    const ENTRIES: u32 = MAX_ENTRIES as u32 + 1;
    *seen += 1;
    if depth > MAX_DEPTH || *seen > MAX_VALUES {
        return Ok(None);
    }
    if let Some(s) = value.dyn_ref::<JsString>() {
        return if s.is_valid_utf16() {
            Ok(None)
        } else {
            Err(Error::not_unicode(path))
        };
    }
    if value.is_bigint() {
        if i64::try_from(value.clone()).is_ok() || u64::try_from(value.clone()).is_ok() {
            return Ok(None);
        }
        let nearest = to_number(value);
        return if nearest.is_finite() {
            Ok(Some(JsValue::from_f64(nearest)))
        } else {
            Err(Error::number_too_large(path))
        };
    }
    if let Some(array) = value.dyn_ref::<Array>() {
        for i in 0..array.length().min(ENTRIES) {
            if let Some(v) = check_values(&array.get(i), &format!("{path}[{i}]"), depth + 1, seen)?
            {
                array.set(i, v);
            }
        }
        return Ok(None);
    }
    // Objects (a structured copy has no getters or proxies left; a `Map` has
    // no own entries to list and is not looked into).
    if value.is_object() {
        let entries = Object::entries(value.unchecked_ref());
        for i in 0..entries.length().min(ENTRIES) {
            let entry: Array = entries.get(i).unchecked_into();
            let key: JsString = entry.get(0).unchecked_into();
            if !key.is_valid_utf16() {
                return Err(Error::not_unicode(path));
            }
            let name = String::from(&key);
            let child = if path.is_empty() {
                name
            } else {
                format!("{path}.{name}")
            };
            if let Some(v) = check_values(&entry.get(1), &child, depth + 1, seen)? {
                // Setting an own data property of a plain copy cannot fail.
                let _ = js_sys::Reflect::set(value, &key, &v);
            }
        }
    }
    Ok(None)
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

/// Writes a heel-core document as a plain JavaScript value, through a
/// [`Tape`] that `doc.js` turns into the value in one call.
///
/// # Errors
/// A plain `Error` (not a `HeelError`) if the document cannot be converted;
/// heel-core's documents hold only strings, numbers, booleans, lists and
/// nulls, so this would be a bug in heel.
pub fn write<T: Serialize>(doc: &T, what: &str) -> Result<JsValue, JsValue> {
    let tape = Tape::write(doc)
        .map_err(|e| error::internal(&format!("could not convert the {what}"), &e))?;
    decode_tape(
        &tape.ops,
        &tape.numbers,
        &tape.text,
        &tape.lengths,
        tape.keys_known,
        &tape.key_text,
        &tape.key_lengths,
    )
    .map_err(|e| {
        // doc.js may not hold the field names this tape sent: start afresh.
        Tape::forget_keys();
        error::internal(&format!("could not convert the {what}"), &describe(&e))
    })
}
