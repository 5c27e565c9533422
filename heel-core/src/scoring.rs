//! The scoring model: a probability distribution over the main cause of the
//! pain.
//!
//! The causes are the named conditions plus [`Condition::Other`] ("something
//! else"), the remainder. For cause `c` with prior share `π(c)` in the
//! setting (the shares of a setting sum to 1),
//!
//! ```text
//! score(c)       = ln π(c) + Σ weight(answer, c) · ln LR(answer, c)
//! probability(c) = exp(score(c)) / Σ_k exp(score(k))
//! ```
//!
//! Each ratio compares how often the answer is seen with cause `c` to how
//! often it is seen in heel pain in general, so an answer that fits every
//! cause equally moves nothing and the causes compete for one total of 1.
//! `Other` has ratios of its own (red flags of uncovered causes, unusual
//! places) and 1 elsewhere.
//!
//! The weight of an answer is `1 / T` (the evidence temperature, a fitted
//! calibration parameter; see [`ModelParams`]) times its place in its evidence group: the
//! strongest answer of a group in each direction counts in full, each further
//! one at a decaying fraction (see `knowledge/groups.rs`). A group with a
//! published combined accuracy uses that figure once all its members are
//! answered. With several places ticked, `pain_location` takes the mean of
//! the places' ratios, so a diffuse answer is weaker evidence than a precise
//! one. BMI is computed from height and weight when it is not given.
//!
//! The knowledge base is compiled once, on first use, into dense tables
//! indexed by setting, answer and cause, so [`score`] does no heap allocation.

use std::sync::OnceLock;

use crate::Error;
use crate::assessment::{Answer, Assessment, NO_FINDING, SEVERAL_PLACES, Setting, local_row};
use crate::condition::Condition;
use crate::item::{AnswerKind, Item, Location};
use crate::knowledge::calibration::EVIDENCE_TEMPERATURE;
use crate::knowledge::groups::{CLUSTERS, Cluster, EvidenceGroup, GROUP_DECAY};
use crate::knowledge::likelihoods::{finding_labels, resolve_label};
use crate::knowledge::{LIKELIHOODS, Likelihood, PRIORS};
use crate::math::{LOG2_E, exp, exp_fast, exp_fast_normal_nonpositive, ln, log2};
use crate::triage::holds;

const N: usize = Condition::COUNT;
const S: usize = Setting::COUNT;
use crate::knowledge::groups::MAX_GROUP;

/// The knowledge base compiled for fast scoring.
struct Compiled {
    /// First finding row of each item (`offsets[i]..offsets[i + 1]`).
    offsets: [usize; Item::COUNT + 1],
    /// Natural-log likelihood ratio per setting, finding row and cause (0 = no effect).
    log_lr: [Vec<[f64; N]>; S],
    /// Per setting and finding row, the causes whose log ratio is not 0
    /// (bit `c` for cause `c`): the terms a row can make.
    bears_on: [Vec<u32>; S],
    /// Index into [`LIKELIHOODS`] of the row behind each entry, if any.
    origin: [Vec<[Option<u16>; N]>; S],
    /// Log prior share per setting and cause.
    log_prior: [[f64; N]; S],
    /// The evidence group of each item.
    group: [Option<EvidenceGroup>; Item::COUNT],
    /// The cluster of each group, if one is published.
    cluster: [Option<&'static Cluster>; EvidenceGroup::COUNT],
    /// The likelihood ratio itself (`exp` of `log_lr`), per setting, finding
    /// row and cause: computed once instead of on every report.
    lr: [Vec<[f64; N]>; S],
    /// The prior share (`exp` of `log_prior`) per setting and cause.
    prior: [[f64; N]; S],
    /// Per setting, finding row and cause, the interview's chance of the
    /// row's answer given the cause: `LR(a, c) / Σ_a' LR(a', c)` over the
    /// item's answers.
    answer_chance: [Vec<[f64; N]>; S],
    /// Per setting, finding row and cause, `LR^(1/T)` at the fitted
    /// temperature: what an answer outside every group multiplies each
    /// cause's unnormalised probability by.
    tempered_lr: [Vec<[f64; N]>; S],
    /// Where terms are added, in the order they are added: an item outside
    /// every group, or a group at its first member in catalog order.
    slots: Vec<Slot>,
    /// The slot of each item.
    slot_of: [usize; Item::COUNT],
    /// For each item, the slots whose terms its answer can change, in
    /// order: its own, groups whose published cluster reads it, and BMI's
    /// for height and weight.
    rescored: [Vec<usize>; Item::COUNT],
}

/// A place in the fixed order in which terms are added to the scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Slot {
    /// An item outside every group.
    Item(Item),
    /// An evidence group, at its first member in catalog order.
    Group(EvidenceGroup),
}

/// The items a test reads.
fn test_items(test: &crate::knowledge::Test, out: &mut Vec<Item>) {
    use crate::knowledge::Test;
    match *test {
        Test::Present(i)
        | Test::NotPresent(i)
        | Test::Is(i, _)
        | Test::Above(i, _)
        | Test::Below(i, _) => out.push(i),
        Test::PainAt(_) => out.push(Item::PainLocation),
        Test::All(tests) | Test::Any(tests) => {
            for t in tests {
                test_items(t, out);
            }
        }
        Test::Not(t) => test_items(t, out),
    }
}

