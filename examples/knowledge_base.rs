//! Writes the knowledge base as Markdown for clinical review:
//! `cargo run --example knowledge_base` regenerates `docs/knowledge-base.md`.
//! With `--check` it only reports whether the file is current (exit code 1 if not).

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/knowledge-base.md");
    let fresh = heel_core::knowledge::to_markdown();
    if std::env::args().any(|a| a == "--check") {
        let current = std::fs::read_to_string(path).unwrap_or_default();
        if current == fresh {
            println!("docs/knowledge-base.md is current");
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "docs/knowledge-base.md is out of date: run `cargo run --example knowledge_base`"
        );
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs"))
        .and_then(|()| std::fs::write(path, &fresh))
    {
        eprintln!("cannot write {path}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "wrote docs/knowledge-base.md ({} lines)",
        fresh.lines().count()
    );
    ExitCode::SUCCESS
}
