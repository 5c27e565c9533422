//! The report document and the full assessment that builds it.

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::assessment::{Answer, Assessment, Setting};
use crate::care_plan::{self, CarePlan};
use crate::condition::Condition;
use crate::item::Item;
use crate::knowledge::{Grade, Source};
use crate::scoring::{finding_effect, findings, origin, prior_log_odds, row_label, sigmoid};
use crate::triage::{self, Triage};

/// The notice every report carries.
pub const NOTICE: &str = "heel is not a diagnosis. It ranks the conditions that fit your answers using published evidence and clinical judgement, but it cannot examine you and it can be wrong. If you are worried, if the pain is severe or getting worse, or if anything here does not match how you feel, see a clinician. In an emergency, call your local emergency number.";

/// How one answer moved one condition's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Contribution {
    /// The evidence item.
    pub item: Item,
    /// The answer as the knowledge base names it: `present`, `absent`, an
    /// option id, a location id (for several locations, the one that counted)
    /// or a band id for numbers.
    pub answer: String,
    /// The likelihood ratio applied.
    pub likelihood_ratio: f64,
    /// Its natural logarithm: what was added to the log-odds.
    pub log_lr: f64,
    /// How the ratio was arrived at.
    pub grade: Grade,
    /// Where it comes from.
    pub source: Option<Source>,
}

/// One condition in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConditionResult {
    /// The condition.
    pub id: Condition,
    /// Its display name.
    pub name: String,
    /// The probability after all answers.
    pub probability: f64,
    /// The pre-test probability in the setting.
    pub prior: f64,
    /// Final log-odds: the prior's log-odds plus every contribution's `log_lr`.
    pub log_odds: f64,
    /// Whether the probability reaches the condition's "likely" threshold.
    pub likely: bool,
    /// The ICD-10-CM code, for the side answered when the code has laterality.
    pub icd10cm: String,
    /// Every answer that changed this condition's score, largest effect first.
    /// Answers not listed had a likelihood ratio of exactly 1.
    pub contributions: Vec<Contribution>,
}

/// The full result of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Report {
    /// The setting whose priors were used.
    pub setting: Setting,
    /// Every condition, most likely first.
    pub conditions: Vec<ConditionResult>,
    /// How urgently to see someone, and why.
    pub triage: Triage,
    /// What to do now.
    pub care_plan: CarePlan,
    /// How many items were answered.
    pub answered: usize,
    /// Remarks on how the answers were used (for example a computed BMI).
    pub remarks: Vec<String>,
    /// The "not a diagnosis" notice.
    pub notice: String,
    /// The version of heel that produced the report.
    pub engine_version: String,
}

impl Report {
    /// The result for one condition.
    #[must_use]
    pub fn condition(&self, id: Condition) -> Option<&ConditionResult> {
        self.conditions.iter().find(|c| c.id == id)
    }

    /// The most likely condition.
    #[must_use]
    pub fn top(&self) -> Option<&ConditionResult> {
        self.conditions.first()
    }

    /// The report as JSON (the document all bindings return).
    #[must_use]
    pub fn to_json(&self) -> String {
        // Every field is a plain string, number, bool or list: this cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as indented JSON.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Assesses heel pain: ranks every condition with its probability and the
/// contribution of every answer, sets the triage level with its reasons, and
/// builds a care plan.
///
/// Pure and deterministic: no I/O, no global mutable state, safe to call from
/// many threads at once.
///
/// ```
/// use heel_core::{assess, Assessment, Condition, TriageLevel};
///
/// let a = Assessment::from_json(r#"{
///     "setting": "runners",
///     "answers": {
///         "age": 41, "sex": "female", "pain_location": ["plantar_medial_heel"],
///         "onset": "gradual", "duration_days": 10,
///         "first_step_pain": "present", "eases_after_few_minutes": "present"
///     }
/// }"#)?;
/// let report = assess(&a)?;
/// assert_eq!(report.conditions[0].id, Condition::PlantarFasciitis);
/// assert_eq!(report.triage.level, TriageLevel::SelfCare);
/// assert!(report.notice.contains("not a diagnosis"));
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Inconsistent`] when answers contradict each other (see
/// [`Assessment::validate`]).
pub fn assess(a: &Assessment) -> Result<Report, Error> {
    a.validate()?;
    let setting = a.resolved_setting();
    let side = match a.get(Item::Side) {
        Some(Answer::Choice(c)) => Some(c.as_str()),
        _ => None,
    };
    let found: Vec<_> = findings(a).collect();
    let priors = prior_log_odds(setting);

    let mut conditions: Vec<ConditionResult> = Condition::ALL
        .iter()
        .map(|&c| {
            let ci = c.index();
            let mut log_odds = priors[ci];
            let mut contributions = Vec::new();
            for &(item, f) in &found {
                let (log_lr, row) = finding_effect(f, ci);
                log_odds += log_lr;
                if log_lr != 0.0 {
                    let lr = origin(row, ci);
                    contributions.push(Contribution {
                        item,
                        answer: row_label(item, row).to_owned(),
                        likelihood_ratio: crate::math::exp(log_lr),
                        log_lr,
                        grade: lr.map_or(Grade::ExpertEstimate, |l| l.grade),
                        source: lr.and_then(|l| l.source),
                    });
                }
            }
            contributions.sort_by(|x, y| y.log_lr.abs().total_cmp(&x.log_lr.abs()));
            let info = c.info();
            let probability = sigmoid(log_odds);
            ConditionResult {
                id: c,
                name: info.name.to_owned(),
                probability,
                prior: sigmoid(priors[ci]),
                log_odds,
                likely: probability >= info.likely_at,
                icd10cm: info.icd10cm.for_side(side).to_owned(),
                contributions,
            }
        })
        .collect();

    let mut probabilities = [0.0; Condition::COUNT];
    for r in &conditions {
        probabilities[r.id.index()] = r.probability;
    }
    conditions.sort_by(|x, y| {
        y.probability
            .total_cmp(&x.probability)
            .then(x.id.cmp(&y.id))
    });

    let triage = triage::triage(a, &probabilities);
    let care_plan = care_plan::build(a, &conditions, &triage);

    let mut remarks = Vec::new();
    if let (Some((bmi, true)), false) = (a.bmi(), a.is_answered(Item::Bmi)) {
        remarks.push(format!("BMI {bmi:.1} was computed from height and weight."));
    }
    if a.setting().is_none() {
        remarks.push(format!(
            "No setting was given; the {} priors were used{}.",
            setting.as_str().replace('_', " "),
            if setting == Setting::Children {
                " because the age is under 18"
            } else {
                ""
            }
        ));
    }
    if !a.locations().is_empty() && a.locations().len() > 1 {
        remarks.push(
            "Several places hurt: each condition counts the place that fits it best.".to_owned(),
        );
    }

    Ok(Report {
        setting,
        conditions,
        triage,
        care_plan,
        answered: a.answered_count(),
        remarks,
        notice: NOTICE.to_owned(),
        engine_version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

/// Reads an assessment from JSON text and assesses it: the one call the
/// bindings make.
///
/// # Errors
/// Any [`Error`] from [`Assessment::from_json`] or [`assess`].
pub fn assess_json(text: &str) -> Result<Report, Error> {
    assess(&Assessment::from_json(text)?)
}
