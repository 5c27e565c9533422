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
    // Every difference, so that one run shows them all.
    let mut wrong = Vec::new();
    let mut check = |name: &str, err: heel_core::Error, case: &Value| {
        let part = case["message_contains"].as_str().unwrap();
        if err.code() != case["code"]
            || err.field() != case["field"]
            || !err.to_string().contains(part)
        {
            wrong.push(format!(
                "{name}: got {} at `{}`: {err}; expected {} at {} with `{part}`",
                err.code(),
                err.field(),
                case["code"],
                case["field"]
            ));
        }
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
        // Options are read by the same reader.
        if case["field"] == "" {
            let err = QuestionOptions::from_json(case["text"].as_str().unwrap()).expect_err(name);
            check(name, err, case);
        }
    }
    for case in fixtures["option_errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let err = QuestionOptions::from_deserializer(&case["input"]).expect_err(name);
        check(name, err, case);
        let err = QuestionOptions::from_json(&case["input"].to_string()).expect_err(name);
        check(name, err, case);
    }
    assert!(
        wrong.is_empty(),
        "{} cases differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A document with the values JSON cannot carry (see the description in
/// `errors.json`), read through serde like a binding's host values.
mod host {
    use serde::de::value::{MapDeserializer, SeqDeserializer};
    use serde::de::{self, IntoDeserializer, Visitor};
    use serde_json::Value;

    pub(crate) enum Host {
        Null,
        Bool(bool),
        Int(i64),
        Float(f64),
        Str(String),
        Bytes(Vec<u8>),
        List(Vec<Host>),
        Map(Vec<(String, Host)>),
    }

    /// Whether Rust can express `input` (no `$int` or `$utf16`).
    pub(crate) fn expressible(input: &Value) -> bool {
        match input {
            Value::Object(m) => {
                !m.contains_key("$int")
                    && !m.contains_key("$utf16")
                    && !m.contains_key("$key_utf16")
                    && m.values().all(expressible)
            }
            Value::Array(a) => a.iter().all(expressible),
            _ => true,
        }
    }

    pub(crate) fn from_fixture(v: &Value) -> Host {
        match v {
            Value::Null => Host::Null,
            Value::Bool(b) => Host::Bool(*b),
            Value::Number(n) => n
                .as_i64()
                .map_or_else(|| Host::Float(n.as_f64().unwrap()), Host::Int),
            Value::String(s) => Host::Str(s.clone()),
            Value::Array(a) => Host::List(a.iter().map(from_fixture).collect()),
            Value::Object(m) => {
                if let Some(f) = m.get("$float") {
                    return Host::Float(match f.as_str().unwrap() {
                        "nan" => f64::NAN,
                        "inf" => f64::INFINITY,
                        "-inf" => f64::NEG_INFINITY,
                        other => panic!("unknown $float {other}"),
                    });
                }
                if let Some(b) = m.get("$bytes") {
                    let bytes = b.as_array().unwrap().iter();
                    return Host::Bytes(bytes.map(|x| x.as_u64().unwrap() as u8).collect());
                }
                Host::Map(
                    m.iter()
                        .map(|(k, v)| (k.clone(), from_fixture(v)))
                        .collect(),
                )
            }
        }
    }

    impl<'de> IntoDeserializer<'de, de::value::Error> for &'de Host {
        type Deserializer = Self;
        fn into_deserializer(self) -> Self {
            self
        }
    }

    impl<'de> de::Deserializer<'de> for &'de Host {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
            match self {
                Host::Null => v.visit_unit(),
                Host::Bool(b) => v.visit_bool(*b),
                Host::Int(i) => v.visit_i64(*i),
                Host::Float(f) => v.visit_f64(*f),
                Host::Str(s) => v.visit_str(s),
                Host::Bytes(b) => v.visit_bytes(b),
                Host::List(items) => v.visit_seq(SeqDeserializer::new(items.iter())),
                Host::Map(entries) => v.visit_map(MapDeserializer::new(
                    entries.iter().map(|(k, v)| (k.as_str(), v)),
                )),
            }
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct enum identifier ignored_any
        }
    }
}

#[test]
fn host_values_have_the_expected_code_and_field() {
    let fixtures = load("errors.json");
    let mut checked = 0;
    for case in fixtures["host_errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let languages = ids(&case["languages"]);
        assert_eq!(
            languages.contains(&"rust"),
            host::expressible(&case["input"]),
            "{name}: `languages` says whether Rust can express the input"
        );
        if !languages.contains(&"rust") {
            continue;
        }
        let input = host::from_fixture(&case["input"]);
        let err = match case["target"].as_str().unwrap() {
            "assessment" => Assessment::from_deserializer(&input).expect_err(name),
            "options" => QuestionOptions::from_deserializer(&input).expect_err(name),
            other => panic!("{name}: unknown target {other}"),
        };
        assert_eq!(err.code(), case["code"], "{name}: code ({err})");
        assert_eq!(err.field(), case["field"], "{name}: field ({err})");
        let part = case["message_contains"].as_str().unwrap();
        assert!(
            err.to_string().contains(part),
            "{name}: `{err}` lacks `{part}`"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} host cases run in Rust");
}

#[test]
fn the_catalog_is_large_and_names_are_unique() {
    let fixtures = load("errors.json");
    let mut names = Vec::new();
    for section in [
        "assessment_errors",
        "text_errors",
        "option_errors",
        "host_errors",
    ] {
        for case in fixtures[section].as_array().unwrap() {
            names.push(case["name"].as_str().unwrap().to_owned());
        }
    }
    let total = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), total, "case names are unique across sections");
    assert!(total >= 60, "the bad-input catalog has {total} cases");
}

#[test]
fn the_error_codes_are_listed_once_and_each_is_used() {
    let listed = load("error-codes.json");
    let codes: Vec<&str> = listed["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    // One error of each variant: its code is the listed one, in order.
    let one_of_each = [
        heel_core::Error::invalid_document("x"),
        Assessment::from_json(r#"{"answers": {"feverr": 1}}"#).unwrap_err(),
        Assessment::from_json(r#"{"answers": {"age": "x"}}"#).unwrap_err(),
        heel_core::Error::number_too_large("answers.age"),
        Assessment::from_json(r#"{"answers": {"age": 1, "age": 2}}"#).unwrap_err(),
        Assessment::from_json(&format!(r#"{{"setting": "{}"}}"#, "x".repeat(300))).unwrap_err(),
        Assessment::from_json(r#"{"answers": {"height_cm": 170, "weight_kg": 65, "bmi": 40}}"#)
            .unwrap_err(),
    ];
    let produced: Vec<&str> = one_of_each.iter().map(heel_core::Error::code).collect();
    assert_eq!(
        produced, codes,
        "tests/fixtures/error-codes.json lists every code, in order"
    );
    // Every listed code is exercised by the shared catalog.
    let catalog = load("errors.json");
    for code in &codes {
        let used = [
            "assessment_errors",
            "text_errors",
            "option_errors",
            "host_errors",
        ]
        .iter()
        .any(|s| {
            catalog[*s]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["code"] == *code)
        });
        assert!(used, "no catalog case has the code {code}");
    }
}
