//! Writes the Rust reference output for the cross-language fixtures:
//! `cargo run --example fixtures` fills `target/fixtures/` with the report,
//! next-questions and error documents for every case in `tests/fixtures/`,
//! and the catalog; and `target/fixtures/fhir/` with the FHIR Questionnaire,
//! the Bundle of every case, the assessment read from every valid response
//! and the response errors of `tests/fixtures/fhir.json`. The Python and
//! JavaScript suites compare their output with these files.

use std::process::ExitCode;

use heel_core::{Assessment, QuestionOptions, assess, catalog, fhir, next_questions, parse};
use serde_json::{Value, json};

fn main() -> ExitCode {
    match run().and_then(|n| texts().map(|t| n + t)) {
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
    for dir in ["reports", "questions", "fhir/bundles", "fhir/assessments"] {
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
        let bundle = fhir::bundle(&a).map_err(|e| format!("{name}: {e}"))?;
        write(
            &format!("{out}/fhir/bundles/{name}.json"),
            &bundle.to_value(),
        )?;
        n += 2;
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

    let responses = read(&format!("{root}/tests/fixtures/fhir.json"))?;
    let mut messages = serde_json::Map::new();
    for case in responses["response_errors"]
        .as_array()
        .into_iter()
        .flatten()
    {
        if let Err(e) = fhir::assessment_from_response(&case["input"]) {
            messages.insert(
                case["name"].as_str().unwrap_or("").to_owned(),
                json!({"code": e.code(), "field": e.field(), "message": e.to_string()}),
            );
        }
    }
    write(&format!("{out}/fhir/errors.json"), &Value::Object(messages))?;
    for case in responses["responses"].as_array().into_iter().flatten() {
        let name = case["name"].as_str().unwrap_or("unnamed");
        let a = fhir::assessment_from_response(&case["response"])
            .map_err(|e| format!("{name}: {e}"))?;
        let doc: Value = serde_json::from_str(&a.to_json()).map_err(|e| e.to_string())?;
        write(&format!("{out}/fhir/assessments/{name}.json"), &doc)?;
        n += 1;
    }
    write(
        &format!("{out}/fhir/questionnaire.json"),
        &fhir::questionnaire().to_value(),
    )?;
    n += 2;
    let cat: Value = serde_json::from_str(&catalog().to_json()).map_err(|e| e.to_string())?;
    write(&format!("{out}/catalog.json"), &cat)?;
    Ok(n + 2)
}

/// The free texts of `tests/fixtures/texts.json`: for each, the `Parsed`
/// document (`parsed/NAME.json`) and the report of its assessment
/// (`parsed/NAME.report.json`, what `assess --text --json` prints); and the
/// errors of the texts `parse` refuses (`parsed/errors.json`).
fn texts() -> Result<usize, String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let out = format!("{root}/target/fixtures/parsed");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let fixtures = read(&format!("{root}/tests/fixtures/texts.json"))?;
    let mut n = 0;
    for case in fixtures["texts"].as_array().into_iter().flatten() {
        let name = case["name"].as_str().unwrap_or("unnamed");
        let text = match (case["text"].as_str(), case["file"].as_str()) {
            (Some(text), _) => text.to_owned(),
            (None, Some(file)) => std::fs::read_to_string(format!("{root}/{file}"))
                .map_err(|e| format!("{name}: {file}: {e}"))?,
            (None, None) => return Err(format!("{name}: neither `text` nor `file`")),
        };
        let parsed = parse(&text).map_err(|e| format!("{name}: {e}"))?;
        let report = assess(&parsed.assessment).map_err(|e| format!("{name}: {e}"))?;
        for (path, doc) in [
            (format!("{out}/{name}.json"), serde_json::to_value(&parsed)),
            (
                format!("{out}/{name}.report.json"),
                serde_json::to_value(&report),
            ),
        ] {
            write(&path, &doc.map_err(|e| e.to_string())?)?;
            n += 1;
        }
    }
    let mut messages = serde_json::Map::new();
    for case in fixtures["errors"].as_array().into_iter().flatten() {
        let name = case["name"].as_str().unwrap_or("");
        let count = case["count"].as_u64().unwrap_or(0) as usize;
        let text = case["repeat"].as_str().unwrap_or("").repeat(count);
        match parse(&text) {
            Err(e) => messages.insert(
                name.to_owned(),
                json!({"code": e.code(), "field": e.field(), "message": e.to_string()}),
            ),
            Ok(_) => return Err(format!("{name}: parse accepted it")),
        };
    }
    write(&format!("{out}/errors.json"), &Value::Object(messages))?;
    Ok(n + 1)
}
