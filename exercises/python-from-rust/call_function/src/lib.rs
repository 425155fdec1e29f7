//! Exercise `call_function`: ask Python to do three small jobs for the office.
//!
//! Run `cargo xtask check call_function` after each edit.

use pyo3::prelude::*;
use pyo3::types::PyString;

// ANCHOR: exercise
/// Returns `name` for the fax cover page: without the spaces around it (Python's
/// `str.strip`), in upper case (Python's `str.upper`). Both are methods of the Python
/// string: the check hands over a `str` that notes which of its methods ran.
///
/// # Errors
/// Any exception Python raises.
pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {
    // TODO: call the two `str` methods, one on the result of the other
    // (`call_method0("...")` calls a method with no arguments), then `extract()` a String.
    let _ = name;
    todo!("name.strip().upper(), called in Python")
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

/// Applies the office's discount `rule` to `price` and returns the discounted price. The
/// rule is any Python callable the caller hands over: a function, a lambda, an object
/// with `__call__`. A rule that raises makes this return the same exception.
///
/// # Errors
/// The exception the rule raised, or a `TypeError` when it does not return a number.
pub fn apply_discount(rule: &Bound<'_, PyAny>, price: f64) -> PyResult<f64> {
    // TODO: call `rule` with the price as its one argument, and turn what it returns
    // into an `f64`. `?` lets the rule's exception through, unchanged.
    let _ = (rule, price);
    todo!("call the discount rule with the price")
}
// ANCHOR_END: exercise
