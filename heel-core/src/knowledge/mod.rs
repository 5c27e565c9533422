//! The knowledge base: the data the engine reasons with, kept apart from the
//! code that uses it so a clinician can review it on its own.
//!
//! | file | what it holds |
//! |---|---|
//! | `conditions.rs` | the 21 conditions: names, summaries, ICD-10-CM and SNOMED CT codes, features, self-care, when to seek care |
//! | `items.rs` | the evidence items: question wording, answer type, group; option, place and group labels |
//! | `priors.rs` | the prior share of each cause in each [`Setting`] |
//! | `groups.rs` | correlated answers, how they combine, and published cluster accuracies |
//! | `calibration.rs` | the fitted global calibration parameter |
//! | `levels.rs` | what each triage level means, its wording, and its "likely" threshold |
//! | `likelihoods.rs` | the likelihood ratio of every answer for every condition it bears on |
//! | `triage_rules.rs` | the red-flag rules that set the triage level |
//! | `advice.rs` | the self-care advice the care plan is built from |
//! | `care_policy.rs` | which advice a rule, a likely condition or a level brings, and which advice conflicts |
//! | `sources.rs` | the reference list |
//! | `phrases.rs` | the English vocabulary of the free-text reader: phrases per item and answer, negation and hedge cues, number words, units |
//!
//! Every number carries a [`Grade`] and, unless it is a pure expert estimate,
//! a [`Source`]. `docs/knowledge-base.md` is generated from these tables
//! (see `cargo run --example knowledge_base`) and a test keeps it current.

pub(crate) mod advice;
pub mod calibration;
pub mod care_policy;
pub(crate) mod conditions;
pub mod groups;
pub(crate) mod items;
pub(crate) mod levels;
pub(crate) mod likelihoods;
pub mod phrases;
pub(crate) mod priors;
pub(crate) mod sources;
pub(crate) mod triage_rules;

use serde::Serialize;

use crate::condition::Condition;
use crate::ids::id_enum;
use crate::item::Item;
use crate::vocab::Setting;

pub use advice::{ADVICE, Advice, AdviceInfo};
pub use groups::{Cluster, EvidenceGroup, GroupInfo};
pub use levels::LevelInfo;
pub use likelihoods::{ANSWER_GROUPS, LIKELIHOODS};
pub use priors::PRIORS;
pub use sources::{SOURCES, Source, SourceInfo, SourceQuality};
pub use triage_rules::{Rule, RuleInfo, SCREENING, Screen, TRIAGE_RULES, Test};

id_enum! {
    /// How a number in the knowledge base was arrived at, from strongest to weakest.
    pub enum Grade ("grade") {
        /// The source reports this likelihood ratio.
        PublishedLr = "published_lr",
        /// Computed from the sensitivity and specificity the source reports
        /// (LR+ = sens / (1 - spec), LR- = (1 - sens) / spec), capped where a
        /// small study reports 100% specificity.
        DerivedFromSensSpec = "derived_from_sens_spec",
        /// Set from a risk factor's reported odds or risk ratio, damped towards 1
        /// because an odds ratio from a case-control study overstates a
        /// likelihood ratio.
        RiskFactorEffect = "risk_factor_effect",
        /// The source describes the finding as typical (or atypical) of the
        /// condition, without accuracy data; the size of the ratio is a judgement.
        GuidelineFeature = "guideline_feature",
        /// No source: a clinical judgement, to be replaced when data are found.
        ExpertEstimate = "expert_estimate",
    }
}

impl Grade {
    /// A short name for display, for example "guideline feature".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Grade::PublishedLr => "published likelihood ratio",
            Grade::DerivedFromSensSpec => "from published sensitivity and specificity",
            Grade::RiskFactorEffect => "risk-factor effect",
            Grade::GuidelineFeature => "guideline feature",
            Grade::ExpertEstimate => "expert estimate",
        }
    }

    /// What the grade means, in a sentence.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Grade::PublishedLr => "The source reports this likelihood ratio.",
            Grade::DerivedFromSensSpec => {
                "Computed from the sensitivity and specificity the source reports."
            }
            Grade::RiskFactorEffect => {
                "Set from a risk factor's reported odds or risk ratio, damped towards 1."
            }
            Grade::GuidelineFeature => {
                "The source describes the finding as typical of the condition; the size of the ratio is a judgement."
            }
            Grade::ExpertEstimate => {
                "No source: a clinical judgement, to be replaced when data are found."
            }
        }
    }
}

/// One likelihood ratio: how much more (or less) likely an answer is in people
/// with the condition than in people without it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Likelihood {
    /// The evidence item.
    pub item: Item,
    /// The answer: `present` or `absent` for yes/no items, an option id, a
    /// location id (or `elsewhere`: every location not listed for this
    /// condition), a band id for numbers, or a group from [`ANSWER_GROUPS`].
    pub answer: &'static str,
    /// The condition it bears on.
    pub condition: Condition,
    /// The likelihood ratio (positive, finite).
    pub ratio: f64,
    /// How the ratio was arrived at.
    pub grade: Grade,
    /// Where it comes from; `None` only for [`Grade::ExpertEstimate`].
    pub source: Option<Source>,
    /// What the source says, or why the value was chosen.
    pub note: &'static str,
    /// The setting the row is for; `None` for every setting. Rows for a
    /// setting replace the general rows of the same item in that setting.
    pub setting: Option<Setting>,
}

/// The prior share of one cause in each setting: how often it is the main
/// cause of heel pain there. Each setting's shares sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Prior {
    /// The condition.
    pub condition: Condition,
    /// Among runners with heel pain.
    pub runners: f64,
    /// Among adults consulting a family doctor with heel pain.
    pub general_practice: f64,
    /// Among children and adolescents (under 18) with heel pain.
    pub children: f64,
    /// How the numbers were arrived at.
    pub grade: Grade,
    /// The sources that inform them.
    pub sources: &'static [Source],
    /// What the sources say and how the numbers were chosen.
    pub note: &'static str,
}

mod review;
pub use review::{problems, to_markdown};
