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

// ANCHOR: solution
/// Loads every `*.py` file of `folder`, in file-name order, each as the module
/// `plugin_<stem>` (never the bare stem: a plug-in called `json.py` must not replace the
/// standard library's `json` in `sys.modules`), with the file's name as the file name in
/// tracebacks. Other files are ignored. One result per `.py` file: the plug-in, or what
/// went wrong with it.
///
/// # Errors
/// When the folder cannot be listed.
pub fn load_plugins(py: Python<'_>, folder: &Path) -> std::io::Result<Vec<Result<Plugin, PluginError>>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "py") {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths.iter().map(|path| load_one(py, path)).collect())
}

/// Loads the plug-in at `path` (see [`load_plugins`]).
fn load_one(py: Python<'_>, path: &Path) -> Result<Plugin, PluginError> {
    let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let unreadable = |reason: String| PluginError::Unreadable { file: file.clone(), reason };
    let code = std::fs::read_to_string(path).map_err(|err| unreadable(err.to_string()))?;
    let code = CString::new(code).map_err(|_| unreadable("it contains a NUL byte".into()))?;
    let file_name = CString::new(file.clone()).map_err(|_| unreadable("its name contains a NUL byte".into()))?;
    let module_name = CString::new(stem.clone()).map_err(|_| unreadable("its name contains a NUL byte".into()))?;
    let loaded = PyModule::from_code(py, &code, &file_name, &module_name).and_then(|module| module.getattr("stamp"));
    match loaded {
        Ok(stamp) => Ok(Plugin { file, stamp: stamp.unbind() }),
        Err(err) => Err(PluginError::Load { traceback: traceback(py, &err).unwrap_or_else(|_| err.to_string()), file }),
    }
}

/// Runs `paper` through every plug-in in order, each stamping the previous one's text.
/// A plug-in that fails is skipped (the text goes on unchanged) and its error collected.
/// Returns the final text and the errors, in order.
pub fn stamp_all(py: Python<'_>, plugins: &[Plugin], paper: &str) -> (String, Vec<PluginError>) {
    let mut text = paper.to_string();
    let mut errors = Vec::new();
    for plugin in plugins {
        match plugin.stamp.call1(py, (&text,)).and_then(|stamped| stamped.extract::<String>(py)) {
            Ok(stamped) => text = stamped,
            Err(err) => errors.push(PluginError::Stamp {
                file: plugin.file.clone(),
                traceback: traceback(py, &err).unwrap_or_else(|_| err.to_string()),
            }),
        }
    }
    (text, errors)
}
// ANCHOR_END: solution
