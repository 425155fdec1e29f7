//! Exercise `numpy_from_venv`: import a third-party package, NumPy, from the project's
//! virtual environment into an embedded interpreter, which does not see that environment
//! by itself, and use it.
//!
//! Run `cargo xtask check numpy_from_venv` after each edit.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyList, PyModule};
use std::path::{Path, PathBuf};

pub fn site_packages(py: Python<'_>, venv: &Path) -> PyResult<PathBuf> {
    let (major, minor): (u32, u32) = py.import("sys")?.getattr("version_info")?.get_item(pyo3::types::PySlice::new(py, 0, 2, 1))?.extract()?;
    let mut folder = venv.to_path_buf();
    folder.push("lib");
    folder.push(format!("python{major}.{minor}"));
    folder.push("site-packages");
    Ok(folder)
}

pub fn import_numpy<'py>(py: Python<'py>, venv: &Path) -> PyResult<Bound<'py, PyModule>> {
    let folder = site_packages(py, venv)?.to_string_lossy().into_owned();
    let path = py.import("sys")?.getattr("path")?;
    if !path.contains(&folder)? {
        path.call_method1("insert", (0, &folder))?;
    }
    PyModule::import(py, "numpy")
}

pub fn sales_trend(numpy: &Bound<'_, PyModule>, sales: &[f64]) -> PyResult<(f64, f64)> {
    let weeks: Vec<usize> = (0..sales.len()).collect();
    let kwargs = PyDict::new(numpy.py());
    kwargs.set_item("deg", 1)?;
    let fit: Vec<f64> = numpy.getattr("polyfit")?.call((weeks, sales.to_vec()), Some(&kwargs))?.call_method0("tolist")?.extract()?;
    let rounded: Vec<f64> = fit.iter().map(|x| (x * 100.0).round() / 100.0).collect();
    Ok((rounded[0], rounded[1]))
}