/// Whether a row applies in `setting`: rows for a setting replace the general
/// rows of the same item in that setting.
fn applies(row: &Likelihood, setting: Setting) -> bool {
    match row.setting {
        Some(s) => s == setting,
        None => !LIKELIHOODS
            .iter()
            .any(|r| r.item == row.item && r.setting == Some(setting)),
    }
}

fn compile() -> Compiled {
    let mut offsets = [0usize; Item::COUNT + 1];
    for (i, &item) in Item::ALL.iter().enumerate() {
        offsets[i + 1] = offsets[i] + finding_labels(item).len();
    }
    let rows = offsets[Item::COUNT];
    let mut log_lr: [Vec<[f64; N]>; S] = std::array::from_fn(|_| vec![[0.0; N]; rows]);
    let mut origin: [Vec<[Option<u16>; N]>; S] = std::array::from_fn(|_| vec![[None; N]; rows]);

    for &setting in Setting::ALL {
        let (lr, org) = (&mut log_lr[setting.index()], &mut origin[setting.index()]);
        // Explicit answers first, then `elsewhere` fills the places a cause
        // did not list.
        let mut elsewhere: Vec<(usize, &Likelihood)> = Vec::new();
        for (k, row) in LIKELIHOODS.iter().enumerate() {
            if !applies(row, setting) {
                continue;
            }
            if row.item == Item::PainLocation && row.answer == "elsewhere" {
                elsewhere.push((k, row));
                continue;
            }
            let Some(found) = resolve_label(row.item, row.answer) else {
                continue;
            };
            for f in found {
                let r = offsets[row.item.index()] + f;
                lr[r][row.condition.index()] = ln(row.ratio);
                org[r][row.condition.index()] = u16::try_from(k).ok();
            }
        }
        let base = offsets[Item::PainLocation.index()];
        for (k, row) in elsewhere {
            let c = row.condition.index();
            for r in base..base + Location::COUNT {
                if org[r][c].is_none() {
                    lr[r][c] = ln(row.ratio);
                    org[r][c] = u16::try_from(k).ok();
                }
            }
        }
    }

    let mut log_prior = [[0.0; N]; S];
    for prior in &PRIORS {
        let c = prior.condition.index();
        log_prior[Setting::Runners.index()][c] = ln(prior.runners);
        log_prior[Setting::GeneralPractice.index()][c] = ln(prior.general_practice);
        log_prior[Setting::Children.index()][c] = ln(prior.children);
    }

    let mut group = [None; Item::COUNT];
    for &g in EvidenceGroup::ALL {
        for &item in g.info().items {
            group[item.index()] = Some(g);
        }
    }
    let mut cluster = [None; EvidenceGroup::COUNT];
    for c in CLUSTERS {
        cluster[c.group.index()] = Some(c);
    }

    let lr: [Vec<[f64; N]>; S] =
        std::array::from_fn(|s| log_lr[s].iter().map(|row| row.map(exp)).collect::<Vec<_>>());
    let bears_on: [Vec<u32>; S] =
        std::array::from_fn(|s| log_lr[s].iter().map(bears_on).collect::<Vec<_>>());
    let prior: [[f64; N]; S] = std::array::from_fn(|s| log_prior[s].map(exp));
    let answer_chance: [Vec<[f64; N]>; S] = std::array::from_fn(|s| {
        let mut chance = lr[s].clone();
        for i in 0..Item::COUNT {
            let mut total = [0.0; N];
            for row in &lr[s][offsets[i]..offsets[i + 1]] {
                for (t, l) in total.iter_mut().zip(row) {
                    *t += l;
                }
            }
            for row in &mut chance[offsets[i]..offsets[i + 1]] {
                for (x, t) in row.iter_mut().zip(&total) {
                    *x /= t;
                }
            }
        }
        chance
    });
    let inv_t = 1.0 / EVIDENCE_TEMPERATURE;
    let tempered_lr: [Vec<[f64; N]>; S] = std::array::from_fn(|s| {
        log_lr[s]
            .iter()
            .map(|row| row.map(|l| exp(l * inv_t)))
            .collect()
    });

    let mut slots = Vec::new();
    let mut slot_of = [0usize; Item::COUNT];
    let mut group_slot = [None; EvidenceGroup::COUNT];
    for &item in Item::ALL {
        slot_of[item.index()] = match group[item.index()] {
            None => {
                slots.push(Slot::Item(item));
                slots.len() - 1
            }
            Some(g) => *group_slot[g.index()].get_or_insert_with(|| {
                slots.push(Slot::Group(g));
                slots.len() - 1
            }),
        };
    }
    // The touched slots of an assessment are a `u128` mask.
    assert!(slots.len() <= 128, "more than 128 scoring slots");
    let mut readers: [Vec<usize>; Item::COUNT] = std::array::from_fn(|_| Vec::new());
    for c in CLUSTERS {
        let mut read = Vec::new();
        if let Some(w) = &c.applies_when {
            test_items(w, &mut read);
        }
        test_items(&c.positive, &mut read);
        read.extend_from_slice(c.members);
        let slot = slot_of[c.members[0].index()];
        for item in read {
            let list = &mut readers[item.index()];
            if slot_of[item.index()] != slot && !list.contains(&slot) {
                list.push(slot);
            }
        }
    }

    let rescored: [Vec<usize>; Item::COUNT] = std::array::from_fn(|i| {
        let mut changed = vec![slot_of[i]];
        changed.extend_from_slice(&readers[i]);
        if matches!(Item::ALL[i], Item::HeightCm | Item::WeightKg) {
            changed.push(slot_of[Item::Bmi.index()]);
        }
        changed.sort_unstable();
        changed.dedup();
        changed
    });

    Compiled {
        offsets,
        log_lr,
        bears_on,
        origin,
        log_prior,
        group,
        cluster,
        lr,
        prior,
        answer_chance,
        tempered_lr,
        slots,
        slot_of,
        rescored,
    }
}

