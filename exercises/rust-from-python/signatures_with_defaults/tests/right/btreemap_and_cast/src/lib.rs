//! `signatures_with_defaults`: Python-style signatures for Rust functions.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

// ANCHOR: solution
/// Describes an order: `order_paper(3)` is `"3 reams of white paper"`; `rush=True` (a
/// keyword-only argument) adds `", rush delivery"`.
#[pyfunction]
#[pyo3(signature = (reams, color="white", *, rush=false))]
fn order_paper(reams: u32, color: &str, rush: bool) -> String {
    match rush {
        true => format!("{reams} reams of {color} paper, rush delivery"),
        false => format!("{reams} reams of {color} paper"),
    }
}

/// A memo: the headers through a `BTreeMap` (sorted by key), then the lines, each cast
/// to a `PyString`.
#[pyfunction]
#[pyo3(signature = (*lines, **headers))]
fn memo(lines: &Bound<'_, PyTuple>, headers: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let sorted: std::collections::BTreeMap<String, String> = match headers {
        Some(dict) => dict.extract()?,
        None => Default::default(),
    };
    let header_lines = sorted.iter().map(|(key, value)| format!("{key}: {value}"));
    let body = lines
        .iter()
        .map(|line| Ok(line.cast::<pyo3::types::PyString>()?.to_str()?.to_owned()))
        .collect::<PyResult<Vec<String>>>()?;
    Ok(header_lines.chain(body).collect::<Vec<_>>().join("\n"))
}
// ANCHOR_END: solution

/// The module Python imports as `signatures_with_defaults`.
#[pymodule]
pub fn signatures_with_defaults(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_paper, m)?)?;
    m.add_function(wrap_pyfunction!(memo, m)?)?;
    Ok(())
}
