//! The adaptive interview: which question to ask next, and when to stop.
//!
//! Red-flag screening questions come first (see
//! [`SCREENING`](crate::knowledge::SCREENING)) until they are answered. The
//! other unanswered items are ranked by their **expected information gain**:
//! how much, on average over the answers the person might give, the answer
//! would reduce the uncertainty (Shannon entropy, in bits) of the condition
//! ranking. It is computed from the model's own likelihood ratios and
//! current probabilities:
//!
//! - the ranking is the report's distribution `π` over causes;
//! - the chance of answer `a` given cause `c` is `P(a|c) = LR(a,c) / Σ LR(a',c)`
//!   (the ratios of an item's answers, normalised; an answer without a ratio
//!   counts 1), and `P(a) = Σ π(c) P(a|c)`;
//! - `π_a` is the distribution after answering `a`, computed by scoring the
//!   assessment with that answer added, so groups of correlated answers and
//!   the calibration are taken into account exactly;
//! - the gain is `H(π) - Σ P(a) H(π_a)`.
//!
//! The interview should stop when the leading cause is clear (its
//! probability at least [`CLEAR_LEAD`] and ahead of the next by at least
//! [`CLEAR_MARGIN`]), or when no answer to any remaining question (with a
//! chance of at least [`PLAUSIBLE_ANSWER`]) would change which cause leads
//! and none is expected to gain [`GAIN_FLOOR`] bits. It never stops while a
//! red-flag screening question is pending, so the triage a red flag sets is
//! reached before the stop.

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::assessment::{Answer, Assessment, Setting};
use crate::condition::Condition;
use crate::doc::{self, Doc};
use crate::ids::id_enum;
use crate::item::{AnswerKind, Group, Item, Location};
use crate::knowledge::SCREENING;
use crate::knowledge::calibration::EVIDENCE_TEMPERATURE;
use crate::math::{LOG2_E, exp_fast, log2};
use crate::scoring::{
    ModelParams, Softmax, Terms, answer_chance, group_of, item_rows, log_scores, rescored_slots,
    row_log_lr, slots, sum4, tempered_lr,
};
use crate::triage::{TriageLevel, holds, missing, rule_level};

const N: usize = Condition::COUNT;

/// The leading condition is clear at or above this probability ...
pub const CLEAR_LEAD: f64 = 0.8;
/// ... when the next condition is at least this much less likely.
pub const CLEAR_MARGIN: f64 = 0.3;
/// Below this expected information gain (bits) a question is not expected to
/// change the ranking.
pub(crate) const GAIN_FLOOR: f64 = 0.07;
/// Answers less likely than this are ignored when asking whether a question
/// could still change the leading condition.
pub const PLAUSIBLE_ANSWER: f64 = 0.05;

/// Options for [`next_questions`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct QuestionOptions {
    /// Leave out clinician-only items (bedside tests): for self-report.
    pub self_report_only: bool,
    /// Return at most this many questions (all unanswered items if absent).
    pub limit: Option<usize>,
    /// Items already asked and answered "don't know": not asked again.
    pub skip: Vec<Item>,
}

impl QuestionOptions {
    /// Options for a person answering alone: no clinician tests.
    #[must_use]
    pub fn self_report() -> Self {
        QuestionOptions {
            self_report_only: true,
            ..QuestionOptions::default()
        }
    }

