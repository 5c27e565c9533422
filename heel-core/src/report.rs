//! The report document and the full assessment that builds it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::assessment::{Answer, Assessment, Setting};
use crate::care_plan::{self, CarePlan};
use crate::condition::Condition;
use crate::item::{Item, Location};
use crate::knowledge::{EvidenceGroup, Grade, Source};
use crate::math::exp;
use crate::scoring::{
    Finding, ModelParams, Softmax, Term, finding_effect, group_of, log_priors, origin, priors,
    row_label, row_lr, terms,
};
use crate::triage::{self, Triage};

/// The notice every report carries.
pub const NOTICE: &str = "heel is not a diagnosis. It ranks the conditions that fit your answers using published evidence and clinical judgement, but it cannot examine you and it can be wrong. If you are worried, if the pain is severe or getting worse, or if anything here does not match how you feel, see a clinician. In an emergency, call your local emergency number.";

/// How one answer moved one cause's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Contribution {
    /// The evidence item (for a published cluster: its first member).
    pub item: Item,
    /// The answer as the knowledge base names it: `present`, `absent`, an
    /// option id, a location id (several places joined by `+`, whose ratios
    /// were averaged), a band id for numbers, or for a cluster `rule_positive`
    /// or `rule_negative`.
    pub answer: Cow<'static, str>,
    /// The likelihood ratio of the answer.
    pub likelihood_ratio: f64,
    /// Its natural logarithm.
    pub log_lr: f64,
    /// The weight it was given: its place in its evidence group (1 for the
    /// strongest, then halving; 0 when a published cluster replaced it)
    /// divided by the evidence temperature.
    pub weight: f64,
    /// What was added to the score: `log_lr × weight`.
    pub applied: f64,
    /// The evidence group the answer belongs to, if any.
    pub group: Option<EvidenceGroup>,
    /// How the ratio was arrived at.
    pub grade: Grade,
    /// Where it comes from.
    pub source: Option<Source>,
}

