//! A small, bounded document tree that any serde deserializer (JSON text,
//! a Python dict, a JavaScript object) can be read into before validation.
//!
//! Unlike `serde_json::Value` it keeps repeated object keys, so "answered
//! twice" can be reported, and it enforces size limits while reading, so a
//! hostile input cannot exhaust memory or the stack.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::Error;

use crate::limits::{MAX_DEPTH, MAX_ENTRIES, MAX_STRING, MAX_TEXT, MAX_VALUES};

/// The size limits a reader enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Deepest nesting accepted.
    pub(crate) depth: usize,
    /// Most entries accepted in one object or array.
    pub(crate) entries: usize,
    /// Longest string or key accepted, in bytes.
    pub(crate) string: usize,
    /// Longest JSON text accepted, in bytes.
    pub(crate) text: usize,
}

/// The limits for heel's own documents (assessments, options).
pub(crate) const DOCUMENT: Limits = Limits {
    depth: MAX_DEPTH,
    entries: MAX_ENTRIES,
    string: MAX_STRING,
    text: MAX_TEXT,
};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Doc {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Doc>),
    Object(Vec<(String, Doc)>),
}

impl Doc {
    /// The JSON type name, for "expected X, found Y" messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Doc::Null => "null",
            Doc::Bool(_) => "a boolean",
            Doc::Number(_) => "a number",
            Doc::String(_) => "a string",
            Doc::Array(_) => "an array",
            Doc::Object(_) => "an object",
        }
    }
}

/// What went wrong while reading, beyond the deserializer's own message.
#[derive(Default)]
pub(crate) struct ReadState {
    /// A size limit that was exceeded: (field path, which limit).
    limit: RefCell<Option<(String, String)>>,
    /// The innermost field being read when the reader failed.
    failed_at: RefCell<Option<String>>,
    /// How many values have been read so far, in the whole document.
    values: std::cell::Cell<usize>,
}

/// Reads a [`Doc`] from any deserializer, recording a size-limit violation
/// in `hit` before failing.
pub(crate) struct DocSeed<'a> {
    pub(crate) depth: usize,
    pub(crate) path: String,
    pub(crate) hit: &'a ReadState,
    pub(crate) limits: &'a Limits,
}

impl DocSeed<'_> {
    fn fail<E: de::Error>(&self, limit: String) -> E {
        let msg = format!("{}: too large: {limit}", self.path);
        *self.hit.limit.borrow_mut() = Some((self.path.clone(), limit));
        E::custom(msg)
    }

    fn child(&self, segment: &str) -> DocSeed<'_> {
        let path = child_path(&self.path, segment);
        DocSeed {
            depth: self.depth + 1,
            path,
            hit: self.hit,
            limits: self.limits,
        }
    }
}

/// The path of a field (`segment`) or array element (`[i]`) inside `parent`.
pub(crate) fn child_path(parent: &str, segment: &str) -> String {
    if parent.is_empty() {
        segment.to_owned()
    } else if segment.starts_with('[') {
        format!("{parent}{segment}")
    } else {
        format!("{parent}.{segment}")
    }
}

impl<'de> DeserializeSeed<'de> for DocSeed<'_> {
    type Value = Doc;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Doc, D::Error> {
        if self.depth > self.limits.depth {
            let max = self.limits.depth;
            return Err(self.fail(format!("nested more than {max} levels deep")));
        }
        // A host value can share one list among many places (or hold itself):
        // without a total, reading one could take for ever within the other limits.
        let read = self.hit.values.get() + 1;
        if read > MAX_VALUES {
            return Err(self.fail(format!("more than {MAX_VALUES} values in all")));
        }
        self.hit.values.set(read);
        let (path, state) = (self.path.clone(), self.hit);
        d.deserialize_any(self).inspect_err(|_| {
            // The innermost value fails first; outer values keep its path.
            state.failed_at.borrow_mut().get_or_insert(path);
        })
    }
}

