//! Solution of `call_function`: ask Python to do three small jobs for the office.
//!
//! Run `cargo xtask check call_function` after each edit.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyModule, PyTuple};
use pyo3::types::PyString;

// ANCHOR: solution
/// Returns `name` for the fax cover page: without the spaces around it (Python's
/// `str.strip`), in upper case (Python's `str.upper`). Both are methods of the Python
/// string: the check hands over a `str` that notes which of its methods ran.
///
/// # Errors
/// Any exception Python raises.
pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {
    let stripped = name.getattr("strip")?.call0()?;
    let upper = stripped.getattr("upper")?.call0()?;
    let text: String = upper.extract()?;
    Ok(text)
}

/// Returns the sum of `sales`, computed by Python's builtin `sum`.
///
/// # Errors
/// Any exception Python raises.
pub fn total_sales(py: Python<'_>, sales: Vec<i64>) -> PyResult<i64> {
    let sum = PyModule::import(py, "builtins")?.getattr("sum")?;
    let list = PyList::new(py, &sales)?;
    sum.call((list,), None)?.extract::<i64>()
}

/// Applies the office's discount `rule` to `price` and returns the discounted price. The
/// rule is any Python callable the caller hands over: a function, a lambda, an object
/// with `__call__`. A rule that raises makes this return the same exception.
///
/// # Errors
/// The exception the rule raised, or a `TypeError` when it does not return a number.
pub fn apply_discount(rule: &Bound<'_, PyAny>, price: f64) -> PyResult<f64> {
    let args = PyTuple::new(py_of(rule), [price])?;
    match rule.call(args, None) {
        Ok(value) => value.extract::<f64>(),
        Err(err) => Err(err),
    }
}
// ANCHOR_END: solution

fn py_of<'py>(object: &Bound<'py, PyAny>) -> Python<'py> {
    object.py()
}
