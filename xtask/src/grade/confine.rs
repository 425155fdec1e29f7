//! Confinement of student code with the kernel's Landlock LSM (Linux 5.13 and later;
//! these machines have ABI 7), through the `landlock` crate, and read-only mounts.
//!
//! The grader runs each step of a student's exercise as
//! `[unshare …] xtask confine --read DIR… --write DIR… [--read-only-root] -- PROGRAM ARGS…`.
//! The `confine` command restricts itself (the rules are inherited by every process it
//! starts, and can never be lifted), then starts the program as its child, waits, and
//! exits with the child's code, or 128 + N when signal N ended it (it stays the parent so
//! that, as the first process of a PID namespace, it is the one the kernel shields from
//! signals, not the test).
//!
//! Two phases, two sets of rules ([`Phase`]):
//! - **build** (`cargo test --no-run`, `maturin build`): the compiler may read the
//!   system, the toolchain, cargo's home and registry, the venv and its Python, and the
//!   slot, and write the slot's `target/` and `Cargo.lock`, cargo's home and the scratch
//!   folder. So
//!   `include_str!("/somewhere/else")` in a submission fails to compile instead of
//!   copying another file into the compiler's messages.
//! - **tests**: the test process may read and execute the system, the toolchain, the
//!   venv and its Python, and the slot (its compiled code included), and write only the
//!   run's scratch folder and `/dev/null`; `/dev` gives it nothing else (no terminal, no
//!   shared memory, no disk). In its own mount namespace (`--read-only-root`), every
//!   mount is also made read-only but the scratch folder, since Landlock does not guard
//!   a file's times, mode or owner: no `touch` of the slot's build to fool cargo's
//!   freshness check, no `chmod` anywhere.

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

/// Devices a run may read; of `/dev`, only `/dev/null` may also be written.
const DEVICES: [&str; 4] = ["/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"];

