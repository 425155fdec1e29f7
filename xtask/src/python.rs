//! The project's Python: the virtual environment, created on first use, and what an
//! interpreter says about itself. `choice.rs` decides which interpreter and venv;
//! `preflight.rs` checks the interpreter before the venv is made; `install.rs` installs
//! the pinned packages (uv, else pip), in the background while the first build runs.

pub mod choice;
pub mod install;
pub mod preflight;

use crate::workspace::{Workspace, run_quiet};
use choice::VenvOwner;
use anyhow::{Context, Result};
use serde::Deserialize;
use fs_err as fs;
use std::path::Path;

pub use install::Setup;

/// The pinned requirements of the venv that every student's command needs, relative to
/// the root.
pub const REQUIREMENTS: &str = "assets/requirements.txt";

/// The pins only the authors' commands need (the book's test suites: Playwright),
/// installed on top of [`REQUIREMENTS`] when such a command first runs.
pub const AUTHORS_REQUIREMENTS: &str = "assets/requirements-authors.txt";

/// Which pinned packages a command needs in the venv.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packages {
    /// [`REQUIREMENTS`]: checks, exercises, `doctor`, grading.
    Students,
    /// [`REQUIREMENTS`] and [`AUTHORS_REQUIREMENTS`]: the book's Python and browser suites.
    #[cfg_attr(not(feature = "authoring"), allow(dead_code, reason = "asked for by verify only"))]
    Authors,
}

impl Packages {
    /// The requirements files, relative to the root, in the order they are installed.
    pub fn files(self) -> &'static [&'static str] {
        match self {
            Packages::Students => &[REQUIREMENTS],
            Packages::Authors => &[REQUIREMENTS, AUTHORS_REQUIREMENTS],
        }
    }
}

/// Makes sure the venv exists with the `packages` installed, creating or updating it and
/// saying so, and returns when it is ready: [`start_venv`], then [`Setup::wait`].
///
/// # Errors
/// As [`start_venv`] and [`Setup::wait`].
pub fn ensure_venv(ws: &Workspace, packages: Packages) -> Result<()> {
    start_venv(ws, packages)?.wait()
}

/// The one function that makes the venv and keeps it in step with its requirements.
///
/// Fast when nothing changed: one file comparison per requirements file (each installed
/// file is copied into the venv, `workbook-<file name>`, so that changing a pin
/// reinstalls on the next run). Otherwise, it makes sure the venv's interpreter exists
/// before it returns (`python -m venv --without-pip`, a fraction of a second, after
/// [`preflight::check`] of the base interpreter), since that is all a cargo build needs
/// (`PYO3_PYTHON`), and installs the packages in the background (`install.rs`: pip, uv,
/// the requirements; about 15 s on two idle cores, cached downloads). Wait with
/// [`Setup::wait_for_maturin`] before running maturin and [`Setup::wait`] before anything
/// that imports a package. Does nothing when `WORKBOOK_VENV` names a venv to use as it is.
/// Before all that, another interpreter's new target folder is seeded ([`seed_target`]).
///
/// # Errors
/// When a requirements file cannot be read, when the base interpreter lacks a part the
/// workbook needs (one message per part, with its fix), or when Python cannot create the
/// venv. Failures of the installation itself come from the [`Setup`].
pub fn start_venv(ws: &Workspace, packages: Packages) -> Result<Setup> {
    seed_target(ws);
    if ws.python.owner == VenvOwner::Outside {
        return Ok(Setup::ready());
    }
    let mut files = Vec::new();
    for file in packages.files() {
        let text = fs::read_to_string(ws.path(file)).with_context(|| format!("reading the pins of the workbook's venv, {file}"))?;
        files.push((*file, text));
    }
    let python = ws.venv_python();
    let marker = |file: &str| ws.venv().join(format!("workbook-{}", Path::new(file).file_name().map_or(file.into(), |n| n.to_string_lossy())));
    let stale: Vec<&str> = files.iter().filter(|(file, text)| fs::read_to_string(marker(file)).ok().as_ref() != Some(text)).map(|(file, _)| *file).collect();
    if python.exists() && stale.is_empty() {
        return Ok(Setup::ready());
    }
    // A venv is complete once its students' requirements were installed: without that
    // marker it was just made (or its making was interrupted) and has no pip yet.
    let needs_pip = !marker(REQUIREMENTS).exists();
    if !python.exists() {
        let base = &ws.python.base;
        preflight::check(base, &ws.python.origin)?;
        crate::ui::note(&format!(
            "First use: creating the workbook's Python environment in {} with {} (about 15 s, once)",
            ws.venv().display(),
            stale.join(" and ")
        ));
        if let Some(parent) = ws.venv().parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        // pip comes next, in the background (`install.rs`), with the same `ensurepip`
        // call `python -m venv` makes: the same venv, made without waiting for it.
        run_quiet(
            std::process::Command::new(base).arg("-m").arg("venv").arg("--without-pip").arg(ws.venv()),
            &format!("creating the venv: `{} -m venv --without-pip {}`", base.display(), ws.venv().display()),
        )?;
    } else if needs_pip {
        crate::ui::note(&format!("Completing the workbook's Python environment in {}", ws.venv().display()));
    } else if stale.iter().all(|file| !marker(file).exists()) {
        crate::ui::note(&format!("Installing the packages of {} into {}", stale.join(" and "), ws.venv().display()));
    } else {
        crate::ui::note(&format!("{} changed: updating {}", stale.join(" and "), ws.venv().display()));
    }
    let markers = files.into_iter().map(|(file, text)| (marker(file), text)).collect();
    Ok(install::start(ws, packages, needs_pip, markers))
}

/// Starts a new target folder of another interpreter than the default one
/// (`WORKBOOK_PYTHON`) from the registry crates compiled in the default one's
/// (`crate::seed`): only pyo3 and what is built on it compile again.
fn seed_target(ws: &Workspace) {
    let Some(from) = &ws.python.seed_from else { return };
    let target = ws.target_dir();
    if target.exists() || !from.join("debug").is_dir() {
        return;
    }
    crate::seed::start(ws, &target.display().to_string(), from, &target);
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
