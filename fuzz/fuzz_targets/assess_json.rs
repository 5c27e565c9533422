//! JSON text to report: `heel_core::assess_json`, the call the bindings make
//! with text. Any bytes; text that is not UTF-8 cannot reach heel-core.
#![no_main]

use heel_core::{Assessment, assess, assess_json};
use heel_fuzz::{check_error, check_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match assess_json(text) {
        Ok(report) => {
            let a = Assessment::from_json(text).expect("assess_json accepted it");
            check_report(&a, &report);
            assert_eq!(
                assess(&a).as_ref(),
                Ok(&report),
                "assess_json differs from assess"
            );
        }
        Err(e) => check_error(&e),
    }
});
