//! Exercise `call_function`: ask Python to do two small jobs for the office.
//!
//! Run `cargo xtask check call_function` after each edit.

use pyo3::prelude::*;
use pyo3::types::PyString;

// ANCHOR: exercise
/// Returns `name` in upper case, as Python's `str.upper` writes it, for the fax cover page.
///
/// # Errors
/// Any exception Python raises.
pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {
    // TODO: the cover page wants capitals. Call the right `str` method.
    name.call_method0("lower")?.extract()
}

/// Returns the sum of `sales`, computed by Python's builtin `sum`.
///
/// # Errors
/// Any exception Python raises.
pub fn total_sales(py: Python<'_>, sales: Vec<i64>) -> PyResult<i64> {
    // TODO: import the `builtins` module, get its `sum`, call it with one argument.
    let _ = (py, sales);
    todo!("call Python's builtins.sum")
}
// ANCHOR_END: exercise
