//! FHIR in and out: any bytes as a QuestionnaireResponse or an assessment
//! (`heel_core::fhir::read_json`), and the Bundle of whatever it accepts.
#![no_main]

use heel_core::{assess, fhir};
use heel_fuzz::{check_error, check_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = match fhir::read_json(text) {
        Ok(a) => a,
        Err(e) => return check_error(&e),
    };
    let report = match assess(&a) {
        Ok(r) => r,
        Err(e) => {
            assert_eq!(e.code(), "inconsistent", "{e}");
            return;
        }
    };
    check_report(&a, &report);
    // The Bundle holds a response that reads back as the same assessment,
    // and the same input gives the same Bundle (deterministic ids).
    let bundle = fhir::bundle(&a).expect("an assessable assessment has a Bundle");
    let response = fhir::questionnaire_response(&a);
    assert_eq!(
        fhir::read_json(&response.to_json()).as_ref(),
        Ok(&a),
        "response round trip"
    );
    assert_eq!(fhir::bundle(&a).as_ref(), Ok(&bundle), "Bundle is deterministic");
});
