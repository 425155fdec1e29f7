//! Exercise `numpy_from_venv`: import a third-party package, NumPy, from the project's
//! virtual environment into an embedded interpreter, which does not see that environment
//! by itself, and use it.
//!
//! Run `cargo xtask check numpy_from_venv` after each edit.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyList, PyModule};
use std::path::{Path, PathBuf};

// ANCHOR: solution
/// The `site-packages` folder of the virtual environment `venv`, for the running
/// interpreter's version: `<venv>/lib/python3.X/site-packages` on Linux and macOS,
/// `<venv>\Lib\site-packages` on Windows (the layout `python -m venv` creates).
///
/// # Errors
/// When `sys.version_info` cannot be read.
pub fn site_packages(py: Python<'_>, venv: &Path) -> PyResult<PathBuf> {
    if cfg!(windows) {
        return Ok(venv.join("Lib").join("site-packages"));
    }
    let version = py.import("sys")?.getattr("version_info")?;
    let major: u32 = version.getattr("major")?.extract()?;
    let minor: u32 = version.getattr("minor")?.extract()?;
    Ok(venv.join("lib").join(format!("python{major}.{minor}")).join("site-packages"))
}

/// Imports `numpy` from the virtual environment `venv`: its `site-packages` goes first on
/// `sys.path` (once), then `import numpy`.
///
/// # Errors
/// A `ModuleNotFoundError` when the venv has no NumPy.
pub fn import_numpy<'py>(py: Python<'py>, venv: &Path) -> PyResult<Bound<'py, PyModule>> {
    let folder = site_packages(py, venv)?;
    let folder = folder
        .to_str()
        .ok_or_else(|| PyValueError::new_err(format!("{} is not valid UTF-8", folder.display())))?;
    let sys_path = py.import("sys")?.getattr("path")?.cast_into::<PyList>()?;
    if !sys_path.contains(folder)? {
        sys_path.insert(0, folder)?;
    }
    py.import("numpy")
}

/// The trend of weekly sales: the slope and intercept of the least-squares line through
/// the points `(week, sales[week])`, weeks counted from 0, as NumPy's
/// `numpy.polyfit(weeks, sales, deg=1)` computes them, each rounded to 2 decimals.
///
/// # Errors
/// NumPy's exception, e.g. a `TypeError` for an empty list of sales.
pub fn sales_trend(numpy: &Bound<'_, PyModule>, sales: &[f64]) -> PyResult<(f64, f64)> {
    let py = numpy.py();
    let weeks = numpy.call_method1("arange", (sales.len(),))?;
    let kwargs = [("deg", 1)].into_py_dict(py)?;
    let fit = numpy.call_method("polyfit", (weeks, sales), Some(&kwargs))?;
    let [slope, intercept]: [f64; 2] = fit.call_method0("tolist")?.extract()?;
    let round = |x: f64| (x * 100.0).round() / 100.0;
    Ok((round(slope), round(intercept)))
}
// ANCHOR_END: solution
