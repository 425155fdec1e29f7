// Stage checks for `ctrl_c`; the solution runs this same file.
//
// Python runs signal handlers only on the thread that started it, and the stage tests
// share one process, so every check runs in a process of its own
// (`check_support::in_own_process`), whose test thread starts Python. A check "presses
// Ctrl-C" by sending SIGINT to its own thread: the signal then waits in Python's flags
// until something looks at them.
//
// A check "presses Ctrl-C" with `raise(SIGINT)` from Rust: the signal reaches this very
// thread before `raise` returns, Python's C-level handler sets its flag, and no Python code
// runs in between. (Python's `os.kill` would look at the flags itself, at once, and raise
// `KeyboardInterrupt` inside `os.kill`.) Stage 2 also presses it while the count runs:
// another thread sends SIGINT to the test thread with `pthread_kill`, so an answer that
// looks at the flags only once, before the loop, shows.

use check_support::{Inputs, attach, in_own_process, observe_held_out_in_own_process, traceback};
use ctrl_c::{count_primes, handle_ctrl_c, restore_default_ctrl_c};
use pyo3::prelude::*;
use pyo3::types::IntoPyDict;
use std::io::Write;

/// Sends SIGINT to this thread, as Ctrl-C in a terminal does to the process.
fn press_ctrl_c() {
    // SAFETY: `raise` only sends a signal; the handler in place decides what happens.
    let sent = unsafe { libc::raise(libc::SIGINT) };
    assert_eq!(sent, 0, "raise(SIGINT) failed");
}

/// Python's handler for SIGINT, by name: `SIG_DFL`, `SIG_IGN` or `default_int_handler`.
fn sigint_handler(py: Python<'_>) -> PyResult<String> {
    let globals = [("signal", py.import("signal")?)].into_py_dict(py)?;
    let name = py.eval(
        c"(lambda h: h.name if isinstance(h, signal.Handlers) else h.__name__)(signal.getsignal(signal.SIGINT))",
        Some(&globals),
        None,
    )?;
    name.extract()
}

/// The last line of `err`'s traceback: `KeyboardInterrupt`.
fn last_line(py: Python<'_>, err: &PyErr) -> String {
    traceback(py, err).lines().last().unwrap_or_default().to_string()
}

/// The C-level action for SIGINT in this process: `SIG_DFL` (the process ends),
/// `SIG_IGN`, or a handler function (Python's, once installed).
fn c_level_sigint() -> &'static str {
    // SAFETY: a null new action only reads the current one into `old`.
    let handler = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old);
        old.sa_sigaction
    };
    match handler {
        libc::SIG_DFL => "SIG_DFL",
        libc::SIG_IGN => "SIG_IGN",
        _ => "a handler function",
    }
}

/// Rule: `handle_ctrl_c` installs Python's `default_int_handler` for SIGINT, so Ctrl-C raises `KeyboardInterrupt`.
#[test]
fn python_handles_ctrl_c() {
    let report = in_own_process("python_handles_ctrl_c", || {
        // Start as a program run from a terminal does, with SIGINT at its default action:
        // a background job (`cmd &` in a script, some CI runners) inherits SIG_IGN instead,
        // and Python then leaves SIGINT alone.
        // SAFETY: no other thread of this process deals with signals.
        unsafe { libc::signal(libc::SIGINT, libc::SIG_DFL) };
        let mut lines = vec![format!("before Python starts, SIGINT is {}", c_level_sigint())];
        attach(|py| {
            lines.push(format!("once Python has started: {}", c_level_sigint()));
            py.import("signal")?;
            lines.push(format!("after `import signal`: {} ({})", c_level_sigint(), sigint_handler(py)?));
            // A library that wants no Ctrl-C sets SIG_IGN; handle_ctrl_c must take it back.
            py.run(c"import signal; signal.signal(signal.SIGINT, signal.SIG_IGN)", None, None)?;
            lines.push(format!("after a library ignored it: {}", sigint_handler(py)?));
            handle_ctrl_c(py)?;
            lines.push(format!("after handle_ctrl_c: {} ({})", c_level_sigint(), sigint_handler(py)?));
            press_ctrl_c();
            match py.run(c"print_queue = ['memo', 'invoice']", None, None) {
                Ok(()) => lines.push("Ctrl-C went unnoticed".to_string()),
                Err(err) => lines.push(format!("Ctrl-C pressed; the next Python statement raised: {}", last_line(py, &err))),
            }
            let from_another_thread = py.detach(|| {
                // A `ValueError`, Python's or the student's own: only its type is compared.
                std::thread::spawn(|| {
                    Python::attach(|py| {
                        handle_ctrl_c(py).map_err(|err| {
                            if err.is_instance_of::<pyo3::exceptions::PyValueError>(py) { "a ValueError".to_string() } else { last_line(py, &err) }
                        })
                    })
                })
                    .join()
                    .expect("the thread ends")
            });
            lines.push(format!("handle_ctrl_c from another thread: {from_another_thread:?}"));
            Ok(lines.join("\n"))
        })
    });
    check_support::observe!("python_handles_ctrl_c", report);
}

