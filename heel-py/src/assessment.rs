//! The assessment document, read from Python.
//!
//! An assessment is accepted as JSON text (`str`) or as the same document
//! built from Python objects: a `dict` (or any mapping) of `"setting"` and
//! `"answers"`, with strings, numbers, booleans, `None` and lists inside.
//! heel-core reads and validates it either way, so the errors (and their
//! field paths) are the ones every binding gives.

use heel_core::{Assessment, Error};
use pyo3::prelude::*;
use pyo3::types::PyString;
use pythonize::Depythonizer;

use crate::error::{self, Input};

/// Reads one assessment, validated by heel-core.
pub(crate) fn read_core(obj: &Bound<'_, PyAny>) -> Result<Assessment, Error> {
    if let Ok(text) = obj.cast::<PyString>() {
        // A `str` that cannot be encoded as UTF-8 (lone surrogates) is not JSON.
        return match text.to_cow() {
            Ok(text) => Assessment::from_json(&text),
            Err(e) => Err(heel_core::Error::invalid_document(e.to_string())),
        };
    }
    Assessment::from_deserializer(&mut Depythonizer::from_object(obj))
}

/// Reads one assessment, raising `InvalidAssessmentError` when it is not
/// valid; `index` is its position in a batch.
pub(crate) fn read(obj: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<Assessment> {
    read_core(obj).map_err(|e| error::to_py(obj.py(), Input::Assessment, &e, index))
}