    /// The same options with a limit on how many questions come back.
    #[must_use]
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Reads the options document (`{"self_report_only": bool, "limit": n,
    /// "skip": [item ids]}`, every field optional) from JSON text.
    ///
    /// # Errors
    /// An [`Error`] naming the field, as for assessments.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        Self::from_doc(&doc::from_json(text)?)
    }

    /// Reads the options document from any serde deserializer.
    ///
    /// # Errors
    /// As for [`QuestionOptions::from_json`].
    pub fn from_deserializer<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, Error> {
        Self::from_doc(&doc::from_deserializer(d)?)
    }

    fn from_doc(d: &Doc) -> Result<Self, Error> {
        let wrong = |field: &str, expected: &str, found: &Doc| Error::WrongType {
            field: field.to_owned(),
            expected: expected.to_owned(),
            found: found.type_name(),
        };
        let mut out = QuestionOptions::default();
        let fields = match d {
            Doc::Null => return Ok(out),
            Doc::Object(fields) => fields,
            other => return Err(wrong("", "an object of options", other)),
        };
        let mut seen = Vec::new();
        for (key, value) in fields {
            if seen.contains(&key.as_str()) {
                return Err(Error::Duplicate { field: key.clone() });
            }
            seen.push(key.as_str());
            match (key.as_str(), value) {
                (_, Doc::Null) if OPTION_FIELDS.contains(&key.as_str()) => {}
                ("self_report_only", Doc::Bool(b)) => out.self_report_only = *b,
                ("self_report_only", other) => return Err(wrong(key, "true or false", other)),
                ("limit", Doc::Number(n)) => {
                    if n.fract() != 0.0 || !(0.0..=1000.0).contains(n) {
                        return Err(Error::OutOfRange {
                            field: "limit".to_owned(),
                            value: n.to_string(),
                            allowed: "a whole number from 0 to 1000".to_owned(),
                        });
                    }
                    #[allow(clippy::cast_sign_loss)] // a whole number in 0..=1000, checked above
                    let limit = *n as usize;
                    out.limit = Some(limit);
                }
                ("limit", other) => return Err(wrong(key, "a whole number", other)),
                ("skip", Doc::Array(items)) => {
                    for (i, v) in items.iter().enumerate() {
                        let field = format!("skip[{i}]");
                        let Doc::String(id) = v else {
                            return Err(wrong(&field, "an evidence item id", v));
                        };
                        let item = Item::from_id(id).ok_or_else(|| {
                            Error::unknown_id("evidence item", field.clone(), id, Item::ids())
                        })?;
                        if !out.skip.contains(&item) {
                            out.skip.push(item);
                        }
                    }
                }
                ("skip", other) => return Err(wrong(key, "an array of evidence item ids", other)),
                (other, _) => {
                    return Err(Error::unknown_id(
                        "field",
                        other.to_owned(),
                        other,
                        OPTION_FIELDS.iter().copied(),
                    ));
                }
            }
        }
        Ok(out)
    }
}

const OPTION_FIELDS: [&str; 3] = ["self_report_only", "limit", "skip"];

id_enum! {
    /// Why the interview can stop.
    pub enum StopReason ("stop reason") {
        /// The leading condition is clear enough.
        LeadingConditionClear = "leading_condition_clear",
        /// No remaining question is expected to change which condition leads.
        NoQuestionChangesRanking = "no_question_changes_ranking",
        /// Every question has been answered.
        NoQuestionsLeft = "no_questions_left",
    }
}

/// A question worth asking next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Question {
    /// The item to ask about.
    pub item: Item,
    /// The question text.
    pub question: String,
    /// The questionnaire group.
    pub group: Group,
    /// Whether only a clinician can answer it.
    pub clinician_only: bool,
    /// Whether it is asked first as a red-flag screen.
    pub red_flag_screen: bool,
    /// Expected reduction of uncertainty about the ranking, in bits.
    pub information_gain: f64,
    /// The conditions whose probability the answer is expected to move most.
    pub separates: Vec<Condition>,
    /// Why it is asked, in plain words.
    pub reason: String,
}

/// The next questions to ask and whether to stop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NextQuestions {
    /// Unanswered questions, most useful first: pending red-flag screens,
    /// then by expected information gain.
    pub questions: Vec<Question>,
    /// Whether more questions are unlikely to change the answer.
    pub should_stop: bool,
    /// Why, when `should_stop` is true.
    pub stop_reason: Option<StopReason>,
    /// The condition currently leading.
    pub leading_condition: Condition,
    /// Its probability.
    pub leading_probability: f64,
    /// The triage level the answers so far set through rules alone (the full
    /// report may raise it further).
    pub rule_level: TriageLevel,
    /// How many items are answered.
    pub answered: usize,
}

fn leader(p: &[f64; N]) -> (usize, f64, f64) {
    let mut best = (0, f64::NEG_INFINITY);
    let mut second = f64::NEG_INFINITY;
    for (i, &x) in p.iter().enumerate() {
        if x > best.1 {
            second = best.1;
            best = (i, x);
        } else if x > second {
            second = x;
        }
    }
    (best.0, best.1, second)
}

