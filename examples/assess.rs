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
//!
//! `--interview` asks the questions one at a time instead (red-flag questions
//! first, then the most informative), and `--clinician` adds bedside tests.
//!
//! FHIR R4 (see docs/fhir.md):
//!
//! ```text
//! cargo run --example assess -- --fhir-questionnaire        # the SDC Questionnaire
//! cargo run --example assess -- --fhir examples/runner-first-step-pain.json
//! cargo run --example assess -- --fhir my-questionnaire-response.json
//! ```
//!
//! `--fhir` reads an assessment or a QuestionnaireResponse and prints the
//! results as a FHIR Bundle.
//!
//! `--text FILE` reads a free-text description instead and assesses what it
//! says (the findings first, then the report); `--parse FILE` prints what was
//! read from the text as the Parsed JSON document.
//!
//! ```text
//! cargo run --example assess -- --text examples/runner-first-step-pain.txt
//! cargo run --example assess -- --parse examples/runner-first-step-pain.txt
//! ```

use std::io::{BufRead, Read as _, Write};
use std::process::ExitCode;

use heel_core::{
    Answer, AnswerKind, Assessment, Choice, FoundAnswer, Item, Location, Locations, Parsed,
    QuestionOptions, Report, TriageLevel, YesNo, assess, next_questions, parse,
};

const USAGE: &str = "usage: assess [--json] [FILE]\n       assess --text [--json] [FILE]\n       assess --parse [FILE]\n       assess --interview [--clinician] [--json]\n       assess --fhir [FILE]\n       assess --fhir-questionnaire\n  reads an assessment document from FILE (or standard input), a free-text\n  description (--text), or asks the questions one at a time, and prints the\n  report; --parse prints what was read from a free text as JSON; --fhir also\n  reads a FHIR QuestionnaireResponse and prints the results as a FHIR Bundle;\n  --fhir-questionnaire prints heel's FHIR Questionnaire";

/// What the input file holds.
#[derive(Clone, Copy, PartialEq)]
enum Input {
    /// An assessment document.
    Assessment,
    /// A free-text description, to assess.
    Text,
    /// A free-text description, to print as read.
    Parse,
    /// An assessment or a FHIR QuestionnaireResponse, to print as a FHIR Bundle.
    Fhir,
}

