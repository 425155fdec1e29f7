//! `differential_testing`: two Rust functions that must agree with a Python reference
//! (`python/reference.py`) on every input, and the Hypothesis properties that say so.

pub mod shipped;

use pyo3::prelude::*;
use pyo3::types::IntoPyDict;

// ANCHOR: solution
/// Run-length encoding: `runs([3, 3, 1])` is `[(3, 2), (1, 1)]`. Each value either
/// extends the last run or starts a new one, so the last run is never left behind.
#[pyfunction]
fn runs(data: Vec<i64>) -> Vec<(i64, usize)> {
    let mut out: Vec<(i64, usize)> = Vec::new();
    for value in data {
        match out.last_mut() {
            Some((last, count)) if *last == value => *count += 1,
            _ => out.push((value, 1)),
        }
    }
    out
}

/// The distinct values, each where it first appears: `unique([2, 1, 2])` is `[2, 1]`.
/// `HashSet::insert` is `true` the first time a value is seen, so the filter keeps order.
#[pyfunction]
fn unique<'py>(py: Python<'py>, data: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // A dict keeps its keys in the order they were first inserted.
    let locals = [("data", data)].into_py_dict(py)?;
    py.eval(c"list(dict.fromkeys(data))", None, Some(&locals))
}
// ANCHOR_END: solution

/// The module Python imports as `differential_testing`.
#[pymodule]
pub fn differential_testing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(runs, m)?)?;
    m.add_function(wrap_pyfunction!(unique, m)?)?;
    Ok(())
}
