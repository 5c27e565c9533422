//! The scoring model as data (`heel_core::model_tables_json`): priors,
//! log likelihood ratios per item, answer and cause, groups and their decay,
//! clusters and the evidence temperature, as one JSON object on stdout.
//!
//!     cargo run --example model_tables > target/model-tables.json
//!
//! `scripts/bench` writes it for the pure-Python baseline scorer in
//! `scripts/bench-python.py`.

fn main() {
    println!("{}", heel_core::model_tables_json());
}
