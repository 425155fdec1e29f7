//! Confinement of student code with the kernel's Landlock LSM (Linux 5.13 and later;
//! these machines have ABI 7), through the `landlock` crate.
//!
//! The grader runs a student's test binary as
//! `[unshare …] xtask confine --read DIR… --write DIR… -- TEST-BINARY ARGS…`. The
//! `confine` command restricts itself (the rules are inherited by every process it
//! starts, and can never be lifted), then starts the program as its child, waits, and
//! exits with the child's code, or 128 + N when signal N ended it (it stays the parent so
//! that, as the first process of a PID namespace, it is the one the kernel shields from
//! signals, not the test). What the program may do with files:
//! - read and execute: the system (`/usr`, `/lib*`, `/bin`, `/sbin`, `/etc`, `/proc`,
//!   `/sys`), the Rust toolchain, the venv and the Python it was made from, and its own
//!   sandbox slot (sources and compiled tests, read-only);
//! - write: `/dev` (`/dev/null`) and the run's scratch folder (report, wheel, `TMPDIR`).
//!
//! Nothing else: not `solutions/`, the output folder, other submissions or slots, the
//! grader's home, and not the slot's compiled dependencies.

use crate::flags::Confine;
use anyhow::{Context, Result, bail};
#[cfg(target_os = "linux")]
use landlock::{ABI, Access, AccessFs, Ruleset, RulesetAttr, RulesetCreatedAttr, RulesetStatus, path_beneath_rules};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The Landlock ABI the rules are written for (file rights up to `IoctlDev`); a newer
/// kernel enforces them as they are.
#[cfg(target_os = "linux")]
const ABI_USED: ABI = ABI::V5;

/// Folders of the system every run may read and execute from.
const SYSTEM: [&str; 8] = ["/usr", "/lib", "/lib64", "/bin", "/sbin", "/etc", "/proc", "/sys"];

/// Runs `cargo xtask confine`.
///
/// # Errors
/// When the rules cannot be made or applied, or the program cannot start.
pub fn run(args: Confine) -> Result<ExitCode> {
    if args.probe {
        restrict(&[], &[])?;
        return match std::fs::read_dir("/") {
            Err(err) if err.kind() == std::io::ErrorKind::PermissionDenied => Ok(ExitCode::SUCCESS),
            _ => bail!("Landlock rules were accepted but reading / still works"),
        };
    }
    let Some((program, rest)) = args.program.split_first() else { bail!("name the program to run after `--`") };
    restrict(&args.read, &args.write)?;
    let outcome = std::process::Command::new(program).args(rest).status().with_context(|| format!("starting {}", program.to_string_lossy()))?;
    let code = match (outcome.code(), std::os::unix::process::ExitStatusExt::signal(&outcome)) {
        (Some(code), _) => code,
        (None, Some(signal)) => 128 + signal,
        (None, None) => 1,
    };
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// Landlock is Linux's: elsewhere nothing can be confined.
#[cfg(not(target_os = "linux"))]
fn restrict(_read: &[PathBuf], _write: &[PathBuf]) -> Result<()> {
    bail!("Landlock is a Linux security module; this system has none")
}

/// Restricts this process to reading `read` and writing `write` (plus the system).
///
/// # Errors
/// When the rules cannot be made, or the kernel does not enforce them.
#[cfg(target_os = "linux")]
fn restrict(read: &[PathBuf], write: &[PathBuf]) -> Result<()> {
    let existing = |paths: Vec<PathBuf>| -> Vec<PathBuf> { paths.into_iter().filter(|p| p.exists()).collect() };
    let mut readable: Vec<PathBuf> = if read.is_empty() && write.is_empty() { Vec::new() } else { SYSTEM.iter().map(PathBuf::from).collect() };
    readable.extend(read.iter().cloned());
    let mut writable = write.to_vec();
    if !readable.is_empty() {
        writable.push(PathBuf::from("/dev"));
    }
    let status = Ruleset::default()
        .handle_access(AccessFs::from_all(ABI_USED))
        .context("describing the Landlock rules")?
        .create()
        .context("creating the Landlock ruleset")?
        .add_rules(path_beneath_rules(existing(readable), AccessFs::from_read(ABI_USED)))
        .context("adding the Landlock rules for reading")?
        .add_rules(path_beneath_rules(existing(writable), AccessFs::from_all(ABI_USED)))
        .context("adding the Landlock rules for writing")?
        .restrict_self()
        .context("applying the Landlock rules")?;
    if status.ruleset == RulesetStatus::NotEnforced {
        bail!("Landlock is not enforced by this kernel (not built in, or not in the `lsm=` list)");
    }
    Ok(())
}

/// Whether confinement works on this machine: runs `xtask confine --probe`.
///
/// # Errors
/// The reason it does not, in one line.
pub fn probe() -> std::result::Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("the xtask cannot find its own program: {e}"))?;
    let out = std::process::Command::new(exe).args(["confine", "--probe"]).output().map_err(|e| format!("could not start the probe: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let said = String::from_utf8_lossy(&out.stderr);
        Err(said.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("the probe failed").trim().to_string())
    }
}

/// The folders a confined run may read, besides the system and its own slot: the
/// toolchain, the venv and the Python it was made from.
#[derive(Debug, Clone)]
pub struct Confinement {
    read: Vec<PathBuf>,
}

impl Confinement {
    /// The rules for runs that use the venv at `venv` (its Python, `python`, is asked
    /// where it was installed from); asked once per grading run.
    ///
    /// # Errors
    /// When the venv's Python cannot say where its base installation is.
    pub fn new(venv: &Path, python: &Path) -> Result<Confinement> {
        let out = std::process::Command::new(python)
            .args(["-c", "import sys, sysconfig; print(sys.base_prefix); print(sysconfig.get_config_var('LIBDIR') or '')"])
            .output()
            .with_context(|| format!("asking {} for its base installation", python.display()))?;
        let mut read: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.is_empty()).map(PathBuf::from).collect();
        read.push(venv.to_path_buf());
        if let Ok(resolved) = std::fs::canonicalize(python) {
            read.extend(resolved.parent().map(Path::to_path_buf));
        }
        if let Ok(out) = std::process::Command::new("rustc").args(["--print", "sysroot"]).output() {
            read.push(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
        }
        read.retain(|p| !p.as_os_str().is_empty());
        Ok(Confinement { read })
    }

    /// The `confine` arguments for a run in the sandbox slot `slot` whose scratch folder
    /// is `scratch`, up to and including the `--` before the program.
    pub fn args(&self, slot: &Path, scratch: &Path) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec!["confine".into()];
        for path in self.read.iter().map(PathBuf::as_path).chain([slot]) {
            args.extend(["--read".into(), path.as_os_str().to_os_string()]);
        }
        args.extend(["--write".into(), scratch.as_os_str().to_os_string(), "--".into()]);
        args
    }
}

/// The ending of a process run through `confine`: its code, or the signal encoded as
/// 128 + N.
pub fn ending(status: &std::process::ExitStatus) -> crate::verdict::Ending {
    use crate::verdict::Ending;
    match Ending::of(status) {
        Ending::Exited(code) if code > 128 && code < 128 + 32 => Ending::Signal(code - 128),
        other => other,
    }
}
