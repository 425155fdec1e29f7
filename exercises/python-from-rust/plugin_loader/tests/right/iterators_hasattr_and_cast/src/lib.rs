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

/// Loads the `.py` plug-ins of `folder`.
pub fn load_plugins(py: Python<'_>, folder: &Path) -> std::io::Result<Vec<Result<Plugin, PluginError>>> {
    let mut paths = std::fs::read_dir(folder)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    paths.retain(|path| path.extension().and_then(|ext| ext.to_str()) == Some("py"));
    paths.sort_by_key(|path| path.file_name().map(|name| name.to_os_string()));
    Ok(paths.into_iter().map(|path| load_one(py, &path)).collect())
}

fn load_one(py: Python<'_>, path: &Path) -> Result<Plugin, PluginError> {
    let file = path.file_name().and_then(|name| name.to_str()).unwrap_or("?").to_string();
    let stem = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or("?").to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => return Err(PluginError::Unreadable { file, reason: err.to_string() }),
    };
    let as_c = |s: String| CString::new(s).map_err(|_| PluginError::Unreadable { file: file.clone(), reason: "NUL byte".into() });
    let (code, file_name, module_name) = (as_c(text)?, as_c(file.clone())?, as_c(format!("plugin_{stem}"))?);
    let module = match PyModule::from_code(py, &code, &file_name, &module_name) {
        Ok(module) => module,
        Err(err) => return Err(PluginError::Load { traceback: traceback(py, &err).unwrap_or_else(|_| err.to_string()), file }),
    };
    if !module.hasattr("stamp").unwrap_or(false) {
        return Err(PluginError::Load { file, traceback: "AttributeError: this plug-in has no stamp() function\n".into() });
    }
    let stamp = module.getattr("stamp").map_err(|err| PluginError::Load { file: file.clone(), traceback: err.to_string() })?;
    Ok(Plugin { file, stamp: stamp.unbind() })
}

/// Runs the paper through every plug-in.
pub fn stamp_all(py: Python<'_>, plugins: &[Plugin], paper: &str) -> (String, Vec<PluginError>) {
    plugins.iter().fold((paper.to_string(), Vec::new()), |(text, mut errors), plugin| {
        let stamped = plugin
            .stamp
            .bind(py)
            .call1((text.as_str(),))
            .and_then(|out| out.cast_into::<pyo3::types::PyString>().map_err(PyErr::from))
            .and_then(|out| out.to_str().map(str::to_owned));
        match stamped {
            Ok(stamped) => (stamped, errors),
            Err(err) => {
                let traceback = traceback(py, &err).unwrap_or_else(|_| err.to_string());
                errors.push(PluginError::Stamp { file: plugin.file.clone(), traceback });
                (text, errors)
            }
        }
    })
}

