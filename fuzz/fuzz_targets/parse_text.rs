//! Free text to findings: `heel_core::parse`, the call behind "describe it in
//! your own words". Any bytes that are UTF-8 text.
#![no_main]

use heel_core::knowledge::SCREENING;
use heel_core::parse::{FoundAnswer, YesNo};
use heel_core::{Answer, Parsed, assess, parse};
use heel_fuzz::{check_error, check_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = match parse(text) {
        Ok(p) => p,
        Err(e) => {
            check_error(&e);
            assert_eq!(e.code(), "too_large", "only a long text is refused");
            return;
        }
    };
    // Every span is the text it points at.
    let spans = parsed.findings.iter().map(|f| &f.span).chain(&parsed.unused);
    for span in spans {
        assert!(span.start <= span.end, "span {}..{}", span.start, span.end);
        assert_eq!(
            text.get(span.start..span.end),
            Some(span.text.as_str()),
            "span text"
        );
    }
    for f in &parsed.findings {
        // A hedge gives no answer ("no injury that we know of" is negated and
        // hedged); a plain negation gives "absent".
        assert_eq!(f.hedged, f.answer.is_none(), "{f:?}");
        if f.negated && !f.hedged {
            assert_eq!(f.answer, Some(FoundAnswer::YesNo(YesNo::Absent)), "{f:?}");
        }
    }
    // Safety: a red-flag screen is "absent" only when a statement of the text
    // says so ("no fever", "afebrile"), and never when it is also present.
    for screen in SCREENING {
        if parsed.assessment.get(screen.item) == Some(Answer::Absent) {
            let said = |answer| {
                parsed
                    .findings
                    .iter()
                    .any(|f| f.item == screen.item && f.answer == Some(answer))
            };
            assert!(
                said(FoundAnswer::YesNo(YesNo::Absent)),
                "{} set absent by no statement",
                screen.item
            );
            assert!(
                !said(FoundAnswer::YesNo(YesNo::Present)),
                "{} stated present yet absent",
                screen.item
            );
        }
    }
    // The same text gives the same document, which reads back unchanged.
    assert_eq!(parse(text).as_ref(), Ok(&parsed), "parse is deterministic");
    let back: Parsed = serde_json::from_str(&parsed.to_json()).expect("Parsed reads back");
    assert_eq!(back, parsed);
    // The proposed assessment is one heel can assess (or says why not).
    match assess(&parsed.assessment) {
        Ok(report) => check_report(&parsed.assessment, &report),
        Err(e) => assert_eq!(e.code(), "inconsistent", "{e}"),
    }
});
