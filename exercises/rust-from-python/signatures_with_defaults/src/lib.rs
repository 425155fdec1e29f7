//! `signatures_with_defaults`: Python-style signatures for Rust functions.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

// ANCHOR: exercise
/// Describes an order: `order_paper(3)` is `"3 reams of white paper"`; `rush=True` (a
/// keyword-only argument) adds `", rush delivery"`.
// TODO: give `color` the default "white", and make `rush` keyword-only with the default
// false, with a `#[pyo3(signature = ...)]` attribute.
#[pyfunction]
fn order_paper(reams: u32, color: &str, rush: bool) -> String {
    let delivery = if rush { ", rush delivery" } else { "" };
    format!("{reams} reams of {color} paper{delivery}")
}

/// A memo: one `key: value` header line per keyword argument, sorted by key, then the
/// positional arguments, one per line.
// TODO: accept any number of positional arguments (`*lines`) and keyword arguments
// (`**headers`).
#[pyfunction]
fn memo(lines: &Bound<'_, PyTuple>, headers: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    todo!("write the memo from {lines} and {headers:?}")
}
// ANCHOR_END: exercise

/// The module Python imports as `signatures_with_defaults`.
#[pymodule]
pub fn signatures_with_defaults(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_paper, m)?)?;
    m.add_function(wrap_pyfunction!(memo, m)?)?;
    Ok(())
}
