//! The report: `assess`, `assess_many` and the `Report`,
//! `ConditionResult` and `Contribution` classes.

use heel_core::Condition;
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyMapping, PyString};

use crate::assessment;
use crate::care_plan::CarePlan;
use crate::document;
use crate::error::{self, Input};
use crate::triage::Triage;

/// Assesses heel pain: a probability distribution over the causes (the named
/// conditions and `other`, "Something else"; it sums to 1) with the
/// contribution of every answer, the triage level with who to see and the
/// reasons, what is still missing, and a care plan.
///
/// `assessment` is the assessment document as a dict, or as JSON text.
/// Raises `InvalidAssessmentError` (a `ValueError`) naming the field at
/// fault when the document is not valid.
#[pyfunction]
#[pyo3(signature = (assessment, /))]
pub(crate) fn assess(py: Python<'_>, assessment: &Bound<'_, PyAny>) -> PyResult<Report> {
    let a = assessment::read(assessment, None)?;
    py.detach(|| heel_core::assess(&a))
        .map(Report)
        .map_err(|e| error::to_py(py, Input::Assessment, &e, None))
}

/// Assesses many assessments at once: every document is read and checked
/// first, then all are scored with the GIL released (so other Python
/// threads run meanwhile). Returns the reports in input order.
///
/// Raises `InvalidAssessmentError` for the first invalid document, with its
/// position in `index`.
#[pyfunction]
#[pyo3(signature = (assessments, /))]
pub(crate) fn assess_many(py: Python<'_>, assessments: &Bound<'_, PyAny>) -> PyResult<Vec<Report>> {
    if assessments.is_instance_of::<PyString>()
        || assessments.is_instance_of::<PyBytes>()
        || assessments.cast::<PyMapping>().is_ok()
    {
        return Err(PyTypeError::new_err(
            "assess_many() takes an iterable of assessments; for a single one, use assess()",
        ));
    }
    let mut read = Vec::new();
    for (index, item) in assessments.try_iter()?.enumerate() {
        read.push(assessment::read(&item?, Some(index))?);
    }
    let scored = py.detach(|| {
        read.iter()
            .map(heel_core::assess)
            .collect::<Vec<Result<_, _>>>()
    });
    scored
        .into_iter()
        .enumerate()
        .map(|(index, result)| {
            result
                .map(Report)
                .map_err(|e| error::to_py(py, Input::Assessment, &e, Some(index)))
        })
        .collect()
}

/// Rebuilds a report from the JSON document `Report.__reduce__` wrote
/// (pickle's constructor; not an API).
#[pyfunction]
#[pyo3(signature = (document, /))]
pub(crate) fn _report_from_json(document: &str) -> PyResult<Report> {
    serde_json::from_str(document)
        .map(Report)
        .map_err(|e| PyValueError::new_err(format!("not a heel report document: {e}")))
}

/// The result of an assessment: the causes ranked by probability (they sum
/// to 1, `other` included), the triage with who to see, what heel still
/// needs to know, the care plan and the "not a diagnosis" notice.
///
/// Read it through its attributes, or as the document heel-core writes with
/// `to_dict()` and `to_json()`. In a notebook it shows as a chart with the
/// triage banner and the care plan.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Report(pub(crate) heel_core::Report);

#[pymethods]
impl Report {
    /// The setting whose pre-test probabilities were used.
    #[getter]
    fn setting(&self) -> &'static str {
        self.0.setting.as_str()
    }

    /// Every cause (the named conditions and `"other"`), most likely first;
    /// the probabilities sum to 1.
    #[getter]
    fn conditions(&self) -> Vec<ConditionResult> {
        self.0
            .conditions
            .iter()
            .cloned()
            .map(ConditionResult)
            .collect()
    }

    /// The most likely cause (it can be `"other"`).
    #[getter]
    fn top(&self) -> PyResult<ConditionResult> {
        self.0
            .top()
            .cloned()
            .map(ConditionResult)
            .ok_or_else(|| PyIndexError::new_err("the report lists no condition"))
    }

    /// The result for one condition, by its id (for example
    /// `"plantar_fasciitis"`). Raises `HeelError` for an unknown id.
    fn condition(&self, py: Python<'_>, id: &str) -> PyResult<ConditionResult> {
        let wanted: Condition = id
            .parse()
            .map_err(|e| error::to_py(py, Input::Id, &e, None))?;
        self.0
            .condition(wanted)
            .cloned()
            .map(ConditionResult)
            .ok_or_else(|| PyIndexError::new_err(format!("the report does not list {id}")))
    }

    /// `ln Σ exp(log_score)` over the causes: the normalisation, so that
    /// `probability == exp(log_score - log_normaliser)`.
    #[getter]
    fn log_normaliser(&self) -> f64 {
        self.0.log_normaliser
    }

    /// How urgently to see someone, who, and why.
    #[getter]
    fn triage(&self) -> Triage {
        Triage(self.0.triage.clone())
    }

    /// What to do now.
    #[getter]
    fn care_plan(&self) -> CarePlan {
        CarePlan(self.0.care_plan.clone())
    }

    /// The ids of the items heel still needs before it could advise
    /// self-care (empty when the information suffices).
    #[getter]
    fn missing(&self) -> Vec<&'static str> {
        self.0.missing.iter().map(|i| i.as_str()).collect()
    }

    /// How many items were answered.
    #[getter]
    fn answered(&self) -> usize {
        self.0.answered
    }

    /// Remarks on how the answers were used (for example a computed BMI).
    #[getter]
    fn remarks(&self) -> Vec<String> {
        self.0.remarks.clone()
    }

    /// The "not a diagnosis" notice.
    #[getter]
    fn notice(&self) -> &str {
        &self.0.notice
    }

    /// The version of heel that produced the report.
    #[getter]
    fn engine_version(&self) -> &str {
        &self.0.engine_version
    }

    /// The report document, exactly as heel-core writes it, as Python dicts
    /// and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    /// The report document as JSON text (compact unless `indent` is given).
    #[pyo3(signature = (*, indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        document::to_json(&self.0, indent)
    }

    fn __repr__(&self) -> String {
        let top = self.0.top().map_or_else(
            || "None".to_owned(),
            |c| format!("'{}' ({:.3})", c.id, c.probability),
        );
        format!(
            "<heel.Report top={top} triage='{}' answered={}>",
            self.0.triage.level, self.0.answered
        )
    }

    /// Pickle support (for multiprocessing, joblib, caches): a report is
    /// rebuilt from its JSON document.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let rebuild = slf
            .py()
            .import("heel._heel")?
            .getattr("_report_from_json")?;
        Ok((rebuild, (slf.get().0.to_json(),)))
    }

    /// HTML for Jupyter: the ranked conditions as bars, the triage banner
    /// with its reasons, the care plan and the notice.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("heel._html")?
            .getattr("report_html")?
            .call1((slf,))?
            .extract()
    }
}

