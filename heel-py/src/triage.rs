//! The triage: `Triage` and `TriageReason`.

use pyo3::prelude::*;

use crate::document;

/// How urgently to see someone: the level and its time frame, what to do,
/// who is best placed to see first, and every reason that applies (most
/// urgent first; the first sets the level).
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Triage(pub(crate) heel_core::Triage);

#[pymethods]
impl Triage {
    /// The level: `"self_care"`, `"see_doctor"`, `"urgent"` or `"emergency"`.
    #[getter]
    fn level(&self) -> &'static str {
        self.0.level.as_str()
    }

    /// The level's time frame in a few words (for example `"today"`).
    #[getter]
    fn time_frame(&self) -> &str {
        &self.0.time_frame
    }

    /// What to do, in plain words.
    #[getter]
    fn action(&self) -> &str {
        &self.0.action
    }

    /// The ids of who is best placed to see the person first, most suitable
    /// first (labels in `Catalog.professionals`).
    #[getter]
    fn who_to_see(&self) -> Vec<&'static str> {
        self.0.who_to_see.iter().map(|p| p.as_str()).collect()
    }

    /// The same, in words.
    #[getter]
    fn who_to_see_text(&self) -> &str {
        &self.0.who_to_see_text
    }

    /// The id of the source of the "who to see" advice in the catalog's
    /// reference list, if any.
    #[getter]
    fn who_source(&self) -> Option<&'static str> {
        self.0.who_source.map(heel_core::Source::as_str)
    }

    /// The reasons, most urgent first.
    #[getter]
    fn reasons(&self) -> Vec<TriageReason> {
        self.0.reasons.iter().cloned().map(TriageReason).collect()
    }

    /// The triage as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let who: Vec<String> = self.0.who_to_see.iter().map(|p| format!("'{p}'")).collect();
        format!(
            "<heel.Triage '{}' who_to_see=[{}] reasons={}>",
            self.0.level,
            who.join(", "),
            self.0.reasons.len()
        )
    }
}

/// One reason behind the triage level.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct TriageReason(pub(crate) heel_core::TriageReason);

#[pymethods]
impl TriageReason {
    /// What kind of reason this is: `"rule"`, `"likely_condition"`,
    /// `"no_clear_pattern"`, `"not_enough_information"` or
    /// `"no_warning_signs"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The minimum level this reason sets.
    #[getter]
    fn level(&self) -> &'static str {
        self.0.level.as_str()
    }

    /// Whether this reason is a red flag.
    #[getter]
    fn red_flag(&self) -> bool {
        self.0.red_flag
    }

    /// The triage rule's id, for a reason of kind `"rule"`.
    #[getter]
    fn rule(&self) -> Option<&'static str> {
        self.0.rule.map(heel_core::Rule::as_str)
    }

    /// The condition's id, for a reason of kind `"likely_condition"`.
    #[getter]
    fn condition(&self) -> Option<&'static str> {
        self.0.condition.map(heel_core::Condition::as_str)
    }

    /// The explanation shown to the person.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// The id of its source in the catalog's reference list, if any.
    #[getter]
    fn source(&self) -> Option<&'static str> {
        self.0.source.map(heel_core::Source::as_str)
    }

    /// The reason as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let what = self
            .0
            .rule
            .map(heel_core::Rule::as_str)
            .or(self.0.condition.map(heel_core::Condition::as_str))
            .unwrap_or(self.0.kind.as_str());
        format!("<heel.TriageReason {} '{}'>", self.0.level, what)
    }
}
