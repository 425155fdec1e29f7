//! Exercise `several_files`: Python code spread over files that import each other, loaded
//! from Rust in dependency order at compile time, found by Python's own `import` in a
//! folder at run time, and reloaded after the file changed.
//!
//! Run `cargo xtask check several_files` after each edit.

use pyo3::prelude::*;
use pyo3::types::PyModule;
use std::path::Path;

// ANCHOR: exercise
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
    // TODO: `PyModule::from_code(py, code, file_name, module_name)` takes three `&CStr`:
    // make each with `CString::new(...)?` (a NUL byte becomes a `ValueError`).
    todo!("run {name}.py ({} bytes) as the module {name}", code.len())
}

/// Loads the payroll's modules `rates`, `overtime` and `payslip`, and returns `payslip`.
///
/// # Errors
/// The exception a module raised while it loaded.
pub fn load_payroll(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    // TODO: `payslip.py` runs `import overtime` the moment it loads, and `import` looks in
    // `sys.modules` first. Load each module after the modules it imports.
    let _ = (py, RATES, OVERTIME, PAYSLIP);
    todo!("load the payroll")
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
    // TODO: get `sys.path` as a list (`cast_into::<PyList>()`), insert the folder (as a
    // `str`) at position 0 unless it is already there, then `py.import(module)`.
    todo!("import {module} from {}", folder.display())
}

/// Runs the file of the already imported module `module` again, after someone edited it,
/// as Python's `importlib.reload` does: the module object stays the same (everyone who
/// imported it sees the new code), and its names are rebound.
///
/// # Errors
/// A `KeyError` when `module` was never imported, or the exception the new code raised.
pub fn reload<'py>(py: Python<'py>, module: &str) -> PyResult<Bound<'py, PyModule>> {
    // TODO: `sys.modules[module]` is the module (`get_item`); `importlib.reload(it)`.
    todo!("reload {module}")
}
// ANCHOR_END: exercise
