//! Triage: how urgently to see someone, and why.
//!
//! The level is the highest of four kinds of reason:
//! 1. a triage rule whose test holds (red flags and the seed's "see a doctor"
//!    advice; see `knowledge/triage_rules.rs`),
//! 2. a likely condition that needs a clinician (its calibrated probability
//!    reaches the threshold of its care level, see `knowledge/levels.rs`),
//! 3. no clear pattern: when no cause reaches [`CLEAR_PATTERN`] the engine
//!    says "see a clinician" rather than guess,
//! 4. not enough information: too few answers, no place or time course, or a
//!    place answer too diffuse to use (see [`missing`]); never self-care.
//!
//! Scores can raise the level but never lower what a rule has set.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::assessment::{Answer, Assessment};
use crate::condition::Condition;
use crate::ids::id_enum;
use crate::item::Item;
use crate::knowledge::levels::{DIFFUSE_PLACES, ESSENTIAL, LEVELS, MIN_ANSWERS};
use crate::knowledge::{Rule, Source, TRIAGE_RULES, Test};
pub(crate) use crate::vocab::{Professional, TriageLevel};

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
        /// Too little (or too diffuse) information to advise self-care.
        NotEnoughInformation = "not_enough_information",
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
    pub text: Cow<'static, str>,
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
    /// The level's time frame in a few words ("now", "today", "within days").
    pub time_frame: Cow<'static, str>,
    /// What to do, in plain words.
    pub action: Cow<'static, str>,
    /// Who is best placed to see the person first, most suitable first.
    pub who_to_see: Vec<Professional>,
    /// The same, in words.
    pub who_to_see_text: String,
    /// Where the "who to see" advice comes from.
    pub who_source: Option<Source>,
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

/// Items of which at least one must be answered for `test` to hold (bit
/// [`Item::index`] for each), or `None` when it can hold with none
/// answered (`NotPresent`, `Not`). Sound, not tight: `All` takes one
/// child's set, `Any` the union of its children's.
fn needs(test: &Test) -> Option<u128> {
    let one = |item: Item| Some(1u128 << item.index());
    match *test {
        Test::Present(i) | Test::Is(i, _) | Test::Above(i, _) | Test::Below(i, _) => one(i),
        Test::PainAt(_) => one(Item::PainLocation),
        Test::NotPresent(_) | Test::Not(_) => None,
        Test::All(tests) => tests.iter().find_map(needs),
        Test::Any(tests) => tests
            .iter()
            .map(needs)
            .try_fold(0, |acc, n| n.map(|n| acc | n)),
    }
}

/// For each triage rule, the items of which one must be answered for it to
/// fire (`u128::MAX`: it may fire with none), computed once: most rules
/// need an answer most assessments lack, and are then not tested.
fn rule_needs() -> &'static [u128; Rule::COUNT] {
    static NEEDS: std::sync::OnceLock<[u128; Rule::COUNT]> = std::sync::OnceLock::new();
    NEEDS.get_or_init(|| std::array::from_fn(|r| needs(&TRIAGE_RULES[r].test).unwrap_or(u128::MAX)))
}

/// The triage rules that fire for `a`, most urgent first.
pub fn fired_rules(a: &Assessment) -> impl Iterator<Item = Rule> + '_ {
    let answered = a.answered_mask();
    TRIAGE_RULES
        .iter()
        .zip(rule_needs())
        .filter(move |(r, needs)| **needs & answered != 0 && holds(&r.test, a))
        .map(|(r, _)| r.id)
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

/// What heel still needs to know before it can advise self-care: the
/// essential items not answered (one per group of alternatives), or the
/// place if it is too diffuse to use. Empty when the information suffices.
#[must_use]
pub fn missing(a: &Assessment) -> Vec<Item> {
    let mut out: Vec<Item> = ESSENTIAL
        .iter()
        .filter(|alternatives| !alternatives.iter().any(|&i| a.is_answered(i)))
        .map(|alternatives| alternatives[0])
        .collect();
    if a.locations().len() >= DIFFUSE_PLACES && !out.contains(&Item::PainLocation) {
        out.insert(0, Item::PainLocation);
    }
    out
}

