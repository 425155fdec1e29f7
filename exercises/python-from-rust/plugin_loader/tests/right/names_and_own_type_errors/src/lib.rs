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
    let mut names: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".py") && name.len() > 3 {
            names.push(name);
        }
    }
    names.sort();
    let mut results = Vec::with_capacity(names.len());
    for name in names {
        results.push(load_one(py, folder, name));
    }
    Ok(results)
}

fn load_one(py: Python<'_>, folder: &Path, file: String) -> Result<Plugin, PluginError> {
    let stem = file.trim_end_matches(".py").to_string();
    let code = std::fs::read_to_string(folder.join(&file))
        .map_err(|err| err.to_string())
        .and_then(|code| CString::new(code).map_err(|err| err.to_string()));
    let code = match code {
        Ok(code) => code,
        Err(reason) => return Err(PluginError::Unreadable { file, reason }),
    };
    let names = CString::new(file.as_str()).and_then(|f| Ok((f, CString::new(format!("plugin_{stem}"))?)));
    let Ok((file_name, module_name)) = names else {
        return Err(PluginError::Unreadable { file, reason: "a NUL byte in its name".into() });
    };
    let stamp = PyModule::from_code(py, &code, &file_name, &module_name).and_then(|module| {
        module
            .getattr("stamp")
            .map_err(|_| pyo3::exceptions::PyAttributeError::new_err(format!("{file} defines no stamp(text)")))
    });
    stamp
        .map(|stamp| Plugin { file: file.clone(), stamp: stamp.unbind() })
        .map_err(|err| PluginError::Load { file: file.clone(), traceback: traceback(py, &err).unwrap_or_default() })
}

/// Runs the paper through every plug-in.
pub fn stamp_all(py: Python<'_>, plugins: &[Plugin], paper: &str) -> (String, Vec<PluginError>) {
    let mut text = String::from(paper);
    let mut errors = vec![];
    for plugin in plugins {
        let result = plugin.stamp.call1(py, (text.clone(),)).and_then(|out| {
            let out = out.into_bound(py);
            if out.is_instance_of::<pyo3::types::PyString>() {
                out.extract::<String>()
            } else {
                let kind = out.get_type().name()?;
                Err(pyo3::exceptions::PyTypeError::new_err(format!("stamp() must return a str, not {kind}")))
            }
        });
        if let Ok(stamped) = &result {
            text = stamped.clone();
        }
        if let Err(err) = result {
            errors.push(PluginError::Stamp { file: plugin.file.clone(), traceback: traceback(py, &err).unwrap_or_default() });
        }
    }
    (text, errors)
}

