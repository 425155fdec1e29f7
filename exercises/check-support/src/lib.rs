//! Helpers shared by the stage tests of every exercise (`tests/check.rs`).
//!
//! A stage test runs real Python against the student's crate and snapshots what it prints.
//! These helpers keep each test short and make a failure readable: a Python exception
//! becomes its full traceback, the way Python itself would print it.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyModule};

/// Attaches to the interpreter, runs `f`, and returns its text.
///
/// # Panics
/// When `f` returns a Python exception: the exception's traceback is printed (the test
/// harness captures it) and the test fails, so that the failing stage shows the Python
/// error as Python prints it, not a debug dump or a location inside this crate.
pub fn attach<F>(f: F) -> String
where
    F: for<'py> FnOnce(Python<'py>) -> PyResult<String>,
{
    let result = Python::attach(|py| f(py).map_err(|err| traceback(py, &err)));
    match result {
        Ok(text) => text,
        Err(traceback) => {
            eprintln!("Python raised an exception:\n{}", traceback.trim_end());
            std::panic::resume_unwind(Box::new("Python raised an exception"))
        }
    }
}

/// Formats `err` as Python's `traceback.format_exception` does: the traceback lines,
/// then `Type: message`, with any chained cause (`raise ... from ...`) before it.
///
/// Falls back to `Type: message` when the `traceback` module itself fails.
pub fn traceback(py: Python<'_>, err: &PyErr) -> String {
    let formatted = py.import("traceback").and_then(|module| {
        let lines = module.call_method1("format_exception", (err.get_type(py), err.value(py), err.traceback(py)))?;
        let lines: Vec<String> = lines.extract()?;
        Ok(lines.concat())
    });
    formatted.unwrap_or_else(|_| err.to_string())
}

/// The file name that tracebacks give to the code run by [`run_printing`].
pub const CHECK_FILE: &str = "<stage check>";

/// Runs the Python statements `code` with the given names defined, and returns all that
/// the code printed on `sys.stdout`.
///
/// `names` pairs each Python name with the object it is bound to, for instance a module
/// built by the student's crate. The code runs in a fresh global namespace, as the file
/// [`CHECK_FILE`], whose lines tracebacks show.
///
/// # Errors
/// The Python exception the code raised.
pub fn run_printing<'py>(
    py: Python<'py>,
    names: &[(&str, &Bound<'py, PyAny>)],
    code: &str,
) -> PyResult<String> {
    let globals = PyDict::new(py);
    for (name, value) in names {
        globals.set_item(name, value)?;
    }
    // Tracebacks read source lines from `linecache`: give it the code under CHECK_FILE.
    let lines: Vec<String> = code.split_inclusive('\n').map(str::to_string).collect();
    py.import("linecache")?
        .getattr("cache")?
        .set_item(CHECK_FILE, (code.len(), py.None(), lines, CHECK_FILE))?;
    let builtins = py.import("builtins")?;
    let compiled = builtins.getattr("compile")?.call1((code, CHECK_FILE, "exec"))?;
    let buffer = py.import("io")?.call_method0("StringIO")?;
    let redirect = py.import("contextlib")?.call_method1("redirect_stdout", (&buffer,))?;
    redirect.call_method0("__enter__")?;
    let result = builtins.getattr("exec")?.call1((compiled, &globals));
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
