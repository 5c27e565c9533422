//! The catalog: `catalog()` and the classes for its parts.
//!
//! heel-core builds the catalog once; `Catalog` borrows it for the life of
//! the process, and each part is converted when it is read.

use heel_core::{Condition, Item};
use pyo3::prelude::*;

use crate::document;
use crate::error::{self, Input};

/// The catalog of causes (the named conditions and `other`), questions
/// (evidence items), triage levels, professionals, settings, advice and
/// sources: everything a user interface needs to ask
/// the questions and show the answers, in a stable order.
#[pyfunction]
pub(crate) fn catalog() -> Catalog {
    Catalog(heel_core::catalog())
}

/// Everything a user interface needs, in a stable order.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Catalog(&'static heel_core::Catalog);

#[pymethods]
impl Catalog {
    /// The version of heel.
    #[getter]
    fn engine_version(&self) -> &'static str {
        &self.0.engine_version
    }

    /// The settings (populations) and what they mean.
    #[getter]
    fn settings(&self) -> Vec<CatalogSetting> {
        self.0
            .settings
            .iter()
            .cloned()
            .map(CatalogSetting)
            .collect()
    }

    /// The triage levels, least urgent first.
    #[getter]
    fn triage_levels(&self) -> Vec<CatalogLevel> {
        self.0
            .triage_levels
            .iter()
            .cloned()
            .map(CatalogLevel)
            .collect()
    }

    /// Every cause: the named conditions, then `"other"` ("Something else").
    #[getter]
    fn conditions(&self) -> Vec<CatalogCondition> {
        self.0
            .conditions
            .iter()
            .cloned()
            .map(CatalogCondition)
            .collect()
    }

    /// Every professional or service a report can recommend.
    #[getter]
    fn professionals(&self) -> Vec<CatalogProfessional> {
        self.0
            .professionals
            .iter()
            .cloned()
            .map(CatalogProfessional)
            .collect()
    }

    /// Every evidence item, as a question, in catalog order.
    #[getter]
    fn items(&self) -> Vec<CatalogItem> {
        self.0.items.iter().cloned().map(CatalogItem).collect()
    }

    /// Every piece of advice.
    #[getter]
    fn advice(&self) -> Vec<CatalogAdvice> {
        self.0.advice.iter().cloned().map(CatalogAdvice).collect()
    }

    /// The evidence grades, strongest first.
    #[getter]
    fn grades(&self) -> Vec<CatalogGrade> {
        self.0.grades.iter().cloned().map(CatalogGrade).collect()
    }

    /// The reference list.
    #[getter]
    fn sources(&self) -> Vec<CatalogSource> {
        self.0.sources.iter().cloned().map(CatalogSource).collect()
    }

    /// One evidence item, by its id (for example `"fever"`). Raises
    /// `HeelError` for an unknown id, with a "did you mean".
    fn item(&self, py: Python<'_>, id: &str) -> PyResult<CatalogItem> {
        let wanted: Item = id
            .parse()
            .map_err(|e| error::to_py(py, Input::Id, &e, None))?;
        self.0
            .items
            .iter()
            .find(|i| i.id == wanted)
            .cloned()
            .map(CatalogItem)
            .ok_or_else(|| missing(id))
    }

    /// One condition, by its id (for example `"plantar_fasciitis"`). Raises
    /// `HeelError` for an unknown id, with a "did you mean".
    fn condition(&self, py: Python<'_>, id: &str) -> PyResult<CatalogCondition> {
        let wanted: Condition = id
            .parse()
            .map_err(|e| error::to_py(py, Input::Id, &e, None))?;
        self.0
            .conditions
            .iter()
            .find(|c| c.id == wanted)
            .cloned()
            .map(CatalogCondition)
            .ok_or_else(|| missing(id))
    }

    /// The catalog document, exactly as heel-core writes it, as Python dicts
    /// and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, self.0)
    }

    /// The catalog document as JSON text (compact unless `indent` is given).
    #[pyo3(signature = (*, indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        document::to_json(self.0, indent)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.Catalog engine_version='{}' conditions={} items={} sources={}>",
            self.0.engine_version,
            self.0.conditions.len(),
            self.0.items.len(),
            self.0.sources.len()
        )
    }
}

