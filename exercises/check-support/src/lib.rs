//! Helpers shared by the stage tests of every exercise (`tests/check.rs`).
//!
//! A stage test runs real Python against the student's crate and snapshots what it prints.
//! These helpers keep each test short and make a failure readable: a Python exception
//! becomes its full traceback, the way Python itself would print it.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyModule};
use std::ffi::CString;

/// Attaches to the interpreter, runs `f`, and returns its text.
///
/// # Panics
/// When `f` returns a Python exception, with the exception's traceback as the message,
/// so that the failing stage shows the Python error instead of a debug dump.
pub fn attach<F>(f: F) -> String
where
    F: for<'py> FnOnce(Python<'py>) -> PyResult<String>,
{
    Python::attach(|py| match f(py) {
        Ok(text) => text,
        Err(err) => panic!("Python raised an exception:\n{}", traceback(py, &err)),
    })
}

/// Formats `err` as Python's `traceback.format_exception` does: the traceback lines,
/// then `Type: message`, with any chained cause (`raise ... from ...`) before it.
///
/// Falls back to `Type: message` when the `traceback` module itself fails.
pub fn traceback(py: Python<'_>, err: &PyErr) -> String {
    let formatted = py.import("traceback").and_then(|module| {
        let lines = module.call_method1("format_exception", (err.value(py),))?;
        let lines: Vec<String> = lines.extract()?;
        Ok(lines.concat())
    });
    formatted.unwrap_or_else(|_| err.to_string())
}

/// Runs the Python statements `code` with the given names defined, and returns all that
/// the code printed on `sys.stdout`.
///
/// `names` pairs each Python name with the object it is bound to, for instance a module
/// built by the student's crate. The code runs in a fresh global namespace.
///
/// # Errors
/// The Python exception the code raised, or a `ValueError` if `code` contains a NUL byte.
pub fn run_printing<'py>(
    py: Python<'py>,
    names: &[(&str, &Bound<'py, PyAny>)],
    code: &str,
) -> PyResult<String> {
    let globals = PyDict::new(py);
    for (name, value) in names {
        globals.set_item(name, value)?;
    }
    let io = py.import("io")?;
    let contextlib = py.import("contextlib")?;
    let buffer = io.call_method0("StringIO")?;
    let redirect = contextlib.call_method1("redirect_stdout", (&buffer,))?;
    let code = CString::new(code)
        .map_err(|_| pyo3::exceptions::PyValueError::new_err("scenario code contains a NUL byte"))?;
    redirect.call_method0("__enter__")?;
    let result = py.run(&code, Some(&globals), None);
    let none = py.None();
    redirect.call_method1("__exit__", (&none, &none, &none))?;
    result?;
    buffer.call_method0("getvalue")?.extract()
}

/// Registers `module` under `name` in `sys.modules`, so that Python code can `import` it,
/// as an embedded program does when `append_to_inittab!` cannot run before start-up
/// (PyO3 guide, "Calling Python in Rust code", adding modules to an embedded interpreter).
///
/// # Errors
/// When `sys.modules` cannot be read or written.
pub fn register_module(py: Python<'_>, name: &str, module: &Bound<'_, PyModule>) -> PyResult<()> {
    py.import("sys")?.getattr("modules")?.set_item(name, module)
}
