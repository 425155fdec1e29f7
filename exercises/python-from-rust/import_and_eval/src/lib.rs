//! Exercise `import_and_eval`: three ways to run Python that is not yours: import a
//! module, evaluate an expression, run statements.
//!
//! Run `cargo xtask check import_and_eval` after each edit.

use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::ffi::CStr;

// ANCHOR: exercise
/// The sales figures as JSON text with sorted keys, written by Python's `json.dumps`
/// (`json.dumps(sales, sort_keys=True)`).
///
/// # Errors
/// Any exception Python raises.
pub fn sales_json(py: Python<'_>, sales: &BTreeMap<String, i64>) -> PyResult<String> {
    // TODO: import `json` and call its `dumps` method with `sales` as the positional
    // argument and `sort_keys=True` as a keyword argument (`call_method`).
    todo!("json.dumps(sales, sort_keys=True)")
}

/// The value of the Python `expression` with the name `sales` bound to `sales`, e.g. a
/// commission rule such as `sales * 3 // 100`.
///
/// # Errors
/// The expression's exception (`NameError`, `SyntaxError`, ...), or a `TypeError` when
/// its value is not an integer.
pub fn commission(py: Python<'_>, expression: &CStr, sales: i64) -> PyResult<i64> {
    // TODO: evaluate `expression` with `py.eval`, giving it a locals dict in which
    // `sales` is bound (`into_py_dict`), and extract the integer.
    todo!("evaluate the commission rule")
}

/// Runs the Python `statements`, which must leave a list of strings in the variable
/// `memo`, and returns that list.
///
/// # Errors
/// The statements' exception, or a `KeyError` when they define no `memo`.
pub fn write_memo(py: Python<'_>, statements: &CStr) -> PyResult<Vec<String>> {
    // TODO: run the statements with `py.run` and an empty locals dict (`PyDict::new`),
    // then read `memo` out of it (`get_item`). No `memo`: a `PyKeyError`.
    todo!("run the statements and read `memo`")
}
// ANCHOR_END: exercise