fn list<S: AsRef<str>>(items: &[S], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let mut out = String::new();
            for (i, s) in init.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(s.as_ref());
            }
            format!("{out} {conjunction} {}", last.as_ref())
        }
    }
}

/// The level [`triage`] sets, without building its reasons: the highest level
/// any of its reasons would have (self-care when none applies). The batch
/// path uses it; a test checks it against the full triage.
pub(crate) fn level(a: &Assessment, probabilities: &[f64; Condition::COUNT]) -> TriageLevel {
    let mut level = rule_level(a);
    for &c in Condition::ALL {
        let care = c.info().care_level;
        let p = probabilities[c.index()];
        for &l in TriageLevel::ALL {
            if l > level && l > TriageLevel::SelfCare && l <= care && p >= l.likely_threshold() {
                level = l;
            }
        }
    }
    let unsure = probabilities.iter().copied().fold(0.0_f64, f64::max) < CLEAR_PATTERN
        || a.answered_count() < MIN_ANSWERS
        || a.locations().len() >= DIFFUSE_PLACES
        || ESSENTIAL
            .iter()
            .any(|alternatives| !alternatives.iter().any(|&i| a.is_answered(i)));
    if unsure {
        level = level.max(TriageLevel::SeeDoctor);
    }
    level
}

/// Builds the triage from the rules and the cause probabilities
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
                text: Cow::Borrowed(info.reason),
                source: Some(info.source),
            }
        })
        .collect();

    for &c in Condition::ALL {
        let info = c.info();
        let p = probabilities[c.index()];
        // The highest level up to the condition's own whose threshold the
        // probability reaches: a possible rupture (15%) is "today", a probable
        // one (50%) is "now".
        let raised = TriageLevel::ALL
            .iter()
            .copied()
            .filter(|&l| l > TriageLevel::SelfCare && l <= info.care_level)
            .filter(|l| p >= l.likely_threshold())
            .max();
        if let Some(level) = raised {
            reasons.push(TriageReason {
                kind: ReasonKind::LikelyCondition,
                level,
                red_flag: false,
                rule: None,
                condition: Some(c),
                text: Cow::Owned(if level == info.care_level {
                    format!(
                        "{} is {} ({:.0}%). {}",
                        info.name,
                        if p >= CLEAR_PATTERN { "likely" } else { "possible" },
                        p * 100.0,
                        info.seek_care
                    )
                } else {
                    format!(
                        "{} is possible ({:.0}%): not likely enough to go {}, but it should be ruled out: {}",
                        info.name,
                        p * 100.0,
                        info.care_level.time_frame(),
                        level.action()
                    )
                }),
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
            text: "Your answers do not clearly point to one cause. When in doubt, see a clinician who can examine the foot within the next few days.".into(),
            source: None,
        });
    }

    let missing = missing(a);
    if !missing.is_empty() || a.answered_count() < MIN_ANSWERS {
        let mut needs: Vec<String> = missing
            .iter()
            .map(|i| match i {
                Item::PainLocation if a.locations().len() >= DIFFUSE_PLACES => {
                    "where it hurts most (many places were ticked)".to_owned()
                }
                Item::PainLocation => "where it hurts".to_owned(),
                Item::Onset => "how it started and how long ago".to_owned(),
                other => other.as_str().replace('_', " "),
            })
            .collect();
        if a.answered_count() < MIN_ANSWERS {
            needs.push(format!(
                "more answers (at least {MIN_ANSWERS}; {} so far)",
                a.answered_count()
            ));
        }
        reasons.push(TriageReason {
            kind: ReasonKind::NotEnoughInformation,
            level: TriageLevel::SeeDoctor,
            red_flag: false,
            rule: None,
            condition: None,
            text: Cow::Owned(format!(
                "There is not enough information to advise self-care: heel still needs to know {}. Answer more questions, or see a clinician within the next few days.",
                list(&needs, "and")
            )),
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
            text: "None of your answers is a warning sign, and the likely causes usually improve with self-care within two weeks.".into(),
            source: None,
        });
    }

    // Most urgent first; the sort is stable, so rules keep their table order.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.level));
    let level = reasons[0].level;
    let (who_to_see, who_source) = who(level, &reasons, probabilities);
    Triage {
        level,
        time_frame: Cow::Borrowed(level.time_frame()),
        action: Cow::Borrowed(level.action()),
        who_to_see_text: format!(
            "Best placed to see first: {}.",
            list(
                &who_to_see.iter().map(|p| p.label()).collect::<Vec<_>>(),
                "or"
            )
        ),
        who_to_see,
        who_source,
        reasons,
    }
}

