//! Exercise `numpy_from_venv`: import a third-party package, NumPy, from the project's
//! virtual environment into an embedded interpreter, which does not see that environment
//! by itself, and use it.
//!
//! Run `cargo xtask check numpy_from_venv` after each edit.

use pyo3::prelude::*;
use pyo3::types::PyModule;
use std::path::{Path, PathBuf};

// ANCHOR: exercise
/// The `site-packages` folder of the virtual environment `venv`, for the running
/// interpreter's version: `<venv>/lib/python3.X/site-packages` on Linux and macOS,
/// `<venv>\Lib\site-packages` on Windows (the layout `python -m venv` creates).
///
/// # Errors
/// When `sys.version_info` cannot be read.
pub fn site_packages(py: Python<'_>, venv: &Path) -> PyResult<PathBuf> {
    // TODO: read `sys.version_info.major` and `.minor` from Python, then build the path.
    todo!("the site-packages folder of {}", venv.display())
}

/// Imports `numpy` from the virtual environment `venv`: its `site-packages` goes first on
/// `sys.path` (once), then `import numpy`.
///
/// # Errors
/// A `ModuleNotFoundError` when the venv has no NumPy.
pub fn import_numpy<'py>(py: Python<'py>, venv: &Path) -> PyResult<Bound<'py, PyModule>> {
    // TODO: an embedded interpreter ignores `VIRTUAL_ENV`. Insert `site_packages` (as a
    // `str`) at the front of `sys.path` unless it is there, then import `numpy`.
    todo!("import numpy from {}", venv.display())
}

/// The trend of weekly sales: the slope and intercept of the least-squares line through
/// the points `(week, sales[week])`, weeks counted from 0, as NumPy's
/// `numpy.polyfit(weeks, sales, deg=1)` computes them, each rounded to 2 decimals.
///
/// # Errors
/// NumPy's exception, e.g. a `TypeError` for an empty list of sales.
pub fn sales_trend(numpy: &Bound<'_, PyModule>, sales: &[f64]) -> PyResult<(f64, f64)> {
    // TODO: `numpy.arange(len)` gives the weeks; call `polyfit` with `deg=1` as a keyword
    // argument; `.tolist()` turns the array it returns into a Python list.
    todo!("numpy.polyfit over {} weeks", sales.len())
}
// ANCHOR_END: exercise
