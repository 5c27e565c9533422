//! Structured assessments: answers derived with `arbitrary`, set through the
//! Rust API (`Assessment::set`), then `assess`. Reaches far more valid
//! combinations than random text does.
#![no_main]

use heel_core::assess;
use heel_fuzz::{RawAssessment, check_error, check_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|raw: RawAssessment| {
    let a = raw.build();
    match assess(&a) {
        Ok(report) => check_report(&a, &report),
        // Height and weight can be each in range but implausible together.
        Err(e) => {
            check_error(&e);
            assert_eq!(e.code(), "inconsistent", "{e}");
            assert!(a.validate().is_err());
        }
    }
});
