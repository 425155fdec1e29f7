//! `differential_testing`: two Rust functions that must agree with a Python reference
//! (`python/reference.py`) on every input, and the Hypothesis properties that say so.

pub mod shipped;

use pyo3::prelude::*;

// ANCHOR: exercise
/// Run-length encoding: `runs([3, 3, 1])` is `[(3, 2), (1, 1)]`.
// TODO stage 2: once your property finds the bug, fix it here.
#[pyfunction]
fn runs(data: Vec<i64>) -> Vec<(i64, usize)> {
    let mut out = Vec::new();
    let mut count = 1;
    for pair in data.windows(2) {
        if pair[0] == pair[1] {
            count += 1;
        } else {
            out.push((pair[0], count));
            count = 1;
        }
    }
    if let Some(&last) = data.last()
        && count > 1
    {
        out.push((last, count));
    }
    out
}

/// The distinct values, each where it first appears: `unique([2, 1, 2])` is `[2, 1]`.
// TODO stage 3: once your second property finds the bug, fix it here.
#[pyfunction]
fn unique(mut data: Vec<i64>) -> Vec<i64> {
    data.sort_unstable();
    data.dedup();
    data
}
// ANCHOR_END: exercise

/// The module Python imports as `differential_testing`.
#[pymodule]
pub fn differential_testing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(runs, m)?)?;
    m.add_function(wrap_pyfunction!(unique, m)?)?;
    Ok(())
}
