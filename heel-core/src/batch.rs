//! Scoring many assessments at once from columns: the path for cohorts and
//! data frames.
//!
//! The input is column-oriented, as Arrow and data-frame libraries hold it:
//! one [`Column`] per evidence item (or the `setting`), each either a slice
//! of numbers or a slice of codes into a small dictionary of answers. A
//! dictionary entry is read once, however many rows use it; no row becomes
//! a JSON document or a report. [`score_columns`] returns, per row, the
//! probability of every cause, the most likely cause and the triage level,
//! bit for bit what [`crate::assess`] gives for the same row.
//!
//! ```
//! use heel_core::batch::{Column, Value, Values, score_columns};
//! use heel_core::{Condition, TriageLevel};
//!
//! let places = [Value::Text("plantar_medial_heel")];
//! let yes_no = [Value::Text("absent"), Value::Text("present")];
//! let columns = [
//!     Column::new("age", Values::Numbers(&[45.0, 52.0, f64::NAN])),
//!     Column::new("pain_location", Values::Coded { codes: &[0, 0, -1], dictionary: &places }),
//!     Column::new("first_step_pain", Values::Coded { codes: &[1, 1, 0], dictionary: &yes_no }),
//! ];
//! let scores = score_columns(&columns, 3)?;
//! assert_eq!(scores.rows(), 3);
//! assert_eq!(scores.top(0).0, Condition::PlantarFasciitis);
//! let total: f64 = scores.probabilities(1).iter().sum();
//! assert!((total - 1.0).abs() < 1e-12);
//! // Too few answers for self-care advice.
//! assert_eq!(scores.triage_level(2), TriageLevel::SeeDoctor);
//! # Ok::<(), heel_core::batch::RowError>(())
//! ```

use crate::Error;
use crate::assessment::{
    Answer, Assessment, NO_FINDING, Setting, local_row, parse_answer, resolve_item,
};
use crate::condition::Condition;
use crate::doc::Doc;
use crate::item::{AnswerKind, Item};
use crate::scoring::{ModelParams, log_scores, softmax};
use crate::triage;
use crate::vocab::TriageLevel;

const N: usize = Condition::COUNT;

/// The column read as the assessment's setting; every other column is an
/// evidence item (by id, or a retired id that one item took over).
pub const SETTING: &str = "setting";

/// One answer as a dictionary holds it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// Unknown (as `null` in a document).
    Missing,
    /// `true` or `false` (yes/no items: present or absent).
    Bool(bool),
    /// A number.
    Number(f64),
    /// A text: `present`, `absent`, `unknown`, an option id or a setting id;
    /// for `pain_location`, one place or several separated by commas
    /// (`"arch, calf"`).
    Text(&'a str),
    /// A list of texts (the places of `pain_location`).
    List(Vec<&'a str>),
}

/// The values of one column, one per row.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Values<'a> {
    /// Numbers; NaN means unknown (as Arrow nulls become in a float column).
    Numbers(&'a [f64]),
    /// Codes into `dictionary`; a negative code means unknown. This is how
    /// Arrow holds a dictionary-encoded column.
    Coded {
        /// One code per row.
        codes: &'a [i32],
        /// The distinct answers.
        dictionary: &'a [Value<'a>],
    },
}

/// A named column.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    name: &'a str,
    values: Values<'a>,
}

impl<'a> Column<'a> {
    /// A column named by an evidence item id or [`SETTING`].
    #[must_use]
    pub fn new(name: &'a str, values: Values<'a>) -> Self {
        Column { name, values }
    }
}

/// An error in one row: the row (0 for the first) and the error, whose
/// field names the answer at fault as in a document (`answers.age`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("row {row}: {error}")]
#[non_exhaustive]
pub struct RowError {
    /// The row, counting from 0.
    pub row: usize,
    /// What is wrong with it.
    pub error: Error,
}

/// The scores of every row.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchScores {
    probabilities: Vec<f64>,
    top: Vec<Condition>,
    triage: Vec<TriageLevel>,
}

