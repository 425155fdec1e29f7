//! Exercise `import_and_eval`: three ways to run Python that is not yours.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt};
use std::collections::BTreeMap;
use std::ffi::CStr;

/// `json.dumps(sales, sort_keys=True)`.
pub fn sales_json(py: Python<'_>, sales: &BTreeMap<String, i64>) -> PyResult<String> {
    let dumps = py.import("json")?.getattr("dumps")?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("sort_keys", true)?;
    let text = dumps.call((sales,), Some(&kwargs))?;
    text.extract::<String>()
}

/// The expression's value with `sales` bound.
pub fn commission(py: Python<'_>, expression: &CStr, sales: i64) -> PyResult<i64> {
    let locals = PyDict::new(py);
    locals.set_item("sales", sales)?;
    let value = py.eval(expression, None, Some(&locals))?;
    let number = value.cast::<PyInt>()?;
    number.extract()
}

/// The statements' `memo`.
pub fn write_memo(py: Python<'_>, statements: &CStr) -> PyResult<Vec<String>> {
    let scope = PyDict::new(py);
    py.run(statements, None, Some(&scope))?;
    // Indexing a dict raises `KeyError: 'memo'` by itself.
    scope.as_any().get_item("memo")?.extract()
}