/// Writes to standard output; a reader that closes the pipe early (`| head`)
/// ends the output quietly instead of panicking.
fn write_out(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn main() -> ExitCode {
    let mut json = false;
    let mut path = None;
    let mut interactive = false;
    let mut clinician = false;
    let mut input = Input::Assessment;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--interview" => interactive = true,
            "--clinician" => clinician = true,
            "--text" => input = Input::Text,
            "--parse" => input = Input::Parse,
            "--fhir" => input = Input::Fhir,
            "--fhir-questionnaire" => {
                write_out(&format!(
                    "{}\n",
                    heel_core::fhir::questionnaire().to_json_pretty()
                ));
                return ExitCode::SUCCESS;
            }
            "-h" | "--help" => {
                write_out(&format!("{USAGE}\n"));
                return ExitCode::SUCCESS;
            }
            other if other.starts_with('-') => {
                eprintln!("unknown option {other}\n{USAGE}");
                return ExitCode::from(2);
            }
            other => path = Some(other.to_owned()),
        }
    }

    if interactive {
        let stdin = std::io::stdin();
        let mut out = std::io::stdout();
        let report = match interview(&mut stdin.lock(), &mut out, !clinician) {
            Ok(a) => assess(&a).map_err(|e| e.to_string()),
            Err(e) => Err(format!("interview stopped: {e}")),
        };
        if !json {
            write_out("\n");
        }
        return emit(report, json);
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
    match input {
        Input::Assessment => {
            let report = text.and_then(|t| {
                let a =
                    Assessment::from_json(&t).map_err(|e| format!("invalid assessment: {e}"))?;
                assess(&a).map_err(|e| format!("invalid assessment: {e}"))
            });
            emit(report, json)
        }
        Input::Fhir => {
            let bundle = text.and_then(|t| {
                let a =
                    heel_core::fhir::read_json(&t).map_err(|e| format!("invalid input: {e}"))?;
                heel_core::fhir::bundle(&a).map_err(|e| format!("invalid assessment: {e}"))
            });
            match bundle {
                Ok(b) => {
                    write_out(&format!("{}\n", b.to_json_pretty()));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Input::Parse => match text.and_then(|t| parse(&t).map_err(|e| e.to_string())) {
            Ok(p) => {
                write_out(&format!("{}\n", p.to_json_pretty()));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Input::Text => {
            let parsed = text.and_then(|t| parse(&t).map_err(|e| e.to_string()));
            let report = parsed.as_ref().map_err(Clone::clone).and_then(|p| {
                if !json {
                    write_out(&understood(p));
                }
                assess(&p.assessment).map_err(|e| e.to_string())
            });
            emit(report, json)
        }
    }
}

/// What was read from a free text, one line per finding.
fn understood(p: &Parsed) -> String {
    use std::fmt::Write as _;
    let mut o = String::from("READ FROM YOUR TEXT\n");
    for f in &p.findings {
        let answer = match f.answer {
            None => "uncertain (hedged), not used".to_owned(),
            Some(FoundAnswer::YesNo(YesNo::Present)) => "present".to_owned(),
            Some(FoundAnswer::YesNo(YesNo::Absent)) => "absent".to_owned(),
            Some(FoundAnswer::Number(v)) => format!("{v}"),
            Some(FoundAnswer::Choice(c)) => c.as_str().to_owned(),
            Some(FoundAnswer::Location(l)) => l.as_str().to_owned(),
            Some(_) => "?".to_owned(),
        };
        let approx = if f.approximate { " (approximate)" } else { "" };
        let _ = writeln!(
            o,
            "  {:<30} {answer}{approx}   \"{}\"",
            f.item.as_str(),
            f.span.text
        );
    }
    for u in &p.unused {
        let _ = writeln!(o, "  (not used)                     \"{}\"", u.text);
    }
    o.push('\n');
    o
}

/// Prints the report (as JSON or readable text) or the error.
fn emit(report: Result<Report, String>, json: bool) -> ExitCode {
    match report {
        Ok(r) if json => {
            write_out(&format!("{}\n", r.to_json_pretty()));
            ExitCode::SUCCESS
        }
        Ok(r) => {
            write_out(&render(&r));
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

    let _ = writeln!(o, "  {}", wrap(&r.triage.who_to_see_text, 92, "  "));
    if !r.missing.is_empty() {
        let _ = writeln!(
            o,
            "  Still needed: {}",
            r.missing
                .iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }

    let _ = writeln!(o, "\nMOST LIKELY CAUSES (the shares add up to 100%)");
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
            "  {} ({}): {:.1}% before your answers, {:.1}% after (each line: the ratio, and its weight when a correlated answer came first)",
            c.name,
            c.icd10cm,
            c.prior * 100.0,
            c.probability * 100.0
        );
        for k in c.contributions.iter().take(6) {
            let source = k.source.map_or("no source", |s| s.as_str());
            let _ = writeln!(
                o,
                "      {} {:<48} x{:<6.2} weight {:<4.2} {} ({source})",
                if k.log_lr > 0.0 { "+" } else { "-" },
                format!("{} = {}", k.item, k.answer),
                k.likelihood_ratio,
                k.weight,
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

/// What the person typed, once understood.
enum Reply {
    Answer(Answer),
    DontKnow,
    Back,
    Quit,
}

/// Reads one line; `None` at the end of input.
fn read_line(input: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_lowercase()))
}

/// Asks one question until the reply is understood.
fn ask(item: Item, input: &mut impl BufRead, out: &mut impl Write) -> std::io::Result<Reply> {
    let info = item.info();
    writeln!(out, "\n{}", info.question)?;
    let hint = match info.kind {
        AnswerKind::YesNo => "  [y]es, [n]o, [?] don't know, [b]ack, [q]uit".to_owned(),
        AnswerKind::Number { min, max, unit, .. } => {
            format!("  a number from {min} to {max} {unit}; [?] don't know, [b]ack, [q]uit")
        }
        AnswerKind::Choice { options } => {
            for (i, o) in options.iter().enumerate() {
                writeln!(out, "  {}. {}", i + 1, o.label())?;
            }
            "  the number of your answer; [?] don't know, [b]ack, [q]uit".to_owned()
        }
        _ => {
            for (i, l) in Location::ALL.iter().enumerate() {
                writeln!(out, "  {:>2}. {}", i + 1, l.label())?;
            }
            "  the numbers of every place that hurts, separated by commas; [?] don't know, [b]ack, [q]uit".to_owned()
        }
    };
    loop {
        write!(out, "{hint}\n> ")?;
        out.flush()?;
        let Some(line) = read_line(input)? else {
            return Ok(Reply::Quit);
        };
        match line.as_str() {
            "b" | "back" => return Ok(Reply::Back),
            "q" | "quit" => return Ok(Reply::Quit),
            "?" | "d" | "dont know" | "don't know" | "unknown" => return Ok(Reply::DontKnow),
            _ => {}
        }
        let parsed = match info.kind {
            AnswerKind::YesNo => match line.as_str() {
                "y" | "yes" => Some(Answer::Present),
                "n" | "no" => Some(Answer::Absent),
                _ => None,
            },
            AnswerKind::Number { .. } => line.parse::<f64>().ok().map(Answer::Number),
            AnswerKind::Choice { options } => line
                .parse::<usize>()
                .ok()
                .and_then(|i| options.get(i.wrapping_sub(1)))
                .or_else(|| options.iter().find(|o| o.as_str() == line))
                .map(|&c: &Choice| Answer::Choice(c)),
            _ => {
                let picks: Option<Locations> = line
                    .split([',', ' '])
                    .filter(|s| !s.is_empty())
                    .map(|s| {
                        s.parse::<usize>()
                            .ok()
                            .and_then(|i| Location::ALL.get(i.wrapping_sub(1)).copied())
                            .or_else(|| Location::from_id(s))
                    })
                    .collect();
                picks.filter(|set| !set.is_empty()).map(Answer::Locations)
            }
        };
        // The engine checks ranges; an answer it refuses is asked again.
        match parsed.map(|a| Assessment::new().with(item, a).map(|_| a)) {
            Some(Ok(a)) => return Ok(Reply::Answer(a)),
            Some(Err(e)) => writeln!(out, "  {e}")?,
            None => writeln!(out, "  Sorry, I did not understand that.")?,
        }
    }
}

/// Runs the terminal interview: age, sex and where it hurts first, then the
/// questions `next_questions` ranks first, until it says to stop (or the
/// person quits). "back" undoes the last answer.
fn interview(
    input: &mut impl BufRead,
    out: &mut impl Write,
    self_report_only: bool,
) -> std::io::Result<Assessment> {
    writeln!(
        out,
        "heel asks about your heel pain, one question at a time. {}",
        heel_core::NOTICE
    )?;
    let mut a = Assessment::new();
    let mut options = QuestionOptions::default();
    options.self_report_only = self_report_only;
    // What was asked, and the state before it, for "back".
    let mut history: Vec<(Assessment, QuestionOptions)> = Vec::new();
    let start = [Item::Age, Item::Sex, Item::PainLocation];
    loop {
        let next_item = if let Some(&item) = start.get(history.len()) {
            item
        } else {
            let next = next_questions(&a, &options.clone().with_limit(1))
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            if next.should_stop {
                let why = next
                    .stop_reason
                    .map_or("", |r| r.as_str())
                    .replace('_', " ");
                writeln!(out, "\nThat is enough to go on ({why}).")?;
                return Ok(a);
            }
            match next.questions.first() {
                Some(q) => q.item,
                None => return Ok(a),
            }
        };
        match ask(next_item, input, out)? {
            Reply::Quit => return Ok(a),
            Reply::Back => {
                if let Some((prev_a, prev_o)) = history.pop() {
                    a = prev_a;
                    options = prev_o;
                } else {
                    writeln!(out, "  (this is the first question)")?;
                }
            }
            Reply::DontKnow => {
                history.push((a.clone(), options.clone()));
                options.skip.push(next_item);
            }
            Reply::Answer(answer) => {
                history.push((a.clone(), options.clone()));
                // `ask` has already checked the answer against the item.
                let _ = a.set(next_item, answer);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(script: &str) -> (Assessment, String) {
        let mut out = Vec::new();
        let a = interview(&mut script.as_bytes(), &mut out, true).unwrap();
        (a, String::from_utf8(out).unwrap())
    }

    #[test]
    fn answers_go_into_the_assessment_and_back_undoes_one_step() {
        let (a, out) = run("45\nb\n52\n1\n1, 13\nq\n");
        assert_eq!(a.get(Item::Age), Some(Answer::Number(52.0)));
        assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Female)));
        let places: Vec<Location> = a.locations().iter().collect();
        assert_eq!(places, [Location::PlantarMedialHeel, Location::Arch]);
        assert!(out.contains("How old are you"));
    }

    #[test]
    fn red_flag_questions_come_right_after_the_start() {
        let (_, out) = run("30\n2\n11\nq\n");
        let after_start = out.split("The whole heel").nth(2).unwrap_or(&out);
        assert!(after_start.contains("fever"), "{after_start}");
    }

    #[test]
    fn bad_replies_are_asked_again() {
        let (a, out) = run("200\nforty\n40\nq\n");
        assert!(out.contains("out of range"));
        assert!(out.contains("did not understand"));
        assert_eq!(a.get(Item::Age), Some(Answer::Number(40.0)));
    }

    #[test]
    fn answering_dont_know_to_everything_still_ends() {
        let script = "?\n".repeat(200);
        let (a, out) = run(&script);
        assert_eq!(a.answered_count(), 0);
        assert!(out.contains("enough to go on"), "{out}");
    }
}