fn missing(id: &str) -> PyErr {
    pyo3::exceptions::PyKeyError::new_err(format!("the catalog does not list {id}"))
}

/// A setting (population) with what it means.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogSetting(heel_core::CatalogSetting);

#[pymethods]
impl CatalogSetting {
    /// The setting id (for example `"runners"`).
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// Who it is for.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// The setting as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("<heel.CatalogSetting '{}'>", self.0.id)
    }
}

/// A professional or service a report can recommend.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogProfessional(heel_core::CatalogProfessional);

#[pymethods]
impl CatalogProfessional {
    /// The professional id (for example `"physiotherapist"`), as in
    /// `Triage.who_to_see`.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// A plain-language name (for example `"a physiotherapist"`).
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// The professional as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.CatalogProfessional '{}' {}>",
            self.0.id,
            document::quoted(&self.0.label)
        )
    }
}

/// A triage level with what it means.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogLevel(heel_core::CatalogLevel);

#[pymethods]
impl CatalogLevel {
    /// The level id (for example `"see_doctor"`).
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// A short name for display (for example `"See a clinician"`).
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// What to do at this level (it states the time frame).
    #[getter]
    fn action(&self) -> &str {
        &self.0.action
    }

    /// The time frame in a few words (for example `"within days"`).
    #[getter]
    fn time_frame(&self) -> &str {
        &self.0.time_frame
    }

    /// The ids of who to see at this level when no condition names someone
    /// more specific.
    #[getter]
    fn who(&self) -> Vec<&'static str> {
        self.0.who.iter().map(|p| p.as_str()).collect()
    }

    /// From this probability a condition whose care needs this level counts
    /// as likely.
    #[getter]
    fn likely_threshold(&self) -> f64 {
        self.0.likely_threshold
    }

    /// The level as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("<heel.CatalogLevel '{}'>", self.0.id)
    }
}

/// An evidence grade with what it means.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogGrade(heel_core::CatalogGrade);

#[pymethods]
impl CatalogGrade {
    /// The grade id (for example `"guideline_feature"`), as in contributions.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// A short name for display.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// What the grade means.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    /// The grade as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("<heel.CatalogGrade '{}'>", self.0.id)
    }
}

/// One cause (a named condition, or `"other"`): what it is, its codes,
/// typical features, self-care, who to see and sources.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogCondition(heel_core::CatalogCondition);

#[pymethods]
impl CatalogCondition {
    /// The condition id.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// The display name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// A plain-language summary.
    #[getter]
    fn summary(&self) -> &str {
        &self.0.summary
    }

    /// The main body region (a region id).
    #[getter]
    fn region(&self) -> &'static str {
        self.0.region.as_str()
    }

    /// The ICD-10-CM and SNOMED CT codes.
    #[getter]
    fn codes(&self) -> CatalogCodes {
        CatalogCodes(self.0.codes.clone())
    }

    /// Typical features.
    #[getter]
    fn typical_features(&self) -> Vec<String> {
        self.0.typical_features.clone()
    }

    /// First-line self-care, as advice ids (the texts are in `Catalog.advice`).
    #[getter]
    fn self_care(&self) -> Vec<&'static str> {
        self.0.self_care.iter().map(|a| a.as_str()).collect()
    }

    /// When to seek care.
    #[getter]
    fn seek_care(&self) -> &str {
        &self.0.seek_care
    }

    /// The lowest triage level when the condition is likely.
    #[getter]
    fn care_level(&self) -> &'static str {
        self.0.care_level.as_str()
    }

    /// The probability from which it counts as likely (its care level's
    /// threshold).
    #[getter]
    fn likely_at(&self) -> f64 {
        self.0.likely_at
    }

    /// The ids of who is best placed to assess it first, most suitable first.
    #[getter]
    fn who_to_see(&self) -> Vec<&'static str> {
        self.0.who_to_see.iter().map(|p| p.as_str()).collect()
    }

    /// The id of the source of the "who to see" advice in the reference list.
    #[getter]
    fn who_source(&self) -> &'static str {
        self.0.who_source.as_str()
    }

    /// The ids of its sources in the reference list.
    #[getter]
    fn sources(&self) -> Vec<&'static str> {
        self.0.sources.iter().map(|s| s.as_str()).collect()
    }

    /// The condition as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.CatalogCondition '{}' {}>",
            self.0.id,
            document::quoted(&self.0.name)
        )
    }
}

