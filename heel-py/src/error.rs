//! heel-core's [`Error`] as Python exceptions.
//!
//! The exception classes are defined in Python (`python/heel/_errors.py`) so
//! that they carry docstrings, typed attributes and pickle support; this
//! module fills them from the core error. Every variant keeps its stable
//! code (`Error::code`), the field path (`Error::field`) and the core's
//! message unchanged:
//!
//! | core variant        | `code`             | extra attribute        |
//! |---------------------|--------------------|------------------------|
//! | `InvalidDocument`   | `invalid_document` |                        |
//! | `UnknownId`         | `unknown_id`       | `suggestion` (did you mean) |
//! | `WrongType`         | `wrong_type`       |                        |
//! | `OutOfRange`        | `out_of_range`     |                        |
//! | `Duplicate`         | `duplicate`        |                        |
//! | `TooLarge`          | `too_large`        |                        |
//! | `Inconsistent`      | `inconsistent`     |                        |
//!
//! The class says what was being read: `InvalidAssessmentError` for an
//! assessment, `InvalidOptionsError` for `next_questions` options,
//! `InvalidTextError` for the text given to `parse`, and the base
//! `HeelError` for an unknown id in a lookup such as `Report.condition`.
//! All derive from `ValueError`.

use heel_core::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// Which exception class to raise: what the input was.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Input {
    /// An assessment document (`InvalidAssessmentError`).
    Assessment,
    /// The options of `next_questions` (`InvalidOptionsError`).
    Options,
    /// An id given to a lookup method (`HeelError`).
    Id,
    /// The free text given to `parse` (`InvalidTextError`).
    Text,
}

static HEEL_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_ASSESSMENT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_OPTIONS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_TEXT: PyOnceLock<Py<PyType>> = PyOnceLock::new();

const ERRORS_MODULE: &str = "heel._errors";

fn class(py: Python<'_>, input: Input) -> PyResult<&Bound<'_, PyType>> {
    match input {
        Input::Assessment => INVALID_ASSESSMENT.import(py, ERRORS_MODULE, "InvalidAssessmentError"),
        Input::Options => INVALID_OPTIONS.import(py, ERRORS_MODULE, "InvalidOptionsError"),
        Input::Id => HEEL_ERROR.import(py, ERRORS_MODULE, "HeelError"),
        Input::Text => INVALID_TEXT.import(py, ERRORS_MODULE, "InvalidTextError"),
    }
}

/// The "did you mean" of an unknown id; `None` for every other variant
/// (including any variant a later heel-core adds: it still maps, with its
/// code, field and message).
fn suggestion(err: &Error) -> Option<&str> {
    if let Error::UnknownId { suggestion, .. } = err {
        suggestion.as_deref()
    } else {
        None
    }
}

/// The Python exception for a core error. `index` is the position of the
/// assessment in a batch (`assess_many`, `assess_frame`), `None` otherwise.
pub(crate) fn to_py(py: Python<'_>, input: Input, err: &Error, index: Option<usize>) -> PyErr {
    let made = class(py, input).and_then(|cls| {
        cls.call1((
            err.to_string(),
            err.code(),
            err.field(),
            suggestion(err),
            index,
        ))
    });
    match made {
        Ok(exception) => PyErr::from_value(exception),
        // Only if the `heel` package itself is broken: report that instead.
        Err(import_failed) => import_failed,
    }
}
