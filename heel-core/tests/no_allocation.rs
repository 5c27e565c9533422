//! `score` (the fast path) must not touch the heap once the knowledge base
//! is compiled. A counting allocator proves it. This file holds a single
//! test so no other test allocates concurrently.

// A global allocator is an `unsafe impl`; it only forwards to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use heel_core::{Assessment, score};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn score_does_not_allocate() {
    let a = Assessment::from_json(
        r#"{"answers": {"age": 44, "sex": "female", "height_cm": 165, "weight_kg": 80,
            "pain_location": ["plantar_medial_heel", "arch"], "side": "left",
            "first_step_pain": "present", "eases_after_few_minutes": "present",
            "duration_days": 30, "fever": "absent", "windlass_test": "present"}}"#,
    )
    .unwrap();
    let warm = score(&a).unwrap(); // compiles the knowledge base once
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut total = 0.0;
    for _ in 0..1000 {
        total += score(&a).unwrap().top().1;
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert_eq!(
        after - before,
        0,
        "score allocated {} times",
        after - before
    );
    assert!((total / 1000.0 - warm.top().1).abs() < 1e-12);
}
