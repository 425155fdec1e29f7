//! Running a child process to its end, for the checks that start Python (a script that
//! loads a `cdylib`, pytest, the test binary again in a process of its own).
//!
//! `std::process::Command::output` waits until the child's standard output and error
//! are closed, which happens only when every process holding them has exited. A
//! student's code that starts a process which inherits them (a `sleep` spawned from Rust,
//! a `subprocess.Popen` left running) would keep the check waiting until the grader's
//! time limit, and the feedback could only say "killed at the time limit".
//! [`run_to_end`] waits for the child itself, gives the pipes [`GRACE`] to close, and
//! otherwise returns what was printed so far with [`Finished::lingering`] set, so that the
//! check can say what happened ([`LINGERING`]).

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How a finished process ended: the one decoding of an exit status that the checks and
/// the xtask share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// It exited with this status code.
    Exited(i32),
    /// A signal ended it.
    Signal(i32),
}

impl Ending {
    /// The ending of a finished process.
    pub fn of(status: &ExitStatus) -> Ending {
        #[cfg(unix)]
        if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(status) {
            return Ending::Signal(signal);
        }
        Ending::Exited(status.code().unwrap_or(-1))
    }

    /// How a test that never reported was cut short: "crashed: SIGABRT (abort: …)" or
    /// "stopped early (exit status 0)".
    pub fn describe(self) -> String {
        match self {
            Ending::Signal(signal) => format!("crashed: {}", signal_name(signal)),
            Ending::Exited(code) => format!("stopped early (exit status {code})"),
        }
    }
}

/// A signal's name and what it usually means.
pub fn signal_name(signal: i32) -> String {
    let known = [
        (6, "SIGABRT (abort: a Rust panic that reached an `extern \"C\"` function, a double free, or C's `free()` given memory Rust allocated)"),
        (11, "SIGSEGV (segmentation fault: memory read or written where it must not be, a bad pointer or a double free)"),
        (9, "SIGKILL (killed, for instance by the memory cap)"),
        (7, "SIGBUS (bus error)"),
        (8, "SIGFPE (arithmetic error)"),
        (4, "SIGILL (illegal instruction)"),
        (2, "SIGINT (interrupted, as by Ctrl-C)"),
        (15, "SIGTERM (terminated)"),
    ];
    known.iter().find(|(n, _)| *n == signal).map(|(_, name)| name.to_string()).unwrap_or_else(|| format!("signal {signal}"))
}

/// How long the pipes may stay open after the child exited: the time a process that is
/// ending anyway needs to close them.
pub const GRACE: Duration = Duration::from_secs(2);

/// What a failing check says when [`Finished::lingering`] is set.
pub const LINGERING: &str = "a process the tests started was still running when they ended (it kept their output open): end every process your code starts before it returns";

/// A child process that ran to its end.
#[derive(Debug)]
pub struct Finished {
    /// How the child exited.
    pub status: ExitStatus,
    /// Its standard output, as far as it was read.
    pub stdout: Vec<u8>,
    /// Its standard error, as far as it was read.
    pub stderr: Vec<u8>,
    /// Whether a process the child started still held its output [`GRACE`] after the
    /// child exited.
    pub lingering: bool,
}

/// Runs `cmd` with standard input closed and both outputs captured, as
/// `Command::output` does, but returns [`GRACE`] after the child exits even when a
/// process it started keeps its output open.
///
/// # Errors
/// When the process cannot start or cannot be waited for.
pub fn run_to_end(cmd: &mut Command) -> std::io::Result<Finished> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let readers: Vec<(Arc<Mutex<Vec<u8>>>, std::sync::mpsc::Receiver<()>)> = [
        child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>),
        child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .map(|pipe| {
        let kept = Arc::new(Mutex::new(Vec::new()));
        let (done, closed) = std::sync::mpsc::channel();
        if let Some(mut pipe) = pipe {
            let kept = kept.clone();
            // Detached: a process that never closes the pipe keeps only this thread waiting.
            std::thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    kept.lock().unwrap_or_else(|e| e.into_inner()).extend_from_slice(&buf[..n]);
                }
                let _ = done.send(());
            });
        }
        (kept, closed)
    })
    .collect();
    let status = child.wait()?;
    let deadline = Instant::now() + GRACE;
    let mut lingering = false;
    for (_, closed) in &readers {
        if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = closed.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            lingering = true;
        }
    }
    let [stdout, stderr] = [0, 1].map(|i| readers[i].0.lock().unwrap_or_else(|e| e.into_inner()).clone());
    Ok(Finished { status, stdout, stderr, lingering })
}

/// [`run_to_end`], as `Command::output` gives it, for a check that runs Python or a tool
/// in a child process.
///
/// # Errors
/// When the process cannot start.
///
/// # Panics
/// When a process the child started still held its output: the check fails with
/// [`LINGERING`] and what the child printed on standard error.
#[track_caller]
pub fn output(cmd: &mut Command) -> std::io::Result<std::process::Output> {
    let done = run_to_end(cmd)?;
    if done.lingering {
        panic!("{LINGERING}.\n{}", String::from_utf8_lossy(&done.stderr));
    }
    Ok(std::process::Output { status: done.status, stdout: done.stdout, stderr: done.stderr })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_quick_child_is_read_to_its_end() {
        let done = run_to_end(Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"])).unwrap();
        assert_eq!((done.stdout.as_slice(), done.stderr.as_slice(), done.lingering), (&b"out\n"[..], &b"err\n"[..], false));
        assert_eq!(done.status.code(), Some(3));
    }

    #[test]
    fn a_process_left_running_is_named_not_waited_for() {
        let start = Instant::now();
        let done = run_to_end(Command::new("sh").args(["-c", "sleep 30 & echo started"])).unwrap();
        assert!(done.lingering);
        assert_eq!(done.stdout, b"started\n");
        assert!(start.elapsed() < Duration::from_secs(10), "waited {:?}", start.elapsed());
    }
}
