//! heel-core's `fhir` module: `fhir_questionnaire`, `fhir_bundle` and
//! `assessment_from_fhir`.
//!
//! FHIR resources are returned as plain dicts (the JSON heel-core writes,
//! keys in its readable order). Input is a dict (any mapping) or JSON text,
//! read and checked by heel-core, so the errors are the ones every binding
//! gives; they are raised as `InvalidAssessmentError`.

use heel_core::{Assessment, Error, fhir};
use pyo3::prelude::*;
use pyo3::types::PyString;
use pythonize::Depythonizer;

use crate::document;
use crate::error::{self, Input};

/// Which documents an argument may be.
#[derive(Clone, Copy)]
enum Accepts {
    /// A QuestionnaireResponse only.
    Response,
    /// A QuestionnaireResponse or heel's assessment document.
    Either,
}

fn read_core(obj: &Bound<'_, PyAny>, accepts: Accepts) -> Result<Assessment, Error> {
    if let Ok(text) = obj.cast::<PyString>() {
        let text = text
            .to_cow()
            .map_err(|e| Error::invalid_document(e.to_string()))?;
        return match accepts {
            Accepts::Response => fhir::assessment_from_response_json(&text),
            Accepts::Either => fhir::read_json(&text),
        };
    }
    let de = &mut Depythonizer::from_object(obj);
    match accepts {
        Accepts::Response => fhir::assessment_from_response(de),
        Accepts::Either => fhir::read(de),
    }
}

fn read(obj: &Bound<'_, PyAny>, accepts: Accepts) -> PyResult<Assessment> {
    read_core(obj, accepts).map_err(|e| error::to_py(obj.py(), Input::Assessment, &e, None))
}

/// A FHIR resource as a dict, keys in heel-core's order.
fn resource<'py>(py: Python<'py>, value: &fhir::Resource) -> PyResult<Bound<'py, PyAny>> {
    document::to_dict(py, value)
}

/// heel's FHIR R4 Questionnaire (Structured Data Capture), generated from
/// the catalog: one question per evidence item (the `linkId` is the item
/// id), the red-flag screens in a first group, then the catalog's groups.
/// Its `url` is heel's canonical URL and its `version` heel's version.
/// Returns a new dict on every call.
#[pyfunction]
pub(crate) fn fhir_questionnaire(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    resource(py, &fhir::questionnaire())
}

/// Assesses and returns the results as a FHIR R4 Bundle (a dict) of type
/// `collection`: the QuestionnaireResponse, a RiskAssessment with one
/// prediction per cause, the triage as an Observation, a CarePlan and the
/// anonymous Patient they are about. The same answers always give the same
/// Bundle (its ids are UUID v5 of the answers).
///
/// `assessment_or_response` is heel's assessment document or a FHIR
/// QuestionnaireResponse to `fhir_questionnaire()`, as a dict or as JSON
/// text. Raises `InvalidAssessmentError` naming the field at fault when it is
/// not valid.
#[pyfunction]
#[pyo3(signature = (assessment_or_response, /))]
pub(crate) fn fhir_bundle<'py>(
    py: Python<'py>,
    assessment_or_response: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = read(assessment_or_response, Accepts::Either)?;
    let bundle = py
        .detach(|| fhir::bundle(&a))
        .map_err(|e| error::to_py(py, Input::Assessment, &e, None))?;
    resource(py, &bundle)
}

/// Reads a FHIR QuestionnaireResponse to `fhir_questionnaire()` (a dict or
/// JSON text) and returns the assessment document it holds, ready for
/// `assess`. "Don't know" and unanswered questions are left out (unknown).
///
/// Raises `InvalidAssessmentError` with the same codes as for an assessment
/// document, its `field` the place in the response (for example
/// `item[0].answer[0].valueDecimal`).
#[pyfunction]
#[pyo3(signature = (response, /))]
pub(crate) fn assessment_from_fhir<'py>(
    py: Python<'py>,
    response: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = read(response, Accepts::Response)?;
    document::to_dict(py, &a)
}