/// One cause in the differential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConditionResult {
    /// The cause.
    pub id: Condition,
    /// Its display name.
    pub name: Cow<'static, str>,
    /// The probability that it is the main cause of the pain. The
    /// probabilities of a report sum to 1.
    pub probability: f64,
    /// Its prior share in the setting.
    pub prior: f64,
    /// `ln prior`.
    pub log_prior: f64,
    /// The unnormalised log score: `log_prior` plus every contribution's
    /// `applied`. `probability = exp(log_score - log_normaliser)`.
    pub log_score: f64,
    /// Whether the probability reaches the threshold of the cause's care
    /// level (see the catalog's triage levels).
    pub likely: bool,
    /// The ICD-10-CM code, for the side answered when the code has laterality.
    pub icd10cm: Cow<'static, str>,
    /// Every answer that changed this cause's score, largest effect first.
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
    /// Every cause (the named conditions and `other`), most likely first; the
    /// probabilities sum to 1.
    pub conditions: Vec<ConditionResult>,
    /// `ln Σ exp(log_score)` over the causes: the normalisation.
    pub log_normaliser: f64,
    /// How urgently to see someone, who, and why.
    pub triage: Triage,
    /// What to do now.
    pub care_plan: CarePlan,
    /// What heel still needs to know before it could advise self-care
    /// (empty when the information suffices).
    pub missing: Vec<Item>,
    /// How many items were answered.
    pub answered: usize,
    /// Remarks on how the answers were used (for example a computed BMI).
    pub remarks: Vec<String>,
    /// The "not a diagnosis" notice.
    pub notice: Cow<'static, str>,
    /// The version of heel that produced the report and the knowledge base it
    /// used: `<version>+kb.<fingerprint>` ([`crate::ENGINE_VERSION`]).
    pub engine_version: Cow<'static, str>,
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
    let log_prior = log_priors(setting);
    let mut scores = *log_prior;
    // The terms first, so each cause's list is allocated once at its size.
    let mut all: Vec<Term> = Vec::with_capacity(64);
    let mut counts = [0usize; Condition::COUNT];
    terms(a, setting, &ModelParams::default(), |t| {
        scores[t.cause] += t.log_lr * t.weight;
        counts[t.cause] += 1;
        all.push(t);
    });
    let mut contributions: Vec<Vec<Contribution>> =
        counts.iter().map(|&n| Vec::with_capacity(n)).collect();
    for t in &all {
        contributions[t.cause].push(contribution(setting, t));
    }
    // The same normalisation as `score` and the batch path: identical bits.
    let normalised = Softmax::new(&scores);
    let log_normaliser = normalised.log_normaliser();

    // The order first (most likely first, ties in catalog order), so each
    // result is built in its place instead of being moved by the sort.
    let probabilities = normalised.p;
    let mut order: [Condition; Condition::COUNT] = std::array::from_fn(|i| Condition::ALL[i]);
    order.sort_by(|x, y| {
        probabilities[y.index()]
            .total_cmp(&probabilities[x.index()])
            .then(x.cmp(y))
    });
    let conditions: Vec<ConditionResult> = order
        .iter()
        .map(|&c| {
            let ci = c.index();
            let mut contributions = std::mem::take(&mut contributions[ci]);
            contributions.sort_by(|x, y| y.applied.abs().total_cmp(&x.applied.abs()));
            let info = c.info();
            let probability = probabilities[ci];
            ConditionResult {
                id: c,
                name: Cow::Borrowed(info.name),
                probability,
                prior: priors(setting)[ci],
                log_prior: log_prior[ci],
                log_score: scores[ci],
                likely: probability >= c.likely_at(),
                icd10cm: Cow::Borrowed(info.icd10cm.for_side(side)),
                contributions,
            }
        })
        .collect();

    let triage = triage::triage(a, &probabilities);
    let likely: Vec<Condition> = conditions
        .iter()
        .filter(|c| c.likely && c.id != Condition::Other)
        .map(|c| c.id)
        .collect();
    let care_plan = care_plan::build(a, &likely, &triage);

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
    if a.locations().len() > 1 {
        remarks.push(
            "Several places hurt: each cause takes the average of its ratios for those places, so a precise place says more than many."
                .to_owned(),
        );
    }

    Ok(Report {
        setting,
        conditions,
        log_normaliser,
        triage,
        care_plan,
        missing: triage::missing(a),
        answered: a.answered_count(),
        remarks,
        notice: Cow::Borrowed(NOTICE),
        engine_version: Cow::Borrowed(crate::ENGINE_VERSION),
    })
}

fn contribution(setting: Setting, t: &Term) -> Contribution {
    let (answer, grade, source) = if let Some((k, positive)) = t.cluster {
        let label = if positive {
            "rule_positive"
        } else {
            "rule_negative"
        };
        (Cow::Borrowed(label), k.grade, Some(k.source))
    } else {
        let (label, row) = match t.finding {
            Some(Finding::Locations(base, bits)) => {
                let ids: Vec<&str> = Location::ALL
                    .iter()
                    .filter(|l| bits & (1 << l.index()) != 0)
                    .map(|l| l.as_str())
                    .collect();
                (
                    Cow::Owned(ids.join("+")),
                    finding_effect(setting, Finding::Locations(base, bits), t.cause).1,
                )
            }
            Some(Finding::Row(r)) => (Cow::Borrowed(row_label(t.item, r)), r),
            None => (Cow::Borrowed(""), 0),
        };
        let lr = origin(setting, row, t.cause);
        (
            label,
            lr.map_or(Grade::ExpertEstimate, |l| l.grade),
            lr.and_then(|l| l.source),
        )
    };
    Contribution {
        item: t.item,
        answer,
        // The ratio of a single row was computed once, as `exp` of the same log.
        likelihood_ratio: match t.finding {
            Some(Finding::Row(r)) => row_lr(setting, r)[t.cause],
            _ => exp(t.log_lr),
        },
        log_lr: t.log_lr,
        weight: t.weight,
        applied: t.log_lr * t.weight,
        group: t
            .cluster
            .map_or_else(|| group_of(t.item), |(k, _)| Some(k.group)),
        grade,
        source,
    }
}

/// Reads an assessment from JSON text and assesses it: the one call the
/// bindings make.
///
/// # Errors
/// Any [`Error`] from [`Assessment::from_json`] or [`assess`].
pub fn assess_json(text: &str) -> Result<Report, Error> {
    assess(&Assessment::from_json(text)?)
}