/// One cause in the differential: a named condition or `"other"`.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct ConditionResult(pub(crate) heel_core::ConditionResult);

#[pymethods]
impl ConditionResult {
    /// The cause's id (for example `"plantar_fasciitis"`, or `"other"`).
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// Its display name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The probability that it is the main cause of the pain; the
    /// probabilities of a report sum to 1.
    #[getter]
    fn probability(&self) -> f64 {
        self.0.probability
    }

    /// Its prior share in the setting.
    #[getter]
    fn prior(&self) -> f64 {
        self.0.prior
    }

    /// `ln prior`.
    #[getter]
    fn log_prior(&self) -> f64 {
        self.0.log_prior
    }

    /// The unnormalised log score: `log_prior` plus every contribution's
    /// `applied`; `probability == exp(log_score - Report.log_normaliser)`.
    #[getter]
    fn log_score(&self) -> f64 {
        self.0.log_score
    }

    /// Whether the probability reaches the threshold of the cause's care
    /// level (see `Catalog.triage_levels`).
    #[getter]
    fn likely(&self) -> bool {
        self.0.likely
    }

    /// The ICD-10-CM code, for the side answered when the code has laterality.
    #[getter]
    fn icd10cm(&self) -> &str {
        &self.0.icd10cm
    }

    /// Every answer that changed this cause's score, largest effect first.
    #[getter]
    fn contributions(&self) -> Vec<Contribution> {
        self.0
            .contributions
            .iter()
            .cloned()
            .map(Contribution)
            .collect()
    }

    /// This cause's part of the report document, as Python dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.ConditionResult '{}' probability={:.3} likely={}>",
            self.0.id,
            self.0.probability,
            if self.0.likely { "True" } else { "False" }
        )
    }
}

/// How one answer moved one cause's score.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Contribution(pub(crate) heel_core::Contribution);

#[pymethods]
impl Contribution {
    /// The evidence item id (for a published cluster: its first member).
    #[getter]
    fn item(&self) -> &'static str {
        self.0.item.as_str()
    }

    /// The answer as the knowledge base names it: `present`, `absent`, an
    /// option id, a location id (several places joined by `+`), a band id
    /// for numbers, or for a cluster `rule_positive` or `rule_negative`.
    #[getter]
    fn answer(&self) -> &str {
        &self.0.answer
    }

    /// The likelihood ratio of the answer.
    #[getter]
    fn likelihood_ratio(&self) -> f64 {
        self.0.likelihood_ratio
    }

    /// Its natural logarithm.
    #[getter]
    fn log_lr(&self) -> f64 {
        self.0.log_lr
    }

    /// The weight it was given: its place in its evidence group (1 for the
    /// strongest, then halving; 0 when a published cluster replaced it)
    /// divided by the evidence temperature.
    #[getter]
    fn weight(&self) -> f64 {
        self.0.weight
    }

    /// What was added to the cause's score: `log_lr * weight`.
    #[getter]
    fn applied(&self) -> f64 {
        self.0.applied
    }

    /// The id of the evidence group the answer belongs to, if any.
    #[getter]
    fn group(&self) -> Option<&'static str> {
        self.0.group.map(heel_core::EvidenceGroup::as_str)
    }

    /// How the ratio was arrived at (for example `"published_lr"`).
    #[getter]
    fn grade(&self) -> &'static str {
        self.0.grade.as_str()
    }

    /// The id of its source in the catalog's reference list, if any.
    #[getter]
    fn source(&self) -> Option<&'static str> {
        self.0.source.map(heel_core::Source::as_str)
    }

    /// This contribution as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.Contribution {}={} x{:.2} weight={:.2} ({})>",
            self.0.item, self.0.answer, self.0.likelihood_ratio, self.0.weight, self.0.grade
        )
    }
}
