//! The scoring model: prior log-odds plus the log likelihood ratio of every
//! answer, per condition.
//!
//! For condition `c` with pre-test probability `p` in the setting,
//!
//! ```text
//! log_odds(c) = ln(p / (1 - p)) + Σ ln LR(answer, c)
//! probability(c) = 1 / (1 + e^-log_odds(c))
//! ```
//!
//! Each condition is scored on its own against "not this condition", so
//! probabilities do not sum to 1 (conditions can coexist). For `pain_location`
//! a condition takes the highest ratio among the places chosen; a number
//! contributes through the band it falls in; BMI is computed from height and
//! weight when it is not given.
//!
//! The knowledge base is compiled once, on first use, into a dense table of
//! log ratios indexed by (answer, condition), so [`score`] is a few hundred
//! additions with no heap allocation.

use std::sync::OnceLock;

use crate::Error;
use crate::assessment::{Answer, Assessment, Setting};
use crate::condition::Condition;
use crate::item::{AnswerKind, Item, Location};
use crate::knowledge::{ANSWER_GROUPS, LIKELIHOODS, Likelihood, PRIORS};
use crate::math::{exp, ln};

const N: usize = Condition::COUNT;

/// The knowledge base compiled for fast scoring.
struct Compiled {
    /// First finding row of each item (`offsets[i]..offsets[i + 1]`).
    offsets: [usize; Item::COUNT + 1],
    /// Natural-log likelihood ratio per finding row and condition (0 = no effect).
    log_lr: Vec<[f64; N]>,
    /// Index into [`LIKELIHOODS`] of the row behind each entry, if any.
    origin: Vec<[Option<u16>; N]>,
    /// Prior log-odds per setting and condition.
    log_prior: [[f64; N]; Setting::COUNT],
}

/// The answer labels an item's findings are indexed by, in row order.
pub(crate) fn finding_labels(item: Item) -> Vec<&'static str> {
    match item.info().kind {
        AnswerKind::YesNo => vec!["present", "absent"],
        AnswerKind::Choice { options } => options.iter().map(|o| o.as_str()).collect(),
        AnswerKind::Locations => Location::ids().collect(),
        AnswerKind::Number { bands, .. } => bands.iter().map(|b| b.id).collect(),
    }
}

/// The finding rows a knowledge-base answer label stands for, or `None` if the
/// label is not valid for the item (a test checks there are none).
pub(crate) fn resolve_label(item: Item, label: &str) -> Option<Vec<usize>> {
    let labels = finding_labels(item);
    if let Some(i) = labels.iter().position(|&l| l == label) {
        return Some(vec![i]);
    }
    let (_, _, members) = ANSWER_GROUPS
        .iter()
        .find(|(it, id, _)| *it == item && *id == label)?;
    members
        .iter()
        .map(|m| labels.iter().position(|l| l == m))
        .collect()
}

fn logit(p: f64) -> f64 {
    ln(p / (1.0 - p))
}

fn compile() -> Compiled {
    let mut offsets = [0usize; Item::COUNT + 1];
    for (i, &item) in Item::ALL.iter().enumerate() {
        offsets[i + 1] = offsets[i] + finding_labels(item).len();
    }
    let rows = offsets[Item::COUNT];
    let mut log_lr = vec![[0.0; N]; rows];
    let mut origin: Vec<[Option<u16>; N]> = vec![[None; N]; rows];

    // Explicit answers first, then `elsewhere` fills the locations a
    // condition did not list.
    let mut elsewhere: Vec<(usize, &Likelihood)> = Vec::new();
    for (k, row) in LIKELIHOODS.iter().enumerate() {
        if row.item == Item::PainLocation && row.answer == "elsewhere" {
            elsewhere.push((k, row));
            continue;
        }
        let Some(found) = resolve_label(row.item, row.answer) else {
            continue;
        };
        for f in found {
            let r = offsets[row.item.index()] + f;
            log_lr[r][row.condition.index()] = ln(row.ratio);
            origin[r][row.condition.index()] = u16::try_from(k).ok();
        }
    }
    let base = offsets[Item::PainLocation.index()];
    for (k, row) in elsewhere {
        let c = row.condition.index();
        for r in base..base + Location::COUNT {
            if origin[r][c].is_none() {
                log_lr[r][c] = ln(row.ratio);
                origin[r][c] = u16::try_from(k).ok();
            }
        }
    }

    let mut log_prior = [[0.0; N]; Setting::COUNT];
    for prior in &PRIORS {
        let c = prior.condition.index();
        log_prior[Setting::Runners.index()][c] = logit(prior.runners);
        log_prior[Setting::GeneralPractice.index()][c] = logit(prior.general_practice);
        log_prior[Setting::Children.index()][c] = logit(prior.children);
    }

    Compiled {
        offsets,
        log_lr,
        origin,
        log_prior,
    }
}

fn compiled() -> &'static Compiled {
    static TABLE: OnceLock<Compiled> = OnceLock::new();
    TABLE.get_or_init(compile)
}

/// One answer's effect on the conditions: the finding row(s) it selects.
/// Locations select several rows and the maximum is taken per condition.
#[derive(Clone, Copy)]
pub(crate) enum Finding {
    /// A single finding row.
    Row(usize),
    /// Several location rows (bit set over `Location`), maximum per condition.
    Locations(usize, u32),
}

