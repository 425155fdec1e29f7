//! Which Python the workbook uses, and the folders that belong to it: the one place that
//! decides the interpreter, its virtual environment and cargo's target folder.
//!
//! - By default the base interpreter is `python3` (`python` on Windows), the venv is
//!   `.venv` at the root and cargo builds into `target/` (or `CARGO_TARGET_DIR`): the
//!   layout `.cargo/config.toml` names too, so plain `cargo` and editors agree.
//! - `WORKBOOK_PYTHON=python3.12` (a command on `PATH` or a path) picks another interpreter.
//!   It gets a venv and a target folder of its own, named after its version,
//!   `.workbook/python-3.12/.venv` and `target/python-3.12`, so that switching back and forth
//!   neither rebuilds pyo3 nor reinstalls packages. A new such target folder starts from
//!   the registry crates compiled in `target/` (`crate::seed`). The xtask's maturin builds
//!   go into that folder too (`target/python-3.12/maturin`); only a plain `cargo test` of a
//!   wheel exercise builds into `target/maturin` whatever the Python, and rebuilds pyo3
//!   there once after a switch.
//! - `WORKBOOK_VENV` names an existing venv to use as it is (the xtask's own tests share the
//!   repository's); it is never created or changed.

use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The variable that picks another interpreter than `python3`.
pub const PYTHON_VAR: &str = "WORKBOOK_PYTHON";
/// The variable that names an existing venv to use as it is.
pub const VENV_VAR: &str = "WORKBOOK_VENV";

/// Who owns the venv.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VenvOwner {
    /// The xtask creates it on first use and keeps it in step with the requirements.
    Workbook,
    /// It was given through `WORKBOOK_VENV`: used as it is, never created or changed.
    Outside,
}

/// The interpreter the workbook uses and the folders that belong to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The base interpreter that creates the venv: `python3`, or `WORKBOOK_PYTHON`.
    pub base: PathBuf,
    /// Where the choice came from, for messages: `python3` or `WORKBOOK_PYTHON=...`.
    pub origin: String,
    /// The virtual environment whose interpreter every build and test uses.
    pub venv: PathBuf,
    /// Who creates and updates [`Choice::venv`].
    pub owner: VenvOwner,
    /// cargo's target folder for this interpreter (pyo3 is built for one Python per folder).
    pub target: PathBuf,
    /// The default interpreter's target folder, when `target` is another's: a new `target`
    /// starts from the registry crates compiled there (`crate::seed`).
    pub seed_from: Option<PathBuf>,
}

/// Decides the interpreter and its folders for the workbook at `root`, from the
/// environment (`WORKBOOK_PYTHON`, `WORKBOOK_VENV`, `CARGO_TARGET_DIR`).
///
/// # Errors
/// When `WORKBOOK_PYTHON` names an interpreter that cannot run: its version names its folders.
pub fn choose(root: &Path) -> Result<Choice> {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let (base, origin, venv, target) = match std::env::var_os(PYTHON_VAR).filter(|v| !v.is_empty()) {
        None => {
            let base = PathBuf::from(if cfg!(windows) { "python" } else { "python3" });
            (base, "python3 (set WORKBOOK_PYTHON to pick another)".to_string(), root.join(".venv"), target)
        }
        Some(python) => {
            let minor = minor_version(&python)?;
            let venv = root.join(".workbook").join(format!("python-{minor}")).join(".venv");
            let origin = format!("{PYTHON_VAR}={}", python.to_string_lossy());
            let folder = format!("python-{minor}");
            // A child of the xtask inherits the folder as `CARGO_TARGET_DIR`: keep it.
            let target = if target.ends_with(&folder) { target } else { target.join(folder) };
            (PathBuf::from(python), origin, venv, target)
        }
    };
    let seed_from = std::env::var_os(PYTHON_VAR).filter(|v| !v.is_empty()).and_then(|_| target.parent().map(Path::to_path_buf));
    Ok(match std::env::var_os(VENV_VAR).filter(|v| !v.is_empty()) {
        Some(venv) => Choice { base, origin, venv: PathBuf::from(venv), owner: VenvOwner::Outside, target, seed_from },
        None => Choice { base, origin, venv, owner: VenvOwner::Workbook, target, seed_from },
    })
}

/// `major.minor` of the interpreter `python`, e.g. `3.12`.
fn minor_version(python: &OsString) -> Result<String> {
    let shown = python.to_string_lossy();
    let output = Command::new(python)
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .with_context(|| format!("{PYTHON_VAR}={shown} cannot start: set it to a Python 3.10 or newer, e.g. python3.12 or /usr/bin/python3"))?;
    let minor = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || !minor.starts_with("3.") {
        bail!(
            "{PYTHON_VAR}={shown} did not report its version ({}): set it to a Python 3.10 or newer\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_interpreter_gets_folders_named_after_its_version() {
        let python = OsString::from("python3");
        let minor = minor_version(&python).expect("python3 runs on the machines that build the workbook");
        assert!(minor.starts_with("3.") && minor[2..].parse::<u32>().is_ok(), "{minor}");
    }

    #[test]
    fn an_interpreter_that_does_not_run_is_named() {
        let err = minor_version(&OsString::from("/nonexistent/python9")).unwrap_err();
        assert!(format!("{err:#}").contains("WORKBOOK_PYTHON=/nonexistent/python9 cannot start"), "{err:#}");
    }
}
