//! The project's Python: the virtual environment, created on first use, and what an
//! interpreter says about itself. `choice.rs` decides which interpreter and venv;
//! `preflight.rs` checks the interpreter before the venv is made.

pub mod choice;
pub mod preflight;

use crate::workspace::{Workspace, run_quiet};
use choice::VenvOwner;
use anyhow::{Context, Result};
use serde::Deserialize;
use fs_err as fs;
use std::path::Path;

/// The pinned requirements of the venv, relative to the root.
pub const REQUIREMENTS: &str = "assets/requirements.txt";

/// A copy of the requirements the venv was last installed from, inside the venv, so that
/// changing a pin reinstalls on the next run.
const INSTALLED_MARKER: &str = "workbook-requirements.txt";

/// Makes sure the venv exists with the pinned requirements installed, creating or updating
/// it and saying so. Fast when nothing changed: one file comparison. Before it creates the
/// venv, it checks the base interpreter ([`preflight::check`]). Does nothing when
/// `WORKBOOK_VENV` names a venv to use as it is.
///
/// # Errors
/// When the base interpreter lacks a part the workbook needs (one message per part, with
/// its fix), when Python cannot create the venv, or when pip cannot install the
/// requirements (offline, or a pin that does not exist), with pip's message.
pub fn ensure_venv(ws: &Workspace) -> Result<()> {
    if ws.python.owner == VenvOwner::Outside {
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
        let base = &ws.python.base;
        preflight::check(base, &ws.python.origin)?;
        crate::ui::note(&format!(
            "First use: creating the workbook's Python environment in {} with {} (about 15 s, once)",
            ws.venv().display(),
            REQUIREMENTS
        ));
        if let Some(parent) = ws.venv().parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        run_quiet(
            std::process::Command::new(base).arg("-m").arg("venv").arg(ws.venv()),
            &format!("creating {} with {}", ws.venv().display(), base.display()),
        )?;
    } else {
        crate::ui::note(&format!("{REQUIREMENTS} changed: updating {}", ws.venv().display()));
    }
    run_quiet(
        ws.command(&python)
            .args(["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r"])
            .arg(ws.path(REQUIREMENTS)),
        &format!("installing the workbook's Python packages into {}", ws.venv().display()),
    )?;
    fs::write(&marker, requirements).with_context(|| format!("writing {}", marker.display()))?;
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
