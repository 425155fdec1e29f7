//! Helpers shared by the stage tests of every exercise (`tests/check.rs`).
//!
//! A stage test runs real Python against the student's crate and snapshots what it prints.
//! These helpers keep each test short and make a failure readable: a Python exception
//! becomes its full traceback, the way Python itself would print it.

pub mod maturin;
pub mod normalize;
pub mod noting;
pub mod own_process_held_out;

pub use check_report::{Inputs, Rng, observe, observe_held_out};
/// Running a child process to its end (`check_report::process`).
pub use check_report::process;
pub use noting::{noting_str, with_noted_calls};
pub use own_process_held_out::observe_held_out_in_own_process;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
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
        Ok(text) => normalize::version_independent(&text),
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
    if let Ok(text) = err.value(py).getattr(FORMATTED_ATTR).and_then(|t| t.extract::<String>()) {
        return text;
    }
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
    if let Err(err) = &result {
        // Format the traceback now, while `linecache` still holds this scenario's lines:
        // once the lock is released, another scenario replaces them, and a traceback
        // formatted later would show its lines. The text rides on the exception.
        let _ = err.value(py).setattr(FORMATTED_ATTR, traceback(py, err));
    }
    drop(restore);
    result?;
    buffer.call_method0("getvalue")?.extract()
}

/// The attribute on which [`run_printing`] leaves the traceback of the exception a scenario
/// raised, formatted while the scenario's source lines were still known; [`traceback`]
/// reads it first.
const FORMATTED_ATTR: &str = "_check_support_traceback";

/// The file name that tracebacks give to the code run by [`run_printing`]; one name serves
/// every scenario, since they run one at a time and format their traceback before the next.
pub const CHECK_FILE: &str = "<stage check>";

/// Runs `code` as the file [`CHECK_FILE`] whose lines `linecache` knows, so that a
/// traceback shows the scenario's source lines, not only their numbers.
fn run_as_file<'py>(py: Python<'py>, code: &str, globals: &Bound<'py, PyDict>) -> PyResult<()> {
    let name = CHECK_FILE;
    let lines: Vec<&str> = code.split_inclusive('\n').collect();
    let entry = (code.len(), py.None(), lines, name);
    py.import("linecache")?.getattr("cache")?.set_item(name, entry)?;
    let builtins = py.import("builtins")?;
    let compiled = builtins.getattr("compile")?.call1((code, name, "exec"))?;
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

/// The environment variable that tells a test binary it runs as the child of
/// [`in_own_process`], and which test it must run.
const CHILD_TEST_VAR: &str = "CHECK_SUPPORT_CHILD_TEST";
/// Marks where the child's report starts in its standard output.
const REPORT_START: &str = "<<<check-support: report starts>>>\n";
/// Marks where the child's report ends in its standard output.
const REPORT_END: &str = "\n<<<check-support: report ends>>>\n";

/// Runs `child` in a fresh process of its own and returns the text it returned.
///
/// Some embedding checks need an interpreter nobody has started yet: `append_to_inittab!`
/// must run before Python starts, and Python delivers signals only on the thread that
/// started it. Stage tests share one process, in which another test may have started
/// Python already, so such a test calls `in_own_process` with its own name: the test binary
/// runs again, as a child, with only that test selected (`<test> --exact`), and in the child
/// `child` runs and its text is printed between two markers; the parent reads it back.
///
/// Anything `child` prints itself (with `println!`, flushed) is part of the report, so a
/// child that a signal ends early still reports what it printed; the report then ends with
/// the line `[the process was ended by signal N]`.
///
/// # Panics
/// In the parent, when the child fails (a panic, say): the message holds the child's
/// standard error, so a student sees the child's own panic or Python traceback.
#[track_caller]
pub fn in_own_process(test: &str, child: impl FnOnce() -> String) -> String {
    in_own_process_with_env(test, &[], child)
}

/// [`in_own_process`], with the child's environment changed first: each `(name, value)`
/// sets the variable `name` to `value`, or removes it when `value` is `None`. A check uses
/// it to start Python in an environment other than the test's own (say, without the
/// project's venv on `PATH`).
///
/// # Panics
/// As [`in_own_process`].
#[track_caller]
pub fn in_own_process_with_env(test: &str, env: &[(&str, Option<&std::ffi::OsStr>)], child: impl FnOnce() -> String) -> String {
    use std::io::Write;
    if std::env::var(CHILD_TEST_VAR).as_deref() == Ok(test) {
        let mut stdout = std::io::stdout();
        let _ = write!(stdout, "\n{REPORT_START}");
        let _ = stdout.flush();
        let text = child();
        let _ = write!(stdout, "{text}{REPORT_END}");
        let _ = stdout.flush();
        // The child's work is done: leave before the test harness prints its own lines.
        std::process::exit(0);
    }
    let exe = std::env::current_exe().expect("the test binary knows its own path");
    let mut command = std::process::Command::new(exe);
    command.args([test, "--exact", "--nocapture", "--test-threads=1"]).env(CHILD_TEST_VAR, test);
    for (name, value) in env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    let output = check_report::process::run_to_end(&mut command).expect("the test binary can start again as a child process");
    if output.lingering {
        panic!("the test `{test}` in its own process: {}.\n{}", check_report::process::LINGERING, String::from_utf8_lossy(&output.stderr));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let Some(start) = stdout.find(REPORT_START) else {
        panic!("the child process of `{test}` never started the test ({}):\n{stdout}\n{stderr}", output.status);
    };
    let report = &stdout[start + REPORT_START.len()..];
    if let Some(end) = report.find(REPORT_END)
        && output.status.success()
    {
        return report[..end].to_string();
    }
    if let check_report::process::Ending::Signal(signal) = check_report::process::Ending::of(&output.status) {
        return format!("{report}[the process was ended by signal {signal}]");
    }
    panic!("the test `{test}` failed in its own process ({}):\n{stderr}", output.status);
}


/// Puts the site-packages of the workbook's virtual environment on `sys.path`, so that the
/// embedded interpreter can import the packages of `assets/requirements.txt` (NumPy).
/// The embedded interpreter takes its `sys.prefix` from the first `python3` on `PATH`, not
/// from `VIRTUAL_ENV`; the venv is [`check_report::venv`].
///
/// # Errors
/// When Python cannot run the few lines that add the folder.
pub fn use_venv_packages(py: Python<'_>) -> PyResult<()> {
    let venv = check_report::venv().to_string_lossy().into_owned();
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