/// The codes of a condition.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogCodes(heel_core::CatalogCodes);

#[pymethods]
impl CatalogCodes {
    /// The ICD-10-CM code when the side is unknown (or has no laterality).
    #[getter]
    fn icd10cm(&self) -> &str {
        &self.0.icd10cm
    }

    /// The right-side ICD-10-CM code, where one exists.
    #[getter]
    fn icd10cm_right(&self) -> Option<&str> {
        self.0.icd10cm_right.as_deref()
    }

    /// The left-side ICD-10-CM code, where one exists.
    #[getter]
    fn icd10cm_left(&self) -> Option<&str> {
        self.0.icd10cm_left.as_deref()
    }

    /// The bilateral ICD-10-CM code, where one exists.
    #[getter]
    fn icd10cm_bilateral(&self) -> Option<&str> {
        self.0.icd10cm_bilateral.as_deref()
    }

    /// How the ICD-10-CM code was chosen.
    #[getter]
    fn icd10cm_note(&self) -> &str {
        &self.0.icd10cm_note
    }

    /// The SNOMED CT concept id, where verified.
    #[getter]
    fn snomed_ct(&self) -> Option<&str> {
        self.0.snomed_ct.as_deref()
    }

    /// The codes as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("<heel.CatalogCodes icd10cm='{}'>", self.0.icd10cm)
    }
}

/// One evidence item, as a question.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogItem(heel_core::CatalogItem);

#[pymethods]
impl CatalogItem {
    /// The item id: the key in the assessment's `answers`.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// The question, for a layperson (or the finding, for clinician tests).
    #[getter]
    fn question(&self) -> &str {
        &self.0.question
    }

    /// The questionnaire group (a group id, for example `"timing"`).
    #[getter]
    fn group(&self) -> &'static str {
        self.0.group.as_str()
    }

    /// Whether only a clinician can answer it.
    #[getter]
    fn clinician_only(&self) -> bool {
        self.0.clinician_only
    }

    /// Whether it is a red-flag screening question (asked first).
    #[getter]
    fn red_flag_screen(&self) -> bool {
        self.0.red_flag_screen
    }

    /// How it is answered.
    #[getter]
    fn answer(&self) -> AnswerSpec {
        AnswerSpec(self.0.answer.clone())
    }

    /// The item as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.CatalogItem '{}' {}>",
            self.0.id,
            document::quoted(&self.0.question)
        )
    }
}

/// How a question is answered: its `type` and, by type, the options or the
/// number's range, unit and bands.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct AnswerSpec(heel_core::AnswerSpec);

impl AnswerSpec {
    fn number(&self) -> Option<(f64, f64, &str, &[heel_core::CatalogBand])> {
        match &self.0 {
            heel_core::AnswerSpec::Number {
                min,
                max,
                unit,
                bands,
            } => Some((*min, *max, unit, bands)),
            _ => None,
        }
    }
}

