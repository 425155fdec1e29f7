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
    let value = manager.call_method0("__enter__")?;
    match body(&value) {
        Ok(result) => {
            let none = py.None();
            manager.call_method1("__exit__", (&none, &none, &none))?;
            Ok(Some(result))
        }
        Err(err) => {
            let answer = manager.call_method1("__exit__", (err.get_type(py), err.value(py), err.traceback(py)))?;
            // Anything but None or False counts as "suppress".
            let suppressed = !(answer.is_none() || answer.is(&pyo3::types::PyBool::new(py, false)));
            if suppressed { Ok(None) } else { Err(err) }
        }
    }
}
// ANCHOR_END: solution
