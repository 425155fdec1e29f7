//! Exercise `ctrl_c`: a long Rust computation inside an embedded interpreter that Ctrl-C
//! (`SIGINT`) stops cleanly, through Python's signal handling and
//! `Python::check_signals`; and giving Ctrl-C back its default action.
//!
//! Run `cargo xtask check ctrl_c` after each edit.

use pyo3::prelude::*;

/// How many numbers `count_primes` tests between two looks at Python's signal flags.
pub const CHECK_EVERY: u64 = 10_000;

/// Whether `n` is prime, by trial division: slow on purpose.
pub fn is_prime(n: u64) -> bool {
    n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| !n.is_multiple_of(d))
}

fn set_sigint(py: Python<'_>, handler: &str) -> PyResult<()> {
    let globals = pyo3::types::PyDict::new(py);
    globals.set_item("signal", py.import("signal")?)?;
    let handler = globals.get_item("signal")?.expect("just set").getattr(handler)?;
    let sigint = py.eval(c"signal.SIGINT", Some(&globals), None)?;
    py.import("signal")?.call_method("signal", (sigint, handler), None)?;
    Ok(())
}

pub fn handle_ctrl_c(py: Python<'_>) -> PyResult<()> {
    set_sigint(py, "default_int_handler")
}

pub fn count_primes(py: Python<'_>, limit: u64) -> PyResult<u64> {
    let mut count = 0;
    let mut n = 0;
    while n < limit {
        let end = (n + CHECK_EVERY).min(limit);
        py.check_signals()?;
        count += (n..end).filter(|&k| is_prime(k)).count() as u64;
        n = end;
    }
    Ok(count)
}

pub fn restore_default_ctrl_c(py: Python<'_>) -> PyResult<()> {
    set_sigint(py, "SIG_DFL")
}

