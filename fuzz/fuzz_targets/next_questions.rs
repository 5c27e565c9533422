//! Next questions: a structured assessment and an options document, given
//! to `QuestionOptions::from_json` as JSON text, then `next_questions`. The
//! options are mostly well-formed (so that most runs reach the ranking), and
//! sometimes any text.
#![no_main]

use arbitrary::Arbitrary;
use heel_core::{Item, QuestionOptions, next_questions};
use heel_fuzz::{RawAssessment, check_error, check_questions};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

#[derive(Debug, Arbitrary)]
enum RawOptions<'a> {
    Fields {
        self_report_only: Option<bool>,
        limit: Option<i32>,
        skip: Option<Vec<u8>>,
    },
    Text(&'a str),
}

impl RawOptions<'_> {
    fn text(&self) -> String {
        match self {
            RawOptions::Fields {
                self_report_only,
                limit,
                skip,
            } => {
                let mut doc = serde_json::Map::new();
                if let Some(b) = self_report_only {
                    doc.insert("self_report_only".into(), json!(b));
                }
                if let Some(n) = limit {
                    doc.insert("limit".into(), json!(n));
                }
                if let Some(skip) = skip {
                    let ids = skip
                        .iter()
                        .map(|&i| json!(Item::ALL[usize::from(i) % Item::COUNT].as_str()));
                    doc.insert("skip".into(), Value::Array(ids.collect()));
                }
                Value::Object(doc).to_string()
            }
            RawOptions::Text(text) => (*text).to_owned(),
        }
    }
}

fuzz_target!(|input: (RawAssessment, RawOptions<'_>)| {
    let (raw, options) = input;
    let a = raw.build();
    let o = match QuestionOptions::from_json(&options.text()) {
        Ok(o) => o,
        Err(e) => return check_error(&e),
    };
    match next_questions(&a, &o) {
        Ok(q) => check_questions(&a, &o, &q),
        Err(e) => {
            check_error(&e);
            assert!(a.validate().is_err(), "{e}");
        }
    }
});
