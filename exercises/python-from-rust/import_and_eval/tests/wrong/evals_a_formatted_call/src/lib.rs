//! Exercise `import_and_eval`: three ways to run Python that is not yours: import a
//! module, evaluate an expression, run statements.
//!
//! Run `cargo xtask check import_and_eval` after each edit.

use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict};
use std::collections::BTreeMap;
use std::ffi::CStr;

// ANCHOR: solution
/// The sales figures as JSON text with sorted keys, written by Python's `json.dumps`
/// (`json.dumps(sales, sort_keys=True)`).
///
/// # Errors
/// Any exception Python raises.
pub fn sales_json(py: Python<'_>, sales: &BTreeMap<String, i64>) -> PyResult<String> {
    let call = std::ffi::CString::new(format!("__import__('json').dumps({sales:?}, sort_keys=True)"))?;
    py.eval(&call, None, None)?.extract()
}

/// The value of the Python `expression` with the name `sales` bound to `sales`, e.g. a
/// commission rule such as `sales * 3 // 100`.
///
/// # Errors
/// The expression's exception (`NameError`, `SyntaxError`, ...), or a `TypeError` when
/// its value is not an integer.
pub fn commission(py: Python<'_>, expression: &CStr, sales: i64) -> PyResult<i64> {
    let locals = [("sales", sales)].into_py_dict(py)?;
    py.eval(expression, None, Some(&locals))?.extract()
}

/// Runs the Python `statements`, which must leave a list of strings in the variable
/// `memo`, and returns that list.
///
/// # Errors
/// The statements' exception, or a `KeyError` when they define no `memo`.
pub fn write_memo(py: Python<'_>, statements: &CStr) -> PyResult<Vec<String>> {
    let locals = PyDict::new(py);
    py.run(statements, None, Some(&locals))?;
    match locals.get_item("memo")? {
        Some(memo) => memo.extract(),
        None => Err(pyo3::exceptions::PyKeyError::new_err("the statements define no `memo`")),
    }
}
// ANCHOR_END: solution
