//! The adaptive interview: `next_questions`, `NextQuestions` and `Question`.

use heel_core::QuestionOptions;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::assessment;
use crate::document;
use crate::error::{self, Input};

/// Ranks the unanswered questions, most useful first (pending red-flag
/// screens, then by expected information gain), and says whether to stop.
///
/// `options` is the options document (`{"self_report_only": bool, "limit":
/// int, "skip": [item ids]}`, every field optional) as a dict or JSON text;
/// `heel.next_questions` builds it from keyword arguments. Raises
/// `InvalidAssessmentError` for an invalid assessment and
/// `InvalidOptionsError` for invalid options.
#[pyfunction]
#[pyo3(signature = (assessment, options = None, /))]
pub(crate) fn next_questions(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
) -> PyResult<NextQuestions> {
    let a = assessment::read(assessment, None)?;
    let options = match options {
        None => QuestionOptions::default(),
        Some(doc) => read_options(doc).map_err(|e| error::to_py(py, Input::Options, &e, None))?,
    };
    py.detach(|| heel_core::next_questions(&a, &options))
        .map(NextQuestions)
        .map_err(|e| error::to_py(py, Input::Assessment, &e, None))
}

/// Reads the options document (a dict or JSON text), checked by heel-core.
fn read_options(doc: &Bound<'_, PyAny>) -> Result<QuestionOptions, heel_core::Error> {
    if let Ok(text) = doc.cast::<PyString>() {
        return crate::document::read_text(text, QuestionOptions::from_json);
    }
    crate::document::read(doc, |d| QuestionOptions::from_deserializer(d))
}

/// The next questions to ask and whether to stop.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct NextQuestions(heel_core::NextQuestions);

#[pymethods]
impl NextQuestions {
    /// Unanswered questions, most useful first: pending red-flag screens,
    /// then by expected information gain.
    #[getter]
    fn questions(&self) -> Vec<Question> {
        self.0.questions.iter().cloned().map(Question).collect()
    }

    /// Whether more questions are unlikely to change the answer.
    #[getter]
    fn should_stop(&self) -> bool {
        self.0.should_stop
    }

    /// Why, when `should_stop` is true: `"leading_condition_clear"`,
    /// `"no_question_changes_ranking"` or `"no_questions_left"`.
    #[getter]
    fn stop_reason(&self) -> Option<&'static str> {
        self.0.stop_reason.map(heel_core::StopReason::as_str)
    }

    /// The id of the condition currently leading.
    #[getter]
    fn leading_condition(&self) -> &'static str {
        self.0.leading_condition.as_str()
    }

    /// Its probability.
    #[getter]
    fn leading_probability(&self) -> f64 {
        self.0.leading_probability
    }

    /// The triage level the answers so far set through rules alone (the
    /// full report may raise it further).
    #[getter]
    fn rule_level(&self) -> &'static str {
        self.0.rule_level.as_str()
    }

    /// How many items are answered.
    #[getter]
    fn answered(&self) -> usize {
        self.0.answered
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
        let next = self
            .0
            .questions
            .first()
            .map_or_else(|| "None".to_owned(), |q| format!("'{}'", q.item));
        let stop = self
            .0
            .stop_reason
            .map_or_else(|| "None".to_owned(), |r| format!("'{r}'"));
        format!(
            "<heel.NextQuestions next={next} questions={} should_stop={} stop_reason={stop}>",
            self.0.questions.len(),
            if self.0.should_stop { "True" } else { "False" },
        )
    }
}

/// A question worth asking next.
#[pyclass(module = "heel", frozen, eq, skip_from_py_object)]
#[derive(Clone, PartialEq)]
pub(crate) struct Question(heel_core::Question);

#[pymethods]
impl Question {
    /// The id of the item to ask about: the key for the answer in `answers`.
    #[getter]
    fn item(&self) -> &'static str {
        self.0.item.as_str()
    }

    /// The question text.
    #[getter]
    fn question(&self) -> &str {
        &self.0.question
    }

    /// The questionnaire group (a group id).
    #[getter]
    fn group(&self) -> &'static str {
        self.0.group.as_str()
    }

    /// Whether only a clinician can answer it.
    #[getter]
    fn clinician_only(&self) -> bool {
        self.0.clinician_only
    }

    /// Whether it is asked first as a red-flag screen.
    #[getter]
    fn red_flag_screen(&self) -> bool {
        self.0.red_flag_screen
    }

    /// Expected reduction of uncertainty about the ranking, in bits.
    #[getter]
    fn information_gain(&self) -> f64 {
        self.0.information_gain
    }

    /// The ids of the conditions whose probability the answer is expected
    /// to move most.
    #[getter]
    fn separates(&self) -> Vec<&'static str> {
        self.0.separates.iter().map(|c| c.as_str()).collect()
    }

    /// Why it is asked, in plain words.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    /// The question as a document, as a Python dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document::to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<heel.Question '{}' {} gain={:.3}>",
            self.0.item,
            document::quoted(&self.0.question),
            self.0.information_gain
        )
    }
}
