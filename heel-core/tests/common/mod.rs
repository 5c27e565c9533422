//! The vignette suite, as the Rust tests read it.

// Each test crate that includes this module uses a different part of it.
#![allow(dead_code)]

use heel_core::{Condition, TriageLevel};
use serde::Deserialize;

#[derive(Deserialize)]
struct Suite {
    vignettes: Vec<Vignette>,
}

/// One clinical vignette from `tests/vignettes.json`.
#[derive(Deserialize)]
pub(crate) struct Vignette {
    pub id: String,
    pub source: String,
    pub red_flag: bool,
    #[serde(default)]
    pub benign: bool,
    pub self_report_only: bool,
    /// `None` for red flags of causes heel does not name: triage only.
    pub expected_condition: Option<Condition>,
    pub expected_triage: TriageLevel,
    pub assessment: serde_json::Value,
}

/// Every vignette, in file order.
pub(crate) fn vignettes() -> Vec<Vignette> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vignettes.json");
    let text = std::fs::read_to_string(path).expect("tests/vignettes.json is readable");
    let suite: Suite = serde_json::from_str(&text).expect("tests/vignettes.json is valid");
    suite.vignettes
}
