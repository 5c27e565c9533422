//! The care plan: what to do now, given the triage level and the likely
//! conditions. Which advice appears, and when, is the care policy in
//! `knowledge/care_policy.rs`; this module only reads it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::condition::Condition;
use crate::knowledge::care_policy::{
    CONFLICTS, CareRow, Gives, MAX_CONDITIONS, ROUTINE_PLAN, Trigger, URGENT_PLAN,
};
use crate::knowledge::{Advice, Rule, Source};
use crate::triage::{Triage, holds};
use crate::vocab::TriageLevel;

/// One step of the care plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CareStep {
    /// Which piece of advice this is.
    pub advice: Advice,
    /// A short title.
    pub title: Cow<'static, str>,
    /// What to do.
    pub text: Cow<'static, str>,
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
    pub summary: Cow<'static, str>,
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
            title: Cow::Borrowed(info.title),
            text: Cow::Borrowed(info.text),
            for_conditions: condition.into_iter().collect(),
            source: info.source,
        });
    }
}

struct Context<'a> {
    a: &'a Assessment,
    likely: &'a [Condition],
    triage: &'a Triage,
}

fn applies(t: &Trigger, cx: &Context<'_>) -> bool {
    match *t {
        Trigger::Always => true,
        Trigger::RuleFired(rules) => cx
            .triage
            .reasons
            .iter()
            .any(|r| r.rule.is_some_and(|x: Rule| rules.contains(&x))),
        Trigger::Likely(conditions) => cx.likely.iter().any(|c| conditions.contains(c)),
        Trigger::Answers(ref test) => holds(test, cx.a),
        Trigger::All(ts) => ts.iter().all(|t| applies(t, cx)),
        Trigger::Any(ts) => ts.iter().any(|t| applies(t, cx)),
        Trigger::Not(t) => !applies(t, cx),
    }
}

/// Builds the plan from the likely conditions (most likely first; see
/// [`Condition::likely_at`]) and the triage.
pub(crate) fn build(a: &Assessment, likely: &[Condition], triage: &Triage) -> CarePlan {
    let likely: Vec<Condition> = likely.iter().copied().take(MAX_CONDITIONS).collect();
    let cx = Context {
        a,
        likely: &likely,
        triage,
    };
    let urgent = triage.level >= TriageLevel::Urgent;
    let policy: &[CareRow] = if urgent { URGENT_PLAN } else { ROUTINE_PLAN };
    let mut b = Builder { steps: Vec::new() };
    for row in policy {
        if !applies(&row.when, &cx) {
            continue;
        }
        match row.gives {
            Gives::Advice(advice) => b.add(advice, None),
            Gives::ConditionSelfCare(min) => {
                for &c in &likely {
                    if c.info().care_level >= min {
                        for &adv in c.info().self_care {
                            b.add(adv, Some(c));
                        }
                    }
                }
            }
        }
    }
    // Of two conflicting steps, keep the one for the more likely condition.
    for &(x, y, _) in CONFLICTS {
        let rank = |adv: Advice| {
            b.steps.iter().find(|s| s.advice == adv).map(|s| {
                s.for_conditions
                    .iter()
                    .filter_map(|c| likely.iter().position(|l| l == c))
                    .min()
                    .unwrap_or(usize::MAX)
            })
        };
        if let (Some(rx), Some(ry)) = (rank(x), rank(y)) {
            let drop = if rx <= ry { y } else { x };
            b.steps.retain(|s| s.advice != drop);
        }
    }

    let summary = if urgent {
        Cow::Owned(format!(
            "{} Until then, protect the foot as below; do not rely on self-care instead.",
            triage.level.action()
        ))
    } else if triage.level == TriageLevel::SeeDoctor {
        "Book an appointment within the next few days, and start these steps meanwhile. They ease pain but do not replace an assessment.".into()
    } else {
        "Start with these steps. Most heel pain of this kind improves with them; see someone if it does not within two weeks.".into()
    };
    CarePlan {
        summary,
        steps: b.steps,
    }
}
