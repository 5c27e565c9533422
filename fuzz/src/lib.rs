//! Shared pieces of the fuzz targets: a structured assessment that
//! `arbitrary` can build from raw bytes, and the invariants every report and
//! every list of next questions must meet. A target that finds a violation
//! panics, and libFuzzer records the input as a crash.

// Panicking is how these checks report a broken invariant.
#![allow(clippy::missing_panics_doc)]

use arbitrary::Arbitrary;
use heel_core::{
    Answer, AnswerKind, Assessment, Choice, Condition, Error, Item, Location, Locations,
    NextQuestions, QuestionOptions, Report, Setting, rule_level,
};

/// One answer as raw material: which item, and what to give it. Indices wrap
/// around, so every byte pattern names some item, option and location.
#[derive(Debug, Arbitrary)]
pub enum RawAnswer {
    /// "present"
    Present,
    /// "absent"
    Absent,
    /// Any number, NaN and infinities included.
    Number(f64),
    /// A number scaled into the item's own range (so most are accepted).
    InRange(u16),
    /// An option: of the item's own options, or of all options (often wrong).
    Choice(u8, bool),
    /// A set of places, as a bit mask over the locations.
    Locations(u32),
}

/// A structured assessment: a setting and answers to set one after another.
#[derive(Debug, Arbitrary)]
pub struct RawAssessment {
    /// An index into the settings (out of range: no setting).
    pub setting: u8,
    /// (item index, answer), in the order they are set.
    pub answers: Vec<(u8, RawAnswer)>,
}

impl RawAssessment {
    /// Builds the assessment through the public Rust API. Answers the API
    /// rejects are skipped; every rejection must be a well-formed error.
    #[must_use]
    pub fn build(&self) -> Assessment {
        let mut a = Assessment::new();
        a.set_setting(Setting::ALL.get(usize::from(self.setting)).copied());
        for (index, raw) in &self.answers {
            let item = Item::ALL[usize::from(*index) % Item::COUNT];
            let answer = raw.to_answer(item);
            match a.set(item, answer) {
                Ok(_) => assert_eq!(a.get(item).is_some(), !is_empty_locations(answer)),
                Err(e) => check_error(&e),
            }
        }
        a
    }
}

fn is_empty_locations(answer: Answer) -> bool {
    matches!(answer, Answer::Locations(set) if set.is_empty())
}

impl RawAnswer {
    fn to_answer(&self, item: Item) -> Answer {
        match *self {
            RawAnswer::Present => Answer::Present,
            RawAnswer::Absent => Answer::Absent,
            RawAnswer::Number(v) => Answer::Number(v),
            RawAnswer::InRange(step) => match item.info().kind {
                AnswerKind::Number { min, max, .. } => {
                    Answer::Number(min + (max - min) * f64::from(step) / f64::from(u16::MAX))
                }
                _ => Answer::Number(f64::from(step)),
            },
            RawAnswer::Choice(i, own) => {
                let i = usize::from(i);
                match item.info().kind {
                    AnswerKind::Choice { options } if own => {
                        Answer::Choice(options[i % options.len()])
                    }
                    _ => Answer::Choice(Choice::ALL[i % Choice::COUNT]),
                }
            }
            RawAnswer::Locations(bits) => Answer::Locations(
                Location::ALL
                    .iter()
                    .copied()
                    .filter(|l| bits & (1 << (l.index() % 32)) != 0)
                    .collect::<Locations>(),
            ),
        }
    }
}

const CODES: [&str; 7] = [
    "invalid_document",
    "unknown_id",
    "wrong_type",
    "out_of_range",
    "duplicate",
    "too_large",
    "inconsistent",
];

/// An error must have a known code, a short field path and a message that
/// stays short whatever the input (the messages truncate what they quote).
pub fn check_error(e: &Error) {
    assert!(CODES.contains(&e.code()), "unknown code {}", e.code());
    let message = e.to_string();
    assert!(!message.is_empty());
    // The longest allowed list (the evidence item ids) is about 3 KB.
    assert!(message.len() < 8192, "message of {} bytes", message.len());
    assert!(e.field().len() < 4096, "field of {} bytes", e.field().len());
}

