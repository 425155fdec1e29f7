//! Running untrusted code with bounds: a wall-clock timeout that kills the whole process
//! tree, a cap on what it prints, a memory cap, and no network where the machine allows it.
//!
//! Every run starts in its own session and process group (`setsid`), so one `kill(-pgid)` reaches
//! cargo, rustc, the test binary and whatever Python, maturin or pytest processes the
//! tests start. When the grader runs as root (or user namespaces are allowed), the run
//! also gets new network, PID and mount namespaces (`unshare --net --pid --fork --mount
//! --mount-proc`): it has no network at all, sees only its own processes, and when its
//! first process dies the kernel kills every process of the namespace, even one that
//! left the process group with `setsid`.
//!
//! The memory cap is `RLIMIT_AS` (address space, per process, inherited by children), set
//! between `fork` and `exec`; `RLIMIT_CORE` is 0 and `RLIMIT_FSIZE` caps any one file a
//! run writes.

use anyhow::{Context, Result};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The bounds of one run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Wall-clock time before the whole process tree is killed.
    pub timeout: Duration,
    /// Bytes of standard output plus standard error kept; beyond them the run is killed.
    pub output_bytes: usize,
    /// Address space per process, in bytes (`RLIMIT_AS`).
    pub memory_bytes: u64,
}

/// The largest file a run may write (`RLIMIT_FSIZE`): test binaries and rlibs fit.
const FILE_SIZE_CAP: u64 = 2 << 30;

/// Whether a protection is available on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    Available,
    /// It is not; the reason says why.
    Unavailable { reason: String },
}

/// The protections student code runs under, probed once per grading run.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// `unshare --net --pid --fork` works: no network, and the whole tree dies with its
    /// root (needs root, or user namespaces).
    pub namespaces: Availability,
    /// Landlock confines what student code may read and write (`confine.rs`).
    pub landlock: Availability,
}

impl Isolation {
    /// Tries `unshare --net --pid --fork true` and `xtask confine --probe` once.
    pub fn probe() -> Isolation {
        let namespaces = match Command::new("unshare").args(NAMESPACES).arg("true").output() {
            Ok(out) if out.status.success() => Availability::Available,
            Ok(out) => Availability::Unavailable {
                reason: format!("`unshare --net --pid` failed: {}", String::from_utf8_lossy(&out.stderr).trim()),
            },
            Err(err) => Availability::Unavailable { reason: format!("`unshare` could not start: {err}") },
        };
        let inside: &[&str] = if namespaces == Availability::Available { &NAMESPACES } else { &[] };
        let landlock = match super::confine::probe(inside) {
            Ok(()) => Availability::Available,
            Err(reason) => Availability::Unavailable { reason },
        };
        Isolation { namespaces, landlock }
    }

    /// Whether every protection is available.
    pub fn complete(&self) -> bool {
        self.namespaces == Availability::Available && self.landlock == Availability::Available
    }

    /// Sentences for the instructor and the feedback files.
    pub fn describe(&self) -> String {
        let network = match &self.namespaces {
            Availability::Available => "Student code ran without network access, in its own network and PID namespaces.".to_string(),
            Availability::Unavailable { reason } => format!(
                "Student code ran WITH network access: no network namespace was available ({reason}). Run the grader as root, or where user namespaces are allowed, to cut the network."
            ),
        };
        let files = match &self.landlock {
            Availability::Available => {
                "Its tests were confined with Landlock: they could read only the system, the toolchain, the venv and their own sandbox, and write only to a scratch folder of the run.".to_string()
            }
            Availability::Unavailable { reason } => format!(
                "Its tests were NOT confined: Landlock is unavailable ({reason}), so they could read and write every file the grader can. Grade on a Linux kernel with Landlock (5.13 or later, enabled in the LSM list)."
            ),
        };
        format!("{network} {files}")
    }
}

/// `unshare`'s options for a run of student code: new network, PID and mount namespaces,
/// with a `/proc` of its own (so it sees only its own processes, not the grader's
/// environment), and the whole namespace killed with its first process.
const NAMESPACES: [&str; 6] = ["--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc"];

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The process exited by itself.
    Exited { success: bool },
    /// It ran past the timeout and was killed with its whole tree.
    TimedOut,
    /// It printed more than the output cap and was killed with its whole tree.
    OutputCapped,
}

/// What a bounded run gave.
#[derive(Debug)]
pub struct Finished {
    pub end: End,
    /// Standard output, lossily decoded, at most the output cap.
    pub stdout: String,
    /// Standard error, lossily decoded, at most the output cap.
    pub stderr: String,
    /// The exit status, when the process exited by itself.
    pub status: Option<ExitStatus>,
    #[allow(dead_code)]
    pub elapsed: Duration,
}