impl<'de> Visitor<'de> for DocSeed<'_> {
    type Value = Doc;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Doc, E> {
        Ok(Doc::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Doc, E> {
        Ok(Doc::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Doc, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Doc, E> {
        Ok(Doc::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Doc, E> {
        Ok(Doc::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Doc, E> {
        Ok(Doc::Number(v as f64))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Doc, E> {
        Ok(Doc::Number(v as f64))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Doc, E> {
        Ok(Doc::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Doc, E> {
        Ok(Doc::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Doc, E> {
        if v.len() > self.limits.string {
            let max = self.limits.string;
            return Err(self.fail(format!("a string longer than {max} bytes")));
        }
        Ok(Doc::String(v.to_owned()))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Doc, E> {
        Err(E::custom(format!(
            "{}: bytes are not accepted; use a string",
            self.path
        )))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Doc, A::Error> {
        let mut items = Vec::new();
        loop {
            let seed = self.child(&format!("[{}]", items.len()));
            match seq.next_element_seed(seed)? {
                // The limit applies to the entry past it: exactly 512 is allowed.
                Some(_) if items.len() == self.limits.entries => {
                    let max = self.limits.entries;
                    return Err(self.fail(format!("more than {max} entries")));
                }
                Some(v) => items.push(v),
                None => break,
            }
        }
        Ok(Doc::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Doc, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed(self.limits.string))? {
            if entries.len() == self.limits.entries {
                let max = self.limits.entries;
                return Err(self.fail(format!("more than {max} entries")));
            }
            let key = key.0;
            if key.len() > self.limits.string {
                let max = self.limits.string;
                return Err(self.fail(format!("a key longer than {max} bytes")));
            }
            let value = map.next_value_seed(self.child(&key))?;
            entries.push((key, value));
        }
        Ok(Doc::Object(entries))
    }
}

/// An object key: a string, or a number or boolean turned into its text
/// (some hosts allow non-string keys).
struct KeyString(String);

/// Reads a [`KeyString`], keeping at most one character more than the limit
/// (enough to tell that the key is too long).
struct KeySeed(usize);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = KeyString;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<KeyString, D::Error> {
        d.deserialize_any(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = KeyString;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyString, E> {
        Ok(KeyString(v.chars().take(self.0 + 1).collect()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyString, E> {
        Ok(KeyString(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyString, E> {
        Ok(KeyString(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyString, E> {
        Ok(KeyString(v.to_string()))
    }
}

fn limit_error(hit: &ReadState) -> Option<Error> {
    hit.limit
        .borrow()
        .clone()
        .map(|(field, limit)| Error::TooLarge { field, limit })
}

/// serde_json appends " at line L column C"; the error carries those separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Reads JSON text into a [`Doc`], enforcing the [`DOCUMENT`] limits.
pub(crate) fn from_json(text: &str) -> Result<Doc, Error> {
    from_json_with(text, &DOCUMENT)
}

/// Reads JSON text into a [`Doc`], enforcing `limits`.
pub(crate) fn from_json_with(text: &str, limits: &Limits) -> Result<Doc, Error> {
    if text.len() > limits.text {
        return Err(Error::TooLarge {
            field: String::new(),
            limit: format!("a document longer than {} bytes", limits.text),
        });
    }
    let hit = ReadState::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = DocSeed {
        depth: 0,
        path: String::new(),
        hit: &hit,
        limits,
    }
    .deserialize(&mut de)
    .and_then(|d| de.end().map(|()| d));
    parsed.map_err(|e| {
        limit_error(&hit).unwrap_or_else(|| {
            let message = strip_position(&e.to_string());
            if message == NUMBER_OUT_OF_RANGE {
                // Well-formed JSON, but a number no f64 can hold: a value
                // error at the field being read, as a binding reports a
                // host integer that is too wide.
                return Error::number_too_large(hit.failed_at.borrow().clone().unwrap_or_default());
            }
            Error::InvalidDocument {
                field: String::new(),
                message,
                line: e.line(),
                column: e.column(),
            }
        })
    })
}

/// serde_json's message for a number beyond the f64 range (`1e400`).
const NUMBER_OUT_OF_RANGE: &str = "number out of range";

/// Reads any serde deserializer into a [`Doc`], enforcing the [`DOCUMENT`] limits.
pub(crate) fn from_deserializer<'de, D: Deserializer<'de>>(d: D) -> Result<Doc, Error> {
    from_deserializer_with(d, &DOCUMENT)
}

/// Reads any serde deserializer into a [`Doc`], enforcing `limits`.
pub(crate) fn from_deserializer_with<'de, D: Deserializer<'de>>(
    d: D,
    limits: &Limits,
) -> Result<Doc, Error> {
    let hit = ReadState::default();
    let seed = DocSeed {
        depth: 0,
        path: String::new(),
        hit: &hit,
        limits,
    };
    seed.deserialize(d).map_err(|e| {
        limit_error(&hit).unwrap_or_else(|| Error::InvalidDocument {
            field: hit.failed_at.borrow().clone().unwrap_or_default(),
            message: e.to_string(),
            line: 0,
            column: 0,
        })
    })
}

/// Checks a [`Doc`] already read (under other limits) against `limits`,
/// with the error the reader would have given.
pub(crate) fn check(d: &Doc, limits: &Limits) -> Result<(), Error> {
    check_at(d, limits, 0, "")
}

fn check_at(d: &Doc, limits: &Limits, depth: usize, path: &str) -> Result<(), Error> {
    let too_large = |limit: String| {
        Err(Error::TooLarge {
            field: path.to_owned(),
            limit,
        })
    };
    if depth > limits.depth {
        return too_large(format!("nested more than {} levels deep", limits.depth));
    }
    match d {
        Doc::String(s) if s.len() > limits.string => {
            too_large(format!("a string longer than {} bytes", limits.string))
        }
        Doc::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                if i == limits.entries {
                    return too_large(format!("more than {} entries", limits.entries));
                }
                check_at(v, limits, depth + 1, &child_path(path, &format!("[{i}]")))?;
            }
            Ok(())
        }
        Doc::Object(entries) => {
            for (i, (key, v)) in entries.iter().enumerate() {
                if i == limits.entries {
                    return too_large(format!("more than {} entries", limits.entries));
                }
                if key.len() > limits.string {
                    return too_large(format!("a key longer than {} bytes", limits.string));
                }
                check_at(v, limits, depth + 1, &child_path(path, key))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Doc, (String, Option<(String, String)>)> {
        let hit = ReadState::default();
        let mut de = serde_json::Deserializer::from_str(text);
        let seed = DocSeed {
            depth: 0,
            path: String::new(),
            hit: &hit,
            limits: &DOCUMENT,
        };
        seed.deserialize(&mut de)
            .map_err(|e| (e.to_string(), hit.limit.borrow().clone()))
    }

    #[test]
    fn keeps_repeated_keys() {
        let doc = read(r#"{"a": 1, "a": 2}"#).unwrap();
        let Doc::Object(entries) = doc else {
            panic!("not an object")
        };
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn rejects_deep_nesting_with_its_path() {
        let text = format!("{}{}", "[".repeat(20), "]".repeat(20));
        let (_, hit) = read(&text).unwrap_err();
        let (path, limit) = hit.expect("limit recorded");
        assert!(limit.contains("levels"), "{limit}");
        assert!(path.starts_with("[0]"), "{path}");
    }

    #[test]
    fn check_gives_the_readers_error() {
        let texts = [
            format!("{}{}", "[".repeat(20), "]".repeat(20)),
            format!(r#"{{"a": {{"k": "{}"}}}}"#, "x".repeat(MAX_STRING + 1)),
            format!(r#"{{"{}": 1}}"#, "k".repeat(MAX_STRING + 1)),
            format!("[{}0]", "0, ".repeat(MAX_ENTRIES)),
        ];
        let roomy = Limits {
            depth: 64,
            entries: 4096,
            string: 4096,
            text: MAX_TEXT,
        };
        for text in &texts {
            let strict = from_json(text).unwrap_err();
            let doc = from_json_with(text, &roomy).unwrap();
            assert_eq!(check(&doc, &DOCUMENT).unwrap_err(), strict, "{text:.40}");
            assert_eq!(check(&doc, &roomy), Ok(()));
        }
    }

    #[test]
    fn numbers_beyond_f64_are_out_of_range_at_their_field() {
        for text in [
            r#"{"answers": {"age": 1e400}}"#,
            r#"{"answers": {"age": -1e400}}"#,
            &format!(r#"{{"answers": {{"age": 1{}}}}}"#, "0".repeat(400)),
        ] {
            let e = from_json(text).unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                ("out_of_range", "answers.age"),
                "{text}"
            );
        }
        // Within range, a long integer is a number like any other.
        assert_eq!(from_json("1e300").unwrap(), Doc::Number(1e300));
    }

    #[test]
    fn allows_exactly_the_entry_limit() {
        let full = format!("[{}]", vec!["0"; MAX_ENTRIES].join(","));
        assert!(read(&full).is_ok(), "{MAX_ENTRIES} entries are allowed");
        let over = format!("[{}]", vec!["0"; MAX_ENTRIES + 1].join(","));
        let (_, hit) = read(&over).unwrap_err();
        assert_eq!(hit.unwrap().1, format!("more than {MAX_ENTRIES} entries"));
        let keys: Vec<String> = (0..MAX_ENTRIES).map(|i| format!(r#""k{i}": 0"#)).collect();
        assert!(read(&format!("{{{}}}", keys.join(","))).is_ok());
    }

    #[test]
    fn counts_every_value_of_the_document() {
        // 32 arrays of 300 values each: within the depth and entry limits.
        let inner = format!("[{}]", vec!["0"; 300].join(","));
        let text = format!("[{}]", vec![inner.as_str(); 32].join(","));
        let (_, hit) = read(&text).unwrap_err();
        let (path, limit) = hit.expect("limit recorded");
        assert_eq!(limit, format!("more than {MAX_VALUES} values in all"));
        assert!(path.starts_with('['), "{path}");
        // A document of normal size is far from it.
        assert!(read(&format!("[{inner}]")).is_ok());
    }

    #[test]
    fn rejects_long_strings() {
        let text = format!(r#"{{"k": "{}"}}"#, "x".repeat(MAX_STRING + 1));
        let (_, hit) = read(&text).unwrap_err();
        assert_eq!(hit.unwrap().0, "k");
    }
}
