//! `differential_testing`: two Rust functions that must agree with a Python reference
//! (`python/reference.py`) on every input, and the Hypothesis properties that say so.

pub mod shipped;

use pyo3::prelude::*;
use std::collections::HashSet;

// ANCHOR: solution
/// Run-length encoding: `runs([3, 3, 1])` is `[(3, 2), (1, 1)]`. Each value either
/// extends the last run or starts a new one, so the last run is never left behind.
#[allow(dead_code)]
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
fn unique(data: Vec<i64>) -> Vec<i64> {
    let mut seen = HashSet::new();
    data.into_iter().filter(|value| seen.insert(*value)).collect()
}
// ANCHOR_END: solution

/// The module Python imports as `differential_testing`.
#[pymodule]
pub fn differential_testing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // runs is Python, defined at import in the module's namespace.
    m.py().run(
        c"import itertools\ndef runs(data):\n    return [(value, len(list(group))) for value, group in itertools.groupby(data)]\n",
        Some(&m.dict()),
        None,
    )?;
    m.add_function(wrap_pyfunction!(unique, m)?)?;
    Ok(())
}
