//! Writes the Rust reference output for the cross-language fixtures:
//! `cargo run --example fixtures` fills `target/fixtures/` with the report,
//! next-questions and error documents for every case in `tests/fixtures/`,
//! and the catalog. The Python and JavaScript suites compare their output
//! with these files.

use std::process::ExitCode;

use heel_core::{Assessment, QuestionOptions, assess, catalog, next_questions};
use serde_json::{Value, json};

fn main() -> ExitCode {
    match run() {
        Ok(n) => {
            println!("wrote {n} reference documents to target/fixtures/");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

/// An error as every binding must report it: code, field, message and suggestion.
fn error_doc(e: &heel_core::Error) -> Value {
    let suggestion = match e {
        heel_core::Error::UnknownId { suggestion, .. } => suggestion.clone(),
        _ => None,
    };
    json!({"code": e.code(), "field": e.field(), "message": e.to_string(), "suggestion": suggestion})
}

fn write(path: &str, doc: &Value) -> Result<(), String> {
    let text = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())?;
    std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<usize, String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let out = format!("{root}/target/fixtures");
    for dir in ["reports", "questions"] {
        std::fs::create_dir_all(format!("{out}/{dir}")).map_err(|e| e.to_string())?;
    }
    let mut n = 0;
    let cases = read(&format!("{root}/tests/fixtures/cases.json"))?;
    for case in cases["cases"].as_array().into_iter().flatten() {
        let name = case["name"].as_str().unwrap_or("unnamed");
        let a = Assessment::from_deserializer(&case["assessment"])
            .map_err(|e| format!("{name}: {e}"))?;
        let r = assess(&a).map_err(|e| format!("{name}: {e}"))?;
        let doc: Value = serde_json::to_value(&r).map_err(|e| e.to_string())?;
        write(&format!("{out}/reports/{name}.json"), &doc)?;
        n += 1;
    }
    for case in cases["questions"].as_array().into_iter().flatten() {
        let name = case["name"].as_str().unwrap_or("unnamed");
        let a = Assessment::from_deserializer(&case["assessment"])
            .map_err(|e| format!("{name}: {e}"))?;
        let o = QuestionOptions::from_deserializer(&case["options"])
            .map_err(|e| format!("{name}: {e}"))?;
        let q = next_questions(&a, &o).map_err(|e| format!("{name}: {e}"))?;
        write(
            &format!("{out}/questions/{name}.json"),
            &serde_json::to_value(&q).map_err(|e| e.to_string())?,
        )?;
        n += 1;
    }
    let errors = read(&format!("{root}/tests/fixtures/errors.json"))?;
    let mut messages = serde_json::Map::new();
    for case in errors["assessment_errors"].as_array().into_iter().flatten() {
        if let Err(e) = Assessment::from_deserializer(&case["input"]) {
            messages.insert(
                case["name"].as_str().unwrap_or("").to_owned(),
                error_doc(&e),
            );
        }
    }
    for case in errors["text_errors"].as_array().into_iter().flatten() {
        if let Err(e) = Assessment::from_json(case["text"].as_str().unwrap_or("")) {
            messages.insert(
                case["name"].as_str().unwrap_or("").to_owned(),
                error_doc(&e),
            );
        }
    }
    for case in errors["option_errors"].as_array().into_iter().flatten() {
        if let Err(e) = QuestionOptions::from_deserializer(&case["input"]) {
            messages.insert(
                case["name"].as_str().unwrap_or("").to_owned(),
                error_doc(&e),
            );
        }
    }
    write(&format!("{out}/errors.json"), &Value::Object(messages))?;
    let cat: Value = serde_json::from_str(&catalog().to_json()).map_err(|e| e.to_string())?;
    write(&format!("{out}/catalog.json"), &cat)?;
    Ok(n + 2)
}