/// What asking `item` is expected to do.
struct Effect {
    gain: f64,
    /// Expected absolute shift of each cause's probability.
    shift: [f64; N],
    /// Whether some plausible answer changes the leading cause.
    can_change_leader: bool,
}

/// The answer a finding row stands for.
fn row_answer(item: Item, local: usize) -> Option<Answer> {
    match item.info().kind {
        AnswerKind::YesNo => Some(if local == 0 {
            Answer::Present
        } else {
            Answer::Absent
        }),
        AnswerKind::Choice { options } => options.get(local).map(|&c| Answer::Choice(c)),
        AnswerKind::Locations => Location::ALL
            .get(local)
            .map(|&l| Answer::Locations([l].into_iter().collect())),
        AnswerKind::Number { bands, .. } => bands.get(local).map(|b| Answer::Number(b.from)),
    }
}

/// The current scores' terms, slot by slot (each slot's sum per cause), so
/// a trial answer rescores only the slots it can change: the scores move by
/// the difference.
struct Cached {
    /// The slots with terms, in order, with what they add to each cause.
    slots: Vec<(usize, [f64; N])>,
}

impl Cached {
    fn new(a: &Assessment, setting: Setting, params: &ModelParams) -> Self {
        let all = Terms::new(a, setting, params);
        let mut out = Cached { slots: Vec::new() };
        for (i, &slot) in slots().iter().enumerate() {
            let mut added = [0.0; N];
            all.add_slot(slot, &mut added);
            if added.iter().any(|&x| x != 0.0) {
                out.slots.push((i, added));
            }
        }
        out
    }

    /// How the log scores of `trial`, which differs from the cached
    /// assessment only in the answer to `item`, differ from the current
    /// ones: the changed slots' new terms less their old ones (0 for a
    /// cause they do not bear on).
    fn delta(
        &self,
        trial: &Assessment,
        item: Item,
        setting: Setting,
        params: &ModelParams,
    ) -> [f64; N] {
        let fresh = Terms::new(trial, setting, params);
        let all = slots();
        let mut delta = [0.0; N];
        for &c in rescored_slots(item) {
            fresh.add_slot(all[c], &mut delta);
        }
        for &c in rescored_slots(item) {
            if let Ok(k) = self.slots.binary_search_by_key(&c, |s| s.0) {
                for (d, old) in delta.iter_mut().zip(&self.slots[k].1) {
                    *d -= old;
                }
            }
        }
        delta
    }
}

/// The interview's state before any trial answer: the current scores, their
/// distribution and its entropy.
struct Current {
    setting: Setting,
    /// The distribution over causes.
    p: [f64; N],
    /// `log2 p` of each cause, from the scores (finite even where `p`
    /// underflows to 0).
    log2_p: [f64; N],
    /// The entropy of `p`, in bits.
    h0: f64,
    /// The leading cause.
    lead: usize,
    cached: Cached,
}

impl Current {
    /// Adds one trial answer's expected effect to `out`, in one pass over
    /// the causes (no distribution is built or copied): the distribution
    /// after multiplying each cause's probability by `w[c]` (`log2_w(c)` is
    /// `log2 w[c]`) is `q = p w / Σ p w`, its entropy in bits
    /// `log2 Σ p w - Σ q (log2 p + log2 w)`; the entropy, weighted by the
    /// answer's chance, goes to `expected_h`, the shift `|q - p|` to
    /// `out.shift`, and whether `q` has another leader (for a plausible
    /// answer) to `out.can_change_leader`. The sums run over four
    /// interleaved lanes in a fixed order (as the softmax's).
    fn add_answer(
        &self,
        out: &mut Effect,
        expected_h: &mut f64,
        p_answer: f64,
        w: &[f64; N],
        log2_w: impl Fn(usize) -> f64,
    ) {
        let mut q = [0.0; N];
        for ((q, &p), &w) in q.iter_mut().zip(&self.p).zip(w) {
            *q = p * w;
        }
        let sum = sum4(&q);
        let inv = 1.0 / sum;
        let mut dot = [0.0; 4];
        for (c, ((q, &p), (s, &lp))) in q
            .iter_mut()
            .zip(&self.p)
            .zip(out.shift.iter_mut().zip(&self.log2_p))
            .enumerate()
        {
            *q *= inv;
            dot[c % 4] += *q * (lp + log2_w(c));
            *s += p_answer * (*q - p).abs();
        }
        let h = log2(sum) - ((dot[0] + dot[1]) + (dot[2] + dot[3]));
        *expected_h += p_answer * h;
        if p_answer >= PLAUSIBLE_ANSWER && !out.can_change_leader {
            out.can_change_leader = leader(&q).0 != self.lead;
        }
    }
}

