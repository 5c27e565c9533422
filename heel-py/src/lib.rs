//! The Python binding of heel-core: the native module `heel._heel`, which
//! the typed Python package `heel` (in `python/heel/`) wraps.
//!
//! The binding is thin. Each file mirrors one module of heel-core and only
//! converts: Python objects to core documents (through `pythonize`), core
//! results to Python classes, and core errors to Python exceptions
//! (`error.rs`). Scoring, triage and the care plan stay in heel-core.
//!
//! | heel-core module | file            | Python                                          |
//! |------------------|-----------------|-------------------------------------------------|
//! | `assessment`     | `assessment.rs` | the `assessment` argument (a dict or JSON text) |
//! | `report`         | `report.rs`     | `assess`, `assess_many`, `Report`, `ConditionResult`, `Contribution` |
//! | `batch`          | `batch.rs`      | `_score_columns` (behind `assess_frame`)        |
//! | `triage`         | `triage.rs`     | `Triage`, `TriageReason`                        |
//! | `care_plan`      | `care_plan.rs`  | `CarePlan`, `CareStep`                          |
//! | `catalog`        | `catalog.rs`    | `catalog` (plain dicts, typed in `heel._catalog`) |
//! | `interview`      | `interview.rs`  | `next_questions`, `NextQuestions`, `Question`   |
//! | `fhir`           | `fhir.rs`       | `fhir_questionnaire`, `fhir_bundle`, `assessment_from_fhir` (dicts) |
//! | `parse`          | `parse.rs`      | `parse`, `Parsed`, `Finding`, `Span`            |
//! | `error`          | `error.rs`      | `HeelError` and its subclasses                  |
//!
//! `document.rs` holds what every class shares: `to_dict` and `to_json`.
//!
//! Every class is immutable and wraps the core value; attributes are
//! converted when read, and `to_dict()` gives the core's serde document. The
//! static catalog is no class: it comes as that document directly.

mod assessment;
mod batch;
mod care_plan;
mod catalog;
mod document;
mod error;
mod fhir;
mod interview;
mod parse;
mod report;
mod triage;

use pyo3::prelude::*;

/// Native core of the `heel` package (heel-core compiled for Python).
///
/// Import `heel`, not this module: it re-exports everything here with
/// documentation and types, and adds `assess_frame`.
#[pymodule]
mod _heel {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::report::{
        _report_from_json, ConditionResult, Contribution, Report, assess, assess_many,
    };

    #[pymodule_export]
    use crate::batch::_score_columns;

    #[pymodule_export]
    use crate::triage::{Triage, TriageReason};

    #[pymodule_export]
    use crate::care_plan::{CarePlan, CareStep};

    #[pymodule_export]
    use crate::catalog::catalog;

    #[pymodule_export]
    use crate::interview::{NextQuestions, Question, next_questions};

    #[pymodule_export]
    use crate::fhir::{assessment_from_fhir, fhir_bundle, fhir_questionnaire};

    #[pymodule_export]
    use crate::parse::{_parsed_from_json, Finding, Parsed, Span, parse};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        // The version of heel-core compiled into this module (the package's version).
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        // The "not a diagnosis" notice that every report carries.
        m.add("NOTICE", heel_core::NOTICE)?;
        Ok(())
    }
}