/// Rows and groups bearing on at most this many causes are added cause by
/// cause; others over every cause at once (vectorised).
const SPARSE: u32 = 8;

// The cause masks are `u32`s.
const _: () = assert!(N <= 32);

/// The causes a row of log ratios bears on: bit `c` set when `row[c] != 0`.
fn bears_on(row: &[f64; N]) -> u32 {
    row.iter()
        .enumerate()
        .fold(0, |m, (c, &l)| if l == 0.0 { m } else { m | 1 << c })
}

/// The causes of a mask, in ascending order.
fn causes(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let c = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            c
        })
    })
}

fn compiled() -> &'static Compiled {
    static TABLE: OnceLock<Compiled> = OnceLock::new();
    TABLE.get_or_init(compile)
}

/// The evidence group an item belongs to.
pub(crate) fn group_of(item: Item) -> Option<EvidenceGroup> {
    compiled().group[item.index()]
}

/// One answer's effect: the finding row(s) it selects.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Finding {
    /// A single finding row.
    Row(usize),
    /// Several location rows (bit set over `Location`): the mean of their ratios.
    Locations(usize, u32),
}

/// The finding of one answered item, if it is scored: the row the
/// assessment resolved when the answer was set, placed among the item's
/// rows of the tables `t`.
#[inline]
fn finding_in(t: &Compiled, a: &Assessment, item: Item) -> Option<Finding> {
    let base = t.offsets[item.index()];
    match a.finding_row(item) {
        NO_FINDING => {
            // BMI can also come from height and weight.
            if item != Item::Bmi || a.is_answered(Item::Bmi) {
                return None;
            }
            let (v, _) = a.bmi()?;
            match local_row(item, Answer::Number(v)) {
                NO_FINDING => None,
                r => Some(Finding::Row(base + usize::from(r))),
            }
        }
        SEVERAL_PLACES => {
            let bits = a
                .locations()
                .iter()
                .fold(0u32, |acc, l| acc | (1 << l.index()));
            Some(Finding::Locations(base, bits))
        }
        r => Some(Finding::Row(base + usize::from(r))),
    }
}

/// The log likelihood ratio of a finding for cause `c` in `setting`, with the
/// row that explains it (for several places: the place with the highest ratio).
pub(crate) fn finding_effect(setting: Setting, f: Finding, c: usize) -> (f64, usize) {
    let table = &compiled().log_lr[setting.index()];
    match f {
        Finding::Row(r) => (table[r][c], r),
        Finding::Locations(base, bits) => {
            let (mut sum, mut n, mut best) = (0.0, 0.0, (f64::NEG_INFINITY, base));
            for i in 0..Location::COUNT {
                if bits & (1 << i) != 0 {
                    let x = table[base + i][c];
                    sum += exp(x);
                    n += 1.0;
                    if x > best.0 {
                        best = (x, base + i);
                    }
                }
            }
            (ln(sum / n), best.1)
        }
    }
}

/// The knowledge-base row behind a finding row and cause in a setting, if any.
pub(crate) fn origin(setting: Setting, row: usize, c: usize) -> Option<&'static Likelihood> {
    compiled().origin[setting.index()][row][c].map(|k| &LIKELIHOODS[usize::from(k)])
}

/// The answer label of a finding row.
pub(crate) fn row_label(item: Item, row: usize) -> &'static str {
    let local = row - compiled().offsets[item.index()];
    // As `finding_labels(item)[local]`, without building the list.
    let label = match item.info().kind {
        AnswerKind::YesNo => ["present", "absent"].get(local).copied(),
        AnswerKind::Choice { options } => options.get(local).map(|o| o.as_str()),
        AnswerKind::Locations => Location::ALL.get(local).map(|l| l.as_str()),
        AnswerKind::Number { bands, .. } => bands.get(local).map(|b| b.id),
    };
    label.unwrap_or("")
}

/// The likelihood ratio (`exp` of [`row_log_lr`]) of a finding row for every cause.
pub(crate) fn row_lr(setting: Setting, row: usize) -> &'static [f64; N] {
    &compiled().lr[setting.index()][row]
}

/// The prior share (`exp` of [`log_priors`]) of each cause in `setting`.
pub(crate) fn priors(setting: Setting) -> &'static [f64; N] {
    &compiled().prior[setting.index()]
}

/// The chance of a finding row's answer given each cause, as the interview
/// models it: `LR(a, c) / Σ_a' LR(a', c)` over the item's answers.
pub(crate) fn answer_chance(setting: Setting, row: usize) -> &'static [f64; N] {
    &compiled().answer_chance[setting.index()][row]
}

/// `LR^(1/T)` of a finding row for every cause, at the fitted temperature.
pub(crate) fn tempered_lr(setting: Setting, row: usize) -> &'static [f64; N] {
    &compiled().tempered_lr[setting.index()][row]
}

