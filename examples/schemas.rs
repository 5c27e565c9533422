//! Writes the JSON Schemas of heel's documents to `schema/`:
//! `cargo run --example schemas`. A test fails when they are out of date.

use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema");
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("cannot create {dir}: {e}");
        return ExitCode::FAILURE;
    }
    for (name, text) in heel_core::schemas() {
        let path = format!("{dir}/{name}.schema.json");
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
        println!("wrote schema/{name}.schema.json");
    }
    ExitCode::SUCCESS
}
