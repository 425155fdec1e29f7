//! The repository the xtask works in, and the one environment every child process gets.
//!
//! Every cargo, Python and maturin process is started from here, so they all agree on the
//! interpreter (`PYO3_PYTHON`), the virtual environment and insta's behaviour. That
//! agreement is what keeps pyo3 from rebuilding and keeps checks from writing snapshots.

use crate::python::choice::Choice;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The xtask's own manifest, relative to the root: a workspace of its own, apart from the
/// exercises' workspace at the root (see `xtask/Cargo.toml` for why).
#[cfg(any(feature = "authoring", not(feature = "book"), not(feature = "students-edition")))]
pub const XTASK_MANIFEST: &str = "xtask/Cargo.toml";

/// The repository root and the project's Python environment.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The repository root: the folder holding the workspace `Cargo.toml`.
    pub root: PathBuf,
    /// The interpreter, venv and target folder in use (`python/choice.rs`).
    pub python: Choice,
}

impl Workspace {
    /// Finds the repository root: `WORKBOOK_ROOT` if set (the xtask's own tests use it to
    /// point at a fixture course), otherwise the parent of the xtask crate.
    ///
    /// # Errors
    /// When the folder found holds no `exercises/info.toml`, or `WORKBOOK_PYTHON` names an
    /// interpreter that does not run.
    pub fn find() -> Result<Workspace> {
        let root = match std::env::var_os("WORKBOOK_ROOT") {
            Some(root) => PathBuf::from(root),
            None => Path::new(env!("CARGO_MANIFEST_DIR"))
                .parent()
                .context("the xtask crate has no parent folder")?
                .to_path_buf(),
        };
        if !root.join("exercises/info.toml").is_file() {
            bail!(
                "{} is not a workbook: it has no exercises/info.toml; run `cargo xtask` from the workbook's repository",
                root.display()
            );
        }
        let python = crate::python::choice::choose(&root)?;
        Ok(Workspace { root, python })
    }

    /// The repository-relative `path` as an absolute path.
    pub fn path(&self, path: impl AsRef<Path>) -> PathBuf {
        self.root.join(path)
    }

    /// The project's virtual environment: `.venv` at the root unless `WORKBOOK_PYTHON` or
    /// `WORKBOOK_VENV` say otherwise (`python/choice.rs`).
    pub fn venv(&self) -> PathBuf {
        self.python.venv.clone()
    }

    /// The virtual environment's Python interpreter, the one pyo3 builds against.
    pub fn venv_python(&self) -> PathBuf {
        if cfg!(windows) {
            self.venv().join("Scripts").join("python.exe")
        } else {
            self.venv().join("bin").join("python")
        }
    }

    /// The folder of the virtual environment's programs (`maturin`, `pytest`).
    pub fn venv_bin(&self) -> PathBuf {
        self.venv().join(if cfg!(windows) { "Scripts" } else { "bin" })
    }

    /// The folder for the workbook's own state (progress, hints shown): `.workbook/`.
    pub fn state_dir(&self) -> PathBuf {
        self.root.join(".workbook")
    }

    /// The cargo target directory: `CARGO_TARGET_DIR` if set, else `target/` at the root;
    /// a folder of its own inside it for an interpreter picked by `WORKBOOK_PYTHON`.
    pub fn target_dir(&self) -> PathBuf {
        self.python.target.clone()
    }

    /// Whether nothing has been built yet: no pyo3 in the target directory's debug build,
    /// so the next check compiles every dependency first.
    pub fn is_cold(&self) -> bool {
        let fingerprints = self.target_dir().join("debug/.fingerprint");
        let Ok(entries) = fs_err::read_dir(fingerprints) else { return true };
        !entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("pyo3-"))
    }

    /// A `cargo` command run at the root with the workbook's environment.
    pub fn cargo(&self) -> Command {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        self.command(cargo)
    }

    /// A command for `program`, run at the root with the workbook's environment:
    /// - `PYO3_PYTHON` is the venv's interpreter and `VIRTUAL_ENV` the venv, with its
    ///   programs first on `PATH`; `CARGO_TARGET_DIR` is the interpreter's target folder;
    /// - every `INSTA_*` variable is removed and `INSTA_UPDATE=no` set, so that insta,
    ///   where a test still falls back to it, never writes or force-passes a snapshot
    ///   (verdicts are the xtask's, `stage/verdict.rs`; `bless` writes snapshots itself);
    /// - `RUST_BACKTRACE=0`, so a failing stage shows its message, not a backtrace.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("INSTA_") {
                cmd.env_remove(&key);
            }
        }
        cmd.env("INSTA_UPDATE", "no");
        cmd.env("RUST_BACKTRACE", "0");
        cmd.env("PYO3_PYTHON", self.venv_python());
        cmd.env("VIRTUAL_ENV", self.venv());
        cmd.env("CARGO_TARGET_DIR", self.target_dir());
        let mut paths = vec![self.venv_bin()];
        if let Some(path) = std::env::var_os("PATH") {
            paths.extend(std::env::split_paths(&path));
        }
        if let Ok(joined) = std::env::join_paths(paths) {
            cmd.env("PATH", joined);
        }
        cmd
    }
}

/// Runs `cmd`, failing with its output when it exits unsuccessfully.
///
/// # Errors
/// When the program cannot start or exits with a failure status.
pub fn run_quiet(cmd: &mut Command, what: &str) -> Result<String> {
    let output = cmd.output().with_context(|| format!("{what}: could not start {:?}", cmd.get_program()))?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!(
            "{what} failed ({}):\n{}{}",
            output.status,
            stdout,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(stdout)
}
