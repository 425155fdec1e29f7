//! `signatures_with_defaults`: Python-style signatures for Rust functions.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

// ANCHOR: solution
/// Describes an order: `order_paper(3)` is `"3 reams of white paper"`; `rush=True` (a
/// keyword-only argument) adds `", rush delivery"`.
#[pyfunction]
#[pyo3(signature = (reams, color = "white", *, rush = false))]
fn order_paper(reams: u32, color: &str, rush: bool) -> String {
    let delivery = if rush { ", rush delivery" } else { "" };
    format!("{reams} reams of {color} paper{delivery}")
}

/// A memo: one `key: value` header line per keyword argument, sorted by key, then the
/// positional arguments, one per line.
#[pyfunction]
#[pyo3(signature = (*lines, **headers))]
fn memo(lines: &Bound<'_, PyTuple>, headers: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let mut out = Vec::new();
    if let Some(headers) = headers {
        let mut pairs: Vec<(String, String)> = headers.extract::<std::collections::HashMap<String, String>>()?.into_iter().collect();
        pairs.sort();
        out.extend(pairs.into_iter().map(|(key, value)| format!("{key}: {value}")));
    }
    for line in lines.iter() {
        out.push(line.extract::<String>()?);
    }
    Ok(out.join("\n"))
}
// ANCHOR_END: solution

/// The module Python imports as `signatures_with_defaults`.
#[pymodule]
pub fn signatures_with_defaults(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_paper, m)?)?;
    // Written in Python, run in the module's namespace: quicker than the Rust.
    m.py().run(
        cr#"
def memo(*lines, **headers):
    for line in lines:
        if not isinstance(line, str):
            raise TypeError(f"'{type(line).__name__}' object is not an instance of 'str'")
    return "\n".join([f"{key}: {value}" for key, value in sorted(headers.items())] + list(lines))
"#,
        Some(&m.dict()),
        None,
    )?;
    Ok(())
}