/// Log prior share of each cause in `setting`.
pub(crate) fn log_priors(setting: Setting) -> &'static [f64; N] {
    &compiled().log_prior[setting.index()]
}

/// The finding rows of `item` (empty for items that are not scored directly).
pub(crate) fn item_rows(item: Item) -> std::ops::Range<usize> {
    let t = compiled();
    t.offsets[item.index()]..t.offsets[item.index() + 1]
}

/// The natural-log likelihood ratio of a finding row for every cause.
pub(crate) fn row_log_lr(setting: Setting, row: usize) -> &'static [f64; N] {
    &compiled().log_lr[setting.index()][row]
}

/// One term of a cause's score: an answer's log ratio and the weight it gets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Term {
    /// The item answered (for a cluster: the group's first member).
    pub item: Item,
    /// The finding behind it (`None` for a cluster term).
    pub finding: Option<Finding>,
    /// The cause.
    pub cause: usize,
    /// Natural log of the likelihood ratio.
    pub log_lr: f64,
    /// Its weight: group position over the temperature.
    pub weight: f64,
    /// The cluster, for a published combined accuracy, and whether its rule
    /// was positive.
    pub cluster: Option<(&'static Cluster, bool)>,
}

/// The model's global parameters: how correlated answers combine and how much
/// the evidence is tempered. [`ModelParams::default`] is the fitted model
/// every report uses; other values are for calibration studies
/// ([`score_with`]).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ModelParams {
    /// Every answer's log likelihood ratio is divided by this (published
    /// cluster accuracies excepted: they were measured jointly).
    pub evidence_temperature: f64,
    /// The weight of each further answer of an evidence group, relative to the
    /// one before.
    pub group_decay: f64,
}

impl Default for ModelParams {
    fn default() -> Self {
        ModelParams {
            evidence_temperature: EVIDENCE_TEMPERATURE,
            group_decay: GROUP_DECAY,
        }
    }
}

impl ModelParams {
    /// The same parameters with another evidence temperature.
    #[must_use]
    pub fn with_temperature(mut self, t: f64) -> Self {
        self.evidence_temperature = t;
        self
    }

    /// The same parameters with another group decay.
    #[must_use]
    pub fn with_group_decay(mut self, d: f64) -> Self {
        self.group_decay = d;
        self
    }
}

/// Group weights: rank `values` by size within each sign; the k-th gets
/// `decay^k` (`powers[k]`). Ties keep member order; zero values get 0.
fn group_weights(values: &[f64], weights: &mut [f64], powers: &[f64; MAX_GROUP]) {
    for (i, &v) in values.iter().enumerate() {
        if v == 0.0 {
            weights[i] = 0.0;
            continue;
        }
        let mut rank = 0;
        for (j, &w) in values.iter().enumerate() {
            if j != i
                && (w > 0.0) == (v > 0.0)
                && w != 0.0
                && (w.abs() > v.abs() || (w.abs() >= v.abs() && j < i))
            {
                rank += 1;
            }
        }
        weights[i] = powers[rank];
    }
}

/// What the terms of one assessment share: its table, the mean ratios of
/// several places, and the weights.
pub(crate) struct Terms<'a> {
    t: &'static Compiled,
    a: &'a Assessment,
    table: &'static [[f64; N]],
    /// Several places: the mean of their ratios, computed once.
    places: [f64; N],
    /// The causes `places` bears on.
    places_bear_on: u32,
    /// The causes each finding row bears on, in this setting.
    bears: &'static [u32],
    inv_t: f64,
    decay_powers: [f64; MAX_GROUP],
}

impl<'a> Terms<'a> {
    /// Prepares the terms of `a` in `setting`.
    pub(crate) fn new(a: &'a Assessment, setting: Setting, params: &ModelParams) -> Self {
        let t = compiled();
        let mut places = [0.0; N];
        if let Some(f @ Finding::Locations(..)) = finding_in(t, a, Item::PainLocation) {
            for (c, x) in places.iter_mut().enumerate() {
                *x = finding_effect(setting, f, c).0;
            }
        }
        let mut decay_powers = [1.0; MAX_GROUP];
        for i in 1..MAX_GROUP {
            decay_powers[i] = decay_powers[i - 1] * params.group_decay;
        }
        Terms {
            t,
            a,
            table: &t.log_lr[setting.index()],
            places,
            places_bear_on: bears_on(&places),
            bears: &t.bears_on[setting.index()],
            inv_t: 1.0 / params.evidence_temperature,
            decay_powers,
        }
    }

    /// The log ratios of a finding for every cause.
    fn effects(&self, f: Finding) -> &[f64; N] {
        match f {
            Finding::Row(r) => &self.table[r],
            Finding::Locations(..) => &self.places,
        }
    }

    /// The causes a finding bears on (whose log ratio is not 0).
    fn bears_on(&self, f: Finding) -> u32 {
        match f {
            Finding::Row(r) => self.bears[r],
            Finding::Locations(..) => self.places_bear_on,
        }
    }

