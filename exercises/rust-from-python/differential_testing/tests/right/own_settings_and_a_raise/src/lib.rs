//! `differential_testing`: two Rust functions that must agree with a Python reference
//! (`python/reference.py`) on every input, and the Hypothesis properties that say so.

pub mod shipped;

use std::collections::HashSet;

use pyo3::prelude::*;

/// Run-length encoding: `runs([3, 3, 1])` is `[(3, 2), (1, 1)]`.
#[pyfunction]
fn runs(data: Vec<i64>) -> Vec<(i64, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < data.len() {
        let mut end = start + 1;
        while end < data.len() && data[end] == data[start] {
            end += 1;
        }
        out.push((data[start], end - start));
        start = end;
    }
    out
}

/// The distinct values, each where it first appears: `unique([2, 1, 2])` is `[2, 1]`.
#[pyfunction]
fn unique(mut data: Vec<i64>) -> Vec<i64> {
    let mut seen = HashSet::with_capacity(data.len());
    data.retain(|value| seen.insert(*value));
    data
}

/// The module Python imports as `differential_testing`.
#[pymodule]
pub fn differential_testing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(runs, m)?)?;
    m.add_function(wrap_pyfunction!(unique, m)?)?;
    Ok(())
}
