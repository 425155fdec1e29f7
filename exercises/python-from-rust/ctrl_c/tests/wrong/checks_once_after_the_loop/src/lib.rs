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

// ANCHOR: solution
/// Makes Ctrl-C raise `KeyboardInterrupt` in this embedded interpreter, as it does in the
/// `python` program: `signal.signal(signal.SIGINT, signal.default_int_handler)`. An
/// embedded interpreter leaves `SIGINT` alone, and its default action ends the process.
///
/// # Errors
/// A `ValueError` when called from a thread other than the one that started Python.
pub fn handle_ctrl_c(py: Python<'_>) -> PyResult<()> {
    let signal = py.import("signal")?;
    signal.call_method1("signal", (signal.getattr("SIGINT")?, signal.getattr("default_int_handler")?))?;
    Ok(())
}

/// The number of primes below `limit`, looking at Python's signal flags every
/// [`CHECK_EVERY`] numbers, so that Ctrl-C stops it within a moment.
///
/// # Errors
/// `KeyboardInterrupt` when Ctrl-C was pressed during the count (or before it).
pub fn count_primes(py: Python<'_>, limit: u64) -> PyResult<u64> {
    let count = (0..limit).filter(|&n| is_prime(n)).count() as u64;
    // Ctrl-C pressed meanwhile? Python's flags tell, once the count is done.
    py.check_signals()?;
    Ok(count)
}

/// Gives `SIGINT` back its default action (`signal.SIG_DFL`): Ctrl-C ends the process at
/// once, wherever it is, without Python's help.
///
/// # Errors
/// A `ValueError` when called from a thread other than the one that started Python.
pub fn restore_default_ctrl_c(py: Python<'_>) -> PyResult<()> {
    let signal = py.import("signal")?;
    signal.call_method1("signal", (signal.getattr("SIGINT")?, signal.getattr("SIG_DFL")?))?;
    Ok(())
}
// ANCHOR_END: solution