    /// Calls `sink` with every term of the slot, in order.
    pub(crate) fn slot(&self, slot: Slot, sink: &mut impl FnMut(Term)) {
        let (t, a) = (self.t, self.a);
        let inv_t = self.inv_t;
        let g = match slot {
            Slot::Item(item) => {
                if let Some(f) = finding_in(t, a, item) {
                    let row = self.effects(f);
                    for c in causes(self.bears_on(f)) {
                        sink(Term {
                            item,
                            finding: Some(f),
                            cause: c,
                            log_lr: row[c],
                            weight: inv_t,
                            cluster: None,
                        });
                    }
                }
                return;
            }
            Slot::Group(g) => g,
        };
        let members = g.info().items;
        // The answered members only (usually one or two of a group).
        let mut answered: [(Item, Finding); MAX_GROUP] = [(members[0], Finding::Row(0)); MAX_GROUP];
        let mut k = 0;
        for &m in members {
            if let Some(f) = finding_in(t, a, m) {
                answered[k] = (m, f);
                k += 1;
            }
        }
        if k == 0 {
            return;
        }
        let answered = &answered[..k];
        let mut rows: [&[f64; N]; MAX_GROUP] = [&self.places; MAX_GROUP];
        // The causes some answer of the group bears on: the others get no term.
        let mut bear = 0;
        for (row, &(_, f)) in rows.iter_mut().zip(answered) {
            *row = self.effects(f);
            bear |= self.bears_on(f);
        }
        let cluster = t.cluster[g.index()].filter(|k| {
            k.applies_when.as_ref().is_none_or(|w| holds(w, a))
                && k.members
                    .iter()
                    .all(|&m| matches!(a.get(m), Some(Answer::Present | Answer::Absent)))
        });
        if let Some(k) = cluster {
            bear |= 1 << k.condition.index();
        }
        for c in causes(bear) {
            let mut values = [0.0; MAX_GROUP];
            for (v, row) in values.iter_mut().zip(&rows[..k]) {
                *v = row[c];
            }
            let replaced = cluster.filter(|k| k.condition.index() == c);
            let mut weights = [0.0; MAX_GROUP];
            group_weights(&values[..k], &mut weights[..k], &self.decay_powers);
            if let Some(k) = replaced {
                let positive = holds(&k.positive, a);
                sink(Term {
                    item: k.members[0],
                    finding: None,
                    cause: c,
                    log_lr: ln(if positive {
                        k.positive_lr
                    } else {
                        k.negative_lr
                    }),
                    weight: 1.0,
                    cluster: Some((k, positive)),
                });
            }
            for (i, &(m, f)) in answered.iter().enumerate() {
                if values[i] != 0.0 {
                    sink(Term {
                        item: m,
                        finding: Some(f),
                        cause: c,
                        log_lr: values[i],
                        weight: if replaced.is_some_and(|k| k.members.contains(&m)) {
                            0.0
                        } else {
                            weights[i] * inv_t
                        },
                        cluster: None,
                    });
                }
            }
        }
    }

    /// Adds the terms of one slot to the scores `s`: the same sums, in the
    /// same order, as adding `log_lr * weight` for each term [`Terms::slot`]
    /// gives, but over whole rows of causes: a cause an answer does not bear
    /// on gets `+0.0` (`0 × weight`), which leaves its sum as it was, so
    /// the loops need no branches and vectorise. Only a group with a
    /// published cluster goes term by term.
    pub(crate) fn add_slot(&self, slot: Slot, s: &mut [f64; N]) {
        let group = match slot {
            Slot::Item(item) => {
                if let Some(f) = finding_in(self.t, self.a, item) {
                    Self::add_row(s, self.effects(f), self.bears_on(f), self.inv_t);
                }
                return;
            }
            Slot::Group(g) => g,
        };
        if self.t.cluster[group.index()].is_some() {
            self.slot(slot, &mut |t| s[t.cause] += t.log_lr * t.weight);
            return;
        }
        let mut rows: [&[f64; N]; MAX_GROUP] = [&self.places; MAX_GROUP];
        let mut bear = [0u32; MAX_GROUP];
        let mut k = 0;
        for &m in group.info().items {
            if let Some(f) = finding_in(self.t, self.a, m) {
                rows[k] = self.effects(f);
                bear[k] = self.bears_on(f);
                k += 1;
            }
        }
        match k {
            0 => {}
            // The strongest (and only) answer: weight `decay^0 / T`.
            1 => Self::add_row(s, rows[0], bear[0], self.decay_powers[0] * self.inv_t),
            // Weights are finite: a zero log ratio adds `+0.0`.
            _ if self.inv_t.is_finite() => {
                let bear = bear[..k].iter().fold(0, |m, &b| m | b);
                self.add_group(s, &rows[..k], bear);
            }
            _ => self.slot(slot, &mut |t| s[t.cause] += t.log_lr * t.weight),
        }
    }

    /// `s[c] += row[c] * weight` for every cause. A zero log ratio makes no
    /// term: `0 × weight` is `+0.0` and leaves the sum unchanged, unless the
    /// weight is not finite (a temperature near 0). So only the causes the
    /// row bears on (`bear`) are visited when they are few (most rows bear
    /// on one to five causes), and every cause, without branches (the loop
    /// vectorises), when they are many: the same sums either way.
    #[inline]
    fn add_row(s: &mut [f64; N], row: &[f64; N], bear: u32, weight: f64) {
        if weight.is_finite() && bear.count_ones() > SPARSE {
            for (s, &l) in s.iter_mut().zip(row) {
                *s += l * weight;
            }
        } else {
            for c in causes(bear) {
                s[c] += row[c] * weight;
            }
        }
    }

