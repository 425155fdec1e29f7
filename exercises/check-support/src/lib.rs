//! Helpers shared by the stage tests of every exercise (`tests/check.rs`).
//!
//! A stage test runs real Python against the student's crate and snapshots what it prints.
//! These helpers keep each test short and make a failure readable: a Python exception
//! becomes its full traceback, the way Python itself would print it.

pub mod maturin;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};
use std::sync::atomic::{AtomicUsize, Ordering};

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
        // The traceback travels beside the value in a `PyErr`; pass it explicitly, so
        // that the lines of the scenario that raised are shown too.
        let lines = module.call_method1("format_exception", (err.get_type(py), err.value(py), err.traceback(py)))?;
        let lines: Vec<String> = lines.extract()?;
        Ok(lines.concat())
    });
    formatted.unwrap_or_else(|_| err.to_string())
}

/// A Python `threading.RLock` that serialises [`run_printing`]: `sys.stdout` is one for
/// the whole process, so two scenarios running at once in two test threads (whenever one
/// releases the GIL: an import, a sleep, `py.detach`) would print into each other's buffer.
static SCENARIO_LOCK: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Undoes what [`run_printing`] set up, even when a Rust panic unwinds through it (PyO3
/// resumes a panic that crossed Python as `PanicException`, for instance a `todo!()` in
/// a starter): restores `sys.stdout`, then releases the scenario lock.
struct Restore<'py> {
    lock: Bound<'py, PyAny>,
    redirect: Option<Bound<'py, PyAny>>,
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        let py = self.lock.py();
        if let Some(redirect) = self.redirect.take() {
            let none = py.None();
            let _ = redirect.call_method1("__exit__", (&none, &none, &none));
        }
        let _ = self.lock.call_method0("release");
    }
}

/// Runs the Python statements `code` with the given names defined, and returns all that
/// the code printed on `sys.stdout`.
///
/// `names` pairs each Python name with the object it is bound to, for instance a module
/// built by the student's crate. The code runs in a fresh global namespace. Scenarios run
/// one at a time in a process: the call waits (without holding the GIL) for any other
/// scenario to finish.
///
/// # Errors
/// The Python exception the code raised, or the one `compile` raises for code that is not
/// valid Python.
pub fn run_printing<'py>(
    py: Python<'py>,
    names: &[(&str, &Bound<'py, PyAny>)],
    code: &str,
) -> PyResult<String> {
    let globals = PyDict::new(py);
    for (name, value) in names {
        globals.set_item(name, value)?;
    }
    let lock = SCENARIO_LOCK
        .get_or_try_init(py, || py.import("threading")?.call_method0("RLock").map(Bound::unbind))?
        .bind(py)
        .clone();
    // A blocking `acquire` releases the GIL while it waits, so the scenario that holds the
    // lock can finish.
    lock.call_method0("acquire")?;
    let mut restore = Restore { lock, redirect: None };
    let buffer = py.import("io")?.call_method0("StringIO")?;
    let redirect = py.import("contextlib")?.call_method1("redirect_stdout", (&buffer,))?;
    redirect.call_method0("__enter__")?;
    restore.redirect = Some(redirect);
    let result = run_as_file(py, code, &globals);
    drop(restore);
    result?;
    buffer.call_method0("getvalue")?.extract()
}

/// Numbers the scenarios of a process, so that each has its own file name.
static SCENARIOS: AtomicUsize = AtomicUsize::new(0);

/// Runs `code` as a file named `<scenario N>` whose lines `linecache` knows, so that a
/// traceback shows the scenario's source lines, not only their numbers.
fn run_as_file<'py>(py: Python<'py>, code: &str, globals: &Bound<'py, PyDict>) -> PyResult<()> {
    let name = format!("<scenario {}>", SCENARIOS.fetch_add(1, Ordering::Relaxed) + 1);
    let lines: Vec<&str> = code.split_inclusive('\n').collect();
    let entry = (code.len(), py.None(), lines, &name);
    py.import("linecache")?.getattr("cache")?.set_item(&name, entry)?;
    let builtins = py.import("builtins")?;
    let compiled = builtins.getattr("compile")?.call1((code, &name, "exec"))?;
    builtins.getattr("exec")?.call1((compiled, globals))?;
    Ok(())
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

/// Puts the site-packages of the workbook's virtual environment on `sys.path`, so that the
/// embedded interpreter can import the packages of `assets/requirements.txt` (NumPy).
/// The embedded interpreter ignores `VIRTUAL_ENV` (FIELD-NOTES, libpython); the venv is
/// `VIRTUAL_ENV`, as `cargo xtask` sets it, else `.venv` at the repository root.
///
/// # Errors
/// When Python cannot run the few lines that add the folder.
pub fn use_venv_packages(py: Python<'_>) -> PyResult<()> {
    let venv = std::env::var("VIRTUAL_ENV")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../.venv").to_string());
    let locals = PyDict::new(py);
    locals.set_item("venv", venv)?;
    py.run(
        c"import glob, site, sys
for folder in glob.glob(venv + '/lib/python*/site-packages') + glob.glob(venv + '/Lib/site-packages'):
    if folder not in sys.path:
        site.addsitedir(folder)",
        None,
        Some(&locals),
    )
}
