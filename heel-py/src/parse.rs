//! The free-text reader: `parse` and the `Parsed`, `Finding` and `Span`
//! classes.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::document;
use crate::error::{self, Input};

/// Reads a free-text description of heel pain: what it says about each
/// evidence item, where in the text it says it, and an assessment built
/// from it, ready for `assess`.
///
/// Raises `InvalidTextError` (a `ValueError`) with `code` `"too_large"`
/// and `field` `"text"` for a text over 20,000 characters, and with `code`
/// `"invalid_document"` for a `str` that cannot be encoded as UTF-8 (lone
/// surrogates). Any other text, however odd, parses.
#[pyfunction]
#[pyo3(signature = (text, /))]
pub(crate) fn parse(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Parsed> {
    let text = text.to_cow().map_err(|e| {
        let err = heel_core::Error::InvalidDocument {
            field: "text".to_owned(),
            message: e.value(py).to_string(),
            line: 0,
            column: 0,
        };
        error::to_py(py, Input::Text, &err, None)
    })?;
    py.detach(|| heel_core::parse(&text))
        .map(Parsed)
        .map_err(|e| error::to_py(py, Input::Text, &e, None))
}

/// Rebuilds a parsed text from the JSON document `Parsed.__reduce__` wrote
/// (pickle's constructor; not an API).
#[pyfunction]
#[pyo3(signature = (document, /))]
pub(crate) fn _parsed_from_json(document: &str) -> PyResult<Parsed> {
    serde_json::from_str(document)
        .map(Parsed)
        .map_err(|e| PyValueError::new_err(format!("not a heel parsed-text document: {e}")))
}

/// What `parse` understood from a text: the findings in text order, the
/// pieces of text it could not use, and the assessment built from the
/// findings (hedged findings are left out of it).
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Parsed(heel_core::Parsed);

#[pymethods]
impl Parsed {
    /// Everything found, in text order: one finding per statement (a place
    /// that hurts is one finding per place).
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.0.findings.iter().cloned().map(Finding).collect()
    }

    /// The sentences (or pieces of them) that gave no finding.
    #[getter]
    fn unused(&self) -> Vec<Span> {
        self.0.unused.iter().cloned().map(Span).collect()
    }

    /// The assessment document built from the findings, as a dict that
    /// `assess` and `next_questions` take: hedged findings are left
    /// unanswered; for a yes/no item stated both ways, "present" wins.
    #[getter]
    fn assessment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0.assessment)
    }

    /// The document, exactly as heel-core writes it, as Python dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    /// The document as JSON text (compact unless `indent` is given).
    #[pyo3(signature = (*, indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        document::to_json(&self.0, indent)
    }

    fn __repr__(&self) -> String {
        let hedged = self.0.findings.iter().filter(|f| f.hedged).count();
        format!(
            "<heel.Parsed findings={} hedged={hedged} answered={} unused={}>",
            self.0.findings.len(),
            self.0.assessment.answered_count(),
            self.0.unused.len()
        )
    }

    /// Pickle support: a parsed text is rebuilt from its JSON document.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let rebuild = slf
            .py()
            .import("heel._heel")?
            .getattr("_parsed_from_json")?;
        Ok((rebuild, (slf.get().0.to_json(),)))
    }
}

/// One thing the text says about one evidence item.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Finding(heel_core::Finding);

#[pymethods]
impl Finding {
    /// The evidence item id (the key of its answer in an assessment).
    #[getter]
    fn item(&self) -> &'static str {
        self.0.item.as_str()
    }

    /// The answer it gives, as an assessment document writes it:
    /// `"present"` or `"absent"`, a number in the item's unit, an option id,
    /// or one place id for `pain_location`; `None` when it was hedged.
    #[getter]
    fn answer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0.answer)
    }

    /// The words that gave it.
    #[getter]
    fn span(&self) -> Span {
        Span(self.0.span.clone())
    }

    /// Whether a negation turned it to "absent" ("no swelling", "Tinel neg").
    #[getter]
    fn negated(&self) -> bool {
        self.0.negated
    }

    /// Whether it was hedged ("maybe a bit swollen"); a hedged finding has
    /// no answer and is not put into the assessment.
    #[getter]
    fn hedged(&self) -> bool {
        self.0.hedged
    }

    /// Whether the number is the text's loose estimate ("about 3 weeks",
    /// "since last summer") rather than a stated value.
    #[getter]
    fn approximate(&self) -> bool {
        self.0.approximate
    }

    /// The finding as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let answer = serde_json::to_string(&self.0.answer).unwrap_or_default();
        let mut flags = String::new();
        for (set, name) in [
            (self.0.negated, " negated"),
            (self.0.hedged, " hedged"),
            (self.0.approximate, " approximate"),
        ] {
            if set {
                flags.push_str(name);
            }
        }
        format!(
            "<heel.Finding {}={answer} from {}{flags}>",
            self.0.item,
            document::quoted(&self.0.span.text)
        )
    }
}

/// A piece of the text given to `parse`. `start` and `end` are offsets in
/// bytes of its UTF-8 encoding (as in every heel binding), so
/// `text.encode()[span.start:span.end].decode() == span.text`.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Span(heel_core::Span);

#[pymethods]
impl Span {
    /// Byte offset where it starts, in the UTF-8 encoding of the text.
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }

    /// Byte offset just past its end, in the UTF-8 encoding of the text.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }

    /// The words themselves.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// The span as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.Span {}..{} {}>",
            self.0.start,
            self.0.end,
            document::quoted(&self.0.text)
        )
    }
}
