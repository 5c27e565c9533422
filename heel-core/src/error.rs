//! The one error type of the crate.

use std::fmt::Write as _;

/// Everything that can go wrong when heel reads an assessment.
///
/// Every variant names the field it is about as a dotted path into the
/// document that was read (for example `answers.age` or
/// `answers.pain_location[1]` in an assessment, `item[0].answer[0].valueDecimal`
/// in a FHIR QuestionnaireResponse; the empty string means the document
/// itself) and says what is allowed.
/// [`Error::code`] gives a stable machine-readable name for each variant,
/// which the Python and JavaScript bindings expose unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read as a document: a JSON syntax error (with
    /// its line and column), or a value a host language cannot express in
    /// JSON (with the field where it was found; `line` and `column` are 0).
    #[error("{}", document_message(field, message, *line, *column))]
    InvalidDocument {
        /// Where the problem was found, when known (empty for JSON syntax errors).
        field: String,
        /// What the reader reported.
        message: String,
        /// 1-based line of a JSON syntax error (0 when the input was not text).
        line: usize,
        /// 1-based column of a JSON syntax error (0 when the input was not text).
        column: usize,
    },
    /// A name that heel does not know: a field, an evidence item, an answer
    /// option, a condition or a setting.
    #[error("{}unknown {what} `{found}`{}; allowed: {allowed}", at(field), did_you_mean(suggestion.as_deref()))]
    UnknownId {
        /// Where the name was found.
        field: String,
        /// What kind of name was expected (for example "evidence item").
        what: &'static str,
        /// The name as given.
        found: String,
        /// The closest allowed name, when one is close enough to be a likely typo.
        suggestion: Option<String>,
        /// The allowed names, comma-separated.
        allowed: String,
    },
    /// A value of the wrong JSON type.
    #[error("{}expected {expected}, found {found}", at(field))]
    WrongType {
        /// Where the value was found.
        field: String,
        /// What the field accepts.
        expected: String,
        /// What was given instead (a JSON type name).
        found: &'static str,
    },
    /// A number outside its allowed range, or not finite.
    #[error("{}{value} is out of range; allowed: {allowed}", at(field))]
    OutOfRange {
        /// Where the number was found.
        field: String,
        /// The number as given.
        value: String,
        /// The allowed range, with its unit.
        allowed: String,
    },
    /// The same item (or the same option in a list) was given twice.
    #[error("{}given more than once; answer each item once", at(field))]
    Duplicate {
        /// The repeated item or option.
        field: String,
    },
    /// The document exceeds a size limit (too many entries, too long a string,
    /// or too deeply nested).
    #[error("{}too large: {limit}", at(field))]
    TooLarge {
        /// Where the limit was hit.
        field: String,
        /// Which limit was exceeded.
        limit: String,
    },
    /// Values that are each valid but do not fit together.
    #[error("{}{reason}", at(field))]
    Inconsistent {
        /// The field that conflicts with another.
        field: String,
        /// Why the combination is not accepted.
        reason: String,
    },
}

fn document_message(field: &str, message: &str, line: usize, column: usize) -> String {
    if line == 0 {
        format!("{}invalid document: {message}", at(field))
    } else {
        format!("invalid document at line {line}, column {column}: {message}")
    }
}

fn at(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!("{field}: ")
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"))
}

