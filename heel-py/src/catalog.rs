//! The catalog: `catalog()`, heel-core's catalog document as plain Python
//! dicts and lists.
//!
//! The catalog is static data, so it needs no classes: the package types it
//! with the TypedDicts of `heel._catalog`, which `scripts/gen-stubs.py`
//! generates from `schema/catalog.schema.json`. Each call returns a fresh
//! copy, so a caller may change what it gets without touching anyone else's.

use pyo3::prelude::*;

use crate::document;

/// The catalog of causes (the named conditions and `other`), questions
/// (evidence items), triage levels, professionals, settings, advice and
/// sources: everything a user interface needs to ask
/// the questions and show the answers, in a stable order, as plain dicts
/// and lists (exactly heel-core's catalog document).
#[pyfunction]
pub(crate) fn catalog(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    document::to_dict(py, heel_core::catalog())
}