/// What asking `item` is expected to do. `trial` is the current
/// assessment, which this leaves as it found it.
fn effect(now: &Current, trial: &mut Assessment, item: Item) -> Effect {
    let rows = item_rows(item);
    let mut out = Effect {
        gain: 0.0,
        shift: [0.0; N],
        can_change_leader: false,
    };
    if rows.is_empty() {
        return out;
    }
    let setting = now.setting;
    let mut expected_h = 0.0;
    let params = ModelParams::default();
    // The log ratio in bits, weighted as an answer outside every group is.
    let bits_per_log = LOG2_E / EVIDENCE_TEMPERATURE;
    // A grouped answer reweights its group, so the slots the answer can
    // change are rescored with it. An answer outside every group
    // multiplies each cause's probability by `LR^(1/T)` (a table): no
    // exponential needed. Either way the distribution is reweighted and
    // normalised, not recomputed from the scores.
    let grouped = group_of(item).is_some();
    for (local, r) in rows.enumerate() {
        let Some(answer) = row_answer(item, local) else {
            continue;
        };
        let chance = answer_chance(setting, r);
        let mut p_answer = 0.0;
        for (&p, &c) in now.p.iter().zip(chance) {
            p_answer += p * c;
        }
        if p_answer == 0.0 {
            // An impossible answer adds nothing (0 × a finite entropy and
            // shift) and is not plausible.
            continue;
        }
        if grouped {
            if trial.set(item, answer).is_err() || trial.validate().is_err() {
                continue;
            }
            // Each cause's score moves by `delta`: its probability is
            // multiplied by `e^delta` (1 where the answer changes nothing).
            let delta = now.cached.delta(trial, item, setting, &params);
            let w = delta.map(|d| if d == 0.0 { 1.0 } else { exp_fast(d) });
            now.add_answer(&mut out, &mut expected_h, p_answer, &w, |c| {
                delta[c] * LOG2_E
            });
        } else {
            let l = row_log_lr(setting, r);
            now.add_answer(
                &mut out,
                &mut expected_h,
                p_answer,
                tempered_lr(setting, r),
                |c| l[c] * bits_per_log,
            );
        }
    }
    if grouped {
        trial.clear(item);
    }
    out.gain = (now.h0 - expected_h).max(0.0);
    out
}

fn top_shifts(shift: &[f64; N]) -> Vec<Condition> {
    let mut idx: Vec<usize> = (0..N).filter(|&c| shift[c] > 1e-3).collect();
    idx.sort_by(|&a, &b| shift[b].total_cmp(&shift[a]).then(a.cmp(&b)));
    idx.into_iter().take(3).map(|c| Condition::ALL[c]).collect()
}

fn reason(separates: &[Condition]) -> String {
    match separates {
        [] => "Unlikely to change the ranking, but completes the picture.".to_owned(),
        [one] => format!("Would make {} more or less likely.", one.name()),
        [a, b, ..] => format!("Helps tell {} from {}.", a.name(), b.name()),
    }
}