#[pymethods]
impl AnswerSpec {
    /// `"yes_no"` (present, absent or unknown), `"choice"` (one option),
    /// `"locations"` (a list of places) or `"number"`.
    #[getter]
    fn r#type(&self) -> PyResult<String> {
        let kind = match &self.0 {
            heel_core::AnswerSpec::YesNo { .. } => "yes_no",
            heel_core::AnswerSpec::Choice { .. } => "choice",
            heel_core::AnswerSpec::Locations { .. } => "locations",
            heel_core::AnswerSpec::Number { .. } => "number",
            // A kind added to the core later: its tag in the serde document.
            other => {
                let doc = serde_json::to_value(other)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                return Ok(doc["type"].as_str().unwrap_or_default().to_owned());
            }
        };
        Ok(kind.to_owned())
    }

    /// The allowed answers with their labels (empty for numbers).
    #[getter]
    fn options(&self) -> Vec<CatalogOption> {
        match &self.0 {
            heel_core::AnswerSpec::YesNo { options }
            | heel_core::AnswerSpec::Choice { options }
            | heel_core::AnswerSpec::Locations { options } => {
                options.iter().cloned().map(CatalogOption).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The smallest allowed number (`None` unless `type` is `"number"`).
    #[getter]
    fn min(&self) -> Option<f64> {
        self.number().map(|n| n.0)
    }

    /// The largest allowed number (`None` unless `type` is `"number"`).
    #[getter]
    fn max(&self) -> Option<f64> {
        self.number().map(|n| n.1)
    }

    /// The number's unit (`None` unless `type` is `"number"`).
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.number().map(|n| n.2)
    }

    /// The bands used for scoring a number (empty unless `type` is `"number"`).
    #[getter]
    fn bands(&self) -> Vec<CatalogBand> {
        self.number()
            .map(|n| n.3.iter().cloned().map(CatalogBand).collect())
            .unwrap_or_default()
    }

    /// The answer spec as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("<heel.AnswerSpec '{}'>", self.r#type()?))
    }
}

/// An option of a question: the id to put in the assessment, and a label.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogOption(heel_core::CatalogOption);

#[pymethods]
impl CatalogOption {
    /// The value to put in the assessment.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// What to show.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// The option as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.CatalogOption '{}' {}>",
            self.0.id,
            document::quoted(&self.0.label)
        )
    }
}

/// A band of a number item, as used for scoring.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogBand(heel_core::CatalogBand);

#[pymethods]
impl CatalogBand {
    /// The band id (the answer name in contributions).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// The lower bound, inclusive.
    #[getter]
    fn from_(&self) -> f64 {
        self.0.from
    }

    /// A plain-language label.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// The band as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("<heel.CatalogBand '{}' from={}>", self.0.id, self.0.from)
    }
}

/// A piece of advice.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogAdvice(heel_core::CatalogAdvice);

#[pymethods]
impl CatalogAdvice {
    /// The advice id.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
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

    /// The id of its source in the reference list, if any.
    #[getter]
    fn source(&self) -> Option<&'static str> {
        self.0.source.map(heel_core::Source::as_str)
    }

    /// The advice as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.CatalogAdvice '{}' {}>",
            self.0.id,
            document::quoted(&self.0.title)
        )
    }
}

/// A citation in the reference list.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct CatalogSource(heel_core::CatalogSource);

#[pymethods]
impl CatalogSource {
    /// The source id, as used in contributions, reasons and advice.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id.as_str()
    }

    /// The citation.
    #[getter]
    fn citation(&self) -> &str {
        &self.0.citation
    }

    /// A DOI, PMID/PMC id or URL, where there is one.
    #[getter]
    fn locator(&self) -> Option<&str> {
        self.0.locator.as_deref()
    }

    /// How directly it was read (for example `"primary"` or `"guideline"`).
    #[getter]
    fn quality(&self) -> &'static str {
        self.0.quality.as_str()
    }

    /// The source as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("<heel.CatalogSource '{}'>", self.0.id)
    }
}