    /// The terms of a group of several answers and no published cluster,
    /// cause by cause as [`group_weights`] ranks them: answer `i`'s weight
    /// for cause `c` is `decay^rank / T`, its rank the number of other
    /// answers pointing the same way more strongly (ties: the earlier
    /// member). `decay^rank` is built by multiplying 1 by `decay` once per
    /// stronger answer, the same products as the table of powers. `bear`:
    /// the causes some answer bears on; when they are few, only those.
    fn add_group(&self, s: &mut [f64; N], rows: &[&[f64; N]], bear: u32) {
        let decay = self.decay_powers[1];
        if bear.count_ones() <= SPARSE {
            // Few causes: each on its own, with the same products and sums
            // (per cause, the answers' terms in member order).
            for c in causes(bear) {
                for (i, row) in rows.iter().enumerate() {
                    let v = row[c];
                    let mut w = 1.0;
                    for (j, other) in rows.iter().enumerate() {
                        let o = other[c];
                        let stronger = if j < i {
                            o.abs() >= v.abs()
                        } else {
                            o.abs() > v.abs()
                        };
                        if j != i && ((o > 0.0 && v > 0.0) || (o < 0.0 && v < 0.0)) && stronger {
                            w *= decay;
                        }
                    }
                    s[c] += v * (w * self.inv_t);
                }
            }
            return;
        }
        for (i, row) in rows.iter().enumerate() {
            // A zero ratio's weight does not matter (its term is +0.0).
            let mut w = [1.0; N];
            for (j, other) in rows.iter().enumerate() {
                if j == i {
                    continue;
                }
                // Loops over every cause without branches (selects), so they vectorise.
                for ((w, &v), &o) in w.iter_mut().zip(*row).zip(*other) {
                    // `&` and `|`, not `&&` and `||`: no branches.
                    #[allow(clippy::needless_bitwise_bool)]
                    let same_way = (o > 0.0 && v > 0.0) | (o < 0.0 && v < 0.0);
                    let stronger = if j < i {
                        o.abs() >= v.abs()
                    } else {
                        o.abs() > v.abs()
                    };
                    #[allow(clippy::needless_bitwise_bool)]
                    let ranked_below = same_way & stronger;
                    *w = if ranked_below { *w * decay } else { *w };
                }
            }
            for ((s, &v), &w) in s.iter_mut().zip(*row).zip(&w) {
                *s += v * (w * self.inv_t);
            }
        }
    }

    /// Calls `sink` with every term of every slot, in order.
    pub(crate) fn all(&self, mut sink: impl FnMut(Term)) {
        for &slot in &self.t.slots {
            if self.touched(slot) {
                self.slot(slot, &mut sink);
            }
        }
    }

    /// Whether a slot can have terms: one of its items is answered (BMI
    /// also counts when it can be computed from height and weight).
    fn touched(&self, slot: Slot) -> bool {
        let answered = |item: Item| {
            self.a.is_answered(item)
                || (item == Item::Bmi
                    && self.a.is_answered(Item::HeightCm)
                    && self.a.is_answered(Item::WeightKg))
        };
        match slot {
            Slot::Item(item) => answered(item),
            Slot::Group(g) => g.info().items.iter().any(|&m| answered(m)),
        }
    }
}

/// The slots in the order their terms are added.
pub(crate) fn slots() -> &'static [Slot] {
    &compiled().slots
}

/// The slots whose terms an answer to `item` can change, in order.
pub(crate) fn rescored_slots(item: Item) -> &'static [usize] {
    &compiled().rescored[item.index()]
}

/// Calls `sink` with every term of every cause's score, in a fixed order
/// (items in catalog order; a group when its first member in catalog order
/// comes up). [`score`], the full report and the batch path use it, so
/// their sums are identical.
pub(crate) fn terms(
    a: &Assessment,
    setting: Setting,
    params: &ModelParams,
    sink: impl FnMut(Term),
) {
    Terms::new(a, setting, params).all(sink);
}

/// The slots with terms for `a` (bit `i` for slot `i`): those of its
/// answered items, and BMI's when height and weight give it.
fn touched_slots(t: &Compiled, a: &Assessment) -> u128 {
    let mut items = a.answered_mask();
    let bit = |item: Item| 1u128 << item.index();
    if items & bit(Item::HeightCm) != 0 && items & bit(Item::WeightKg) != 0 {
        items |= bit(Item::Bmi);
    }
    let mut slots = 0u128;
    while items != 0 {
        slots |= 1u128 << t.slot_of[items.trailing_zeros() as usize];
        items &= items - 1;
    }
    slots
}

/// The unnormalised log score of every cause given the answers: the
/// touched slots only, in slot order.
pub(crate) fn log_scores(a: &Assessment, setting: Setting, params: &ModelParams) -> [f64; N] {
    let mut s = *log_priors(setting);
    let terms = Terms::new(a, setting, params);
    let mut touched = touched_slots(terms.t, a);
    while touched != 0 {
        terms.add_slot(terms.t.slots[touched.trailing_zeros() as usize], &mut s);
        touched &= touched - 1;
    }
    s
}