/// Runs `cargo xtask confine`.
///
/// # Errors
/// When the rules cannot be made or applied, or the program cannot start.
pub fn run(args: Confine) -> Result<ExitCode> {
    if args.read_only_root {
        read_only_root(&args.write)?;
    }
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
    // The shell's convention: a signal's number plus 128.
    let code = match check_report::process::Ending::of(&outcome) {
        check_report::process::Ending::Exited(code) => code,
        check_report::process::Ending::Signal(signal) => 128 + signal,
    };
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// Landlock is Linux's: elsewhere nothing can be confined.
#[cfg(not(target_os = "linux"))]
fn restrict(_read: &[PathBuf], _write: &[PathBuf]) -> Result<()> {
    bail!("Landlock is a Linux security module; this system has none")
}

/// Restricts this process to reading `read` and writing `write` (plus the system and
/// the devices of [`DEVICES`]).
///
/// # Errors
/// When the rules cannot be made, or the kernel does not enforce them.
#[cfg(target_os = "linux")]
fn restrict(read: &[PathBuf], write: &[PathBuf]) -> Result<()> {
    let existing = |paths: Vec<PathBuf>| -> Vec<PathBuf> { paths.into_iter().filter(|p| p.exists()).collect() };
    let probing = read.is_empty() && write.is_empty();
    let mut readable: Vec<PathBuf> = if probing { Vec::new() } else { SYSTEM.iter().chain(&DEVICES).map(PathBuf::from).collect() };
    readable.extend(read.iter().cloned());
    let mut writable = write.to_vec();
    if !probing {
        writable.push(PathBuf::from("/dev/null"));
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

/// `struct mount_attr` of `mount_setattr(2)`.
#[cfg(target_os = "linux")]
#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}

/// `MOUNT_ATTR_RDONLY` of `linux/mount.h`.
#[cfg(target_os = "linux")]
const MOUNT_ATTR_RDONLY: u64 = 1;

/// In this process's own mount namespace (made by `unshare --mount`): keeps every change
/// private, makes every mount read-only, recursively (`mount_setattr`, Linux 5.12), then
/// binds each of `writable` over itself, writable again.
///
/// # Errors
/// When a mount call fails (no mount namespace of its own, no `CAP_SYS_ADMIN`).
#[cfg(target_os = "linux")]
fn read_only_root(writable: &[PathBuf]) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |path: &Path| std::ffi::CString::new(path.as_os_str().as_bytes()).context("a path with a NUL byte");
    let check = |result: libc::c_long, what: String| -> Result<()> {
        if result < 0 { Err(std::io::Error::last_os_error()).context(what) } else { Ok(()) }
    };
    let root = c(Path::new("/"))?;
    // SAFETY: plain system calls on valid, NUL-terminated paths and a valid struct.
    unsafe {
        check(libc::mount(std::ptr::null(), root.as_ptr(), std::ptr::null(), libc::MS_REC | libc::MS_PRIVATE, std::ptr::null()).into(), "making the mounts private".into())?;
        for dir in writable {
            let path = c(dir)?;
            check(libc::mount(path.as_ptr(), path.as_ptr(), std::ptr::null(), libc::MS_BIND | libc::MS_REC, std::ptr::null()).into(), format!("binding {}", dir.display()))?;
        }
        let read_only = MountAttr { attr_set: MOUNT_ATTR_RDONLY, attr_clr: 0, propagation: 0, userns_fd: 0 };
        let size = std::mem::size_of::<MountAttr>();
        check(libc::syscall(libc::SYS_mount_setattr, libc::AT_FDCWD, root.as_ptr(), libc::AT_RECURSIVE as libc::c_uint, &read_only, size), "making every mount read-only".into())?;
        let writable_again = MountAttr { attr_set: 0, attr_clr: MOUNT_ATTR_RDONLY, propagation: 0, userns_fd: 0 };
        for dir in writable {
            let path = c(dir)?;
            check(libc::syscall(libc::SYS_mount_setattr, libc::AT_FDCWD, path.as_ptr(), libc::AT_RECURSIVE as libc::c_uint, &writable_again, size), format!("making {} writable", dir.display()))?;
        }
    }
    Ok(())
}

/// Mounts are Linux's here: elsewhere the root cannot be made read-only.
#[cfg(not(target_os = "linux"))]
fn read_only_root(_writable: &[PathBuf]) -> Result<()> {
    bail!("read-only mounts need Linux's mount namespaces")
}

/// Whether confinement works on this machine: runs `xtask confine --probe`, inside the
/// namespaces (`unshare_args`, empty when there are none), with the root made read-only
/// there.
///
/// # Errors
/// The reason it does not, in one line.
pub fn probe(unshare_args: &[&str]) -> std::result::Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("the xtask cannot find its own program: {e}"))?;
    let mut cmd = match unshare_args {
        [] => std::process::Command::new(&exe),
        args => {
            let mut cmd = std::process::Command::new("unshare");
            cmd.args(args).arg("--").arg(&exe);
            cmd
        }
    };
    cmd.args(["confine", "--probe"]);
    if !unshare_args.is_empty() {
        cmd.arg("--read-only-root");
    }
    let out = cmd.output().map_err(|e| format!("could not start the probe: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let said = String::from_utf8_lossy(&out.stderr);
        Err(said.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("the probe failed").trim().to_string())
    }
}

/// Which step of grading runs confined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Compiling: cargo and maturin, which write the slot's `target/`.
    Build,
    /// Running the tests: student code runs.
    Tests,
}

/// What a grading run's confined steps may read and write, found once per run.
#[derive(Debug)]
pub struct Confinement {
    /// A copy of the xtask binary, which the confined steps run: a rebuild of the xtask
    /// during grading would otherwise make every later step fail to start.
    program: PathBuf,
    /// The toolchain, the venv and the Python it was made from.
    read: Vec<PathBuf>,
    /// Cargo's home (registry, package cache lock), for builds.
    cargo_home: PathBuf,
    /// Whether the steps run in mount namespaces of their own (`unshare --mount`), where
    /// the root is made read-only.
    own_mounts: bool,
}

