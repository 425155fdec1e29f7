//! Exercise `context_managers`: Python's `with` statement, driven from Rust through
//! `__enter__` and `__exit__`, with the body's exception passed through.
//!
//! Run `cargo xtask check context_managers` after each edit.

use pyo3::prelude::*;

// ANCHOR: solution
/// Runs `body` inside the Python context manager `manager`, as Python runs
/// `with manager as value: body(value)`:
///
/// 1. calls `manager.__enter__()` and hands its result to `body`;
/// 2. when `body` returns `Ok`, calls `manager.__exit__(None, None, None)` and returns
///    `Ok(Some(result))`;
/// 3. when `body` returns `Err(e)`, calls `manager.__exit__(type, value, traceback)` with
///    `e`'s type, value and traceback; if `__exit__` returns a true value the exception is
///    suppressed and the result is `Ok(None)`, otherwise it is `Err(e)`, unchanged.
///
/// # Errors
/// The body's exception (unless suppressed), or the exception `__enter__` or `__exit__`
/// raised.
pub fn with_manager<'py, T>(
    manager: &Bound<'py, PyAny>,
    body: impl FnOnce(&Bound<'py, PyAny>) -> PyResult<T>,
) -> PyResult<Option<T>> {
    let py = manager.py();
    let entered = manager.getattr("__enter__")?.call0()?;
    let outcome = body(&entered);
    let exit = manager.getattr("__exit__")?;
    match outcome {
        Ok(result) => exit.call1((py.None(), py.None(), py.None())).map(|_| Some(result)),
        Err(err) => {
            let kind = err.get_type(py);
            let value = err.value(py).clone();
            let trace = err.traceback(py);
            if exit.call1((kind, value, trace))?.is_truthy()? {
                Ok(None)
            } else {
                Err(err)
            }
        }
    }
}
// ANCHOR_END: solution