/// Wraps `program` for `namespaces`: `unshare --net --pid --fork --kill-child -- program`
/// when namespaces work, `program` itself otherwise. Returns the program and the leading
/// arguments to give `Workspace::command`.
pub fn wrap(namespaces: &Availability, program: &std::ffi::OsStr) -> (std::ffi::OsString, Vec<std::ffi::OsString>) {
    match namespaces {
        Availability::Available => (
            "unshare".into(),
            NAMESPACES.iter().chain(&["--"]).map(Into::into).chain([program.to_os_string()]).collect(),
        ),
        Availability::Unavailable { .. } => (program.to_os_string(), Vec::new()),
    }
}

/// Removes from `cmd`'s environment every variable of the grader's own environment that
/// the build does not need, so that student code cannot read the instructor's secrets
/// (tokens, keys). Variables `cmd` sets itself are kept.
pub fn scrub_env(cmd: &mut Command) {
    let set: Vec<std::ffi::OsString> = cmd.get_envs().map(|(k, _)| k.to_os_string()).collect();
    for (key, _) in std::env::vars_os() {
        let name = key.to_string_lossy();
        let keep = matches!(
            name.as_ref(),
            "PATH" | "HOME" | "USER" | "LOGNAME" | "LANG" | "LANGUAGE" | "TZ" | "TMPDIR" | "CARGO_HOME" | "CARGO" | "RUSTC" | "RUSTC_WRAPPER" | "RUSTFLAGS"
        ) || name.starts_with("LC_")
            || name.starts_with("RUSTUP_")
            || name.starts_with("CARGO_PROFILE_")
            || name.starts_with("CARGO_BUILD_");
        if !keep && !set.contains(&key) {
            cmd.env_remove(&key);
        }
    }
}

/// The process groups running now, so that Ctrl-C (or SIGTERM) kills them before the
/// grader exits: they are outside the terminal's process group and would not get the
/// signal themselves. A fixed table of atomics, because a signal handler may not lock.
static ACTIVE: [AtomicI32; 64] = [const { AtomicI32::new(0) }; 64];

fn register(pgid: libc::pid_t) {
    for slot in &ACTIVE {
        if slot.compare_exchange(0, pgid, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            return;
        }
    }
}

fn unregister(pgid: libc::pid_t) {
    for slot in &ACTIVE {
        let _ = slot.compare_exchange(pgid, 0, Ordering::SeqCst, Ordering::SeqCst);
    }
}

extern "C" fn on_interrupt(signal: libc::c_int) {
    for slot in &ACTIVE {
        let pgid = slot.load(Ordering::SeqCst);
        if pgid > 0 {
            // SAFETY: `kill` and `_exit` are async-signal-safe.
            unsafe {
                libc::kill(-pgid, libc::SIGKILL);
            }
        }
    }
    // SAFETY: as above. What was graded is on disk already (`--resume` goes on).
    unsafe { libc::_exit(128 + signal) }
}

/// Makes SIGINT and SIGTERM kill every running process group, then exit.
pub fn install_interrupt_handler() {
    // SAFETY: `on_interrupt` only calls async-signal-safe functions.
    unsafe {
        libc::signal(libc::SIGINT, on_interrupt as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_interrupt as *const () as libc::sighandler_t);
    }
}

