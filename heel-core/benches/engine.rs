//! heel-core's entry points, timed with divan: `cargo bench -p heel-core`
//! (the batch path on every core: add `--features parallel`). The allocation
//! counts come from divan's counting allocator. `scripts/bench` runs this
//! and writes the medians into BENCHMARKS.md.

use std::hint::black_box;

use divan::Bencher;
use divan::counter::ItemsCount;
use heel_core::batch::{Column, Value, Values, score_columns};
use heel_core::{Assessment, QuestionOptions, assess, next_questions, parse, score};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

/// Fifteen answers, as a runner's interview reaches them.
fn fifteen_answers() -> Assessment {
    Assessment::from_json(
        r#"{"setting": "runners", "answers": {"age": 42, "sex": "female",
            "pain_location": ["plantar_medial_heel"], "onset": "gradual", "duration_days": 10,
            "first_step_pain": "present", "eases_after_few_minutes": "present",
            "worse_end_of_day": "present", "training_increase": "present", "runner": "present",
            "weekly_distance_km": 35, "tight_calves": "present", "fever": "absent",
            "tingling": "absent", "trauma": "absent"}}"#,
    )
    .expect("a valid assessment")
}

/// A 100-word description, as a person might type it.
const TEXT: &str = "I'm 44 and run about 25 miles a week. For the last six weeks I've had a \
    stabbing pain under my left heel on the inner side, worst with the first few steps out of \
    bed or when I stand up after sitting at my desk. It eases off after five minutes or so of \
    walking but comes back by the end of the day. No swelling or redness that I can see, no \
    fever, and it doesn't wake me at night. I haven't had any injections. Maybe my shoes are a \
    bit worn. My calves are tight and I increased my mileage recently.";

#[divan::bench]
fn score_15_answers(b: Bencher) {
    let a = fifteen_answers();
    b.bench(|| score(black_box(&a)));
}

#[divan::bench]
fn assess_15_answers(b: Bencher) {
    let a = fifteen_answers();
    b.bench(|| assess(black_box(&a)));
}

#[divan::bench]
fn next_questions_15_answers(b: Bencher) {
    let a = fifteen_answers();
    let options = QuestionOptions::self_report().with_limit(5);
    b.bench(|| next_questions(black_box(&a), &options));
}

#[divan::bench]
fn parse_100_words(b: Bencher) {
    b.bench(|| parse(black_box(TEXT)));
}

/// The same text twenty times over: parsing is linear in the length.
#[divan::bench]
fn parse_2000_words(b: Bencher) {
    let long = [TEXT; 20].join(" ");
    b.bench(|| parse(black_box(&long)));
}

/// Rows per batch in the batch benchmarks.
const ROWS: usize = 20_000;

/// A cohort as columns, the shape `scripts/bench-python.py` gives
/// `assess_frame`: two number columns and seven coded ones (seeded).
struct Cohort {
    numbers: [Vec<f64>; 2],
    codes: [Vec<i32>; 7],
}

const PLACES: [Value<'static>; 4] = [
    Value::Text("plantar_medial_heel"),
    Value::Text("achilles_midportion"),
    Value::Text("achilles_insertion"),
    Value::Text("arch"),
];
const ONSETS: [Value<'static>; 2] = [Value::Text("gradual"), Value::Text("sudden")];
const YES_NO: [Value<'static>; 2] = [Value::Text("present"), Value::Text("absent")];
const YES_NO_ITEMS: [&str; 5] = [
    "first_step_pain",
    "eases_after_few_minutes",
    "fever",
    "night_pain",
    "trauma",
];

impl Cohort {
    fn new(rows: usize) -> Self {
        let mut state: u64 = 10;
        let mut next = |n: u64| {
            // A linear congruential generator: reproducible, no dependency.
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        let mut cohort = Cohort {
            numbers: [Vec::new(), Vec::new()],
            codes: std::array::from_fn(|_| Vec::new()),
        };
        for _ in 0..rows {
            cohort.numbers[0].push(18.0 + next(63) as f64);
            cohort.numbers[1].push(1.0 + next(400) as f64);
            cohort.codes[0].push(next(4) as i32);
            cohort.codes[1].push(next(2) as i32);
            for k in 0..5 {
                // Yes, no or unknown.
                cohort.codes[2 + k].push(next(3) as i32 - 1);
            }
        }
        cohort
    }

    fn columns(&self) -> Vec<Column<'_>> {
        let mut columns = vec![
            Column::new("age", Values::Numbers(&self.numbers[0])),
            Column::new("duration_days", Values::Numbers(&self.numbers[1])),
            Column::new(
                "pain_location",
                Values::Coded {
                    codes: &self.codes[0],
                    dictionary: &PLACES,
                },
            ),
            Column::new(
                "onset",
                Values::Coded {
                    codes: &self.codes[1],
                    dictionary: &ONSETS,
                },
            ),
        ];
        for (k, name) in YES_NO_ITEMS.iter().enumerate() {
            columns.push(Column::new(
                name,
                Values::Coded {
                    codes: &self.codes[2 + k],
                    dictionary: &YES_NO,
                },
            ));
        }
        columns
    }
}

fn batch(b: Bencher) {
    let cohort = Cohort::new(ROWS);
    let columns = cohort.columns();
    b.counter(ItemsCount::new(ROWS))
        .bench(|| score_columns(black_box(&columns), ROWS));
}

/// `score_columns` on one core, 20,000 rows per call.
#[cfg(not(feature = "parallel"))]
#[divan::bench]
fn batch_20000_rows_single_thread(b: Bencher) {
    batch(b);
}

/// `score_columns` on every core (the `parallel` feature), 20,000 rows per call.
#[cfg(feature = "parallel")]
#[divan::bench]
fn batch_20000_rows_parallel(b: Bencher) {
    batch(b);
}
