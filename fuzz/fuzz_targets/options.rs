//! Options parsing: any bytes as the options document of `next_questions`.
#![no_main]

use heel_core::QuestionOptions;
use heel_fuzz::check_error;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match QuestionOptions::from_json(text) {
        Ok(o) => {
            if let Some(limit) = o.limit {
                assert!(limit <= 1000);
            }
            let mut skip: Vec<usize> = o.skip.iter().map(|i| i.index()).collect();
            skip.sort_unstable();
            skip.dedup();
            assert_eq!(skip.len(), o.skip.len(), "skip holds no item twice");
            // The options serialise and read back to the same value.
            let text = serde_json::to_string(&o).expect("options serialise");
            assert_eq!(QuestionOptions::from_json(&text), Ok(o));
        }
        Err(e) => check_error(&e),
    }
});
