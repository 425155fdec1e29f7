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
fn sheets(py: Python<'_>, reams: u64) -> PyResult<u64> {
    let source = std::ffi::CString::new(format!("{reams} * 500")).expect("no NUL in a number");
    py.eval(&source, None, None)?.extract()
}

/// The module Python imports as `hello_module`.
#[pymodule]
fn hello_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(greet, m)?)?;
    m.add_function(wrap_pyfunction!(sheets, m)?)?;
    Ok(())
}
// ANCHOR_END: solution
