//! heel for JavaScript: the heel-core engine compiled to WebAssembly, for
//! browsers, bundlers and Node.
//!
//! This crate is a thin binding. Each function converts its JavaScript
//! arguments into heel-core's documents, calls heel-core, and converts the
//! result back into a plain JavaScript object with the same snake_case fields
//! as the JSON documents in `schema/`. No scoring, triage or care-plan logic
//! lives here. Errors from heel-core become a JavaScript `HeelError` (see
//! [`error`]).
//!
//! The modules mirror heel-core's:
//!
//! | heel-core | here | JavaScript |
//! |---|---|---|
//! | `report` (`assess`) | [`report`] | `assess(assessment)` |
//! | `catalog` | [`mod@catalog`] | `catalog()` |
//! | `interview` (`next_questions`) | [`interview`] | `nextQuestions(assessment, options?)` |
//! | `fhir` | [`fhir`] | `fhirQuestionnaire()`, `fhirBundle(assessmentOrResponse)`, `assessmentFromFhir(response)` |
//! | `parse` | [`mod@parse`] | `parse(text)` |
//! | `assessment` (reading the document) | [`assessment`] | (arguments) |
//! | `error` | [`error`] | `HeelError`, `isHeelError(value)` |
//! | `doc` (reading any document) | [`doc`], [`tape`] (writing one) | (conversions) |
//!
//! `heel-wasm/build.sh` builds the npm package into `heel-wasm/pkg/`; see
//! the README's "Use it from JavaScript" section.
//!
//! # Crate features
//!
//! None. The crate is meant for `wasm32-unknown-unknown`; on other targets it
//! compiles (so `cargo clippy` and `cargo doc` work) but its functions can only
//! be called from JavaScript.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use wasm_bindgen::prelude::wasm_bindgen;

pub mod assessment;
pub mod catalog;
pub mod doc;
pub mod error;
pub mod fhir;
pub mod interview;
pub mod parse;
pub mod report;
pub mod tape;

pub use catalog::catalog;
pub use error::is_heel_error;
pub use fhir::{assessment_from_fhir, fhir_bundle, fhir_questionnaire};
pub use interview::next_questions;
pub use parse::parse;
pub use report::assess;

/// The TypeScript types of every document (assessment, report, catalog,
/// next questions, options, parsed text), generated from `schema/*.schema.json` by
/// `heel-wasm/scripts/gen-types.mjs`. They are added to the package's `.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const DOCUMENT_TYPES: &str = include_str!("documents.d.ts");

/// Called first by every exported function: a panic (a bug, never an input)
/// is then reported on the console with its message and location instead of
/// a bare "unreachable executed". After the first call this is one check.
fn init_panic_hook() {
    console_error_panic_hook::set_once();
}
