//! Exercise `plugin_loader`: the fax machine's stamp plug-ins, Python files that users drop
//! into a folder. Rust loads each one, runs them in turn over a paper, and reports every
//! plug-in's exception as a Rust error naming the file, without letting one bad plug-in
//! stop the others.
//!
//! Run `cargo xtask check plugin_loader` after each edit.

use pyo3::prelude::*;
use std::ffi::CString;
use std::fmt;
use std::path::Path;

// ANCHOR: errors
/// What went wrong with one plug-in. Each variant names the plug-in's file (its name in
/// the folder, e.g. `shout.py`) and carries Python's traceback as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginError {
    /// The file could not be read as UTF-8 text.
    Unreadable { file: String, reason: String },
    /// Running the file raised (a `SyntaxError`, an `ImportError`...), or it defines no
    /// `stamp`.
    Load { file: String, traceback: String },
    /// `stamp(text)` raised, or returned something other than a `str`.
    Stamp { file: String, traceback: String },
}

impl fmt::Display for PluginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PluginError::Unreadable { file, reason } => write!(f, "{file} cannot be read: {reason}"),
            PluginError::Load { file, traceback } => write!(f, "{file} failed to load:\n{}", traceback.trim_end()),
            PluginError::Stamp { file, traceback } => write!(f, "{file}: stamp() failed:\n{}", traceback.trim_end()),
        }
    }
}

impl std::error::Error for PluginError {}

/// One loaded plug-in: its file name and its `stamp` function, kept as a `Py` so that it
/// outlives the `Python::attach` that loaded it.
#[derive(Debug)]
pub struct Plugin {
    pub file: String,
    pub stamp: Py<PyAny>,
}

/// `err` as Python prints it: `traceback.format_exception(type, value, traceback)`,
/// joined. The traceback is passed explicitly: a `PyErr` keeps it beside the exception
/// value, whose `__traceback__` may not hold it yet.
///
/// # Errors
/// When the `traceback` module fails.
pub fn traceback(py: Python<'_>, err: &PyErr) -> PyResult<String> {
    let args = (err.get_type(py), err.value(py), err.traceback(py));
    let lines: Vec<String> = py.import("traceback")?.call_method1("format_exception", args)?.extract()?;
    Ok(lines.concat())
}
// ANCHOR_END: errors

// ANCHOR: exercise
/// Loads every `*.py` file of `folder`, in file-name order, each as the module
/// `plugin_<stem>` (never the bare stem: a plug-in called `json.py` must not replace the
/// standard library's `json` in `sys.modules`), with the file's name as the file name in
/// tracebacks. Other files are ignored. One result per `.py` file: the plug-in, or what
/// went wrong with it.
///
/// # Errors
/// When the folder cannot be listed.
pub fn load_plugins(py: Python<'_>, folder: &Path) -> std::io::Result<Vec<Result<Plugin, PluginError>>> {
    // TODO: list the folder (`std::fs::read_dir`), keep the `.py` files, sort them by
    // name, and load each with `PyModule::from_code`; its `stamp` attribute, unbound, is
    // the plug-in. Stage 2: a failure becomes `PluginError::Load` (or `Unreadable`).
    todo!("load the plug-ins of {}", folder.display())
}

/// Runs `paper` through every plug-in in order, each stamping the previous one's text.
/// A plug-in that fails is skipped (the text goes on unchanged) and its error collected.
/// Returns the final text and the errors, in order.
pub fn stamp_all(py: Python<'_>, plugins: &[Plugin], paper: &str) -> (String, Vec<PluginError>) {
    // TODO: call each `stamp` with the text and extract a `String`. Stage 3: a failure
    // becomes `PluginError::Stamp` with the traceback.
    todo!("stamp {paper:?} with {} plug-ins", plugins.len())
}
// ANCHOR_END: exercise