/// The findings of an assessment, in item order, with the item they come from.
pub(crate) fn findings(a: &Assessment) -> impl Iterator<Item = (Item, Finding)> + '_ {
    let t = compiled();
    let bmi = a
        .bmi()
        .filter(|_| !a.is_answered(Item::Bmi))
        .map(|(v, _)| v);
    Item::ALL.iter().filter_map(move |&item| {
        let base = t.offsets[item.index()];
        let info = item.info();
        let answer = match (item, a.get(item)) {
            (Item::Bmi, None) => bmi.map(Answer::Number)?,
            (_, Some(ans)) => ans,
            (_, None) => return None,
        };
        let f = match answer {
            Answer::Present => Finding::Row(base),
            Answer::Absent => Finding::Row(base + 1),
            Answer::Choice(c) => match info.kind {
                AnswerKind::Choice { options } => {
                    Finding::Row(base + options.iter().position(|&o| o == c)?)
                }
                _ => return None,
            },
            Answer::Number(v) => Finding::Row(base + info.band_of(v)?.0),
            Answer::Locations(set) => {
                let bits = set.iter().fold(0u32, |acc, l| acc | (1 << l.index()));
                Finding::Locations(base, bits)
            }
        };
        Some((item, f))
    })
}

/// The log likelihood ratio of a finding for condition `c`, with the row it
/// came from (for a location set: the chosen place with the highest ratio).
pub(crate) fn finding_effect(f: Finding, c: usize) -> (f64, usize) {
    let t = compiled();
    match f {
        Finding::Row(r) => (t.log_lr[r][c], r),
        Finding::Locations(base, bits) => {
            let mut best = (f64::NEG_INFINITY, base);
            for i in 0..Location::COUNT {
                if bits & (1 << i) != 0 && t.log_lr[base + i][c] > best.0 {
                    best = (t.log_lr[base + i][c], base + i);
                }
            }
            best
        }
    }
}

/// The knowledge-base row behind a finding row and condition, if any.
pub(crate) fn origin(row: usize, c: usize) -> Option<&'static Likelihood> {
    compiled().origin[row][c].map(|k| &LIKELIHOODS[usize::from(k)])
}

/// The answer label of a finding row.
pub(crate) fn row_label(item: Item, row: usize) -> &'static str {
    let local = row - compiled().offsets[item.index()];
    finding_labels(item).get(local).copied().unwrap_or("")
}

/// Prior log-odds of each condition in `setting`.
pub(crate) fn prior_log_odds(setting: Setting) -> &'static [f64; N] {
    &compiled().log_prior[setting.index()]
}

/// The finding rows of `item` (empty for items that are not scored directly).
pub(crate) fn item_rows(item: Item) -> std::ops::Range<usize> {
    let t = compiled();
    t.offsets[item.index()]..t.offsets[item.index() + 1]
}

/// The natural-log likelihood ratio of a finding row for every condition.
pub(crate) fn row_log_lr(row: usize) -> &'static [f64; N] {
    &compiled().log_lr[row]
}

/// The log-odds of every condition given the answers (no validation).
pub(crate) fn log_odds(a: &Assessment) -> [f64; N] {
    let mut lo = *prior_log_odds(a.resolved_setting());
    for (_, f) in findings(a) {
        for (c, x) in lo.iter_mut().enumerate() {
            *x += finding_effect(f, c).0;
        }
    }
    lo
}

/// The logistic function, mapping log-odds to a probability.
pub(crate) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + exp(-x))
}

/// The probability of every condition, without explanations: the fast path.
///
/// Deterministic, allocation-free on success, safe to call from many threads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    setting: Setting,
    probabilities: [f64; N],
}

impl Scores {
    /// The setting the priors came from.
    #[must_use]
    pub fn setting(&self) -> Setting {
        self.setting
    }

    /// The probability of `condition`.
    #[must_use]
    pub fn probability(&self, condition: Condition) -> f64 {
        self.probabilities[condition.index()]
    }

    /// Probabilities indexed by [`Condition::index`].
    #[must_use]
    pub fn as_array(&self) -> &[f64; N] {
        &self.probabilities
    }

    /// Every condition with its probability, most likely first (ties in
    /// catalog order).
    #[must_use]
    pub fn ranked(&self) -> [(Condition, f64); N] {
        let mut out = [(Condition::PlantarFasciitis, 0.0); N];
        for (slot, &c) in out.iter_mut().zip(Condition::ALL) {
            *slot = (c, self.probabilities[c.index()]);
        }
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out
    }

    /// The most likely condition and its probability.
    #[must_use]
    pub fn top(&self) -> (Condition, f64) {
        self.ranked()[0]
    }
}

/// Scores every condition: probabilities only, no explanations, no heap
/// allocation. Use [`crate::assess`] for the full report.
///
/// ```
/// use heel_core::{score, Assessment, Condition};
/// let a = Assessment::from_json(r#"{"answers": {
///     "pain_location": ["plantar_medial_heel"], "first_step_pain": "present",
///     "eases_after_few_minutes": "present", "age": 45
/// }}"#)?;
/// let scores = score(&a)?;
/// assert_eq!(scores.top().0, Condition::PlantarFasciitis);
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Inconsistent`] when answers contradict each other (see
/// [`Assessment::validate`]).
pub fn score(a: &Assessment) -> Result<Scores, Error> {
    a.validate()?;
    let setting = a.resolved_setting();
    let mut probabilities = [0.0; N];
    for (p, lo) in probabilities.iter_mut().zip(log_odds(a)) {
        *p = sigmoid(lo);
    }
    Ok(Scores {
        setting,
        probabilities,
    })
}
