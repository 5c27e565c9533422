//! Timing of the entry points, for the performance figures in the README:
//! `cargo run --release --example bench`.
//!
//! Each measurement runs the call in batches and reports the median time per
//! call over the batches; the first call (which compiles the knowledge base)
//! is excluded.

use std::hint::black_box;
use std::time::Instant;

use heel_core::{Assessment, QuestionOptions, assess, next_questions, parse, score};

/// A 100-word description, as a person might type it.
const TEXT: &str = "I'm 44 and run about 25 miles a week. For the last six weeks I've had a \
    stabbing pain under my left heel on the inner side, worst with the first few steps out of \
    bed or when I stand up after sitting at my desk. It eases off after five minutes or so of \
    walking but comes back by the end of the day. No swelling or redness that I can see, no \
    fever, and it doesn't wake me at night. I haven't had any injections. Maybe my shoes are a \
    bit worn. My calves are tight and I increased my mileage recently.";

fn median_ns(mut f: impl FnMut(), per_batch: u32) -> f64 {
    f();
    let mut samples: Vec<f64> = (0..31)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(per_batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let a = Assessment::from_json(
        r#"{"setting": "runners", "answers": {"age": 42, "sex": "female",
            "pain_location": ["plantar_medial_heel"], "onset": "gradual", "duration_days": 10,
            "first_step_pain": "present", "eases_after_few_minutes": "present",
            "worse_end_of_day": "present", "training_increase": "present", "runner": "present",
            "weekly_distance_km": 35, "tight_calves": "present", "fever": "absent",
            "tingling": "absent", "trauma": "absent"}}"#,
    )
    .expect("valid assessment");
    let options = QuestionOptions::self_report().with_limit(5);
    println!("{} answers", a.answered_count());
    println!(
        "score           {:>10.0} ns/call",
        median_ns(|| drop(black_box(score(black_box(&a)))), 10_000)
    );
    println!(
        "assess          {:>10.0} ns/call",
        median_ns(|| drop(black_box(assess(black_box(&a)))), 500)
    );
    println!(
        "next_questions  {:>10.0} ns/call",
        median_ns(
            || drop(black_box(next_questions(black_box(&a), &options))),
            50
        )
    );
    println!(
        "parse ({} words) {:>9.0} ns/call",
        TEXT.split_whitespace().count(),
        median_ns(|| drop(black_box(parse(black_box(TEXT)))), 2_000)
    );
    // Linear in the length: twenty times the text takes about twenty times as long.
    let long = [TEXT; 20].join(" ");
    println!(
        "parse ({} words) {:>8.0} ns/call",
        long.split_whitespace().count(),
        median_ns(|| drop(black_box(parse(black_box(&long)))), 100)
    );
    println!(
        "from_json       {:>10.0} ns/call",
        median_ns(
            || drop(black_box(Assessment::from_json(black_box(&a.to_json())))),
            2_000
        )
    );
}
