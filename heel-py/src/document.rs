//! What every class shares: its core value as a Python document
//! (`to_dict`) or as JSON text (`to_json`), exactly as heel-core writes it.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::Serialize;

/// Widest indent `to_json` accepts; more is surely a mistake.
const MAX_INDENT: usize = 16;

/// The serde document of `value` as Python dicts, lists, strings, numbers,
/// booleans and `None`.
pub(crate) fn to_dict<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// The serde document of `value` as JSON text: compact like heel-core's
/// `to_json` when `indent` is `None`, else indented by that many spaces.
pub(crate) fn to_json<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let failed = |e: serde_json::Error| PyValueError::new_err(e.to_string());
    let Some(width) = indent else {
        return serde_json::to_string(value).map_err(failed);
    };
    if width > MAX_INDENT {
        return Err(PyValueError::new_err(format!(
            "indent must be from 0 to {MAX_INDENT}, not {width}"
        )));
    }
    let pad = vec![b' '; width];
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(&pad),
    );
    value.serialize(&mut ser).map_err(failed)?;
    String::from_utf8(out).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// `text` quoted as Python's `repr` of a `str` would show it (for `__repr__`).
pub(crate) fn quoted(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
