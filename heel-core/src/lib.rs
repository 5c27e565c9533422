//! heel-core assesses heel pain from what a person (or a clinician) can tell
//! it: where it hurts, how and when it started, what makes it worse, risk
//! factors and, optionally, bedside tests. It gives a calibrated probability
//! distribution over 26 conditions and "something else", shows the
//! contribution of every answer, sets a triage
//! level with its reasons (red flags are rules that scores can never argue
//! away), and builds a self-care plan. Every number in its knowledge base
//! carries a grade and, unless it is an expert estimate, a published source.
//!
//! **heel is not a diagnosis.** It is decision support and says so in every
//! report.
//!
//! # Example
//!
//! ```
//! use heel_core::{assess, Assessment, Condition, TriageLevel};
//!
//! let assessment = Assessment::from_json(r#"{
//!     "setting": "runners",
//!     "answers": {
//!         "age": 38, "sex": "male",
//!         "pain_location": ["achilles_midportion"],
//!         "onset": "gradual", "duration_days": 7,
//!         "warms_up_with_activity": "present",
//!         "worse_with_activity": "present",
//!         "tendon_thickening": "present"
//!     }
//! }"#)?;
//!
//! let report = assess(&assessment)?;
//! let top = &report.conditions[0];
//! assert_eq!(top.id, Condition::AchillesMidportion);
//! assert_eq!(report.triage.level, TriageLevel::SelfCare);
//!
//! // Why: every answer's likelihood ratio, with its grade and source.
//! for c in &top.contributions {
//!     println!("{} = {}: x{:.2} ({})", c.item, c.answer, c.likelihood_ratio, c.grade);
//! }
//! # Ok::<(), heel_core::Error>(())
//! ```
//!
//! # The model
//!
//! The differential is a probability distribution over the main cause of the
//! pain: the named conditions plus [`Condition::Other`], summing to 1. Each
//! cause starts from its prior share in the [`Setting`] (runners, general
//! practice or children) and every answer adds the logarithm of its
//! likelihood ratio, weighted when it belongs to a group of correlated
//! answers; the scores are then normalised ([`assess`], and the
//! allocation-free [`score`]). Yes/no items are tri-state: unknown adds
//! nothing, absent adds its own ratio. The knowledge base is data, in
//! [`knowledge`]; a clinician can review it without reading the scoring code.
//!
//! # Free text
//!
//! [`parse()`] reads a description in a person's or a clinician's own words
//! ("I'm 41, stabbing pain under my left heel for ten days, no swelling")
//! into findings, each pointing back at the words that gave it, and a ready
//! [`Assessment`]. It handles negation and its scope, hedges, numbers with
//! units, whose pain it is and the past versus now; its vocabulary is data in
//! [`knowledge::phrases`]. See [`mod@parse`].
//!
//! # Documents
//!
//! [`Assessment`], [`Report`] and [`Parsed`] are serde documents with stable snake_case
//! fields, shared unchanged by the Python and JavaScript bindings. Unknown
//! fields, unknown ids (with a "did you mean"), items answered twice and
//! out-of-range numbers are rejected with an [`Error`] naming the field.
//!
//! [`fhir`] speaks HL7 FHIR R4: the interview as a Structured Data Capture
//! Questionnaire, a QuestionnaireResponse read as an [`Assessment`] (with the
//! same checks and errors), and the results as a Bundle (RiskAssessment,
//! triage Observation, CarePlan).
//!
//! # Crate features
//!
//! Serde support is always on, because the JSON documents are its interface.
//!
//! - `parallel` (off by default): [`batch::score_columns`] scores rows on
//!   every core, with [rayon](https://docs.rs/rayon). The results are the same.

#![forbid(unsafe_code)]
// The id enums expand their ids into one JSON Schema literal; the item list is long.
#![recursion_limit = "256"]
#![deny(missing_docs)]
// Pedantic lints are on for the workspace; these are allowed here on purpose:
// The knowledge-base constructors take a row's fields positionally, like a table.
#![allow(clippy::too_many_arguments)]

mod ids;

mod assessment;
pub mod batch;
mod care_plan;
mod catalog;
mod condition;
mod doc;
mod error;
pub mod fhir;
mod interview;
mod item;
pub mod knowledge;
pub mod limits;
mod math;
pub mod parse;
mod report;
mod schema;
mod scoring;
mod triage;
mod vocab;

pub use assessment::{Answer, Assessment, Setting};
pub use care_plan::{CarePlan, CareStep};
pub use catalog::{
    AnswerSpec, Catalog, CatalogAdvice, CatalogBand, CatalogCodes, CatalogCondition, CatalogGrade,
    CatalogItem, CatalogLevel, CatalogOption, CatalogProfessional, CatalogSetting, CatalogSource,
    catalog,
};
pub use condition::{Condition, ConditionInfo, Icd10Cm, Region};
pub use error::Error;
pub use interview::{
    CLEAR_LEAD, CLEAR_MARGIN, NextQuestions, PLAUSIBLE_ANSWER, Question, QuestionOptions,
    StopReason, next_questions,
};
pub use item::{AnswerKind, Band, Choice, Group, Item, ItemInfo, Location, Locations};
pub use knowledge::{Advice, EvidenceGroup, Grade, Rule, Source};
pub use parse::{Finding, FoundAnswer, MAX_TEXT_CHARS, Parsed, Span, YesNo, parse};
pub use report::{ConditionResult, Contribution, NOTICE, Report, assess, assess_json};
pub use schema::schemas;
pub use scoring::{ModelParams, Scores, model_tables_json, score, score_with};
pub use triage::{
    CLEAR_PATTERN, ReasonKind, Triage, TriageReason, fired_rules, missing, rule_level,
};
pub use vocab::{Professional, TriageLevel};

/// The fingerprint of the knowledge base this build carries: 8 hex digits
/// computed from the tables in `src/knowledge/` (see `build.rs`). It changes
/// whenever a condition, question, ratio, rule or piece of advice changes.
pub const KNOWLEDGE_BASE: &str = env!("HEEL_KB_FINGERPRINT");

/// What every report and catalog gives as `engine_version`: the crate
/// version and the knowledge base that produced the document.
///
/// ```
/// let v = heel_core::ENGINE_VERSION;
/// assert_eq!(v, format!("{}+kb.{}", env!("CARGO_PKG_VERSION"), heel_core::KNOWLEDGE_BASE));
/// let report = heel_core::assess_json(r#"{"answers": {"age": 40}}"#)?;
/// assert_eq!(report.engine_version, v);
/// # Ok::<(), heel_core::Error>(())
/// ```
pub const ENGINE_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+kb.",
    env!("HEEL_KB_FINGERPRINT")
);

// The README's Rust example is compiled and run as a doctest.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
