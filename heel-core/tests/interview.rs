//! Simulated interviews on the vignette suite.
//!
//! Each interview starts from the vignette's age, sex and pain location,
//! then asks whatever `next_questions` ranks first, answering from the
//! vignette's facts ("don't know" when the vignette is silent), until
//! `should_stop`. The figures at the stop are printed beside the
//! full-information figures. Targets: median at most 12 questions, top-3
//! within 5 points of full information, no red-flag vignette under-triaged.

mod common;

use heel_core::{
    Assessment, Condition, Item, QuestionOptions, Report, StopReason, assess, next_questions,
};

const START: [Item; 3] = [Item::Age, Item::Sex, Item::PainLocation];
const MAX_QUESTIONS: usize = 80;

struct Run {
    asked: usize,
    /// How many of the questions were red-flag screens.
    screens: usize,
    stop: Option<StopReason>,
    report: Report,
}

fn interview(facts: &Assessment, self_report_only: bool) -> Run {
    let mut a = Assessment::new();
    a.set_setting(facts.setting());
    for item in START {
        if let Some(answer) = facts.get(item) {
            a.set(item, answer).unwrap();
        }
    }
    let mut options = QuestionOptions::default();
    options.self_report_only = self_report_only;
    let mut asked = 0;
    let mut screens = 0;
    let mut stop = None;
    while asked < MAX_QUESTIONS {
        let next = next_questions(&a, &options.clone().with_limit(1)).unwrap();
        if next.should_stop {
            stop = next.stop_reason;
            break;
        }
        let Some(q) = next.questions.first() else {
            break;
        };
        asked += 1;
        screens += usize::from(q.red_flag_screen);
        match facts.get(q.item) {
            Some(answer) => {
                a.set(q.item, answer).unwrap();
            }
            None => options.skip.push(q.item),
        }
    }
    Run {
        asked,
        screens,
        stop,
        report: assess(&a).unwrap(),
    }
}

/// Rank of the expected condition; vignettes without one (triage only) count
/// as found.
fn rank(r: &Report, c: Option<Condition>) -> usize {
    c.map_or(1, |c| {
        1 + r.conditions.iter().position(|x| x.id == c).unwrap()
    })
}

fn pct(n: usize, d: usize) -> f64 {
    100.0 * n as f64 / d as f64
}

#[test]
fn simulated_interviews_meet_the_targets() {
    let vignettes = common::vignettes();
    let n = vignettes.len();
    let (mut top1, mut top3, mut triage, mut full_top1, mut full_top3, mut full_triage) =
        (0, 0, 0, 0, 0, 0);
    let mut counts = Vec::new();
    let mut screen_counts = Vec::new();
    let mut under_red = Vec::new();
    let mut stops = std::collections::BTreeMap::new();
    let mut lines = Vec::new();
    for v in &vignettes {
        let facts = Assessment::from_deserializer(&v.assessment).unwrap();
        let full = assess(&facts).unwrap();
        let run = interview(&facts, v.self_report_only);
        counts.push(run.asked);
        screen_counts.push(run.screens);
        *stops
            .entry(run.stop.map_or("max_questions", |s| s.as_str()))
            .or_insert(0) += 1;
        let r = rank(&run.report, v.expected_condition);
        let fr = rank(&full, v.expected_condition);
        top1 += usize::from(r == 1);
        top3 += usize::from(r <= 3);
        full_top1 += usize::from(fr == 1);
        full_top3 += usize::from(fr <= 3);
        triage += usize::from(run.report.triage.level == v.expected_triage);
        full_triage += usize::from(full.triage.level == v.expected_triage);
        if v.red_flag && run.report.triage.level < v.expected_triage {
            under_red.push(v.id.clone());
        }
        if r > 3 || run.report.triage.level < v.expected_triage {
            lines.push(format!(
                "  {:<44} asked {:>2}, rank {r} (full {fr}), triage {} (expected {})",
                v.id, run.asked, run.report.triage.level, v.expected_triage
            ));
        }
    }
    counts.sort_unstable();
    screen_counts.sort_unstable();
    let median = counts[n / 2];
    let max = counts[n - 1];
    println!("\nsimulated interviews ({n} vignettes, starting from age, sex and location)");
    println!(
        "  questions asked: median {median}, max {max} (of which red-flag screens: median {})",
        screen_counts[n / 2]
    );
    println!("  stop reasons: {stops:?}");
    println!(
        "  at the stop:       top-1 {:5.1}%  top-3 {:5.1}%  triage exact {:5.1}%",
        pct(top1, n),
        pct(top3, n),
        pct(triage, n)
    );
    println!(
        "  full information:  top-1 {:5.1}%  top-3 {:5.1}%  triage exact {:5.1}%",
        pct(full_top1, n),
        pct(full_top3, n),
        pct(full_triage, n)
    );
    for l in &lines {
        println!("{l}");
    }
    assert!(median <= 12, "median questions {median} > 12");
    assert!(
        pct(top3, n) >= pct(full_top3, n) - 5.0,
        "top-3 at the stop more than 5 points below full information"
    );
    assert!(
        under_red.is_empty(),
        "red-flag vignettes under-triaged at the stop: {under_red:?}"
    );
}