/// The invariants of a report on a valid assessment.
pub fn check_report(a: &Assessment, r: &Report) {
    assert_eq!(r.conditions.len(), Condition::COUNT);
    let total: f64 = r.conditions.iter().map(|c| c.probability).sum();
    assert!(
        (total - 1.0).abs() < 1e-9,
        "the differential sums to {total}"
    );
    assert!(r.log_normaliser.is_finite());
    for w in r.conditions.windows(2) {
        assert!(w[0].probability >= w[1].probability, "not ranked");
    }
    for c in &r.conditions {
        assert!(
            (0.0..=1.0).contains(&c.probability),
            "{}: {}",
            c.id,
            c.probability
        );
        assert!(
            c.log_score.is_finite(),
            "{}: log score {}",
            c.id,
            c.log_score
        );
        let sum = c.log_prior + c.contributions.iter().map(|k| k.applied).sum::<f64>();
        assert!(
            (sum - c.log_score).abs() < 1e-9,
            "{}: contributions do not add up",
            c.id
        );
        let p = (c.log_score - r.log_normaliser).exp();
        assert!((p - c.probability).abs() < 1e-12, "{}: normalisation", c.id);
        for k in &c.contributions {
            assert!(k.likelihood_ratio.is_finite() && k.likelihood_ratio > 0.0);
            assert!(k.applied.is_finite() && k.weight >= 0.0);
        }
    }
    assert!(r.triage.level >= rule_level(a), "a red flag was lowered");
    let max = r.triage.reasons.iter().map(|x| x.level).max();
    assert_eq!(
        Some(r.triage.level),
        max,
        "the level is its strongest reason's"
    );
    assert!(r.notice.contains("not a diagnosis"));
    assert!(!r.care_plan.steps.is_empty());
    assert_eq!(r.answered, a.answered_count());
    // The document reads back to the same report, and the assessment too.
    let back: Report = serde_json::from_str(&r.to_json()).expect("the report reads back");
    assert_eq!(&back, r);
    let again = Assessment::from_json(&a.to_json()).expect("the assessment reads back");
    assert_eq!(&again, a);
}

/// The invariants of `next_questions` on a valid assessment.
pub fn check_questions(a: &Assessment, o: &QuestionOptions, q: &NextQuestions) {
    if let Some(limit) = o.limit {
        assert!(q.questions.len() <= limit, "limit {limit} exceeded");
    }
    // Pending red-flag screens come first. An item that screens only under
    // a condition that does not hold is ranked with the rest, still marked
    // `red_flag_screen`; only pending screens give the "Asked first" reason.
    let pending = |x: &&heel_core::Question| x.reason.starts_with("Asked first");
    let first_other = q
        .questions
        .iter()
        .position(|x| !pending(&x))
        .unwrap_or(q.questions.len());
    assert!(
        !q.questions[first_other..].iter().any(|x| pending(&x)),
        "pending red-flag screens come first"
    );
    assert!(q.questions[..first_other].iter().all(|x| x.red_flag_screen));
    for x in &q.questions {
        assert!(!a.is_answered(x.item), "{} is answered already", x.item);
        assert!(!o.skip.contains(&x.item), "{} was skipped", x.item);
        assert!(
            !(o.self_report_only && x.clinician_only),
            "{} needs a clinician",
            x.item
        );
        assert!(x.information_gain.is_finite(), "{}: gain", x.item);
    }
    if q.should_stop {
        assert!(q.stop_reason.is_some());
        assert!(first_other == 0, "stopped with a red-flag screen pending");
    }
    assert!((0.0..=1.0).contains(&q.leading_probability));
    assert_eq!(q.rule_level, rule_level(a));
    assert_eq!(q.answered, a.answered_count());
}