/// Ranks the unanswered questions and says whether to stop.
///
/// ```
/// use heel_core::{next_questions, Assessment, QuestionOptions};
///
/// let a = Assessment::from_json(r#"{"answers": {"age": 45, "sex": "female",
///     "pain_location": ["plantar_medial_heel"]}}"#)?;
/// let next = next_questions(&a, &QuestionOptions::self_report().with_limit(3))?;
/// // Red-flag screens come first, and no clinician tests in self-report mode.
/// assert!(next.questions[0].red_flag_screen);
/// assert!(next.questions.iter().all(|q| !q.clinician_only));
/// assert!(!next.should_stop);
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Inconsistent`] when answers contradict each other.
pub fn next_questions(a: &Assessment, options: &QuestionOptions) -> Result<NextQuestions, Error> {
    a.validate()?;
    let setting = a.resolved_setting();
    let scores = log_scores(a, setting, &ModelParams::default());
    let normalised = Softmax::new(&scores);
    let p = normalised.p;
    let (lead, lead_p, second_p) = leader(&p);
    let log2_sum = log2(normalised.sum);
    let now = Current {
        setting,
        p,
        log2_p: scores.map(|x| (x - normalised.max) * LOG2_E - log2_sum),
        h0: normalised.entropy(&scores),
        lead,
        cached: Cached::new(a, setting, &ModelParams::default()),
    };
    // One copy of the assessment for every trial answer; `effect` puts it back.
    let mut trial = a.clone();

    let bmi_known = a.bmi().is_some();
    let askable = |item: Item| {
        let answered = a.is_answered(item) || options.skip.contains(&item);
        let clinician_only = options.self_report_only && item.info().clinician_only;
        let bmi_derived = bmi_known && matches!(item, Item::Bmi | Item::HeightCm | Item::WeightKg);
        !(answered || clinician_only || bmi_derived)
    };

    // Questions are written out only for the candidates that are returned.
    let mut screens: Vec<(Item, &'static str, Effect)> = Vec::new();
    for s in SCREENING {
        if askable(s.item)
            && s.when.as_ref().is_none_or(|t| holds(t, a))
            && !screens.iter().any(|q| q.0 == s.item)
        {
            screens.push((s.item, s.screens_for, effect(&now, &mut trial, s.item)));
        }
    }

    let mut rest: Vec<(Item, Effect)> = Vec::new();
    let mut any_can_change = false;
    for &item in Item::ALL {
        if !askable(item) || screens.iter().any(|q| q.0 == item) {
            continue;
        }
        let e = effect(&now, &mut trial, item);
        any_can_change |= e.can_change_leader;
        rest.push((item, e));
    }
    let max_gain = rest.iter().map(|q| q.1.gain).fold(0.0, f64::max);
    // Sorted by index: an `Effect` carries a shift per cause, and moving
    // those during the sort was a tenth of the time.
    let mut order: Vec<usize> = (0..rest.len()).collect();
    order.sort_unstable_by(|&x, &y| {
        rest[y]
            .1
            .gain
            .total_cmp(&rest[x].1.gain)
            .then(rest[x].0.cmp(&rest[y].0))
    });

    // Not while an essential answer (where it hurts, how it started or how
    // long ago) is missing and can still be asked.
    let lacking = missing(a).iter().any(|&i| askable(i));
    let stop_reason = if !screens.is_empty() || lacking {
        None
    } else if rest.is_empty() {
        Some(StopReason::NoQuestionsLeft)
    } else if lead_p >= CLEAR_LEAD && lead_p - second_p >= CLEAR_MARGIN {
        Some(StopReason::LeadingConditionClear)
    } else if any_can_change {
        None
    } else if max_gain < GAIN_FLOOR {
        Some(StopReason::NoQuestionChangesRanking)
    } else {
        None
    };

    let limit = options.limit.unwrap_or(usize::MAX);
    let question = |item: Item, e: &Effect, red_flag_screen: bool, separates, reason| {
        let info = item.info();
        Question {
            item,
            question: info.question.to_owned(),
            group: info.group,
            clinician_only: info.clinician_only,
            red_flag_screen,
            information_gain: e.gain,
            separates,
            reason,
        }
    };
    let mut questions: Vec<Question> = screens
        .iter()
        .take(limit)
        .map(|(item, screens_for, e)| {
            question(
                *item,
                e,
                true,
                top_shifts(&e.shift),
                format!("Asked first: it screens for {screens_for}."),
            )
        })
        .collect();
    let room = limit - questions.len();
    questions.extend(order.iter().take(room).map(|&k| {
        let (item, e) = &rest[k];
        let separates = top_shifts(&e.shift);
        let red_flag_screen = SCREENING.iter().any(|s| s.item == *item);
        let reason = reason(&separates);
        question(*item, e, red_flag_screen, separates, reason)
    }));
    Ok(NextQuestions {
        questions,
        should_stop: stop_reason.is_some(),
        stop_reason,
        leading_condition: Condition::ALL[lead],
        leading_probability: lead_p,
        rule_level: rule_level(a),
        answered: a.answered_count(),
    })
}