impl Confinement {
    /// The rules for a grading run that uses the venv at `venv` (its Python, `python`, is
    /// asked where it was installed from), copying the xtask into `dir`. `own_mounts` says
    /// whether the steps get mount namespaces of their own.
    ///
    /// # Errors
    /// When the venv's Python cannot say where its base installation is, or the xtask
    /// cannot be copied.
    pub fn new(venv: &Path, python: &Path, dir: &Path, own_mounts: bool) -> Result<Confinement> {
        let out = std::process::Command::new(python)
            .args(["-c", "import sys, sysconfig; print(sys.base_prefix); print(sysconfig.get_config_var('LIBDIR') or '')"])
            .output()
            .with_context(|| format!("asking {} for its base installation", python.display()))?;
        let mut read: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.is_empty()).map(PathBuf::from).collect();
        read.push(venv.to_path_buf());
        if let Ok(resolved) = std::fs::canonicalize(python) {
            read.extend(resolved.parent().map(Path::to_path_buf));
        }
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        let rustup = std::env::var_os("RUSTUP_HOME").map(PathBuf::from).unwrap_or_else(|| home.join(".rustup"));
        read.push(rustup);
        if let Ok(out) = std::process::Command::new("rustc").args(["--print", "sysroot"]).output() {
            read.push(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
        }
        read.retain(|p| !p.as_os_str().is_empty());
        let cargo_home = std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| home.join(".cargo"));
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let program = dir.join(format!("xtask-confine-{}", std::process::id()));
        // On Linux, `/proc/self/exe` reads the running program even after a rebuild has
        // replaced its file (a `bless` while a `verify` grades): `current_exe` would then
        // name a deleted path.
        let exe = if cfg!(target_os = "linux") && Path::new("/proc/self/exe").exists() {
            PathBuf::from("/proc/self/exe")
        } else {
            std::env::current_exe().context("finding the xtask's own program")?
        };
        std::fs::copy(&exe, &program).with_context(|| format!("copying {} to {}", exe.display(), program.display()))?;
        Ok(Confinement { program, read, cargo_home, own_mounts })
    }

    /// The program and the arguments that run `step` (program and arguments) confined for
    /// `phase` in the sandbox slot `slot` (whose build is `target`), writing into
    /// `scratch`.
    pub fn wrap(&self, phase: Phase, slot: &Path, target: &Path, scratch: &Path, step: (OsString, Vec<OsString>)) -> (OsString, Vec<OsString>) {
        let mut args: Vec<OsString> = vec!["confine".into()];
        let mut read: Vec<PathBuf> = self.read.iter().cloned().chain([slot.to_path_buf()]).collect();
        let mut write: Vec<PathBuf> = vec![scratch.to_path_buf()];
        match phase {
            Phase::Build => {
                read.push(self.cargo_home.clone());
                // The slot's workspace holds fewer crates than the repository's, so cargo
                // rewrites its lock file (which the next reset restores).
                write.extend([target.to_path_buf(), self.cargo_home.clone(), slot.join("Cargo.lock")]);
                // cargo reads every `.cargo/config.toml` from the slot up to `/`, and fails
                // on one it may not read (the repository's own, above the slot).
                read.extend(slot.ancestors().map(|a| a.join(".cargo")).filter(|c| c.is_dir()));
            }
            Phase::Tests if self.own_mounts => args.push("--read-only-root".into()),
            Phase::Tests => {}
        }
        for path in read {
            args.extend(["--read".into(), path.as_os_str().to_os_string()]);
        }
        for path in write {
            args.extend(["--write".into(), path.as_os_str().to_os_string()]);
        }
        args.push("--".into());
        args.push(step.0);
        args.extend(step.1);
        (self.program.clone().into_os_string(), args)
    }
}

impl Drop for Confinement {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.program);
    }
}

/// The ending of a process run through `confine`: its code, or the signal encoded as
/// 128 + N.
pub fn ending(status: &std::process::ExitStatus) -> crate::stage::Ending {
    use crate::stage::Ending;
    match Ending::of(status) {
        Ending::Exited(code) if code > 128 && code < 128 + 32 => Ending::Signal(code - 128),
        other => other,
    }
}