impl Error {
    /// A stable snake_case name for the kind of error, shared by all bindings:
    /// `invalid_document`, `unknown_id`, `wrong_type`, `out_of_range`, `duplicate`,
    /// `too_large` or `inconsistent`.
    ///
    /// ```
    /// let err = heel_core::Assessment::from_json(r#"{"answers": {"age": 300}}"#).unwrap_err();
    /// assert_eq!(err.code(), "out_of_range");
    /// assert_eq!(err.field(), "answers.age");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidDocument { .. } => "invalid_document",
            Error::UnknownId { .. } => "unknown_id",
            Error::WrongType { .. } => "wrong_type",
            Error::OutOfRange { .. } => "out_of_range",
            Error::Duplicate { .. } => "duplicate",
            Error::TooLarge { .. } => "too_large",
            Error::Inconsistent { .. } => "inconsistent",
        }
    }

    /// The dotted path of the field the error is about (empty for the whole document).
    #[must_use]
    pub fn field(&self) -> &str {
        match self {
            Error::InvalidDocument { field, .. }
            | Error::UnknownId { field, .. }
            | Error::WrongType { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::Duplicate { field }
            | Error::TooLarge { field, .. }
            | Error::Inconsistent { field, .. } => field,
        }
    }

    /// An [`Error::InvalidDocument`] for input that is not text, for bindings
    /// that meet a value they cannot hand to heel (a string that is not valid
    /// UTF-8, an object that throws when read).
    ///
    /// ```
    /// let e = heel_core::Error::invalid_document("the value cannot be copied");
    /// assert_eq!(e.code(), "invalid_document");
    /// assert_eq!(e.to_string(), "invalid document: the value cannot be copied");
    /// ```
    #[must_use]
    pub fn invalid_document(message: impl Into<String>) -> Self {
        Error::InvalidDocument {
            field: String::new(),
            message: message.into(),
            line: 0,
            column: 0,
        }
    }

    /// An [`Error::InvalidDocument`] for a host string that is not Unicode
    /// text: a Python `str` or a JavaScript string with a lone surrogate.
    /// Rust strings are always UTF-8, and JSON text with an escaped lone
    /// surrogate (`"\ud800"`) is a syntax error; bindings use this so that
    /// both hosts report the same code, field and message.
    ///
    /// ```
    /// let e = heel_core::Error::not_unicode("answers.fever");
    /// assert_eq!((e.code(), e.field()), ("invalid_document", "answers.fever"));
    /// ```
    #[must_use]
    pub fn not_unicode(field: impl Into<String>) -> Self {
        Error::InvalidDocument {
            field: field.into(),
            message: "a string that is not Unicode text (it holds a lone surrogate)".to_owned(),
            line: 0,
            column: 0,
        }
    }

    /// An [`Error::OutOfRange`] for a number too large to be read at all: a
    /// JSON number beyond the 64-bit float range (`1e400`), or, in bindings,
    /// an integer wider than the host can hand over (a Python `int` or a
    /// JavaScript `BigInt` beyond 128 or 64 bits). Every language reports it
    /// with the same code, field and message.
    ///
    /// ```
    /// let e = heel_core::Assessment::from_json(r#"{"answers": {"age": 1e400}}"#).unwrap_err();
    /// assert_eq!(e, heel_core::Error::number_too_large("answers.age"));
    /// assert_eq!((e.code(), e.field()), ("out_of_range", "answers.age"));
    /// ```
    #[must_use]
    pub fn number_too_large(field: impl Into<String>) -> Self {
        Error::OutOfRange {
            field: field.into(),
            value: "a number too large to represent".to_owned(),
            allowed: "a finite number of at most about 1.8e308 in size".to_owned(),
        }
    }

    /// An [`Error::UnknownId`] with a "did you mean" suggestion picked from `allowed`.
    pub(crate) fn unknown_id<'a>(
        what: &'static str,
        field: String,
        found: &str,
        allowed: impl Iterator<Item = &'a str> + Clone,
    ) -> Self {
        Error::UnknownId {
            field,
            what,
            found: truncate(found),
            suggestion: closest(found, allowed.clone()).map(str::to_owned),
            allowed: join(allowed),
        }
    }
}

/// The message used when an id fails to parse inside a serde `Deserialize`.
pub(crate) fn unknown_id_message<'a>(
    what: &str,
    found: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> String {
    let mut msg = format!("unknown {what} `{}`", truncate(found));
    if let Some(s) = closest(found, allowed.clone()) {
        let _ = write!(msg, " (did you mean `{s}`?)");
    }
    let _ = write!(msg, "; allowed: {}", join(allowed));
    msg
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Keeps error messages short when a caller sends a huge string.
fn truncate(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

/// The allowed id nearest to `found`, if it is a plausible typo: at most 4
/// edits and a third of the id's length away, or else an id that contains
/// every word of `found` (so `plantar_heel` suggests `plantar_medial_heel`).
fn closest<'a>(found: &str, allowed: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    if found.chars().count() > 64 {
        return None;
    }
    let needle = found.to_ascii_lowercase().replace(['-', ' '], "_");
    let by_edits = allowed
        .clone()
        .map(|cand| (edit_distance(&needle, cand), cand))
        .filter(|&(d, cand)| d <= 4 && d * 3 <= cand.len().max(3))
        .min_by_key(|&(d, _)| d)
        .map(|(_, cand)| cand);
    by_edits.or_else(|| {
        let words: Vec<&str> = needle.split('_').filter(|w| w.len() > 2).collect();
        if words.is_empty() {
            return None;
        }
        allowed
            .filter(|cand| words.iter().all(|w| cand.split('_').any(|c| c == *w)))
            .min_by_key(|cand| cand.len())
    })
}

/// Levenshtein distance over bytes (ids are ASCII).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn suggests_near_misses_only() {
        let allowed = ["first_step_pain", "night_pain", "fever"];
        assert_eq!(
            closest("first_steps_pain", allowed.iter().copied()),
            Some("first_step_pain")
        );
        assert_eq!(
            closest("First-Step-Pain", allowed.iter().copied()),
            Some("first_step_pain")
        );
        assert_eq!(closest("completely_else", allowed.iter().copied()), None);
    }

    #[test]
    fn messages_name_the_field() {
        let e = Error::OutOfRange {
            field: "answers.age".into(),
            value: "300".into(),
            allowed: "0 to 120 years".into(),
        };
        assert_eq!(
            e.to_string(),
            "answers.age: 300 is out of range; allowed: 0 to 120 years"
        );
        assert_eq!(e.code(), "out_of_range");
    }

    #[test]
    fn long_strings_are_truncated_in_messages() {
        let long = "x".repeat(500);
        let e = Error::unknown_id("setting", "setting".into(), &long, ["a"].into_iter());
        assert!(e.to_string().len() < 200, "{e}");
    }
}
