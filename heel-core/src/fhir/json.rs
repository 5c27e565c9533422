//! The JSON heel writes its resources in: a small tree whose objects keep
//! their keys in the order they were written (`resourceType` and `id` first,
//! then as FHIR lists the elements). It costs far less code than
//! `serde_json::Value` (no map), which keeps the WebAssembly module small
//! (about 12 KB gzipped less); the Rust API turns it into a `Value` on
//! request.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON value. (FHIR has no `null`: absent elements are left out.)
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Bool(bool),
    Number(f64),
    String(Cow<'static, str>),
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    /// Adds a field to an object (does nothing to other values).
    pub(crate) fn push(&mut self, key: &'static str, value: impl Into<Json>) {
        if let Json::Object(fields) = self {
            fields.push((key, value.into()));
        }
    }
}

/// An object with these fields, in this order.
pub(crate) fn object(fields: Vec<(&'static str, Json)>) -> Json {
    Json::Object(fields)
}

impl From<bool> for Json {
    fn from(v: bool) -> Self {
        Json::Bool(v)
    }
}

impl From<f64> for Json {
    fn from(v: f64) -> Self {
        Json::Number(v)
    }
}

impl From<&'static str> for Json {
    fn from(v: &'static str) -> Self {
        Json::String(Cow::Borrowed(v))
    }
}

impl From<String> for Json {
    fn from(v: String) -> Self {
        Json::String(Cow::Owned(v))
    }
}

impl From<Cow<'static, str>> for Json {
    fn from(v: Cow<'static, str>) -> Self {
        Json::String(v)
    }
}

impl From<Vec<Json>> for Json {
    fn from(v: Vec<Json>) -> Self {
        Json::Array(v)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Bool(v) => s.serialize_bool(*v),
            Json::Number(v) => s.serialize_f64(*v),
            Json::String(v) => s.serialize_str(v),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Json::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}
