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
fn sheets(reams: u64) -> u64 {
    reams * 500
}

/// The module Python imports as `hello_module`.
#[pymodule]
fn hello_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sheets, m)?)?;
    m.add_function(wrap_pyfunction!(sheets, m)?)?;
    Ok(())
}
// ANCHOR_END: solution
