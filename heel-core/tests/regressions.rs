//! Inputs that showed something, kept as tests so that what was learnt stays
//! learnt: those found by fuzzing (`scripts/fuzz`, see docs/robustness.md),
//! each naming its target, and those found while growing the bad-input
//! catalog (`tests/fixtures/errors.json`).

use heel_core::{Assessment, QuestionOptions, Setting, assess_json, next_questions};

/// next_questions, first run: an empty assessment with no setting (the raw
/// setting index 11 maps to none) and `null` options. The harness assumed
/// that every item marked `red_flag_screen` comes before all the others; in
/// fact only *pending* screens come first. A screen whose condition does not
/// hold for this person is ranked with the rest by information gain, still
/// marked, because the item is a screen. Not a bug in heel: the harness
/// checks pending screens (those asked first) now, and so does this test.
#[test]
fn next_questions_ranks_a_screen_that_does_not_apply_with_the_rest() {
    let a = Assessment::new();
    assert_eq!(a.setting(), None);
    assert_eq!(a.resolved_setting(), Setting::Runners);
    let options = QuestionOptions::from_json("null").unwrap();
    let q = next_questions(&a, &options).unwrap();
    let pending = |x: &heel_core::Question| x.reason.starts_with("Asked first");
    let first_other = q.questions.iter().position(|x| !pending(x)).unwrap();
    assert!(
        first_other > 0,
        "screens are pending for an empty assessment"
    );
    assert!(q.questions[..first_other].iter().all(|x| x.red_flag_screen));
    assert!(!q.questions[first_other..].iter().any(pending));
    // Some screen does not apply to this person yet, and is ranked later.
    assert!(
        q.questions[first_other..].iter().any(|x| x.red_flag_screen),
        "a conditional screen is ranked with the rest"
    );
    assert!(!q.should_stop, "never stops with a screen pending");
}

/// Found while growing the catalog: a JSON number beyond the f64 range was an
/// `invalid_document` error for the whole document, while the same value from
/// Python raised an `OverflowError` text. It is out of range at its field now,
/// in every language, wherever it stands.
#[test]
fn a_number_beyond_the_float_range_is_out_of_range_at_its_field() {
    for (text, field) in [
        (r#"{"answers": {"age": 1e309}}"#, "answers.age"),
        (
            r#"{"answers": {"pain_location": ["arch", -2e308]}}"#,
            "answers.pain_location[1]",
        ),
        (r#"{"setting": 1e999}"#, "setting"),
        (r#"{"answers": {"bmi": 1e400, "age": 30}}"#, "answers.bmi"),
    ] {
        let e = assess_json(text).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("out_of_range", field),
            "{text}: {e}"
        );
    }
    let e = QuestionOptions::from_json(r#"{"limit": 1e400}"#).unwrap_err();
    assert_eq!((e.code(), e.field()), ("out_of_range", "limit"));
}
