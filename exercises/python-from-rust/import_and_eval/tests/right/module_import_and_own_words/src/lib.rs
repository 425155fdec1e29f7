//! Exercise `import_and_eval`: three ways to run Python that is not yours.

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyModule};
use std::collections::BTreeMap;
use std::ffi::CStr;

/// `json.dumps(sales, sort_keys=True)`.
pub fn sales_json(py: Python<'_>, sales: &BTreeMap<String, i64>) -> PyResult<String> {
    let json = PyModule::import(py, "json")?;
    let table = sales.iter().map(|(name, amount)| (name.as_str(), *amount)).collect::<Vec<_>>().into_py_dict(py)?;
    let options = vec![("sort_keys", true)].into_py_dict(py)?;
    json.call_method("dumps", (table,), Some(&options)).and_then(|text| text.extract())
}

/// The expression's value with `sales` bound.
pub fn commission(py: Python<'_>, expression: &CStr, sales: i64) -> PyResult<i64> {
    let names = [("sales", sales)].into_py_dict(py)?;
    py.eval(expression, None, Some(&names)).and_then(|value| value.extract::<i64>())
}

/// The statements' `memo`.
pub fn write_memo(py: Python<'_>, statements: &CStr) -> PyResult<Vec<String>> {
    let locals = PyDict::new(py);
    py.run(statements, None, Some(&locals))?;
    if let Some(memo) = locals.get_item("memo")? {
        return memo.extract();
    }
    Err(PyKeyError::new_err("memo is missing: the statements never assigned it"))
}
