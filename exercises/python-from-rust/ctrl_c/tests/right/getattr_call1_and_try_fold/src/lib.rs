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

pub fn handle_ctrl_c(py: Python<'_>) -> PyResult<()> {
    let signal = PyModule::import(py, "signal")?;
    let set = signal.getattr("signal")?;
    set.call1((signal.getattr("SIGINT")?, signal.getattr("default_int_handler")?)).map(drop)
}

pub fn count_primes(py: Python<'_>, limit: u64) -> PyResult<u64> {
    (0..limit).try_fold(0, |count, n| {
        if n % CHECK_EVERY == 0 {
            py.check_signals()?;
        }
        Ok(count + u64::from(is_prime(n)))
    })
}

pub fn restore_default_ctrl_c(py: Python<'_>) -> PyResult<()> {
    let signal = PyModule::import(py, "signal")?;
    let default = signal.getattr("SIG_DFL")?;
    signal.getattr("signal")?.call1((signal.getattr("SIGINT")?, default))?;
    Ok(())
}