/// Limits for the counts that no Ctrl-C interrupts: the public ones, or random ones.
fn limits(inputs: Inputs) -> (u64, u64) {
    let Some(seed) = inputs.seed() else { return (100, 30_000) };
    let mut rng = check_support::Rng::with_seed(seed);
    (rng.u64(10..1_000), rng.u64(10_000..40_000))
}

/// Presses Ctrl-C 100 ms into a count to 600000 while Python's handler for SIGINT only
/// notes the time, without raising: the count goes on to its end, and the note says
/// whether `check_signals` ran the handler while the count was going (early on) or only
/// once it was over. A count that checks the signals once, after its loop, gives the
/// right result and the right exception, and is seen here.
fn handler_runs_during_the_count(py: Python<'_>) -> PyResult<String> {
    let globals = pyo3::types::PyDict::new(py);
    py.run(c"import signal, time\nnoted = []\nsignal.signal(signal.SIGINT, lambda *_: noted.append(time.monotonic()))\nstart = time.monotonic()", Some(&globals), None)?;
    // SAFETY: `pthread_self` only names the calling thread.
    let this_thread = unsafe { libc::pthread_self() };
    let presser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(100));
        // SAFETY: the target thread waits in `join` below until this one ends.
        unsafe { libc::pthread_kill(this_thread, libc::SIGINT) }
    });
    let counted = count_primes(py, 600_000).map_err(|err| last_line(py, &err));
    py.run(c"end = time.monotonic()", Some(&globals), None)?;
    py.detach(|| presser.join().expect("the thread that presses Ctrl-C ends"));
    // The handler may also run at this statement, after the count: only the first note
    // counts, and it must come in the first half of the count.
    let during: bool = py
        .eval(c"bool(noted) and noted[0] - start < (end - start) / 2", Some(&globals), None)?
        .extract()?;
    py.run(c"signal.signal(signal.SIGINT, signal.default_int_handler)", Some(&globals), None)?;
    Ok(format!("primes below 600000, Ctrl-C noted by a handler that does not raise: {counted:?}; the handler ran during the count, not after it: {during}"))
}

/// Rule: `count_primes` runs Python's signal handlers every `CHECK_EVERY` numbers and returns their exception.
#[test]
fn check_signals_stops_the_count() {
    observe_held_out_in_own_process("check_signals_stops_the_count", || (), |inputs| {
        attach(|py| {
            // The test installs Python's handler itself, so that this stage does not
            // depend on the first one.
            py.run(c"import signal; signal.signal(signal.SIGINT, signal.default_int_handler)", None, None)?;
            let (small, medium) = limits(inputs);
            let mut lines = vec![format!("primes below {small}: {:?}", count_primes(py, small).map_err(|e| last_line(py, &e)))];
            press_ctrl_c();
            let interrupted = count_primes(py, 300_000).map_err(|err| last_line(py, &err));
            lines.push(format!("primes below 300000, Ctrl-C pressed before: {interrupted:?}"));
            // Ctrl-C pressed while the count runs: another thread sends SIGINT to this
            // one after 100 ms, long before a count to 600000 ends (seconds).
            // SAFETY: `pthread_self` only names the calling thread.
            let this_thread = unsafe { libc::pthread_self() };
            let presser = std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(100));
                // SAFETY: the target thread waits in `join` below until this one ends.
                unsafe { libc::pthread_kill(this_thread, libc::SIGINT) }
            });
            let during = count_primes(py, 600_000).map_err(|err| last_line(py, &err));
            let sent = py.detach(|| presser.join().expect("the thread that presses Ctrl-C ends"));
            lines.push(format!("primes below 600000, Ctrl-C pressed during the count: {during:?} (SIGINT sent: {})", sent == 0));
            let after = py.eval(c"sum(range(10))", None, None).map(|v| v.to_string()).map_err(|err| last_line(py, &err));
            lines.push(format!("Python runs on afterwards: sum(range(10)) = {after:?}"));
            lines.push(format!("primes below {medium}, no Ctrl-C: {:?}", count_primes(py, medium).map_err(|e| last_line(py, &e))));
            lines.push(handler_runs_during_the_count(py)?);
            Ok(lines.join("\n"))
        })
    });
}

/// Rule: `restore_default_ctrl_c` gives SIGINT back `SIG_DFL`, and Ctrl-C ends the process.
#[test]
fn sig_dfl_ends_the_process() {
    let report = in_own_process("sig_dfl_ends_the_process", || {
        attach(|py| {
            py.run(c"import signal; signal.signal(signal.SIGINT, signal.default_int_handler)", None, None)?;
            restore_default_ctrl_c(py)?;
            println!("SIGINT after restore_default_ctrl_c: {}", sigint_handler(py)?);
            println!("pressing Ctrl-C");
            std::io::stdout().flush()?;
            press_ctrl_c();
            std::thread::sleep(std::time::Duration::from_millis(500));
            Ok("the process survived Ctrl-C\n".to_string())
        })
    });
    check_support::observe!("sig_dfl_ends_the_process", report);
}
