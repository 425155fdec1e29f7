//! Solution of `several_files`: Python code spread over files that import each other, loaded
//! from Rust in dependency order at compile time, found by Python's own `import` in a
//! folder at run time, and reloaded after the file changed.
//!
//! Run `cargo xtask check several_files` after each edit.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyModule};
use std::ffi::CString;
use std::path::Path;

// ANCHOR: solution
/// The payroll's three files, compiled into the crate: `payslip.py` imports
/// `overtime.py`, which imports `rates.py`.
const RATES: &str = include_str!("../python/payroll/rates.py");
const OVERTIME: &str = include_str!("../python/payroll/overtime.py");
const PAYSLIP: &str = include_str!("../python/payroll/payslip.py");

/// Runs `code` as the module `name`, with `<name>.py` as its file name in tracebacks, and
/// registers it in `sys.modules`, where a later `import name` finds it.
///
/// # Errors
/// The exception the module raised while it ran, or a `ValueError` for a NUL byte.
fn load<'py>(py: Python<'py>, code: &str, name: &str) -> PyResult<Bound<'py, PyModule>> {
    let file = CString::new(format!("{name}.py"))?;
    PyModule::from_code(py, &CString::new(code)?, &file, &CString::new(name)?)
}

/// Loads the payroll's modules `rates`, `overtime` and `payslip`, and returns `payslip`.
///
/// # Errors
/// The exception a module raised while it loaded.
pub fn load_payroll(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    // Dependency order: every module after the modules it imports.
    load(py, RATES, "rates")?;
    load(py, OVERTIME, "overtime")?;
    load(py, PAYSLIP, "payslip")
}

/// Imports `module` from the Python files in `folder`, as a script kept in that folder
/// would: the folder goes first on `sys.path` (once, however often this is called), and
/// Python's import system finds the module there, and the modules it imports from the
/// same folder.
///
/// # Errors
/// A `ValueError` when `folder` is not valid UTF-8, a `ModuleNotFoundError` when no such
/// module exists, or the exception the module raised while it loaded.
pub fn import_from_folder<'py>(py: Python<'py>, folder: &Path, module: &str) -> PyResult<Bound<'py, PyModule>> {
    let folder = folder
        .to_str()
        .ok_or_else(|| PyValueError::new_err(format!("{} is not valid UTF-8", folder.display())))?;
    let sys_path = py.import("sys")?.getattr("path")?.cast_into::<PyList>()?;
    if !sys_path.contains(folder)? {
        sys_path.insert(0, folder)?;
    }
    py.import(module)
}

/// Runs the file of the already imported module `module` again, after someone edited it,
/// as Python's `importlib.reload` does: the module object stays the same (everyone who
/// imported it sees the new code), and its names are rebound.
///
/// # Errors
/// A `KeyError` when `module` was never imported, or the exception the new code raised.
pub fn reload<'py>(py: Python<'py>, module: &str) -> PyResult<Bound<'py, PyModule>> {
    let loaded = py.import("sys")?.getattr("modules")?.get_item(module)?;
    Ok(py.import("importlib")?.call_method1("reload", (loaded,))?.cast_into::<PyModule>()?)
}
// ANCHOR_END: solution
