//! The project's Python: the virtual environment `.venv`, created on first use, and what
//! an interpreter says about itself.

use crate::workspace::{Workspace, run_quiet};
use anyhow::{Context, Result};
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The pinned requirements of the venv, relative to the root.
pub const REQUIREMENTS: &str = "assets/requirements.txt";

/// A copy of the requirements the venv was last installed from, inside the venv, so that
/// changing a pin reinstalls on the next run.
const INSTALLED_MARKER: &str = "workbook-requirements.txt";

/// The Python that creates the venv: `WORKBOOK_PYTHON` if set, else `python3`
/// (`python` on Windows).
pub fn base_python() -> PathBuf {
    match std::env::var_os("WORKBOOK_PYTHON") {
        Some(python) => PathBuf::from(python),
        None => PathBuf::from(if cfg!(windows) { "python" } else { "python3" }),
    }
}

/// Makes sure `.venv` exists with the pinned requirements installed, creating or updating
/// it and saying so. Fast when nothing changed: one file comparison. Does nothing when
/// `WORKBOOK_VENV` names a venv to use as it is.
///
/// # Errors
/// When Python cannot create the venv or pip cannot install the requirements (offline, or
/// a pin that does not exist), with pip's message.
pub fn ensure_venv(ws: &Workspace) -> Result<()> {
    if std::env::var_os("WORKBOOK_VENV").is_some() {
        // A venv given from outside is used as it is, never created or changed.
        return Ok(());
    }
    let requirements = fs::read_to_string(ws.path(REQUIREMENTS))
        .with_context(|| format!("reading {REQUIREMENTS}"))?;
    let marker = ws.venv().join(INSTALLED_MARKER);
    let python = ws.venv_python();
    if python.exists() && fs::read_to_string(&marker).is_ok_and(|m| m == requirements) {
        return Ok(());
    }
    if !python.exists() {
        crate::ui::note(&format!(
            "First use: creating the workbook's Python environment in {} with {} (about 15 s, once)",
            ws.venv().display(),
            REQUIREMENTS
        ));
        let base = base_python();
        run_quiet(
            std::process::Command::new(&base).arg("-m").arg("venv").arg(ws.venv()),
            &format!("creating .venv with {}", base.display()),
        )
        .context("install Python 3.9 or newer with its venv module, or set WORKBOOK_PYTHON to one")?;
    } else {
        crate::ui::note(&format!("{REQUIREMENTS} changed: updating .venv"));
    }
    run_quiet(
        ws.command(&python)
            .args(["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r"])
            .arg(ws.path(REQUIREMENTS)),
        "installing the workbook's Python packages into .venv",
    )?;
    fs::write(&marker, requirements).context("recording the installed requirements")?;
    Ok(())
}

/// What an interpreter reports about itself (`sys` and `sysconfig`).
#[derive(Debug, Deserialize, PartialEq)]
pub struct Interpreter {
    /// `sys.version`, e.g. `3.11.7 (main, ...) [GCC 12.2.0]`.
    pub version: String,
    /// `sys.executable`.
    pub executable: String,
    /// `sys.prefix`: the venv for a venv's interpreter.
    pub prefix: String,
    /// `sys.base_prefix`: the installation the venv was made from.
    pub base_prefix: String,
    /// `sysconfig.get_config_var("LIBDIR")`: where its libpython lives.
    pub libdir: Option<String>,
}

/// The Python code that prints an [`Interpreter`] as JSON; the embedding probe runs the
/// same code inside its embedded interpreter.
pub const DESCRIBE: &str = "import json, sys, sysconfig; print(json.dumps({'version': sys.version, 'executable': sys.executable, 'prefix': sys.prefix, 'base_prefix': sys.base_prefix, 'libdir': sysconfig.get_config_var('LIBDIR')}))";

/// Asks `python` to describe itself.
///
/// # Errors
/// When it cannot run or prints something other than the expected JSON.
pub fn describe(ws: &Workspace, python: &Path) -> Result<Interpreter> {
    let out = run_quiet(ws.command(python).args(["-c", DESCRIBE]), "asking Python to describe itself")?;
    serde_json::from_str(out.trim()).with_context(|| format!("{} printed unexpected output: {out}", python.display()))
}
