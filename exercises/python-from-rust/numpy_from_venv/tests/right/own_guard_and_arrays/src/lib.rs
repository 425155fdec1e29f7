//! Exercise `numpy_from_venv`: import a third-party package, NumPy, from the project's
//! virtual environment into an embedded interpreter, which does not see that environment
//! by itself, and use it.
//!
//! Run `cargo xtask check numpy_from_venv` after each edit.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyList, PyModule};
use std::path::{Path, PathBuf};

pub fn site_packages(py: Python<'_>, venv: &Path) -> PyResult<PathBuf> {
    let info = PyModule::import(py, "sys")?.getattr("version_info")?;
    let version = format!("python{}.{}", info.getattr("major")?, info.getattr("minor")?);
    Ok([venv, Path::new("lib"), Path::new(&version), Path::new("site-packages")].iter().collect())
}

pub fn import_numpy<'py>(py: Python<'py>, venv: &Path) -> PyResult<Bound<'py, PyModule>> {
    let folder = site_packages(py, venv)?;
    let Some(folder) = folder.to_str() else {
        return Err(PyValueError::new_err("the venv's path is not UTF-8"));
    };
    let sys_path: Bound<'_, PyList> = py.import("sys")?.getattr("path")?.cast_into()?;
    let present = sys_path.iter().any(|entry| entry.extract::<String>().is_ok_and(|entry| entry == folder));
    if !present {
        sys_path.insert(0, folder)?;
    }
    py.import("numpy")
}

pub fn sales_trend(numpy: &Bound<'_, PyModule>, sales: &[f64]) -> PyResult<(f64, f64)> {
    let py = numpy.py();
    if sales.is_empty() {
        return Err(pyo3::exceptions::PyTypeError::new_err("no weeks of sales: no trend"));
    }
    let weeks = numpy.getattr("arange")?.call1((sales.len() as f64,))?;
    let array = numpy.call_method1("array", (sales.to_vec(),))?;
    let fit = numpy.call_method("polyfit", (weeks, array), Some(&vec![("deg", 1_u8)].into_py_dict(py)?))?;
    let slope: f64 = fit.get_item(0)?.extract()?;
    let intercept: f64 = fit.get_item(1)?.extract()?;
    Ok(((slope * 100.0).round() / 100.0, (intercept * 100.0).round() / 100.0))
}

