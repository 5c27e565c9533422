//! `heel_core::batch` for Python: `_score_columns`, the batch path behind
//! `assess_frame`. Columns arrive as raw buffers (float64 numbers, int32
//! codes) with small dictionaries of Python values; results go back as raw
//! buffers that `_frame.py` wraps as Arrow arrays without a per-row object.

use heel_core::batch::{Column, Value, Values, score_columns};
use heel_core::{Condition, TriageLevel};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::error::{self, Input};

/// One column as Python hands it over.
enum Owned {
    Numbers(Vec<f64>),
    Coded(Vec<i32>, Vec<OwnedValue>),
}

enum OwnedValue {
    Missing,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<String>),
}

fn value(v: &Bound<'_, PyAny>, column: &str) -> PyResult<OwnedValue> {
    if v.is_none() {
        Ok(OwnedValue::Missing)
    } else if v.is_instance_of::<PyBool>() {
        Ok(OwnedValue::Bool(v.extract()?))
    } else if v.is_instance_of::<PyInt>() || v.is_instance_of::<PyFloat>() {
        Ok(OwnedValue::Number(v.extract()?))
    } else if v.is_instance_of::<PyString>() {
        Ok(OwnedValue::Text(v.extract()?))
    } else if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        Ok(OwnedValue::List(v.extract()?))
    } else {
        Err(PyValueError::new_err(format!(
            "column {column:?}: cannot read a value of type {}",
            v.get_type().name()?
        )))
    }
}

fn f64s(bytes: &[u8]) -> Vec<f64> {
    bytes
        .chunks_exact(8)
        .map(|b| f64::from_ne_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
        .collect()
}

fn i32s(bytes: &[u8]) -> Vec<i32> {
    bytes
        .chunks_exact(4)
        .map(|b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// What `_score_columns` returns (see there).
type Scored<'py> = (
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Vec<&'static str>,
    Vec<&'static str>,
);

/// Scores `rows` assessments given as columns. Each column is
/// `(name, numbers_bytes, None)` (float64, NaN unknown) or
/// `(name, codes_bytes, dictionary)` (int32 codes, negative unknown).
/// Returns `(probabilities, top_probability, top, triage, condition_ids,
/// level_ids)`: float64 bytes, one column of rows per cause in catalog order;
/// float64 bytes of the top cause's probability; uint8 bytes of the top
/// cause's index into `condition_ids`; uint8 bytes of the triage level's
/// index into `level_ids`.
///
/// Raises `InvalidAssessmentError` for the first invalid row, with its
/// position in `index`.
#[pyfunction]
#[pyo3(signature = (columns, rows, /))]
// pyo3 hands extracted arguments over by value.
#[allow(clippy::needless_pass_by_value)]
pub(crate) fn _score_columns<'py>(
    py: Python<'py>,
    columns: Vec<(String, Bound<'py, PyBytes>, Option<Bound<'py, PyList>>)>,
    rows: usize,
) -> PyResult<Scored<'py>> {
    let mut owned: Vec<(String, Owned)> = Vec::with_capacity(columns.len());
    for (name, data, dictionary) in &columns {
        let column = match dictionary {
            None => Owned::Numbers(f64s(data.as_bytes())),
            Some(d) => {
                let entries = d
                    .iter()
                    .map(|v| value(&v, name))
                    .collect::<PyResult<Vec<_>>>()?;
                Owned::Coded(i32s(data.as_bytes()), entries)
            }
        };
        owned.push((name.clone(), column));
    }
    let result = py.detach(|| {
        let dictionaries: Vec<Vec<Value<'_>>> = owned
            .iter()
            .map(|(_, c)| match c {
                Owned::Numbers(_) => Vec::new(),
                Owned::Coded(_, entries) => entries
                    .iter()
                    .map(|e| match e {
                        OwnedValue::Missing => Value::Missing,
                        OwnedValue::Bool(b) => Value::Bool(*b),
                        OwnedValue::Number(x) => Value::Number(*x),
                        OwnedValue::Text(s) => Value::Text(s),
                        OwnedValue::List(items) => {
                            Value::List(items.iter().map(String::as_str).collect())
                        }
                    })
                    .collect(),
            })
            .collect();
        let cols: Vec<Column<'_>> = owned
            .iter()
            .zip(&dictionaries)
            .map(|((name, c), dictionary)| {
                Column::new(
                    name,
                    match c {
                        Owned::Numbers(xs) => Values::Numbers(xs),
                        Owned::Coded(codes, _) => Values::Coded { codes, dictionary },
                    },
                )
            })
            .collect();
        score_columns(&cols, rows)
    });
    let scores = result.map_err(|e| error::to_py(py, Input::Assessment, &e.error, Some(e.row)))?;
    let n = scores.rows();
    // Column by column, so each probability column is one slice of the buffer.
    let mut probabilities: Vec<u8> = Vec::with_capacity(n * Condition::COUNT * 8);
    for c in 0..Condition::COUNT {
        for r in 0..n {
            probabilities.extend_from_slice(&scores.probabilities(r)[c].to_ne_bytes());
        }
    }
    let top_probability: Vec<u8> = (0..n).flat_map(|r| scores.top(r).1.to_ne_bytes()).collect();
    let top: Vec<u8> = scores
        .top_conditions()
        .iter()
        .map(|c| index_u8(c.index()))
        .collect();
    let triage: Vec<u8> = scores
        .triage_levels()
        .iter()
        .map(|l| index_u8(l.index()))
        .collect();
    Ok((
        PyBytes::new(py, &probabilities),
        PyBytes::new(py, &top_probability),
        PyBytes::new(py, &top),
        PyBytes::new(py, &triage),
        Condition::ALL.iter().map(|c| c.as_str()).collect(),
        TriageLevel::ALL.iter().map(|l| l.as_str()).collect(),
    ))
}

/// Condition and level indexes fit a byte (27 causes, 4 levels).
fn index_u8(i: usize) -> u8 {
    const _: () = assert!(Condition::COUNT <= 256 && TriageLevel::COUNT <= 256);
    u8::try_from(i).unwrap_or(u8::MAX)
}