impl BatchScores {
    /// How many rows were scored.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.top.len()
    }

    /// The probabilities of one row, indexed by [`Condition::index`].
    ///
    /// # Panics
    /// If `row` is not below [`BatchScores::rows`].
    #[must_use]
    pub fn probabilities(&self, row: usize) -> &[f64] {
        &self.probabilities[row * N..(row + 1) * N]
    }

    /// Every row's probabilities, row after row ([`Condition::COUNT`] per row).
    #[must_use]
    pub fn probability_matrix(&self) -> &[f64] {
        &self.probabilities
    }

    /// The most likely cause of one row and its probability (ties: catalog
    /// order), as the first condition of the row's report.
    ///
    /// # Panics
    /// If `row` is not below [`BatchScores::rows`].
    #[must_use]
    pub fn top(&self, row: usize) -> (Condition, f64) {
        let c = self.top[row];
        (c, self.probabilities[row * N + c.index()])
    }

    /// The most likely cause of every row.
    #[must_use]
    pub fn top_conditions(&self) -> &[Condition] {
        &self.top
    }

    /// The triage level of one row, as in its report.
    ///
    /// # Panics
    /// If `row` is not below [`BatchScores::rows`].
    #[must_use]
    pub fn triage_level(&self, row: usize) -> TriageLevel {
        self.triage[row]
    }

    /// The triage level of every row.
    #[must_use]
    pub fn triage_levels(&self) -> &[TriageLevel] {
        &self.triage
    }
}

/// What a column is, read once.
enum Target {
    Setting,
    Item(Item),
    /// A column name that is no item: an error at the first row with a value.
    Unknown(Error),
}

/// A column prepared for reading rows: its target and, for coded columns,
/// every dictionary entry already read.
struct Prepared<'a> {
    target: Target,
    field: String,
    values: Values<'a>,
    /// For coded columns: each entry read as the target's answer.
    entries: Vec<Result<Entry, Error>>,
    /// For coded columns: the finding row of each entry's answer, resolved
    /// once (see `Assessment::put_resolved`).
    rows: Vec<u8>,
}

#[derive(Clone, Copy)]
enum Entry {
    Unknown,
    Setting(Setting),
    Answer(Answer),
}

fn to_doc(v: &Value<'_>) -> Doc {
    match v {
        Value::Missing => Doc::Null,
        Value::Bool(b) => Doc::Bool(*b),
        // NaN is how a float column marks a missing value.
        Value::Number(x) if x.is_nan() => Doc::Null,
        Value::Number(x) => Doc::Number(*x),
        Value::Text(s) => Doc::String((*s).to_owned()),
        Value::List(items) => {
            Doc::Array(items.iter().map(|s| Doc::String((*s).to_owned())).collect())
        }
    }
}

/// Reads one value for a target, as a document would be read. With
/// `check`, an answer is also checked as setting it on an assessment would
/// (its option, its range); [`row`] sets every answer on the row's
/// assessment, which makes the same check with the same error, so it reads
/// numbers without it.
fn read(target: &Target, field: &str, value: &Value<'_>, check: bool) -> Result<Entry, Error> {
    match target {
        Target::Unknown(e) => Err(e.clone()),
        Target::Setting => match value {
            Value::Missing => Ok(Entry::Unknown),
            Value::Text(s) => Setting::from_id(s)
                .map(Entry::Setting)
                .ok_or_else(|| Error::unknown_id("setting", SETTING.to_owned(), s, Setting::ids())),
            other => Err(Error::WrongType {
                field: SETTING.to_owned(),
                expected: format!("one of {}", crate::assessment::quoted(Setting::ids())),
                found: to_doc(other).type_name(),
            }),
        },
        Target::Item(item) => {
            // A place list may come as one text, "arch, calf".
            let doc = match (item.info().kind, value) {
                (AnswerKind::Locations, Value::Text(s)) => Doc::Array(
                    s.split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|p| Doc::String(p.to_owned()))
                        .collect(),
                ),
                _ => to_doc(value),
            };
            let answer = parse_answer(*item, &doc, field)?;
            match answer {
                None => Ok(Entry::Unknown),
                Some(answer) => {
                    if check {
                        // The same checks as setting it on an assessment.
                        Assessment::new().set(*item, answer)?;
                    }
                    Ok(Entry::Answer(answer))
                }
            }
        }
    }
}

