//! The clinical vignette suite (`tests/vignettes.json` at the workspace root).
//!
//! Each vignette was written from a published case description or guideline
//! features, with the expected condition and triage level, by authors who did
//! not see the weights. This test prints the figures symptom-checker
//! evaluations report (top-1, top-3, exact triage, under- and over-triage,
//! Gilbert's "safe" rate) and the calibration figures of the differential
//! (multi-class Brier score, wrong conditions shown at 20% or more), for the
//! whole suite and for the first 59 vignettes (the suite before the mimics
//! were added, for comparison with earlier runs). It fails below the bars the
//! issues set.

mod common;

use std::fmt::Write as _;

use common::{Vignette, vignettes};
use heel_core::{Assessment, Condition, Report, assess};

/// The vignettes that existed before the mimics were added.
const FIRST_BATCH: usize = 59;
/// A wrong condition shown at this probability or more counts as shown.
const SHOWN: f64 = 0.2;

struct Outcome<'a> {
    v: &'a Vignette,
    /// Rank of the expected condition (None for triage-only vignettes).
    rank: Option<usize>,
    report: Report,
}

impl Outcome<'_> {
    /// Multi-class Brier score: Σ over causes of (p - y)², y = 1 for the
    /// expected condition.
    fn brier(&self) -> f64 {
        self.report
            .conditions
            .iter()
            .map(|c| {
                let y = f64::from(u8::from(Some(c.id) == self.v.expected_condition));
                (c.probability - y).powi(2)
            })
            .sum()
    }

    /// Conditions other than the expected one shown at [`SHOWN`] or more.
    fn wrong_shown(&self) -> usize {
        self.report
            .conditions
            .iter()
            .filter(|c| Some(c.id) != self.v.expected_condition && c.probability >= SHOWN)
            .count()
    }
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

#[derive(Default)]
struct Tally {
    n: usize,
    ranked: usize,
    top1: usize,
    top3: usize,
    triage_exact: usize,
    under: usize,
    over: usize,
    safe: usize,
    benign: usize,
    benign_over: usize,
    brier: f64,
    wrong_shown: usize,
}

impl Tally {
    fn add(&mut self, o: &Outcome<'_>) {
        self.n += 1;
        if let Some(rank) = o.rank {
            self.ranked += 1;
            self.top1 += usize::from(rank == 1);
            self.top3 += usize::from(rank <= 3);
            self.brier += o.brier();
            self.wrong_shown += o.wrong_shown();
        }
        let got = o.report.triage.level.index();
        let want = o.v.expected_triage.index();
        self.triage_exact += usize::from(got == want);
        self.under += usize::from(got < want);
        self.over += usize::from(got > want);
        // Gilbert et al. 2020: at the gold level, more conservative, or at
        // most one level less conservative.
        self.safe += usize::from(got + 1 >= want);
        if o.v.benign {
            self.benign += 1;
            self.benign_over += usize::from(got > want);
        }
    }

    fn brier(&self) -> f64 {
        self.brier / self.ranked.max(1) as f64
    }

    fn wrong_per_vignette(&self) -> f64 {
        self.wrong_shown as f64 / self.ranked.max(1) as f64
    }

    fn line(&self, label: &str) -> String {
        format!(
            "{label:<20} n={:<3} top-1 {:5.1}%  top-3 {:5.1}%  triage exact {:5.1}%  under {:4.1}%  over {:4.1}%  safe {:5.1}%  benign over {:4.1}%  Brier {:.3}  wrong>=0.2 {:.2}",
            self.n,
            pct(self.top1, self.ranked),
            pct(self.top3, self.ranked),
            pct(self.triage_exact, self.n),
            pct(self.under, self.n),
            pct(self.over, self.n),
            pct(self.safe, self.n),
            pct(self.benign_over, self.benign),
            self.brier(),
            self.wrong_per_vignette(),
        )
    }
}

fn outcomes(vignettes: &[Vignette]) -> Vec<Outcome<'_>> {
    vignettes
        .iter()
        .map(|v| {
            let a = Assessment::from_deserializer(&v.assessment)
                .unwrap_or_else(|e| panic!("vignette {}: {e}", v.id));
            let report = assess(&a).unwrap_or_else(|e| panic!("vignette {}: {e}", v.id));
            let rank = v.expected_condition.map(|want| {
                1 + report
                    .conditions
                    .iter()
                    .position(|c| c.id == want)
                    .expect("every condition is ranked")
            });
            Outcome { v, rank, report }
        })
        .collect()
}

