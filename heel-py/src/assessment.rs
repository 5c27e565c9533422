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

use crate::document;
use crate::error::{self, Input};

/// Reads one assessment, validated by heel-core.
pub(crate) fn read_core(obj: &Bound<'_, PyAny>) -> Result<Assessment, Error> {
    if let Ok(text) = obj.cast::<PyString>() {
        return document::read_text(text, Assessment::from_json);
    }
    document::read(obj, |d| Assessment::from_deserializer(d))
}

/// Reads one assessment, raising `InvalidAssessmentError` when it is not
/// valid; `index` is its position in a batch.
pub(crate) fn read(obj: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<Assessment> {
    read_core(obj).map_err(|e| error::to_py(obj.py(), Input::Assessment, &e, index))
}