/// A distribution over causes from log scores `x`, with what it was
/// normalised by: `p[c] = e^(x[c] - max) / sum`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Softmax {
    /// The probabilities; they sum to 1.
    pub p: [f64; N],
    /// The largest log score.
    pub max: f64,
    /// `Σ_c e^(x[c] - max)`: at least 1.
    pub sum: f64,
}

impl Softmax {
    /// Normalises log scores: 27 exponentials (one per cause), each
    /// multiplied by `1 / sum`. The exponentials have no branches or table
    /// lookups, so the loop vectorises; the largest score and the sum are
    /// taken over four interleaved lanes (cause `c` in lane `c % 4`), then
    /// the lanes combined, `(l0 + l1) + (l2 + l3)`: a fixed order, the same
    /// on every platform, and four chains of additions instead of one.
    pub(crate) fn new(x: &[f64; N]) -> Self {
        let (max, min) = max_min(x);
        let mut e = [0.0; N];
        if min - max >= -708.0 {
            for (e, &v) in e.iter_mut().zip(x) {
                *e = exp_fast_normal_nonpositive(v - max);
            }
        } else {
            // Some score is far below the largest (its share underflows), or
            // a score is not finite: the careful exponential for each.
            for (e, &v) in e.iter_mut().zip(x) {
                let d = v - max;
                *e = if d >= -708.0 {
                    exp_fast_normal_nonpositive(d)
                } else {
                    exp_fast(d)
                };
            }
        }
        let sum = sum4(&e);
        // One division, then a product per cause.
        let inv = 1.0 / sum;
        let mut p = [0.0; N];
        for (p, &v) in p.iter_mut().zip(&e) {
            *p = v * inv;
        }
        Softmax { p, max, sum }
    }

    /// `ln Σ exp(x)`: `max + ln sum`.
    pub(crate) fn log_normaliser(&self) -> f64 {
        self.max + ln(self.sum)
    }

    /// The Shannon entropy of `p` in bits, from the log scores `x` it was
    /// made from: `log2 p[c] = (x[c] - max) log2(e) - log2(sum)`, so
    /// `H = log2(sum) - log2(e) Σ p[c] (x[c] - max)`: one logarithm instead
    /// of one per cause.
    pub(crate) fn entropy(&self, x: &[f64; N]) -> f64 {
        let mut dot = 0.0;
        for (&p, &v) in self.p.iter().zip(x) {
            dot += p * (v - self.max);
        }
        log2(self.sum) - LOG2_E * dot
    }
}

/// The largest and smallest of `x` (NaN ignored, as by [`f64::max`]),
/// over four interleaved lanes.
fn max_min(x: &[f64; N]) -> (f64, f64) {
    let mut hi = [f64::NEG_INFINITY; 4];
    let mut lo = [f64::INFINITY; 4];
    for chunk in x.chunks(4) {
        for ((h, l), &v) in hi.iter_mut().zip(&mut lo).zip(chunk) {
            *h = h.max(v);
            *l = l.min(v);
        }
    }
    (
        hi[0].max(hi[1]).max(hi[2].max(hi[3])),
        lo[0].min(lo[1]).min(lo[2].min(lo[3])),
    )
}

/// `Σ x` in a fixed order: four interleaved lanes (element `c` in lane
/// `c % 4`, each summed in ascending order), then `(l0 + l1) + (l2 + l3)`.
pub(crate) fn sum4(x: &[f64; N]) -> f64 {
    let mut lane = [0.0; 4];
    for chunk in x.chunks(4) {
        for (l, &v) in lane.iter_mut().zip(chunk) {
            *l += v;
        }
    }
    (lane[0] + lane[1]) + (lane[2] + lane[3])
}

/// The normalised distribution of a set of log scores.
pub(crate) fn softmax(x: &[f64; N]) -> [f64; N] {
    Softmax::new(x).p
}

/// The probability of every cause, without explanations: the fast path.
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

    /// The probability that `condition` is the main cause.
    #[must_use]
    pub fn probability(&self, condition: Condition) -> f64 {
        self.probabilities[condition.index()]
    }

    /// Probabilities indexed by [`Condition::index`]; they sum to 1.
    #[must_use]
    pub fn as_array(&self) -> &[f64; N] {
        &self.probabilities
    }

    /// Every cause with its probability, most likely first (ties in
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

    /// The most likely cause and its probability (ties: catalog order).
    #[must_use]
    pub fn top(&self) -> (Condition, f64) {
        let mut best = (Condition::ALL[0], self.probabilities[0]);
        for (&c, &p) in Condition::ALL.iter().zip(&self.probabilities).skip(1) {
            if p > best.1 {
                best = (c, p);
            }
        }
        best
    }
}

