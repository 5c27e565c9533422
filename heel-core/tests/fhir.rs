//! FHIR: the Questionnaire, reading QuestionnaireResponses (with the errors
//! of JSON input) and the Bundle, checked on the shared fixtures and the
//! vignette suite.

mod common;

use heel_core::{Assessment, Condition, Item, assess, catalog, fhir};
use serde_json::{Value, json};

fn load(name: &str) -> Value {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every assessment of the shared fixtures and of the vignette suite, named.
fn assessments() -> Vec<(String, Assessment)> {
    let cases = load("cases.json");
    let mut out = Vec::new();
    for list in ["cases", "questions"] {
        for case in cases[list].as_array().unwrap() {
            let name = case["name"].as_str().unwrap().to_owned();
            out.push((
                name,
                Assessment::from_deserializer(&case["assessment"]).unwrap(),
            ));
        }
    }
    for v in common::vignettes() {
        out.push((v.id, Assessment::from_deserializer(&v.assessment).unwrap()));
    }
    out
}

fn resources(bundle: &Value) -> Vec<&Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect()
}

#[test]
fn response_to_assessment_to_report_equals_the_direct_assessment() {
    for (name, a) in assessments() {
        let qr = fhir::questionnaire_response(&a);
        // As JSON text and as a serde value (the bindings' path).
        let from_text = fhir::assessment_from_response_json(&qr.to_json())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let from_value = fhir::assessment_from_response(qr.to_value()).unwrap();
        assert_eq!(from_text, a, "{name}");
        assert_eq!(from_value, a, "{name}");
        assert_eq!(assess(&from_text).unwrap(), assess(&a).unwrap(), "{name}");
        // A response read back gives the same Bundle as the assessment.
        assert_eq!(
            fhir::bundle(&fhir::read_json(&qr.to_json()).unwrap()).unwrap(),
            fhir::bundle(&a).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn response_errors_have_the_code_and_field_of_the_fixtures() {
    let fixtures = load("fhir.json");
    for case in fixtures["response_errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        for err in [
            fhir::assessment_from_response(&case["input"]).expect_err(name),
            fhir::assessment_from_response_json(&case["input"].to_string()).expect_err(name),
        ] {
            assert_eq!(err.code(), case["code"], "{name}: code ({err})");
            assert_eq!(err.field(), case["field"], "{name}: field ({err})");
            let part = case["message_contains"].as_str().unwrap();
            assert!(
                err.to_string().contains(part),
                "{name}: `{err}` lacks `{part}`"
            );
        }
    }
}

#[test]
fn valid_responses_read_as_their_assessment() {
    let fixtures = load("fhir.json");
    for case in fixtures["responses"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let expected = Assessment::from_deserializer(&case["assessment"]).unwrap();
        let read = fhir::assessment_from_response(&case["response"])
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, expected, "{name}");
        assert_eq!(fhir::read(&case["response"]).unwrap(), expected, "{name}");
    }
}

#[test]
fn the_same_errors_as_json_input_for_the_same_answers() {
    // The shared assessment error cases that are about answers, posed as a
    // response: the same code, at the answer's place in the response.
    let errors = load("errors.json");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for case in errors["assessment_errors"].as_array().unwrap() {
        let Some(answers) = case["input"]["answers"].as_object() else {
            continue;
        };
        if case["code"] == "too_large" {
            continue; // FHIR input has roomier string limits.
        }
        // In a response every answer is a list, so a list where JSON wants
        // one value (or one value where it wants a list) is no error there.
        let shape_only = answers.iter().any(|(key, value)| match value {
            Value::Array(list) => key != "pain_location" || list.iter().any(Value::is_null),
            _ => key == "pain_location",
        });
        if shape_only {
            continue;
        }
        let items: Vec<Value> = answers
            .iter()
            .map(|(key, value)| {
                let answer = |v: &Value| match v {
                    Value::String(s) => match s.as_str() {
                        "present" => json!({"valueCoding": {"code": "Y"}}),
                        "absent" => json!({"valueCoding": {"code": "N"}}),
                        other => json!({"valueCoding": {"code": other}}),
                    },
                    Value::Number(_) => json!({ "valueDecimal": v }),
                    other => json!({ "valueBoolean": other }),
                };
                let answers: Vec<Value> = match value {
                    Value::Array(list) => list.iter().map(answer).collect(),
                    one => vec![answer(one)],
                };
                json!({ "linkId": key, "answer": answers })
            })
            .collect();
        let qr = json!({"resourceType": "QuestionnaireResponse", "item": items});
        let name = case["name"].as_str().unwrap();
        match fhir::assessment_from_response(&qr) {
            Err(err) if err.code() == case["code"] => checked += 1,
            other => wrong.push(format!("{name}: {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(checked >= 8, "{checked}");
}

#[test]
fn read_takes_either_document() {
    let text = r#"{"answers": {"fever": "present", "age": 30}}"#;
    let a = fhir::read_json(text).unwrap();
    assert_eq!(a, Assessment::from_json(text).unwrap());
    // An assessment read this way keeps its own limits and errors.
    let long = format!(r#"{{"answers": {{"sex": "{}"}}}}"#, "x".repeat(300));
    let (x, y) = (
        fhir::read_json(&long).unwrap_err(),
        Assessment::from_json(&long).unwrap_err(),
    );
    assert_eq!(x, y);
    assert_eq!(x.code(), "too_large");
    let err = fhir::read_json(r#"{"answers": {"fevr": "present"}}"#).unwrap_err();
    assert_eq!((err.code(), err.field()), ("unknown_id", "answers.fevr"));
    // FHIR input may carry a narrative longer than heel's own strings.
    let qr = json!({"resourceType": "QuestionnaireResponse",
        "text": {"status": "generated", "div": "x".repeat(10_000)}});
    assert_eq!(fhir::read(&qr).unwrap(), Assessment::new());
    let huge = json!({"resourceType": "QuestionnaireResponse",
        "text": {"status": "generated", "div": "x".repeat(70_000)}});
    let err = fhir::read(&huge).unwrap_err();
    assert_eq!((err.code(), err.field()), ("too_large", "text.div"));
    let err = fhir::read_json(&"[".repeat(100)).unwrap_err();
    assert_eq!(err.code(), "too_large");
}

#[test]
fn questionnaire_follows_the_catalog() {
    let q = fhir::questionnaire().to_value();
    assert_eq!(q["resourceType"], "Questionnaire");
    assert_eq!(q["url"], fhir::QUESTIONNAIRE_URL);
    assert_eq!(q["version"], env!("CARGO_PKG_VERSION"));
    let groups = q["item"].as_array().unwrap();
    assert_eq!(groups[0]["linkId"], "red_flag_screens");
    let mut questions = Vec::new();
    for g in groups {
        assert_eq!(g["type"], "group");
        for i in g["item"].as_array().unwrap() {
            questions.push((g["linkId"].as_str().unwrap(), i));
        }
    }
    assert_eq!(
        questions.len(),
        catalog().items.len() + 1,
        "every item and the setting"
    );
    for ci in &catalog().items {
        let (group, q) = questions
            .iter()
            .find(|(_, q)| q["linkId"] == ci.id.as_str())
            .unwrap_or_else(|| panic!("{} missing", ci.id));
        assert_eq!(q["text"], ci.question.as_str());
        let expected_group = if ci.red_flag_screen {
            "red_flag_screens"
        } else {
            ci.group.as_str()
        };
        assert_eq!(*group, expected_group, "{}", ci.id);
        let (ty, repeats) = match ci.id.info().kind {
            heel_core::AnswerKind::Number { .. } => ("decimal", false),
            heel_core::AnswerKind::Locations => ("choice", true),
            _ => ("choice", false),
        };
        assert_eq!(q["type"], ty, "{}", ci.id);
        assert_eq!(
            q["repeats"].as_bool().unwrap_or(false),
            repeats,
            "{}",
            ci.id
        );
    }
    let fever = questions
        .iter()
        .find(|(_, q)| q["linkId"] == "fever")
        .unwrap()
        .1;
    let codes: Vec<&str> = fever["answerOption"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["valueCoding"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["Y", "N", "asked-unknown"]);
}

#[test]
fn bundle_holds_the_report() {
    let fixtures = load("cases.json");
    for case in fixtures["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let a = Assessment::from_deserializer(&case["assessment"]).unwrap();
        let report = assess(&a).unwrap();
        let bundle = fhir::bundle(&a).unwrap().to_value();
        assert_eq!(bundle["type"], "collection");
        let r = resources(&bundle);
        let types: Vec<&str> = r
            .iter()
            .map(|x| x["resourceType"].as_str().unwrap())
            .collect();
        assert_eq!(
            types,
            [
                "QuestionnaireResponse",
                "RiskAssessment",
                "Observation",
                "CarePlan",
                "Patient"
            ]
        );
        // Every reference points into the Bundle, and fullUrls match ids.
        let urls: Vec<String> = bundle["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let url = e["fullUrl"].as_str().unwrap().to_owned();
                assert_eq!(
                    url,
                    format!("urn:uuid:{}", e["resource"]["id"].as_str().unwrap())
                );
                url
            })
            .collect();
        let text = bundle.to_string();
        for reference in text.split("\"reference\":\"").skip(1) {
            let target = reference.split('"').next().unwrap();
            assert!(urls.iter().any(|u| u == target), "{name}: {target}");
        }
        // The RiskAssessment: one prediction per cause, in the report's order.
        let predictions = r[1]["prediction"].as_array().unwrap();
        assert_eq!(predictions.len(), Condition::COUNT, "{name}");
        for (p, c) in predictions.iter().zip(&report.conditions) {
            assert_eq!(p["outcome"]["coding"][0]["code"], c.id.as_str());
            assert_eq!(p["outcome"]["coding"][1]["code"], &*c.icd10cm);
            assert_eq!(p["probabilityDecimal"].as_f64(), Some(c.probability));
            let rationale = p["rationale"].as_str().unwrap();
            if let Some(k) = c.contributions.first() {
                let item = k.item.as_str().replace('_', " ");
                assert!(
                    rationale.contains(&item),
                    "{name}: {rationale} lacks {item}"
                );
            }
        }
        assert_eq!(
            r[1]["method"]["coding"][0]["version"],
            env!("CARGO_PKG_VERSION")
        );
        // The triage Observation: the level, and one component per reason.
        let obs = r[2];
        assert_eq!(
            obs["valueCodeableConcept"]["coding"][0]["code"],
            report.triage.level.as_str(),
            "{name}"
        );
        let components = obs["component"].as_array().unwrap();
        assert_eq!(components.len(), report.triage.reasons.len());
        for (comp, reason) in components.iter().zip(&report.triage.reasons) {
            assert_eq!(comp["code"]["text"], &*reason.text);
            if let Some(rule) = reason.rule {
                assert_eq!(comp["code"]["coding"][0]["code"], rule.as_str());
            }
        }
        for rule in case["expect"]["rules"].as_array().unwrap() {
            assert!(
                components
                    .iter()
                    .any(|c| c["code"]["coding"][0]["code"] == *rule),
                "{name}: {rule}"
            );
        }
        // The CarePlan: one activity per step.
        let activities = r[3]["activity"].as_array().unwrap();
        assert_eq!(activities.len(), report.care_plan.steps.len());
        for (act, step) in activities.iter().zip(&report.care_plan.steps) {
            assert_eq!(
                act["detail"]["code"]["coding"][0]["code"],
                step.advice.as_str()
            );
            assert!(
                act["detail"]["description"]
                    .as_str()
                    .unwrap()
                    .contains(&*step.text)
            );
        }
        assert_eq!(*r[4], json!({"resourceType": "Patient", "id": r[4]["id"]}));
    }
}

#[test]
fn bundles_are_deterministic_and_differ_with_the_answers() {
    let a = Assessment::from_json(r#"{"answers": {"age": 40, "fever": "absent"}}"#).unwrap();
    let b = Assessment::from_json(r#"{"answers": {"fever": "absent", "age": 40}}"#).unwrap();
    let c = Assessment::from_json(r#"{"answers": {"age": 41, "fever": "absent"}}"#).unwrap();
    assert_eq!(fhir::bundle(&a).unwrap(), fhir::bundle(&b).unwrap());
    assert_ne!(
        fhir::bundle(&a).unwrap().to_value()["id"],
        fhir::bundle(&c).unwrap().to_value()["id"]
    );
}

#[test]
fn codes_are_only_the_verified_ones() {
    let bundle = fhir::bundle(&Assessment::new()).unwrap().to_value();
    let risk = resources(&bundle)[1];
    for p in risk["prediction"].as_array().unwrap() {
        let id = p["outcome"]["coding"][0]["code"].as_str().unwrap();
        let c = Condition::from_id(id).unwrap();
        let snomed = p["outcome"]["coding"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["system"] == fhir::code_system::SNOMED_CT)
            .map(|x| x["code"].as_str().unwrap());
        assert_eq!(snomed, c.info().snomed_ct, "{id}");
    }
}

#[test]
fn a_dont_know_answer_is_unknown() {
    let qr = json!({"resourceType": "QuestionnaireResponse", "item": [
        {"linkId": "fever", "answer": [{"valueCoding": {
            "system": fhir::code_system::DATA_ABSENT_REASON, "code": "asked-unknown"}}]},
        {"linkId": "age", "answer": []},
        {"linkId": "night_pain"}
    ]});
    let a = fhir::assessment_from_response(&qr).unwrap();
    assert!(!a.is_answered(Item::Fever));
    assert_eq!(a.answered_count(), 0);
}

/// The example Bundle in `docs/fhir.md`: the Bundle of
/// `examples/runner-first-step-pain.json` with its first three predictions.
/// `HEEL_UPDATE_DOCS=1 cargo test --test fhir` rewrites it.
#[test]
fn the_documented_example_is_current() {
    const MARKER: &str =
        "<!-- example-bundle: examples/runner-first-step-pain.json, first 3 predictions -->\n";
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let example =
        std::fs::read_to_string(format!("{root}/examples/runner-first-step-pain.json")).unwrap();
    let bundle = fhir::bundle(&Assessment::from_json(&example).unwrap()).unwrap();
    // The text as heel writes it (keys in heel's order), without the
    // predictions after the third: cut out of the text, so the order stays.
    let full = bundle.to_json_pretty();
    let predictions = bundle.to_value()["entry"][1]["resource"]["prediction"].clone();
    let json = cut_predictions(&full, predictions.as_array().unwrap().len(), 3);
    let block = format!(
        "{MARKER}<details>\n<summary>The Bundle (JSON)</summary>\n\n```json\n{json}\n```\n\n</details>\n"
    );
    let path = format!("{root}/docs/fhir.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let start = doc
        .find(MARKER)
        .expect("docs/fhir.md has the example marker");
    if std::env::var_os("HEEL_UPDATE_DOCS").is_some() {
        std::fs::write(&path, format!("{}{block}", &doc[..start])).unwrap();
        return;
    }
    assert!(
        doc[start..] == block,
        "docs/fhir.md's example Bundle is out of date: run `HEEL_UPDATE_DOCS=1 cargo test -p heel-core --test fhir`"
    );
}

/// `text` (a pretty-printed Bundle) with only the first `keep` of its `n`
/// predictions: each prediction is an object at the same indentation
/// inside `"prediction": [ ... ]`.
fn cut_predictions(text: &str, n: usize, keep: usize) -> String {
    let start = text.find("\"prediction\": [\n").expect("a prediction list");
    let list_indent = text[..start].rsplit('\n').next().unwrap().len();
    let item_open = format!("\n{}{{\n", " ".repeat(list_indent + 2));
    let item_close = format!("\n{}}}", " ".repeat(list_indent + 2));
    let list_end = start
        + text[start..]
            .find(&format!("\n{}]", " ".repeat(list_indent)))
            .unwrap();
    let body = &text[start..list_end];
    let opens: Vec<usize> = body.match_indices(&item_open).map(|(i, _)| i).collect();
    assert_eq!(opens.len(), n, "one object per prediction");
    // The end of the `keep`-th prediction's object.
    let cut = body[..opens[keep]].rfind(&item_close).unwrap() + item_close.len();
    format!("{}{}{}", &text[..start], &body[..cut], &text[list_end..])
}
