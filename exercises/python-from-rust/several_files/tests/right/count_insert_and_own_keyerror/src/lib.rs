//! several_files, in another style.

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyModule};
use std::ffi::CString;
use std::path::Path;

const RATES: &str = include_str!("../python/payroll/rates.py");
const OVERTIME: &str = include_str!("../python/payroll/overtime.py");
const PAYSLIP: &str = include_str!("../python/payroll/payslip.py");

fn load<'py>(py: Python<'py>, code: &str, name: &str) -> PyResult<Bound<'py, PyModule>> {
    let (code, file, name) = (CString::new(code)?, CString::new(name.to_owned() + ".py")?, CString::new(name)?);
    PyModule::from_code(py, code.as_c_str(), file.as_c_str(), name.as_c_str())
}

pub fn load_payroll(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let mut last = None;
    for (code, name) in [(RATES, "rates"), (OVERTIME, "overtime"), (PAYSLIP, "payslip")] {
        last = Some(load(py, code, name)?);
    }
    Ok(last.expect("three files"))
}

pub fn import_from_folder<'py>(py: Python<'py>, folder: &Path, module: &str) -> PyResult<Bound<'py, PyModule>> {
    let Some(folder) = folder.to_str() else {
        return Err(PyValueError::new_err("the folder's path is not UTF-8"));
    };
    let path = py.import("sys")?.getattr("path")?;
    let times: usize = path.call_method1("count", (folder,))?.extract()?;
    if times == 0 {
        path.call_method1("insert", (0, folder))?;
    }
    PyModule::import(py, module)
}

pub fn reload<'py>(py: Python<'py>, module: &str) -> PyResult<Bound<'py, PyModule>> {
    let modules = py.import("sys")?.getattr("modules")?.cast_into::<PyDict>()?;
    let loaded = modules
        .get_item(module)?
        .ok_or_else(|| PyKeyError::new_err(format!("{module} was never imported, so it cannot be reloaded")))?;
    let fresh = py.import("importlib")?.getattr("reload")?.call1((loaded,))?;
    fresh.cast_into::<PyModule>().map_err(PyErr::from)
}
