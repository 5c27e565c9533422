//! The care plan: `CarePlan` and `CareStep`.

use pyo3::prelude::*;

use crate::document;

/// What to do now: a summary for the triage level and the steps.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CarePlan(pub(crate) heel_core::CarePlan);

#[pymethods]
impl CarePlan {
    /// One sentence on how to use the plan at this triage level.
    #[getter]
    fn summary(&self) -> &str {
        &self.0.summary
    }

    /// The steps, in the order to read them.
    #[getter]
    fn steps(&self) -> Vec<CareStep> {
        self.0.steps.iter().cloned().map(CareStep).collect()
    }

    /// The care plan as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let ids: Vec<String> = self
            .0
            .steps
            .iter()
            .map(|s| format!("'{}'", s.advice))
            .collect();
        format!("<heel.CarePlan steps=[{}]>", ids.join(", "))
    }
}

/// One step of the care plan.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CareStep(pub(crate) heel_core::CareStep);

#[pymethods]
impl CareStep {
    /// Which piece of advice this is (an advice id, for example `"ice"`).
    #[getter]
    fn advice(&self) -> &'static str {
        self.0.advice.as_str()
    }

    /// A short title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// What to do.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// The ids of the likely conditions this step is for (empty: general advice).
    #[getter]
    fn for_conditions(&self) -> Vec<&'static str> {
        self.0.for_conditions.iter().map(|c| c.as_str()).collect()
    }

    /// The id of its source in the catalog's reference list, if any.
    #[getter]
    fn source(&self) -> Option<&'static str> {
        self.0.source.map(heel_core::Source::as_str)
    }

    /// The step as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.CareStep '{}' {}>",
            self.0.advice,
            document::quoted(&self.0.title)
        )
    }
}
