//! `differential_testing`: two Rust functions that must agree with a Python reference
//! (`python/reference.py`) on every input, and the Hypothesis properties that say so.

pub mod shipped;

use std::collections::BTreeSet;

use pyo3::prelude::*;

/// Run-length encoding: `runs([3, 3, 1])` is `[(3, 2), (1, 1)]`.
#[pyfunction]
fn runs(data: Vec<i64>) -> Vec<(i64, usize)> {
    data.chunk_by(|a, b| a == b).map(|run| (run[0], run.len())).collect()
}

/// The distinct values, each where it first appears: `unique([2, 1, 2])` is `[2, 1]`.
#[pyfunction]
fn unique(data: Vec<i64>) -> Vec<i64> {
    let mut seen = BTreeSet::new();
    data.into_iter().filter(|value| seen.insert(*value)).collect()
}

/// The module Python imports as `differential_testing`.
#[pymodule]
pub fn differential_testing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(runs, m)?)?;
    m.add_function(wrap_pyfunction!(unique, m)?)?;
    Ok(())
}
