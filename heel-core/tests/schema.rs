//! The committed JSON Schemas match the code, and the documents heel reads
//! and writes validate against them.

use heel_core::{Assessment, QuestionOptions, assess, catalog, next_questions, schemas};
use serde_json::{Value, json};

fn schema(name: &str) -> jsonschema::Validator {
    let path = format!(
        "{}/../schema/{name}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {}", errors.join("; "));
}

#[test]
fn committed_schemas_match_the_code() {
    for (name, text) in schemas() {
        let path = format!(
            "{}/../schema/{name}.schema.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "schema/{name}.schema.json differs from the code: run `cargo run --example schemas`"
        );
    }
}

#[test]
fn documents_validate_against_their_schemas() {
    let assessment = schema("assessment");
    let report = schema("report");
    let questions = schema("next-questions");
    let options = schema("question-options");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vignettes.json");
    let suite: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for v in suite["vignettes"].as_array().unwrap() {
        let doc = &v["assessment"];
        assert_valid(&assessment, doc, "vignette assessment");
        let a = Assessment::from_deserializer(doc).unwrap();
        assert_valid(
            &assessment,
            &serde_json::from_str(&a.to_json()).unwrap(),
            "serialized assessment",
        );
        let r = assess(&a).unwrap();
        assert_valid(
            &report,
            &serde_json::from_str(&r.to_json()).unwrap(),
            "report",
        );
        let q = next_questions(&a, &QuestionOptions::self_report().with_limit(5)).unwrap();
        assert_valid(
            &questions,
            &serde_json::to_value(&q).unwrap(),
            "next questions",
        );
    }
    assert_valid(
        &options,
        &json!({"self_report_only": true, "limit": 3, "skip": ["fever"]}),
        "options",
    );
    assert_valid(
        &schema("catalog"),
        &serde_json::from_str(&catalog().to_json()).unwrap(),
        "catalog",
    );
}

#[test]
fn the_assessment_schema_rejects_what_the_parser_rejects() {
    let v = schema("assessment");
    for bad in [
        json!({"answers": {"first_steps_pain": "present"}}),
        json!({"answers": {"age": 121}}),
        json!({"answers": {"sex": "other"}}),
        json!({"answers": {"pain_location": ["arch", "arch"]}}),
        json!({"answers": {"fever": "yes"}}),
        json!({"answer": {}}),
        json!({"setting": "gym"}),
    ] {
        assert!(!v.is_valid(&bad), "schema accepted {bad}");
        assert!(
            Assessment::from_json(&bad.to_string()).is_err(),
            "parser accepted {bad}"
        );
    }
}

#[test]
fn parsed_texts_validate_and_read_back() {
    let v = schema("parsed");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/narratives.json");
    let suite: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut texts: Vec<String> = suite["narratives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_owned())
        .collect();
    texts.push(String::new());
    texts.push("maybe a bit swollen?".to_owned());
    for text in texts {
        let p = heel_core::parse(&text).unwrap();
        let doc: Value = serde_json::from_str(&p.to_json()).unwrap();
        assert_valid(&v, &doc, "parsed text");
        let back: heel_core::Parsed = serde_json::from_value(doc).unwrap();
        assert_eq!(back, p);
    }
}