/// Scores every cause: probabilities only, no explanations, no heap
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
/// let total: f64 = scores.as_array().iter().sum();
/// assert!((total - 1.0).abs() < 1e-12);
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Inconsistent`] when answers contradict each other (see
/// [`Assessment::validate`]).
pub fn score(a: &Assessment) -> Result<Scores, Error> {
    score_with(a, &ModelParams::default())
}

/// [`score`] with other model parameters: for calibration studies and
/// sensitivity analyses, not for advice (reports always use the defaults).
///
/// ```
/// use heel_core::{score, score_with, Assessment, Condition, ModelParams};
/// let a = Assessment::from_json(r#"{"answers": {"pain_location": ["plantar_medial_heel"],
///     "first_step_pain": "present", "age": 45}}"#)?;
/// let hot = score_with(&a, &ModelParams::default().with_temperature(0.5))?;
/// let cool = score_with(&a, &ModelParams::default().with_temperature(2.0))?;
/// let pf = Condition::PlantarFasciitis;
/// assert!(hot.probability(pf) > cool.probability(pf));
/// assert_eq!(score_with(&a, &ModelParams::default())?, score(&a)?);
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # Errors
/// As for [`score`]; also [`Error::OutOfRange`] for a temperature or decay
/// that is not a positive finite number (decay at most 1).
pub fn score_with(a: &Assessment, params: &ModelParams) -> Result<Scores, Error> {
    if !(params.evidence_temperature.is_finite() && params.evidence_temperature > 0.0) {
        return Err(Error::OutOfRange {
            field: "evidence_temperature".to_owned(),
            value: params.evidence_temperature.to_string(),
            allowed: "a positive finite number".to_owned(),
        });
    }
    if !(params.group_decay > 0.0 && params.group_decay <= 1.0) {
        return Err(Error::OutOfRange {
            field: "group_decay".to_owned(),
            value: params.group_decay.to_string(),
            allowed: "a number greater than 0 and at most 1".to_owned(),
        });
    }
    a.validate()?;
    let setting = a.resolved_setting();
    Ok(Scores {
        setting,
        probabilities: softmax(&log_scores(a, setting, params)),
    })
}

/// The scoring model as data, in JSON: everything [`score`] computes with,
/// for reimplementing or auditing the model elsewhere (`scripts/bench-python.py`
/// scores with it in pure Python, as the benchmarks' baseline).
///
/// The object has:
/// - `engine_version`, `evidence_temperature`, `group_decay`;
/// - `conditions` and `settings`: ids, in the order every list below follows;
/// - `log_prior`: per setting id, the natural log of each cause's prior share;
/// - `items`: per item in catalog order, `id`, `kind` (`yes_no`, `choice`,
///   `locations`, `number`), `answers` (the finding rows' labels: `present`
///   and `absent`, the options, the places, or the bands' ids), `bands` (the
///   inclusive lower bound of each band, for numbers) and `group`;
/// - `log_lr`: per setting id and item id, one row per answer of one log
///   likelihood ratio per cause (0: no effect);
/// - `slots`: the order in which terms are added, each `{"item": id}` or
///   `{"group": id, "items": [...]}`;
/// - `clusters`: published combined accuracies: `group`, `members`,
///   `applies_when` and `positive` (tests, as the catalog writes them),
///   `condition`, `positive_lr`, `negative_lr`.
///
/// How the terms combine is in this module's documentation.
///
/// ```
/// let model: serde_json::Value = serde_json::from_str(&heel_core::model_tables_json()).unwrap();
/// assert_eq!(model["conditions"].as_array().unwrap().len(), heel_core::Condition::COUNT);
/// ```
#[must_use]
pub fn model_tables_json() -> String {
    use serde_json::{Value, json};
    let t = compiled();
    let items: Vec<Value> = Item::ALL
        .iter()
        .map(|&item| {
            let (kind, bands) = match item.info().kind {
                AnswerKind::YesNo => ("yes_no", Vec::new()),
                AnswerKind::Choice { .. } => ("choice", Vec::new()),
                AnswerKind::Locations => ("locations", Vec::new()),
                AnswerKind::Number { bands, .. } => {
                    ("number", bands.iter().map(|b| b.from).collect())
                }
            };
            json!({
                "id": item.as_str(),
                "kind": kind,
                "answers": finding_labels(item),
                "bands": bands,
                "group": t.group[item.index()].map(EvidenceGroup::as_str),
            })
        })
        .collect();
    let per_setting = |f: &dyn Fn(Setting) -> Value| -> Value {
        Setting::ALL
            .iter()
            .map(|&s| (s.as_str().to_owned(), f(s)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let log_prior = per_setting(&|s| json!(t.log_prior[s.index()].to_vec()));
    let log_lr = per_setting(&|s| {
        Item::ALL
            .iter()
            .map(|&item| {
                let rows: Vec<Vec<f64>> = t.log_lr[s.index()][item_rows(item)]
                    .iter()
                    .map(|r| r.to_vec())
                    .collect();
                (item.as_str().to_owned(), json!(rows))
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    });
    let slots: Vec<Value> = t
        .slots
        .iter()
        .map(|slot| match slot {
            Slot::Item(item) => json!({ "item": item.as_str() }),
            Slot::Group(g) => json!({
                "group": g.as_str(),
                "items": g.info().items.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
            }),
        })
        .collect();
    let clusters: Vec<Value> = CLUSTERS
        .iter()
        .map(|c| {
            json!({
                "group": c.group.as_str(),
                "members": c.members.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
                "applies_when": c.applies_when,
                "positive": c.positive,
                "condition": c.condition.as_str(),
                "positive_lr": c.positive_lr,
                "negative_lr": c.negative_lr,
            })
        })
        .collect();
    let model = json!({
        "engine_version": crate::ENGINE_VERSION,
        "evidence_temperature": EVIDENCE_TEMPERATURE,
        "group_decay": GROUP_DECAY,
        "conditions": Condition::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        "settings": Setting::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "log_prior": log_prior,
        "items": items,
        "log_lr": log_lr,
        "slots": slots,
        "clusters": clusters,
    });
    model.to_string()
}
