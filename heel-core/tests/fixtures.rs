//! The cross-language fixtures in `tests/fixtures/`: the Rust side of the
//! checks that every binding repeats.

use heel_core::{Assessment, QuestionOptions, assess, next_questions};
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn cases_meet_their_expectations() {
    let fixtures = load("cases.json");
    for case in fixtures["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let a = Assessment::from_deserializer(&case["assessment"]).unwrap();
        let r = assess(&a).unwrap();
        assert_eq!(r.conditions[0].id.as_str(), expect["top"], "{name}: top");
        assert_eq!(r.triage.level.as_str(), expect["triage"], "{name}: triage");
        if let Some(setting) = expect["setting"].as_str() {
            assert_eq!(r.setting.as_str(), setting, "{name}: setting");
        }
        let fired: Vec<&str> = r
            .triage
            .reasons
            .iter()
            .filter_map(|x| x.rule.map(heel_core::Rule::as_str))
            .collect();
        for rule in ids(&expect["rules"]) {
            assert!(
                fired.contains(&rule),
                "{name}: rule {rule} did not fire ({fired:?})"
            );
        }
        let plan: Vec<&str> = r
            .care_plan
            .steps
            .iter()
            .map(|s| s.advice.as_str())
            .collect();
        for advice in ids(&expect["care_plan_includes"]) {
            assert!(
                plan.contains(&advice),
                "{name}: {advice} missing from {plan:?}"
            );
        }
    }
}

#[test]
fn question_cases_meet_their_expectations() {
    let fixtures = load("cases.json");
    for case in fixtures["questions"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let a = Assessment::from_deserializer(&case["assessment"]).unwrap();
        let o = QuestionOptions::from_deserializer(&case["options"]).unwrap();
        let q = next_questions(&a, &o).unwrap();
        assert_eq!(
            Value::Bool(q.should_stop),
            expect["should_stop"],
            "{name}: should_stop"
        );
        if let Some(first) = expect["first"].as_str() {
            assert_eq!(
                q.questions[0].item.as_str(),
                first,
                "{name}: first question"
            );
        }
        if let Some(screen) = expect["first_is_screen"].as_bool() {
            assert_eq!(q.questions[0].red_flag_screen, screen, "{name}");
        }
        if expect["all_red_flag_screens_first"] == Value::Bool(true) {
            let first_other = q
                .questions
                .iter()
                .position(|x| !x.red_flag_screen)
                .unwrap_or(q.questions.len());
            assert!(
                q.questions[first_other..]
                    .iter()
                    .all(|x| !x.red_flag_screen || !x.question.is_empty()),
                "{name}"
            );
            assert!(
                q.questions[0].red_flag_screen,
                "{name}: a screen comes first"
            );
        }
        if expect["no_clinician_items"] == Value::Bool(true) {
            assert!(q.questions.iter().all(|x| !x.clinician_only), "{name}");
        }
        if let Some(reason) = expect["stop_reason"].as_str() {
            assert_eq!(
                q.stop_reason.map(heel_core::StopReason::as_str),
                Some(reason),
                "{name}"
            );
        }
        if let Some(leading) = expect["leading_condition"].as_str() {
            assert_eq!(q.leading_condition.as_str(), leading, "{name}");
        }
        if let Some(limit) = case["options"]["limit"].as_u64() {
            assert!(q.questions.len() as u64 <= limit, "{name}: limit");
        }
    }
}

#[test]
fn errors_have_the_expected_code_and_field() {
    let fixtures = load("errors.json");
    let check = |name: &str, err: heel_core::Error, case: &Value| {
        assert_eq!(err.code(), case["code"], "{name}: code ({err})");
        assert_eq!(err.field(), case["field"], "{name}: field ({err})");
        let part = case["message_contains"].as_str().unwrap();
        assert!(
            err.to_string().contains(part),
            "{name}: `{err}` lacks `{part}`"
        );
    };
    for case in fixtures["assessment_errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let err = Assessment::from_deserializer(&case["input"]).expect_err(name);
        check(name, err, case);
        // The same document as JSON text gives the same error.
        let err = Assessment::from_json(&case["input"].to_string()).expect_err(name);
        check(name, err, case);
    }
    for case in fixtures["text_errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let err = Assessment::from_json(case["text"].as_str().unwrap()).expect_err(name);
        check(name, err, case);
    }
    for case in fixtures["option_errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let err = QuestionOptions::from_deserializer(&case["input"]).expect_err(name);
        check(name, err, case);
    }
}
