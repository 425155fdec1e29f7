//! Installing the venv's pinned packages, in a thread of its own, so that a cargo build
//! (which needs only the venv's interpreter) runs at the same time.
//!
//! The steps, each named with its output when it fails:
//! 1. pip, when the venv has none yet: `python -m ensurepip --upgrade --default-pip`, the
//!    call `python -m venv` itself makes;
//! 2. pip installs the pins of [`BOOTSTRAP`] (uv, maturin) read from the requirements
//!    files, so that each version is written in one place; maturin is usable from here on;
//! 3. uv installs every requirement, about ten times faster than pip (it unpacks and
//!    compiles in parallel): `uv pip install --python <venv python> --compile-bytecode -r
//!    ...`. The `.pyc` files are compiled here, as pip does, because a check imports
//!    pytest and NumPy with `python -B` and must find them compiled.
//!    When uv is not pinned, or cannot install (an index or a wheel folder that only pip
//!    is configured for, in `pip.conf` or `PIP_INDEX_URL`), pip installs them instead, and
//!    a line says so;
//! 4. the copies of the requirements files are written into the venv, marking it done.

use super::Packages;
use crate::workspace::{Workspace, run_quiet};
use anyhow::{Result, anyhow};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

/// The packages pip installs before the others, their pins read from the requirements:
/// uv, which installs the rest, and maturin, which the first wheel build waits for.
pub const BOOTSTRAP: &[&str] = &["uv", "maturin"];

/// The installation of the venv's packages, running or done. Dropping it waits for the
/// installation to end, so that no installer outlives the command.
pub struct Setup {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Setup {
    /// An installation already done: for a venv that was ready, or for callers whose
    /// venv [`super::ensure_venv`] made ready before.
    pub fn ready() -> Setup {
        let done = Milestones { maturin: Some(Ok(())), all: Some(Ok(())) };
        Setup { shared: Arc::new(Shared { state: Mutex::new(done), changed: Condvar::new() }), thread: None }
    }

    /// Waits until the venv's `maturin` can run (before the rest of the packages when
    /// uv installs them).
    ///
    /// # Errors
    /// When the installation failed: the command that failed, with its output.
    pub fn wait_for_maturin(&self) -> Result<()> {
        self.shared.wait(|m| &m.maturin)
    }

