//! heel-core's [`Error`] as a JavaScript `HeelError`.
//!
//! Every error heel-core reports reaches JavaScript as an `Error` (so
//! `err instanceof Error` holds and the stack is kept) with:
//!
//! - `name`: always `"HeelError"`;
//! - `code`: heel-core's stable [`Error::code`] (`invalid_document`,
//!   `unknown_id`, `wrong_type`, `out_of_range`, `duplicate`, `too_large` or
//!   `inconsistent`);
//! - `field`: the dotted path of the field at fault ([`Error::field`]; `""`
//!   for the whole document);
//! - `message`: heel-core's message, word for word;
//! - `suggestion`: for `unknown_id`, the id that was probably meant (the
//!   "did you mean"), else `null`, as in Python.
//!
//! Errors are never thrown as bare strings.

use heel_core::Error;
use js_sys::Reflect;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// The value of `name` on every error heel throws for a bad input.
pub const NAME: &str = "HeelError";

#[wasm_bindgen(typescript_custom_section)]
const HEEL_ERROR_TYPES: &str = r#"
/** The stable codes of {@link HeelError}, shared with the Rust and Python APIs. */
export type HeelErrorCode =
  | "invalid_document"
  | "unknown_id"
  | "wrong_type"
  | "out_of_range"
  | "duplicate"
  | "too_large"
  | "inconsistent";

/**
 * What `assess`, `nextQuestions` and the other functions throw when an input
 * is not accepted: an `Error` whose `name` is `"HeelError"`.
 *
 * ```js
 * try { assess({ answers: { age: 130 } }); }
 * catch (err) { if (isHeelError(err)) console.log(err.code, err.field); }
 * ```
 */
export interface HeelError extends Error {
  readonly name: "HeelError";
  /** What kind of problem it is. */
  readonly code: HeelErrorCode;
  /** The dotted path of the field at fault, such as `"answers.age"` or `"skip[0]"`; `""` for the whole document. */
  readonly field: string;
  /** For `unknown_id`, the id that was probably meant ("did you mean"); `null` otherwise. */
  readonly suggestion: string | null;
}
"#;

/// Converts a heel-core error into the `HeelError` to throw.
#[must_use]
pub fn to_js(err: &Error) -> JsValue {
    let js = js_sys::Error::new(&err.to_string());
    js.set_name(NAME);
    // Setting a property on a fresh `Error` object cannot fail.
    let _ = Reflect::set(&js, &"code".into(), &err.code().into());
    let _ = Reflect::set(&js, &"field".into(), &err.field().into());
    let _ = Reflect::set(
        &js,
        &"suggestion".into(),
        &suggestion(err).map_or(JsValue::NULL, JsValue::from),
    );
    js.into()
}

/// The "did you mean" of an unknown id; `None` for every other variant
/// (including any variant a later heel-core adds).
fn suggestion(err: &Error) -> Option<&str> {
    if let Error::UnknownId { suggestion, .. } = err {
        suggestion.as_deref()
    } else {
        None
    }
}

/// Whether `value` is an error thrown by heel for a bad input: an `Error`
/// whose `name` is `"HeelError"`. In TypeScript it narrows the type, so
/// `err.code` and `err.field` can be read in a `catch` block.
#[wasm_bindgen(js_name = isHeelError, unchecked_return_type = "value is HeelError")]
#[must_use]
pub fn is_heel_error(#[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue) -> bool {
    // `instanceof` and `Reflect.get` catch what a hostile value might throw.
    value.is_instance_of::<js_sys::Error>()
        && Reflect::get(value, &"name".into())
            .is_ok_and(|name| name.as_string().as_deref() == Some(NAME))
}

/// A plain `Error` for a failure that is heel's fault, not the caller's (a
/// result that could not be converted to JavaScript). It is not a
/// `HeelError`, so callers do not mistake it for a problem with their input.
#[must_use]
pub fn internal(what: &str, detail: &impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&format!("heel: {what}: {detail}")).into()
}
