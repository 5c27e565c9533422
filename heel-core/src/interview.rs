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
use crate::scoring::{
    ModelParams, Softmax, Terms, answer_total, group_of, item_rows, log_priors, log_scores,
    row_log_lr, row_lr, slots, slots_of,
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

/// The current scores' terms, slot by slot, so a trial answer rescores only
/// the slots it can change and adds the others' terms back in the same order
/// (the sums are then identical to rescoring everything).
struct Cached {
    /// The slots with terms, in order, with their range in `terms`.
    slots: Vec<(usize, std::ops::Range<usize>)>,
    /// `(cause, log_lr × weight)` of every term, in order.
    terms: Vec<(usize, f64)>,
}

impl Cached {
    fn new(a: &Assessment, setting: Setting, params: &ModelParams) -> Self {
        let all = Terms::new(a, setting, params);
        let mut out = Cached {
            slots: Vec::new(),
            terms: Vec::new(),
        };
        for (i, &slot) in slots().iter().enumerate() {
            let start = out.terms.len();
            all.slot(slot, &mut |t| {
                out.terms.push((t.cause, t.log_lr * t.weight));
            });
            if out.terms.len() > start {
                out.slots.push((i, start..out.terms.len()));
            }
        }
        out
    }

    /// The log scores of `trial`, which differs from the cached assessment
    /// only in the answer to `item`.
    fn rescore(
        &self,
        trial: &Assessment,
        item: Item,
        setting: Setting,
        params: &ModelParams,
    ) -> [f64; N] {
        let (own, readers) = slots_of(item);
        let mut changed: Vec<usize> = Vec::with_capacity(readers.len() + 2);
        changed.push(own);
        changed.extend_from_slice(readers);
        if matches!(item, Item::HeightCm | Item::WeightKg) {
            changed.push(slots_of(Item::Bmi).0);
        }
        changed.sort_unstable();
        changed.dedup();
        let fresh = Terms::new(trial, setting, params);
        let all = slots();
        let mut s = *log_priors(setting);
        let mut next = changed.iter().copied().peekable();
        for (i, range) in &self.slots {
            while let Some(c) = next.next_if(|&c| c <= *i) {
                fresh.add_slot(all[c], &mut s);
            }
            if changed.binary_search(i).is_err() {
                for &(c, v) in &self.terms[range.clone()] {
                    s[c] += v;
                }
            }
        }
        for c in next {
            fresh.add_slot(all[c], &mut s);
        }
        s
    }
}

#[allow(clippy::too_many_arguments)] // the interview's state, passed once per item
fn effect(
    a: &Assessment,
    cached: &Cached,
    setting: Setting,
    scores: &[f64; N],
    item: Item,
    pi: &[f64; N],
    h0: f64,
    lead: usize,
) -> Effect {
    let rows = item_rows(item);
    let mut out = Effect {
        gain: 0.0,
        shift: [0.0; N],
        can_change_leader: false,
    };
    if rows.is_empty() {
        return out;
    }
    let total = answer_total(setting, item);
    let mut expected_h = 0.0;
    let params = ModelParams::default();
    // An answer outside every group adds its weighted ratio to the scores,
    // exactly as scoring does; a grouped answer reweights its group, so the
    // assessment is rescored with it (only the slots the answer can change).
    let grouped = group_of(item).is_some();
    let mut trial = a.clone();
    for (local, r) in rows.enumerate() {
        let Some(answer) = row_answer(item, local) else {
            continue;
        };
        let lr = row_log_lr(setting, r);
        let ratio = row_lr(setting, r);
        let p_answer: f64 = (0..N).map(|c| pi[c] * ratio[c] / total[c]).sum();
        let next = if grouped {
            if trial.set(item, answer).is_err() || trial.validate().is_err() {
                continue;
            }
            cached.rescore(&trial, item, setting, &params)
        } else {
            let mut next = *scores;
            for (x, l) in next.iter_mut().zip(lr) {
                *x += l / params.evidence_temperature;
            }
            next
        };
        let normalised = Softmax::new(&next);
        let post = normalised.p;
        expected_h += p_answer * normalised.entropy(&next);
        for (s, (q, p)) in out.shift.iter_mut().zip(post.iter().zip(pi)) {
            *s += p_answer * (q - p).abs();
        }
        if p_answer >= PLAUSIBLE_ANSWER && leader(&post).0 != lead {
            out.can_change_leader = true;
        }
    }
    out.gain = (h0 - expected_h).max(0.0);
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
    let h0 = normalised.entropy(&scores);
    let cached = Cached::new(a, setting, &ModelParams::default());

    let bmi_known = a.bmi().is_some();
    let askable = |item: Item| {
        let answered = a.is_answered(item) || options.skip.contains(&item);
        let clinician_only = options.self_report_only && item.info().clinician_only;
        let bmi_derived = bmi_known && matches!(item, Item::Bmi | Item::HeightCm | Item::WeightKg);
        !(answered || clinician_only || bmi_derived)
    };

    let mut screens = Vec::new();
    for s in SCREENING {
        if askable(s.item)
            && s.when.as_ref().is_none_or(|t| holds(t, a))
            && !screens.iter().any(|q: &Question| q.item == s.item)
        {
            let e = effect(a, &cached, setting, &scores, s.item, &p, h0, lead);
            let info = s.item.info();
            screens.push(Question {
                item: s.item,
                question: info.question.to_owned(),
                group: info.group,
                clinician_only: info.clinician_only,
                red_flag_screen: true,
                information_gain: e.gain,
                separates: top_shifts(&e.shift),
                reason: format!("Asked first: it screens for {}.", s.screens_for),
            });
        }
    }

    let mut rest = Vec::new();
    let mut any_can_change = false;
    for &item in Item::ALL {
        if !askable(item) || screens.iter().any(|q| q.item == item) {
            continue;
        }
        let e = effect(a, &cached, setting, &scores, item, &p, h0, lead);
        any_can_change |= e.can_change_leader;
        let separates = top_shifts(&e.shift);
        let info = item.info();
        rest.push(Question {
            item,
            question: info.question.to_owned(),
            group: info.group,
            clinician_only: info.clinician_only,
            red_flag_screen: SCREENING.iter().any(|s| s.item == item),
            information_gain: e.gain,
            reason: reason(&separates),
            separates,
        });
    }
    let max_gain = rest.iter().map(|q| q.information_gain).fold(0.0, f64::max);
    rest.sort_by(|x, y| {
        y.information_gain
            .total_cmp(&x.information_gain)
            .then(x.item.cmp(&y.item))
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

    let mut questions = screens;
    questions.extend(rest);
    if let Some(limit) = options.limit {
        questions.truncate(limit);
    }
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
