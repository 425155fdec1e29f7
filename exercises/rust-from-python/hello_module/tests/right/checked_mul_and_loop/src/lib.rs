//! `hello_module`: the office's first Python module written in Rust.

use pyo3::prelude::*;

// ANCHOR: solution
/// Greets a new employee: `greet("Pam")` is `"Hello, Pam! Welcome to Dunder Mifflin."`.
#[pyfunction]
fn greet(name: &str) -> String {
    format!("Hello, {name}! Welcome to Dunder Mifflin.")
}

/// The number of sheets in `reams` reams of paper (500 sheets a ream).
#[pyfunction]
fn sheets(reams: u64) -> PyResult<u64> {
    reams
        .checked_mul(500)
        .ok_or_else(|| pyo3::exceptions::PyOverflowError::new_err("more sheets than a u64 holds"))
}

/// The module Python imports as `hello_module`.
#[pymodule]
fn hello_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for function in [wrap_pyfunction!(greet, m)?, wrap_pyfunction!(sheets, m)?] {
        m.add_function(function)?;
    }
    Ok(())
}
// ANCHOR_END: solution
