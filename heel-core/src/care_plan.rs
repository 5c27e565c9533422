//! The care plan: what to do now, given the triage level and the likely
//! conditions.
//!
//! - Emergency or urgent: get seen first. The plan leads with the advice that
//!   protects the foot on the way (keep weight off, do not treat an infection
//!   at home) and keeps only rest and elevation from RICE.
//! - Otherwise: the seed article's RICE with its specifics, shoes rather than
//!   bare feet, the self-care of each likely condition (at most three, most
//!   likely first), pain relief with its cautions, a gradual return to running
//!   for runners, and when to see someone.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::condition::Condition;
use crate::item::Item;
use crate::knowledge::{Advice, Rule, Source};
use crate::report::ConditionResult;
use crate::triage::Triage;
use crate::vocab::TriageLevel;

/// How many likely conditions contribute their own advice.
const MAX_CONDITIONS: usize = 3;

/// One step of the care plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CareStep {
    /// Which piece of advice this is.
    pub advice: Advice,
    /// A short title.
    pub title: String,
    /// What to do.
    pub text: String,
    /// The likely conditions this step is for (empty: general advice).
    pub for_conditions: Vec<Condition>,
    /// Where the advice comes from.
    pub source: Option<Source>,
}

/// What to do now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CarePlan {
    /// One sentence on how to use the plan at this triage level.
    pub summary: String,
    /// The steps, in the order to read them.
    pub steps: Vec<CareStep>,
}

struct Builder {
    steps: Vec<CareStep>,
}

impl Builder {
    fn add(&mut self, advice: Advice, condition: Option<Condition>) {
        if let Some(step) = self.steps.iter_mut().find(|s| s.advice == advice) {
            if let Some(c) = condition {
                if !step.for_conditions.contains(&c) {
                    step.for_conditions.push(c);
                }
            }
            return;
        }
        let info = advice.info();
        self.steps.push(CareStep {
            advice,
            title: info.title.to_owned(),
            text: info.text.to_owned(),
            for_conditions: condition.into_iter().collect(),
            source: info.source,
        });
    }
}

pub(crate) fn build(a: &Assessment, ranked: &[ConditionResult], triage: &Triage) -> CarePlan {
    let mut b = Builder { steps: Vec::new() };
    let fired = |rule: Rule| triage.reasons.iter().any(|r| r.rule == Some(rule));
    let likely: Vec<Condition> = ranked
        .iter()
        .filter(|r| r.likely)
        .take(MAX_CONDITIONS)
        .map(|r| r.id)
        .collect();

    if triage.level >= TriageLevel::Urgent {
        if fired(Rule::SuspectedAchillesRupture) || likely.contains(&Condition::AchillesRupture) {
            b.add(Advice::ProtectRupture, Some(Condition::AchillesRupture));
        }
        if fired(Rule::CannotBearWeightAfterInjury)
            || fired(Rule::OttawaPositive)
            || fired(Rule::DeformityAfterInjury)
            || likely.contains(&Condition::AcuteCalcanealFracture)
        {
            b.add(Advice::ProtectFracture, None);
        }
        if [
            Rule::InfectionWithSystemicSigns,
            Rule::HotRedSwollenHeel,
            Rule::FeverWithLocalSigns,
            Rule::ImmunosuppressedHotHeel,
            Rule::PunctureWound,
            Rule::ChildSwollenHeel,
            Rule::DiabeticFootChanges,
        ]
        .into_iter()
        .any(fired)
            || likely.contains(&Condition::CalcanealOsteomyelitis)
        {
            b.add(Advice::InfectionNeedsCare, None);
        }
        for &c in &likely {
            if c.info().care_level >= TriageLevel::Urgent {
                for &adv in c.info().self_care {
                    b.add(adv, Some(c));
                }
            }
        }
        b.add(Advice::Rest, None);
        b.add(Advice::Elevation, None);
        return CarePlan {
            summary: format!(
                "{} Until then, protect the foot as below; do not rely on self-care instead.",
                triage.level.action()
            ),
            steps: b.steps,
        };
    }

    for adv in [
        Advice::Rest,
        Advice::Ice,
        Advice::Compression,
        Advice::Elevation,
        Advice::SupportiveShoes,
    ] {
        b.add(adv, None);
    }
    for &c in &likely {
        for &adv in c.info().self_care {
            b.add(adv, Some(c));
        }
    }
    b.add(Advice::PainRelief, None);
    if fired(Rule::FluoroquinoloneTendonPain) {
        b.add(Advice::MedicationReview, None);
    }
    let stress_fracture_likely = likely.iter().any(|c| {
        matches!(
            c,
            Condition::CalcanealStressFracture
                | Condition::NavicularStressFracture
                | Condition::MedialMalleolusStressFracture
        )
    });
    if !stress_fracture_likely
        && (a.is_present(Item::Runner) || a.is_answered(Item::WeeklyDistanceKm))
    {
        b.add(Advice::GradualReturn, None);
    }
    b.add(Advice::SeeIfNotBetter, None);

    let summary = match triage.level {
        TriageLevel::SeeDoctor => {
            "Book an appointment, and start these steps meanwhile. They ease pain but do not replace an assessment."
        }
        _ => {
            "Start with these steps. Most heel pain of this kind improves with them; see someone if it does not within two weeks."
        }
    };
    CarePlan {
        summary: summary.to_owned(),
        steps: b.steps,
    }
}