/// Who to see: at the emergency level the emergency department; with a
/// diabetic rule the diabetic foot team first; at the urgent level, or when
/// information is missing, the level's services; otherwise the "who to see"
/// of the most likely named condition, if it reaches its threshold, else the
/// level's defaults.
fn who(
    level: TriageLevel,
    reasons: &[TriageReason],
    probabilities: &[f64; Condition::COUNT],
) -> (Vec<Professional>, Option<Source>) {
    let diabetic = reasons
        .iter()
        .any(|r| matches!(r.rule, Some(Rule::DiabeticFootChanges | Rule::Diabetes)));
    let unsure = reasons
        .iter()
        .any(|r| r.kind == ReasonKind::NotEnoughInformation);
    let mut out: Vec<Professional> = Vec::new();
    let mut source = None;
    if level == TriageLevel::Emergency {
        // Now means the emergency department, whoever else follows up.
        out.extend(LEVELS[level.index()].who);
        if diabetic {
            out.push(Professional::DiabeticFootTeam);
            source = Some(Source::DiabetesUk);
        }
    } else if diabetic {
        // Diabetes UK: the foot team (or the doctor) the same day.
        out.push(Professional::DiabeticFootTeam);
        source = Some(Source::DiabetesUk);
        out.extend(LEVELS[level.index()].who);
    } else if level == TriageLevel::Urgent || unsure {
        out.extend(LEVELS[level.index()].who);
    } else {
        let lead = Condition::NAMED
            .iter()
            .copied()
            .max_by(|x, y| {
                probabilities[x.index()]
                    .total_cmp(&probabilities[y.index()])
                    .then(y.cmp(x))
            })
            .filter(|c| probabilities[c.index()] >= c.likely_at().min(CLEAR_PATTERN));
        match lead {
            Some(c) => {
                out.extend(c.info().who_to_see);
                source = source.or(Some(c.info().who_source));
            }
            None => out.extend(LEVELS[level.index()].who),
        }
    }
    let mut seen = Vec::new();
    out.retain(|p| {
        let fresh = !seen.contains(p);
        seen.push(*p);
        fresh
    });
    (out, source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::{AnswerKind, Location, Locations};

    /// Skipping the rules whose needed items are all unanswered changes
    /// nothing: the same rules fire as when every rule is tested, on
    /// assessments with random answers to random items (seeded).
    #[test]
    fn needed_items_skip_only_rules_that_cannot_fire() {
        let mut state: u64 = 3;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        let mut fired = 0;
        for _ in 0..3000 {
            let mut a = Assessment::new();
            for _ in 0..next(40) {
                let item = Item::ALL[next(Item::COUNT)];
                let answer = match item.info().kind {
                    AnswerKind::YesNo => [Answer::Present, Answer::Absent][next(2)],
                    AnswerKind::Choice { options } => Answer::Choice(options[next(options.len())]),
                    AnswerKind::Number {
                        bands, min, max, ..
                    } => {
                        if bands.is_empty() {
                            Answer::Number(min + (max - min) * next(101) as f64 / 100.0)
                        } else {
                            Answer::Number(bands[next(bands.len())].from)
                        }
                    }
                    AnswerKind::Locations => {
                        let mut set = Locations::new();
                        set.insert(Location::ALL[next(Location::COUNT)]);
                        Answer::Locations(set)
                    }
                };
                // A band's lower bound may lie outside the item's range.
                let _ = a.set(item, answer);
            }
            let all: Vec<Rule> = TRIAGE_RULES
                .iter()
                .filter(|r| holds(&r.test, &a))
                .map(|r| r.id)
                .collect();
            assert_eq!(fired_rules(&a).collect::<Vec<_>>(), all);
            fired += all.len();
        }
        assert!(fired > 500, "the random answers fire rules ({fired})");
    }
}