/// Runs `cmd` within `limits`, in its own process group, and kills the group when the
/// process exits (so nothing it started lingers), times out or prints too much.
///
/// # Errors
/// When the process cannot start.
pub fn run(mut cmd: Command, limits: &Limits) -> Result<Finished> {
    let memory = limits.memory_bytes;
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // SAFETY: the closure runs between fork and exec and calls only `setsid` and
    // `setrlimit`, which are async-signal-safe; it allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            // A session of its own: a new process group (killed as one) with no
            // controlling terminal, so a run cannot type into the grader's terminal
            // (TIOCSTI) or get its signals.
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            let set = |resource, value: u64| {
                let limit = libc::rlimit { rlim_cur: value as libc::rlim_t, rlim_max: value as libc::rlim_t };
                if libc::setrlimit(resource, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            };
            // Linux enforces RLIMIT_AS; macOS may refuse or ignore it, so there it is best effort.
            if cfg!(target_os = "linux") {
                set(libc::RLIMIT_AS, memory)?;
            } else {
                let _ = set(libc::RLIMIT_AS, memory);
            }
            set(libc::RLIMIT_CORE, 0)?;
            set(libc::RLIMIT_FSIZE, FILE_SIZE_CAP)?;
            Ok(())
        });
    }
    let start = Instant::now();
    let mut child = cmd.spawn().with_context(|| format!("could not start {:?}", cmd.get_program()))?;
    let pgid = child.id() as libc::pid_t;
    register(pgid);
    let printed = Arc::new(AtomicUsize::new(0));
    let over = Arc::new(AtomicBool::new(false));
    let (tx, rx) = std::sync::mpsc::channel();
    for (which, pipe) in [(0, child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>)), (1, child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>))] {
        let Some(pipe) = pipe else { continue };
        let (printed, over, tx, cap) = (printed.clone(), over.clone(), tx.clone(), limits.output_bytes);
        std::thread::spawn(move || {
            let _ = tx.send((which, read_capped(pipe, &printed, &over, cap)));
        });
    }
    drop(tx);
    let mut status = None;
    let end = loop {
        if over.load(Ordering::Relaxed) {
            kill_group(pgid);
            break End::OutputCapped;
        }
        if let Some(exit) = child.try_wait().context("waiting for a run")? {
            status = Some(exit);
            break exited(exit);
        }
        if start.elapsed() > limits.timeout {
            kill_group(pgid);
            break End::TimedOut;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // Whatever the tree left behind (a daemon, a sleeping child) dies with the group.
    kill_group(pgid);
    let _ = child.wait();
    unregister(pgid);
    let elapsed = start.elapsed();
    let mut out = [Vec::new(), Vec::new()];
    let deadline = Instant::now() + Duration::from_secs(2);
    while let Ok((which, bytes)) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        out[which] = bytes;
    }
    let [stdout, stderr] = out.map(|b| String::from_utf8_lossy(&b).into_owned());
    let end = if over.load(Ordering::Relaxed) && end != End::TimedOut { End::OutputCapped } else { end };
    Ok(Finished { end, stdout, stderr, status, elapsed })
}

fn exited(status: ExitStatus) -> End {
    End::Exited { success: status.success() }
}

/// Sends SIGKILL to every process of the group `pgid`; a group already gone is fine.
fn kill_group(pgid: libc::pid_t) {
    // SAFETY: `kill` with a negative pid signals a process group; no memory is involved.
    unsafe {
        libc::kill(-pgid, libc::SIGKILL);
    }
}

/// Reads `pipe` to its end, keeping bytes while the shared count stays under `cap`; past
/// it, raises `over` and stops reading (the run is then killed).
fn read_capped(mut pipe: Box<dyn Read + Send>, printed: &AtomicUsize, over: &AtomicBool, cap: usize) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let before = printed.fetch_add(n, Ordering::Relaxed);
                if before + n > cap {
                    kept.extend_from_slice(&buf[..cap.saturating_sub(before).min(n)]);
                    over.store(true, Ordering::Relaxed);
                    break;
                }
                kept.extend_from_slice(&buf[..n]);
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(timeout_ms: u64) -> Limits {
        Limits { timeout: Duration::from_millis(timeout_ms), output_bytes: 10_000, memory_bytes: 1 << 30 }
    }

    #[test]
    fn a_sleeping_tree_is_killed_at_the_timeout() {
        let marker = tempfile::tempdir().unwrap();
        let file = marker.path().join("survived");
        let mut cmd = Command::new("sh");
        // The grandchild would write the file after 2 s if it outlived the kill.
        cmd.args(["-c", &format!("(sleep 2; touch {}) & sleep 30", file.display())]);
        let done = run(cmd, &limits(300)).unwrap();
        assert_eq!(done.end, End::TimedOut);
        assert!(done.elapsed < Duration::from_secs(5));
        std::thread::sleep(Duration::from_millis(2500));
        assert!(!file.exists(), "a grandchild survived the kill");
    }

    #[test]
    fn endless_output_is_cut_at_the_cap() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "yes 'Dunder Mifflin'"]);
        let done = run(cmd, &limits(20_000)).unwrap();
        assert_eq!(done.end, End::OutputCapped);
        assert!(done.stdout.len() <= 10_000 && done.stdout.starts_with("Dunder Mifflin\n"));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn the_memory_cap_stops_a_large_allocation() {
        let mut cmd = Command::new("python3");
        cmd.args(["-c", "b = bytearray(3 * 1024 ** 3); print('allocated')"]);
        let done = run(cmd, &limits(20_000)).unwrap();
        assert_eq!(done.end, End::Exited { success: false });
        assert!(done.stderr.contains("MemoryError"), "{}", done.stderr);
    }

    #[test]
    fn a_quick_process_reports_its_output() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
        let done = run(cmd, &limits(10_000)).unwrap();
        assert_eq!(done.end, End::Exited { success: false });
        assert_eq!((done.stdout.as_str(), done.stderr.as_str()), ("out\n", "err\n"));
    }
}
