//! several_files, in another style.

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyModule};
use std::ffi::CString;
use std::path::Path;

const FILES: [(&str, &str); 3] = [
    ("rates", include_str!("../python/payroll/rates.py")),
    ("overtime", include_str!("../python/payroll/overtime.py")),
    ("payslip", include_str!("../python/payroll/payslip.py")),
];

fn load<'py>(py: Python<'py>, code: &str, name: &str) -> PyResult<Bound<'py, PyModule>> {
    let file_name = CString::new(format!("{name}.py"))?;
    let module_name = CString::new(name)?;
    let source = CString::new(code)?;
    PyModule::from_code(py, &source, &file_name, &module_name)
}

pub fn load_payroll(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    FILES.iter().try_fold(None, |_, (name, code)| load(py, code, name).map(Some)).map(|m| m.expect("three files"))
}

pub fn import_from_folder<'py>(py: Python<'py>, folder: &Path, module: &str) -> PyResult<Bound<'py, PyModule>> {
    let text = folder.to_str().ok_or_else(|| PyValueError::new_err("not UTF-8"))?.to_string();
    let path: Bound<'_, PyList> = py.import("sys")?.getattr("path")?.cast_into()?;
    let already = path.iter().any(|entry| entry.extract::<String>().is_ok_and(|entry| entry == text));
    if !already {
        path.insert(0, &text)?;
    }
    py.import(module)
}

pub fn reload<'py>(py: Python<'py>, module: &str) -> PyResult<Bound<'py, PyModule>> {
    let sys = PyModule::import(py, "sys")?;
    match sys.getattr("modules")?.cast::<PyDict>()?.get_item(module)? {
        Some(loaded) => PyModule::import(py, "importlib")?.call_method1("reload", (loaded,))?.cast_into::<PyModule>().map_err(Into::into),
        None => Err(PyKeyError::new_err(())),
    }
}
