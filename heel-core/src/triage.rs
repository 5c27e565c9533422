//! Triage: how urgently to see someone, and why.
//!
//! The level is the highest of three kinds of reason:
//! 1. a triage rule whose test holds (red flags and the seed's "see a doctor"
//!    advice; see `knowledge/triage_rules.rs`),
//! 2. a likely condition that needs a clinician (its probability reaches the
//!    condition's `likely_at` and its `care_level` is above self-care),
//! 3. no clear pattern: when no condition reaches [`CLEAR_PATTERN`] the engine
//!    says "see a clinician" rather than guess.
//!
//! Scores can raise the level but never lower what a rule has set.

use serde::{Deserialize, Serialize};

use crate::assessment::{Answer, Assessment};
use crate::condition::Condition;
use crate::ids::id_enum;
use crate::knowledge::{Rule, Source, TRIAGE_RULES, Test};

id_enum! {
    /// How urgently to see a clinician, from least to most urgent
    /// (the enum's order is the urgency order).
    pub enum TriageLevel ("triage level") {
        /// Self-care is a reasonable start.
        SelfCare = "self_care",
        /// Book an appointment with a doctor, physiotherapist or podiatrist.
        SeeDoctor = "see_doctor",
        /// Be seen today.
        Urgent = "urgent",
        /// Go to an emergency department now.
        Emergency = "emergency",
    }
}

impl TriageLevel {
    /// A short name for display, for example "See a clinician".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            TriageLevel::Emergency => "Emergency",
            TriageLevel::Urgent => "Urgent: today",
            TriageLevel::SeeDoctor => "See a clinician",
            TriageLevel::SelfCare => "Self-care",
        }
    }

    /// What to do at this level, in plain words.
    #[must_use]
    pub fn action(self) -> &'static str {
        match self {
            TriageLevel::Emergency => {
                "Go to an emergency department now, or call your local emergency number."
            }
            TriageLevel::Urgent => {
                "Get seen today: a same-day appointment with your doctor, an urgent care centre or a minor injuries unit."
            }
            TriageLevel::SeeDoctor => {
                "Book an appointment with a doctor, physiotherapist or podiatrist, and start the self-care below meanwhile."
            }
            TriageLevel::SelfCare => {
                "Self-care is a reasonable start. See a clinician if it does not improve within two weeks or if anything changes."
            }
        }
    }
}

/// Below this probability for every condition, the answers are not taken to
/// show a clear pattern and the level is at least [`TriageLevel::SeeDoctor`].
pub const CLEAR_PATTERN: f64 = 0.5;

id_enum! {
    /// Why a triage reason was given.
    pub enum ReasonKind ("reason kind") {
        /// A triage rule's test held (see the `rule` field).
        Rule = "rule",
        /// A condition that needs a clinician is likely (see the `condition` field).
        LikelyCondition = "likely_condition",
        /// No condition is clearly likely.
        NoClearPattern = "no_clear_pattern",
        /// Nothing raised the level.
        NoWarningSigns = "no_warning_signs",
    }
}

/// One reason behind the triage level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TriageReason {
    /// What kind of reason this is.
    pub kind: ReasonKind,
    /// The minimum level this reason sets.
    pub level: TriageLevel,
    /// Whether this reason is a red flag.
    pub red_flag: bool,
    /// The rule, for [`ReasonKind::Rule`].
    pub rule: Option<Rule>,
    /// The condition, for [`ReasonKind::LikelyCondition`].
    pub condition: Option<Condition>,
    /// The explanation shown to the person.
    pub text: String,
    /// Where the reason comes from.
    pub source: Option<Source>,
}

/// The triage result: the level, what to do, and every reason that applies
/// (most urgent first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Triage {
    /// How urgently to see someone.
    pub level: TriageLevel,
    /// What to do, in plain words.
    pub action: String,
    /// The reasons, most urgent first; the first sets the level.
    pub reasons: Vec<TriageReason>,
}

/// Whether `test` holds for `a`.
pub(crate) fn holds(test: &Test, a: &Assessment) -> bool {
    match *test {
        Test::Present(item) => a.is_present(item),
        Test::NotPresent(item) => !a.is_present(item),
        Test::Is(item, choice) => a.get(item) == Some(Answer::Choice(choice)),
        Test::Above(item, x) => a.number(item).is_some_and(|v| v > x),
        Test::Below(item, x) => a.number(item).is_some_and(|v| v < x),
        Test::PainAt(places) => {
            let set = a.locations();
            places.iter().any(|&l| set.contains(l))
        }
        Test::All(tests) => tests.iter().all(|t| holds(t, a)),
        Test::Any(tests) => tests.iter().any(|t| holds(t, a)),
        Test::Not(test) => !holds(test, a),
    }
}

/// The triage rules that fire for `a`, most urgent first.
pub fn fired_rules(a: &Assessment) -> impl Iterator<Item = Rule> + '_ {
    TRIAGE_RULES
        .iter()
        .filter(move |r| holds(&r.test, a))
        .map(|r| r.id)
}

/// The triage level set by the rules alone (no scores), for callers that
/// need a quick safety check; [`crate::assess`] combines it with the scores.
#[must_use]
pub fn rule_level(a: &Assessment) -> TriageLevel {
    fired_rules(a)
        .map(|r| r.info().level)
        .max()
        .unwrap_or(TriageLevel::SelfCare)
}

/// Builds the triage from the rules and the condition probabilities
/// (indexed by [`Condition::index`]).
pub(crate) fn triage(a: &Assessment, probabilities: &[f64; Condition::COUNT]) -> Triage {
    let mut reasons: Vec<TriageReason> = fired_rules(a)
        .map(|rule| {
            let info = rule.info();
            TriageReason {
                kind: ReasonKind::Rule,
                level: info.level,
                red_flag: info.red_flag,
                rule: Some(rule),
                condition: None,
                text: info.reason.to_owned(),
                source: Some(info.source),
            }
        })
        .collect();

    for &c in Condition::ALL {
        let info = c.info();
        let p = probabilities[c.index()];
        if p >= info.likely_at && info.care_level > TriageLevel::SelfCare {
            reasons.push(TriageReason {
                kind: ReasonKind::LikelyCondition,
                level: info.care_level,
                red_flag: info.care_level >= TriageLevel::Urgent,
                rule: None,
                condition: Some(c),
                text: format!(
                    "{} is likely ({:.0}%). {}",
                    info.name,
                    p * 100.0,
                    info.seek_care
                ),
                source: info.sources.first().copied(),
            });
        }
    }

    let top = probabilities.iter().copied().fold(0.0_f64, f64::max);
    if top < CLEAR_PATTERN {
        reasons.push(TriageReason {
            kind: ReasonKind::NoClearPattern,
            level: TriageLevel::SeeDoctor,
            red_flag: false,
            rule: None,
            condition: None,
            text: "Your answers do not clearly point to one common cause. When in doubt, a clinician who can examine the foot is the safe choice.".to_owned(),
            source: None,
        });
    }

    if reasons.is_empty() {
        reasons.push(TriageReason {
            kind: ReasonKind::NoWarningSigns,
            level: TriageLevel::SelfCare,
            red_flag: false,
            rule: None,
            condition: None,
            text: "None of your answers is a warning sign, and the likely causes usually improve with self-care.".to_owned(),
            source: None,
        });
    }

    // Most urgent first; the sort is stable, so rules keep their table order.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.level));
    let level = reasons[0].level;
    Triage {
        level,
        action: level.action().to_owned(),
        reasons,
    }
}
