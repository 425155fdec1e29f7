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
    let truth = py.import("builtins")?.getattr("bool")?;
    let value = manager.call_method("__enter__", (), None)?;
    let failure = match body(&value) {
        Ok(result) => {
            manager.call_method1("__exit__", (None::<()>, None::<()>, None::<()>))?;
            return Ok(Some(result));
        }
        Err(err) => err,
    };
    // Re-raise the same exception object, traceback included, unless __exit__ says otherwise.
    let exception = failure.into_value(py).into_bound(py);
    let answer = manager.call_method1("__exit__", (exception.get_type(), &exception, exception.getattr("__traceback__")?))?;
    if truth.call1((answer,))?.extract::<bool>()? {
        return Ok(None);
    }
    Err(PyErr::from_value(exception.into_any()))
}
// ANCHOR_END: solution
