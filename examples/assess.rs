//! The main job: assess one heel-pain description and print the report.
//!
//! ```text
//! cargo run --example assess -- examples/runner-first-step-pain.json
//! cargo run --example assess -- --json examples/child-posterior-heel.json
//! cat my-assessment.json | cargo run --example assess
//! ```
//!
//! Without `--json` it prints a readable report: the triage level and its
//! reasons, the ranked conditions with bars, why the top conditions scored as
//! they did, and the care plan. With `--json` it prints the Report document.

use std::io::Read as _;
use std::process::ExitCode;

use heel_core::{Assessment, Report, TriageLevel, assess};

const USAGE: &str = "usage: assess [--json] [FILE]\n  reads an assessment document from FILE (or standard input) and prints the report";

fn main() -> ExitCode {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other if other.starts_with('-') => {
                eprintln!("unknown option {other}\n{USAGE}");
                return ExitCode::from(2);
            }
            other => path = Some(other.to_owned()),
        }
    }

    let text = if let Some(p) = &path {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"))
    } else {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map(|_| s)
            .map_err(|e| format!("cannot read standard input: {e}"))
    };
    let report = text.and_then(|t| {
        let a = Assessment::from_json(&t).map_err(|e| format!("invalid assessment: {e}"))?;
        assess(&a).map_err(|e| format!("invalid assessment: {e}"))
    });
    match report {
        Ok(r) if json => {
            println!("{}", r.to_json_pretty());
            ExitCode::SUCCESS
        }
        Ok(r) => {
            print!("{}", render(&r));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn bar(p: f64, width: usize) -> String {
    #[allow(clippy::cast_sign_loss)] // clamped to 0..=width first
    let filled = (p.clamp(0.0, 1.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn level_name(level: TriageLevel) -> &'static str {
    match level {
        TriageLevel::Emergency => "EMERGENCY",
        TriageLevel::Urgent => "URGENT (same day)",
        TriageLevel::SeeDoctor => "SEE A DOCTOR (book an appointment)",
        _ => "SELF-CARE",
    }
}

/// Wraps `text` to `width` columns, indenting continuation lines.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        if line > 0 && line + 1 + word.chars().count() > width {
            out.push('\n');
            out.push_str(indent);
            line = indent.len();
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}

fn render(r: &Report) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    let _ = writeln!(o, "heel: heel pain assessment");
    let _ = writeln!(
        o,
        "setting: {}, {} answers\n",
        r.setting.as_str().replace('_', " "),
        r.answered
    );

    let _ = writeln!(o, "TRIAGE: {}", level_name(r.triage.level));
    let _ = writeln!(o, "  {}", wrap(&r.triage.action, 92, "  "));
    for reason in &r.triage.reasons {
        let flag = if reason.red_flag { "red flag, " } else { "" };
        let _ = writeln!(
            o,
            "  - [{flag}{}] {}",
            reason.level,
            wrap(&reason.text, 84, "    ")
        );
    }

    let _ = writeln!(o, "\nMOST LIKELY CONDITIONS");
    for (i, c) in r.conditions.iter().take(8).enumerate() {
        let _ = writeln!(
            o,
            "  {:>2}. {:<42} {} {:>5.1}%",
            i + 1,
            c.name,
            bar(c.probability, 24),
            c.probability * 100.0
        );
    }
    let rest = r.conditions.len().saturating_sub(8);
    if rest > 0 {
        let _ = writeln!(o, "      ... and {rest} less likely conditions");
    }

    let _ = writeln!(o, "\nWHY");
    for c in r.conditions.iter().take(3) {
        let _ = writeln!(
            o,
            "  {} ({}): {:.1}% before your answers, {:.1}% after",
            c.name,
            c.icd10cm,
            c.prior * 100.0,
            c.probability * 100.0
        );
        for k in c.contributions.iter().take(6) {
            let source = k.source.map_or("no source", |s| s.as_str());
            let _ = writeln!(
                o,
                "      {} {:<48} x{:<6.2} {} ({source})",
                if k.log_lr > 0.0 { "+" } else { "-" },
                format!("{} = {}", k.item, k.answer),
                k.likelihood_ratio,
                k.grade,
            );
        }
        if c.contributions.len() > 6 {
            let _ = writeln!(o, "        ... {} more", c.contributions.len() - 6);
        }
    }

    let _ = writeln!(o, "\nCARE PLAN");
    let _ = writeln!(o, "  {}", wrap(&r.care_plan.summary, 92, "  "));
    for (i, step) in r.care_plan.steps.iter().enumerate() {
        let _ = writeln!(
            o,
            "  {}. {}\n     {}",
            i + 1,
            step.title,
            wrap(&step.text, 88, "     ")
        );
    }
    if !r.remarks.is_empty() {
        let _ = writeln!(o, "\nNOTES");
        for remark in &r.remarks {
            let _ = writeln!(o, "  - {remark}");
        }
    }
    let _ = writeln!(o, "\n{}", wrap(&r.notice, 94, ""));
    o
}