#[test]
fn vignette_suite_meets_the_bars() {
    let vignettes = vignettes();
    assert!(vignettes.len() >= 100, "at least 100 vignettes");
    for c in Condition::NAMED {
        assert!(
            vignettes.iter().any(|v| v.expected_condition == Some(*c)),
            "no vignette for {c}"
        );
    }
    assert!(
        vignettes.iter().filter(|v| v.benign).count() >= 30,
        "at least 30 benign vignettes"
    );

    let outcomes = outcomes(&vignettes);
    let mut all = Tally::default();
    let mut first = Tally::default();
    let mut red = Tally::default();
    let mut self_report = Tally::default();
    let mut with_exam = Tally::default();
    for (i, o) in outcomes.iter().enumerate() {
        all.add(o);
        if i < FIRST_BATCH {
            first.add(o);
        }
        if o.v.red_flag {
            red.add(o);
        }
        if o.v.self_report_only {
            self_report.add(o);
        } else {
            with_exam.add(o);
        }
    }

    let mut out = String::new();
    let _ = writeln!(out, "\nheel vignette suite ({} vignettes)", all.n);
    let _ = writeln!(out, "{}", all.line("all"));
    let _ = writeln!(out, "{}", first.line("first 59"));
    let _ = writeln!(out, "{}", red.line("red-flag"));
    let _ = writeln!(out, "{}", self_report.line("self-report only"));
    let _ = writeln!(out, "{}", with_exam.line("with clinician tests"));
    let _ = writeln!(
        out,
        "\nmisses (rank of expected condition > 1, or triage differs):"
    );
    for o in &outcomes {
        let got = o.report.triage.level;
        if o.rank.is_some_and(|r| r > 1) || got != o.v.expected_triage {
            let top = &o.report.conditions[0];
            let _ = writeln!(
                out,
                "  {:<48} expected {:<32} rank {:>2} (top {} {:.2}); triage {} vs expected {}{}",
                o.v.id,
                o.v.expected_condition.map_or("-", Condition::as_str),
                o.rank.map_or_else(|| "-".to_owned(), |r| r.to_string()),
                top.id,
                top.probability,
                got,
                o.v.expected_triage,
                if got < o.v.expected_triage {
                    "  UNDER"
                } else {
                    ""
                }
            );
        }
    }
    let mut worst: Vec<&Outcome<'_>> = outcomes.iter().filter(|o| o.rank.is_some()).collect();
    worst.sort_by(|a, b| b.brier().total_cmp(&a.brier()));
    let _ = writeln!(out, "\nlargest Brier contributions:");
    for o in worst.iter().take(15) {
        let want = o.v.expected_condition.expect("ranked");
        let p = o.report.condition(want).map_or(0.0, |c| c.probability);
        let top = &o.report.conditions[0];
        let _ = writeln!(
            out,
            "  {:<48} Brier {:.2}  P({want}) = {p:.2}; top {} {:.2}",
            o.v.id,
            o.brier(),
            top.id,
            top.probability
        );
    }
    println!("{out}");

    let under_red: Vec<&str> = outcomes
        .iter()
        .filter(|o| o.v.red_flag && o.report.triage.level < o.v.expected_triage)
        .map(|o| o.v.id.as_str())
        .collect();
    assert!(
        under_red.is_empty(),
        "red-flag vignettes under-triaged: {under_red:?}"
    );
    assert!(
        outcomes.iter().all(|o| !o.v.source.trim().is_empty()),
        "every vignette cites its source"
    );
    assert!(pct(all.top3, all.ranked) >= 90.0, "top-3 below 90%");
    assert!(pct(all.top1, all.ranked) >= 76.0, "top-1 below 76%");
    // The target. The evidence temperature is fitted on these
    // vignettes (examples/calibrate.rs), so this is an in-sample figure (0.197
    // when fitted); leave-one-out puts it at 0.1996 (docs/calibration.md).
    assert!(all.brier() <= 0.20, "mean multi-class Brier above 0.20");
    assert!(
        all.wrong_per_vignette() <= 0.3,
        "more than 0.3 wrong conditions shown at 20% or more per vignette"
    );
    assert!(
        pct(all.triage_exact, all.n) >= 90.0,
        "triage exact below 90%"
    );
    assert!(pct(all.over, all.n) <= 10.0, "over-triage above 10%");
}