fn prepare<'a>(columns: &[Column<'a>]) -> Vec<Prepared<'a>> {
    // The setting first, as a document reads it before the answers.
    let (setting, answers): (Vec<&Column<'a>>, Vec<&Column<'a>>) =
        columns.iter().partition(|c| c.name == SETTING);
    setting
        .into_iter()
        .chain(answers)
        .map(|col| {
            let (target, field) = if col.name == SETTING {
                (Target::Setting, SETTING.to_owned())
            } else {
                let field = format!("answers.{}", col.name);
                match resolve_item(col.name, &field) {
                    Ok(item) => (Target::Item(item), field),
                    Err(e) => (Target::Unknown(e), field),
                }
            };
            let entries = match col.values {
                Values::Coded { dictionary, .. } => dictionary
                    .iter()
                    .map(|v| read(&target, &field, v, true))
                    .collect(),
                Values::Numbers(_) => Vec::new(),
            };
            let rows = entries
                .iter()
                .map(|e| match (&target, e) {
                    (Target::Item(item), Ok(Entry::Answer(answer))) => local_row(*item, *answer),
                    _ => NO_FINDING,
                })
                .collect();
            Prepared {
                target,
                field,
                rows,
                values: col.values,
                entries,
            }
        })
        .collect()
}

/// Reads one row into `a` (emptied first).
fn row(columns: &[Prepared<'_>], r: usize, a: &mut Assessment) -> Result<(), Error> {
    a.reset();
    // Which item each column filled in this row (a retired id and its
    // successor in one row are the same item given twice).
    let mut seen = [false; Item::COUNT];
    let mut seen_setting = false;
    for col in columns {
        // The answer's finding row, when already resolved; `None`: a number
        // already stored by `set`.
        let mut resolved = None;
        let entry = match col.values {
            Values::Numbers(xs) => {
                let x = xs.get(r).copied().unwrap_or(f64::NAN);
                if x.is_nan() {
                    continue;
                }
                let entry = read(&col.target, &col.field, &Value::Number(x), false)?;
                if let (Target::Item(item), Entry::Answer(answer)) = (&col.target, entry) {
                    // Checked here, where `read` would have checked it
                    // (before the duplicate check); set again below.
                    a.set(*item, answer)?;
                }
                entry
            }
            Values::Coded { codes, .. } => {
                let code = codes.get(r).copied().unwrap_or(-1);
                let Ok(k) = usize::try_from(code) else {
                    continue;
                };
                match col.entries.get(k) {
                    Some(Ok(entry)) => {
                        resolved = col.rows.get(k).copied();
                        *entry
                    }
                    Some(Err(e)) => return Err(e.clone()),
                    None => {
                        return Err(Error::OutOfRange {
                            field: col.field.clone(),
                            value: code.to_string(),
                            allowed: format!(
                                "a code below the dictionary's {} entries",
                                col.entries.len()
                            ),
                        });
                    }
                }
            }
        };
        match (&col.target, entry) {
            (Target::Setting, e) => {
                if std::mem::replace(&mut seen_setting, true) {
                    return Err(Error::Duplicate {
                        field: SETTING.to_owned(),
                    });
                }
                if let Entry::Setting(s) = e {
                    a.set_setting(Some(s));
                }
            }
            (Target::Item(item), e) => {
                if std::mem::replace(&mut seen[item.index()], true) {
                    return Err(Error::Duplicate {
                        field: col.field.clone(),
                    });
                }
                if let (Entry::Answer(answer), Some(row)) = (e, resolved) {
                    // Checked and resolved when the dictionary was read (a
                    // number was stored above).
                    a.put_resolved(*item, answer, row);
                }
            }
            (Target::Unknown(e), _) => return Err(e.clone()),
        }
    }
    a.validate()
}

/// Scores rows `start..start + top.len()` into the output slices.
fn score_rows(
    columns: &[Prepared<'_>],
    start: usize,
    probabilities: &mut [f64],
    top: &mut [Condition],
    levels: &mut [TriageLevel],
) -> Result<(), RowError> {
    let params = ModelParams::default();
    let mut a = Assessment::new();
    for (i, ((p, t), l)) in probabilities
        .chunks_exact_mut(N)
        .zip(top.iter_mut())
        .zip(levels.iter_mut())
        .enumerate()
    {
        let r = start + i;
        row(columns, r, &mut a).map_err(|error| RowError { row: r, error })?;
        let setting = a.resolved_setting();
        let probs = softmax(&log_scores(&a, setting, &params));
        p.copy_from_slice(&probs);
        let mut best = 0;
        for c in 1..N {
            if probs[c] > probs[best] {
                best = c;
            }
        }
        *t = Condition::ALL[best];
        *l = triage::level(&a, &probs);
    }
    Ok(())
}

/// Scores `rows` assessments given as columns: the probability of every
/// cause, the most likely cause and the triage level of each row, as
/// [`crate::assess`] gives them for the row's assessment, bit for bit.
///
/// A column shorter than `rows` is unknown in the rows it lacks. With the
/// `parallel` feature, rows are scored on every core (the result is the
/// same).
///
/// # Errors
/// A [`RowError`] for the first row (in row order) that is not a valid
/// assessment, with the error a document with that row's answers would
/// give: an unknown column name, an answer of the wrong type, an unknown
/// option, a number out of range, an item given twice (a retired id beside
/// its successor), contradictory answers, or a code outside its dictionary.
pub fn score_columns(columns: &[Column<'_>], rows: usize) -> Result<BatchScores, RowError> {
    let prepared = prepare(columns);
    let mut out = BatchScores {
        probabilities: vec![0.0; rows * N],
        top: vec![Condition::Other; rows],
        triage: vec![TriageLevel::SelfCare; rows],
    };
    run(&prepared, &mut out)?;
    Ok(out)
}

#[cfg(not(feature = "parallel"))]
fn run(columns: &[Prepared<'_>], out: &mut BatchScores) -> Result<(), RowError> {
    score_rows(
        columns,
        0,
        &mut out.probabilities,
        &mut out.top,
        &mut out.triage,
    )
}

#[cfg(feature = "parallel")]
fn run(columns: &[Prepared<'_>], out: &mut BatchScores) -> Result<(), RowError> {
    use rayon::prelude::*;
    /// Rows per task: large enough that scheduling costs nothing.
    const CHUNK: usize = 4096;
    let errors: Vec<RowError> = out
        .probabilities
        .par_chunks_mut(CHUNK * N)
        .zip(out.top.par_chunks_mut(CHUNK))
        .zip(out.triage.par_chunks_mut(CHUNK))
        .enumerate()
        .filter_map(|(k, ((p, t), l))| score_rows(columns, k * CHUNK, p, t, l).err())
        .collect();
    // The first failing row, whichever task found it.
    match errors.into_iter().min_by_key(|e| e.row) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_assess_and_names_row_and_field() {
        let yes_no = [Value::Bool(false), Value::Bool(true)];
        let places = [
            Value::Text("plantar_medial_heel"),
            Value::List(vec!["arch", "calf"]),
        ];
        let columns = [
            Column::new("age", Values::Numbers(&[45.0, 12.0, f64::NAN])),
            Column::new(
                "pain_location",
                Values::Coded {
                    codes: &[0, 1, -1],
                    dictionary: &places,
                },
            ),
            Column::new(
                "first_step_pain",
                Values::Coded {
                    codes: &[1, 0, 1],
                    dictionary: &yes_no,
                },
            ),
        ];
        let scores = score_columns(&columns, 3).unwrap();
        let docs = [
            r#"{"answers": {"age": 45, "pain_location": ["plantar_medial_heel"], "first_step_pain": true}}"#,
            r#"{"answers": {"age": 12, "pain_location": ["arch", "calf"], "first_step_pain": false}}"#,
            r#"{"answers": {"first_step_pain": true}}"#,
        ];
        for (r, doc) in docs.iter().enumerate() {
            let report = crate::assess_json(doc).unwrap();
            for c in &report.conditions {
                assert_eq!(
                    scores.probabilities(r)[c.id.index()].to_bits(),
                    c.probability.to_bits()
                );
            }
            assert_eq!(scores.top(r).0, report.conditions[0].id);
            assert_eq!(scores.triage_level(r), report.triage.level);
        }

        let bad = [Column::new("age", Values::Numbers(&[30.0, 130.0]))];
        let err = score_columns(&bad, 2).unwrap_err();
        assert_eq!((err.row, err.error.field()), (1, "answers.age"));
        let unknown = [Column::new("agee", Values::Numbers(&[f64::NAN, 3.0]))];
        let err = score_columns(&unknown, 2).unwrap_err();
        assert_eq!((err.row, err.error.code()), (1, "unknown_id"));
        let codes = [Column::new(
            "fever",
            Values::Coded {
                codes: &[5],
                dictionary: &yes_no,
            },
        )];
        assert_eq!(
            score_columns(&codes, 1).unwrap_err().error.field(),
            "answers.fever"
        );
    }
}
