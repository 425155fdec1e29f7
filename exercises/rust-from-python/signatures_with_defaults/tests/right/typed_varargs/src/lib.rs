//! `signatures_with_defaults`: Python-style signatures for Rust functions.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

// ANCHOR: solution
/// Describes an order: `order_paper(3)` is `"3 reams of white paper"`; `rush=True` (a
/// keyword-only argument) adds `", rush delivery"`.
#[pyfunction]
#[pyo3(signature = (reams, color = "white", *, rush = false))]
fn order_paper(reams: u32, color: &str, rush: bool) -> String {
    let mut order = format!("{reams} reams of {color} paper");
    if rush {
        order.push_str(", rush delivery");
    }
    order
}

/// A memo, with `*lines` converted to a `Vec<String>` and `**headers` to a `HashMap` by
/// PyO3 itself.
#[pyfunction]
#[pyo3(signature = (*lines, **headers))]
fn memo(lines: Vec<String>, headers: Option<std::collections::HashMap<String, String>>) -> String {
    let mut headers: Vec<(String, String)> = headers.unwrap_or_default().into_iter().collect();
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    let mut text = String::new();
    for (key, value) in headers {
        text += &format!("{key}: {value}\n");
    }
    text += &lines.join("\n");
    text.trim_end_matches('\n').to_string()
}
// ANCHOR_END: solution

/// The module Python imports as `signatures_with_defaults`.
#[pymodule]
pub fn signatures_with_defaults(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_paper, m)?)?;
    m.add_function(wrap_pyfunction!(memo, m)?)?;
    Ok(())
}