    /// Waits until every package is installed.
    ///
    /// # Errors
    /// When the installation failed: the command that failed, with its output.
    pub fn wait(&self) -> Result<()> {
        self.shared.wait(|m| &m.all)
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What the installation has reached: `None` until then, the error's text if it failed.
#[derive(Default)]
struct Milestones {
    maturin: Option<Result<(), String>>,
    all: Option<Result<(), String>>,
}

struct Shared {
    state: Mutex<Milestones>,
    changed: Condvar,
}

impl Shared {
    fn wait(&self, milestone: fn(&Milestones) -> &Option<Result<(), String>>) -> Result<()> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(reached) = milestone(&state) {
                return reached.clone().map_err(|e| anyhow!(e));
            }
            state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn update(&self, change: impl FnOnce(&mut Milestones)) {
        change(&mut self.state.lock().unwrap_or_else(PoisonError::into_inner));
        self.changed.notify_all();
    }

    /// Records the end of the installation; every milestone not reached yet failed with it.
    fn finish(&self, result: Result<(), String>) {
        self.update(|m| {
            m.maturin.get_or_insert_with(|| result.clone());
            m.all.get_or_insert(result);
        });
    }
}

/// Ends the waits even if the installation panics.
struct Finish(Arc<Shared>);

impl Drop for Finish {
    fn drop(&mut self) {
        self.0.finish(Err("the installation of the venv's packages stopped unexpectedly".to_string()));
    }
}

/// Starts installing `packages` into the venv of `ws`, whose interpreter exists: pip
/// first when `needs_pip`; `markers` are the files to write, with their text, once done.
pub(super) fn start(ws: &Workspace, packages: Packages, needs_pip: bool, markers: Vec<(PathBuf, String)>) -> Setup {
    let shared = Arc::new(Shared { state: Mutex::new(Milestones::default()), changed: Condvar::new() });
    let ws = ws.clone();
    let finish = Finish(shared.clone());
    let thread = std::thread::spawn(move || {
        let texts: Vec<&str> = markers.iter().map(|(_, text)| text.as_str()).collect();
        let maturin_ready = || finish.0.update(|m| m.maturin = Some(Ok(())));
        let result = install(&ws, packages, needs_pip, &texts, &maturin_ready).and_then(|()| {
            for (marker, text) in &markers {
                fs_err::write(marker, text)?;
            }
            Ok(())
        });
        finish.0.finish(result.map_err(|e| format!("{e:#}")));
    });
    Setup { shared, thread: Some(thread) }
}

/// Steps 1 to 3 of the module's documentation; `texts` are the requirements files' texts.
fn install(ws: &Workspace, packages: Packages, needs_pip: bool, texts: &[&str], maturin_ready: &dyn Fn()) -> Result<()> {
    let python = ws.venv_python();
    if needs_pip {
        run(ws, command(ws, &python).args(["-m", "ensurepip", "--upgrade", "--default-pip"]), "installing pip into the venv")?;
    }
    let pip = |cmd: &mut Command| {
        cmd.args(["-m", "pip", "install", "--disable-pip-version-check", "--quiet"]);
    };
    let files: Vec<PathBuf> = packages.files().iter().map(|f| ws.path(f)).collect();
    let bootstrap = pins(texts, BOOTSTRAP);
    if bootstrap.iter().any(|(name, _)| name == "uv") {
        let mut first = command(ws, &python);
        pip(&mut first);
        first.args(bootstrap.iter().map(|(_, line)| line));
        let uv = run(ws, &mut first, "installing uv and maturin into the venv").and_then(|_| {
            if bootstrap.iter().any(|(name, _)| name == "maturin") {
                maturin_ready();
            }
            let mut uv = command(ws, ws.venv_bin().join("uv"));
            uv.args(["pip", "install", "--python"]).arg(&python).arg("--compile-bytecode");
            for file in &files {
                uv.arg("-r").arg(file);
            }
            run(ws, &mut uv, "installing the workbook's Python packages")
        });
        match uv {
            Ok(_) => return Ok(()),
            Err(err) => crate::ui::note(&format!("installing with uv failed ({}): installing the packages with pip instead, which takes longer", reason(&err))),
        }
    }
    let mut all = command(ws, &python);
    pip(&mut all);
    for file in &files {
        all.arg("-r").arg(file);
    }
    run(ws, &mut all, "installing the workbook's Python packages").map(|_| ())
}

/// A command of the installation: the workbook's environment, without the variables that
/// would let another installation's packages count as installed (what `venv` does too).
fn command(ws: &Workspace, program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = ws.command(program);
    cmd.env_remove("PYTHONPATH").env_remove("PYTHONHOME");
    cmd
}

/// Runs `cmd`, failing with the command line, `what` it was doing, and its output.
fn run(ws: &Workspace, cmd: &mut Command, what: &str) -> Result<String> {
    let shown = shown(&ws.root, cmd);
    run_quiet(cmd, &format!("{what}: `{shown}`"))
}

/// `cmd` as a shell line, with paths under `root` relative to it.
fn shown(root: &Path, cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|arg| {
            let path = Path::new(arg);
            path.strip_prefix(root).unwrap_or(path).display().to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lines of `texts` (requirements files) that pin one of `names`, as `(name, line)`,
/// comments removed; pip evaluates their environment markers.
pub fn pins(texts: &[&str], names: &[&str]) -> Vec<(String, String)> {
    texts
        .iter()
        .flat_map(|text| text.lines())
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty() && !line.starts_with('-'))
        .filter_map(|line| {
            let name: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c)).collect();
            let name = name.to_ascii_lowercase().replace(['_', '.'], "-");
            names.contains(&name.as_str()).then(|| (name, line.to_string()))
        })
        .collect()
}

/// One line on why the installer failed: its first line that reads as an error, else
/// its last line.
fn reason(err: &anyhow::Error) -> String {
    let text = format!("{err:#}");
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let line = lines
        .iter()
        .skip(1)
        .find(|l| l.to_ascii_lowercase().starts_with("error") || l.starts_with('×'))
        .or(lines.last())
        .copied()
        .unwrap_or("no output");
    let mut line = line.trim_start_matches('×').trim().to_string();
    if line.chars().count() > 160 {
        line = line.chars().take(157).collect::<String>() + "...";
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_read_from_the_requirements_with_their_markers() {
        let students = "# comment\nmaturin==1.16.0\nuv==0.13.8  # the installer\nnumpy==2.4.6; python_version >= \"3.11\"\n";
        let other = "-r requirements.txt\nUV==0.1; python_version < \"3.11\"\nuvicorn==1\n";
        assert_eq!(
            pins(&[students, other], BOOTSTRAP),
            vec![
                ("maturin".to_string(), "maturin==1.16.0".to_string()),
                ("uv".to_string(), "uv==0.13.8".to_string()),
                ("uv".to_string(), "UV==0.1; python_version < \"3.11\"".to_string()),
            ]
        );
        assert!(pins(&["# nothing: the fixture needs no package\n"], BOOTSTRAP).is_empty());
    }

    #[test]
    fn the_requirements_pin_what_the_installation_starts_with() {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(super::super::REQUIREMENTS)).unwrap();
        let found: Vec<String> = pins(&[&text], BOOTSTRAP).into_iter().map(|(name, _)| name).collect();
        assert_eq!(found, vec!["maturin", "uv"], "{} must pin uv and maturin", super::super::REQUIREMENTS);
    }

    #[test]
    fn a_failure_is_one_line_with_the_installers_error() {
        let err = anyhow!("installing: `uv pip install` failed (exit status: 2):\nResolved 3 packages\nerror: Failed to fetch: `https://pypi.org/simple/numpy/`\n  Caused by: dns error\n");
        assert_eq!(reason(&err), "error: Failed to fetch: `https://pypi.org/simple/numpy/`");
        let err = anyhow!("x failed:\n  × No solution found when resolving dependencies:\n  ╰─▶ Because ...");
        assert_eq!(reason(&err), "No solution found when resolving dependencies:");
    }

    #[test]
    fn maturins_wait_ends_before_the_installation_does() {
        let shared = Arc::new(Shared { state: Mutex::new(Milestones::default()), changed: Condvar::new() });
        let installer = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                shared.update(|m| m.maturin = Some(Ok(())));
                shared.finish(Err("installing the workbook's Python packages: `uv pip install` failed".to_string()));
            })
        };
        shared.wait(|m| &m.maturin).expect("maturin was installed before the failure");
        installer.join().unwrap();
        let err = shared.wait(|m| &m.all).unwrap_err();
        assert!(format!("{err}").contains("`uv pip install` failed"), "{err}");
    }

    #[test]
    fn an_installation_that_stops_ends_every_wait() {
        let shared = Arc::new(Shared { state: Mutex::new(Milestones::default()), changed: Condvar::new() });
        let guard = Finish(shared.clone());
        let thread = std::thread::spawn(move || {
            let _guard = guard;
            panic!("the installer stopped");
        });
        assert!(thread.join().is_err());
        assert!(shared.wait(|m| &m.maturin).is_err());
        let err = shared.wait(|m| &m.all).unwrap_err();
        assert!(format!("{err}").contains("stopped unexpectedly"), "{err}");
    }

    #[test]
    fn a_command_is_shown_with_paths_relative_to_the_root() {
        let mut cmd = Command::new("/work/repo/.venv/bin/uv");
        cmd.args(["pip", "install", "-r", "/work/repo/assets/requirements.txt"]);
        assert_eq!(shown(Path::new("/work/repo"), &cmd), ".venv/bin/uv pip install -r assets/requirements.txt");
    }
}
