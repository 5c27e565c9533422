//! What every class shares: its core value as a Python document
//! (`to_dict`) or as JSON text (`to_json`), exactly as heel-core writes it.

use heel_core::limits::{MAX_DEPTH, MAX_ENTRIES, MAX_VALUES};
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

/// Reads a document from Python objects with heel-core's `read` (for
/// example `Assessment::from_deserializer`). Two host values cannot be handed
/// to Rust as they are, and are read as JSON reads them, with heel-core's own
/// errors at their field (the ones the JavaScript binding gives too):
///
/// - an `int` wider than 128 bits is read as the float nearest to it, as JSON
///   text reads a long integer; one beyond the float range is out of range
///   (as the JSON text `1e400` is), never an `OverflowError`;
/// - a `str` with a lone surrogate is not Unicode text, not a
///   `UnicodeEncodeError`.
pub(crate) fn read<T>(
    obj: &Bound<'_, PyAny>,
    read: impl Fn(&mut pythonize::Depythonizer<'_, '_>) -> Result<T, heel_core::Error>,
) -> Result<T, heel_core::Error> {
    let result = read(&mut pythonize::Depythonizer::from_object(obj));
    if let Err(heel_core::Error::InvalidDocument { field, .. }) = &result {
        // Only when the reader stopped at that very value.
        match unreadable(obj, "", 0, &mut 0) {
            Some((Unreadable::WideInt, at)) if at == *field => {
                return match as_floats(obj, 0, &mut 0) {
                    Some(copy) => read(&mut pythonize::Depythonizer::from_object(&copy)),
                    None => Err(heel_core::Error::number_too_large(at)),
                };
            }
            Some((Unreadable::NotUnicode, at)) if at == *field => {
                return Err(heel_core::Error::not_unicode(at));
            }
            _ => {}
        }
    }
    result
}

/// A copy of the document with every `int` wider than 128 bits replaced by
/// the nearest float; `None` if one is beyond the float range. Only dicts,
/// lists and tuples are copied, and no further than heel-core reads: past its
/// limits the rest is left as it is, for heel-core to reject.
fn as_floats<'py>(
    obj: &Bound<'py, PyAny>,
    depth: usize,
    seen: &mut usize,
) -> Option<Bound<'py, PyAny>> {
    use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyTuple};
    let py = obj.py();
    *seen += 1;
    if depth > MAX_DEPTH || *seen > MAX_VALUES {
        return Some(obj.clone());
    }
    if let Ok(int) = obj.cast::<PyInt>() {
        if obj.is_instance_of::<PyBool>()
            || int.extract::<i128>().is_ok()
            || int.extract::<u128>().is_ok()
        {
            return Some(obj.clone());
        }
        // Python rounds to the nearest float, and raises OverflowError past the range.
        let x: f64 = int.extract().ok()?;
        return Some(PyFloat::new(py, x).into_any());
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        if dict.len() > MAX_ENTRIES + 1 {
            return Some(obj.clone());
        }
        let copy = PyDict::new(py);
        for (k, v) in dict.iter() {
            copy.set_item(k, as_floats(&v, depth + 1, seen)?).ok()?;
        }
        return Some(copy.into_any());
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        if obj.len().ok()? > MAX_ENTRIES + 1 {
            return Some(obj.clone());
        }
        let items = obj
            .try_iter()
            .ok()?
            .map(|v| as_floats(&v.ok()?, depth + 1, seen))
            .collect::<Option<Vec<_>>>()?;
        return PyList::new(py, items).ok().map(Bound::into_any);
    }
    Some(obj.clone())
}

/// Reads JSON text from a Python `str` with heel-core's `read`.
pub(crate) fn read_text<T>(
    text: &Bound<'_, pyo3::types::PyString>,
    read: impl FnOnce(&str) -> Result<T, heel_core::Error>,
) -> Result<T, heel_core::Error> {
    match text.to_cow() {
        Ok(text) => read(&text),
        Err(_) => Err(heel_core::Error::not_unicode("")),
    }
}

/// A value that cannot cross into Rust.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unreadable {
    WideInt,
    NotUnicode,
}

/// The first value that cannot cross into Rust, and its path, in the order
/// heel-core reads the document (the core's path format: `answers.age`,
/// `answers.pain_location[0]`; a bad key is reported at its object). It looks
/// no further than heel-core reads (its depth, entry and value limits), so a
/// huge document cannot make it slow.
fn unreadable(
    obj: &Bound<'_, PyAny>,
    path: &str,
    depth: usize,
    seen: &mut usize,
) -> Option<(Unreadable, String)> {
    use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple};
    *seen += 1;
    if depth > MAX_DEPTH || *seen > MAX_VALUES {
        return None;
    }
    if let Ok(int) = obj.cast::<PyInt>() {
        let fits = obj.is_instance_of::<PyBool>()
            || int.extract::<i128>().is_ok()
            || int.extract::<u128>().is_ok();
        return (!fits).then(|| (Unreadable::WideInt, path.to_owned()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .is_err()
            .then(|| (Unreadable::NotUnicode, path.to_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return dict.iter().take(MAX_ENTRIES + 1).find_map(|(k, v)| {
            // A key that is not a `str` (an int) is read as its text, as heel-core does.
            let key = match k.cast::<PyString>() {
                Ok(key) => match key.to_cow() {
                    Ok(key) => key.into_owned(),
                    Err(_) => return Some((Unreadable::NotUnicode, path.to_owned())),
                },
                Err(_) => k.to_string(),
            };
            let child = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            unreadable(&v, &child, depth + 1, seen)
        });
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return obj
            .try_iter()
            .ok()?
            .take(MAX_ENTRIES + 1)
            .enumerate()
            .find_map(|(i, v)| unreadable(&v.ok()?, &format!("{path}[{i}]"), depth + 1, seen));
    }
    None
}
