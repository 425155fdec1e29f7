//! The functions as release 1.0 shipped them, bugs included, and bugs planted on purpose.
//! This file is given: the check runs your properties against these, to see that the
//! properties find bugs, and against your fixed functions in `lib.rs`, to see that they pass.

use pyo3::prelude::*;

/// `runs` as it shipped: a last run of length one is lost (`[0]` gives `[]`).
#[pyfunction]
pub fn shipped_runs(data: Vec<i64>) -> Vec<(i64, usize)> {
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

/// `unique` as it shipped: sorted, so the order of first appearance is lost.
#[pyfunction]
pub fn shipped_unique(mut data: Vec<i64>) -> Vec<i64> {
    data.sort_unstable();
    data.dedup();
    data
}

/// A right run-length encoding.
fn right_runs(data: &[i64]) -> Vec<(i64, usize)> {
    let mut out: Vec<(i64, usize)> = Vec::new();
    for &value in data {
        match out.last_mut() {
            Some((last, count)) if *last == value => *count += 1,
            _ => out.push((value, 1)),
        }
    }
    out
}

/// `runs` with a planted bug: a run longer than `cap` is counted as `cap`.
#[pyfunction]
pub fn planted_runs(data: Vec<i64>, cap: usize) -> Vec<(i64, usize)> {
    right_runs(&data).into_iter().map(|(value, count)| (value, count.min(cap))).collect()
}

/// `unique` with a planted bug: only the first `keep` distinct values are kept.
#[pyfunction]
pub fn planted_unique(data: Vec<i64>, keep: usize) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for value in data {
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out.truncate(keep);
    out
}

/// These functions as a Python module, for the check (`import shipped`).
#[pymodule]
pub fn shipped(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(shipped_runs, m)?)?;
    m.add_function(wrap_pyfunction!(shipped_unique, m)?)?;
    m.add_function(wrap_pyfunction!(planted_runs, m)?)?;
    m.add_function(wrap_pyfunction!(planted_unique, m)?)?;
    Ok(())
}
