//! `async_fn`: `async fn` pyfunctions, awaited by Python's asyncio (pyo3 feature
//! `experimental-async`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// A future that is ready `ms` milliseconds after it is first polled. A plain thread
/// sleeps, then wakes the task: no async runtime is needed, which suits a pyo3 coroutine,
/// polled by Python's event loop rather than by tokio.
pub struct Delay {
    ms: u64,
    /// When the time is up, set at the first poll.
    deadline: Option<Instant>,
}

impl Delay {
    pub fn new(ms: u64) -> Self {
        Delay { ms, deadline: None }
    }
}

// ANCHOR: delay
impl Future for Delay {
    type Output = ();

    /// Ready once the time is up. Until then `Pending`, and the task is woken at once so
    /// that the event loop polls again on its next turn: no thread needed.
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let ms = self.ms;
        let deadline = *self.deadline.get_or_insert_with(|| Instant::now() + Duration::from_millis(ms));
        if Instant::now() >= deadline {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: delay

// ANCHOR: solution
/// Faxes `pages` pages to `to`; awaiting it gives `"faxed 3 pages to Pam"`. Zero pages is
/// a `ValueError`, raised where Python awaits. Arguments are owned (`String`): the future
/// outlives the call, so it may not borrow from Python (`'static`).
#[pyfunction]
async fn fax(to: String, pages: u32) -> PyResult<String> {
    if pages == 0 {
        return Err(PyValueError::new_err(format!("nothing to fax to {to}")));
    }
    Ok(format!("faxed {pages} pages to {to}"))
}

/// Delivers a message after `ms` milliseconds, without blocking the event loop: while it
/// waits, other coroutines run.
#[pyfunction]
async fn deliver(to: String, ms: u64) -> String {
    Delay::new(ms).await;
    format!("delivered to {to}")
}
// ANCHOR_END: solution

/// The module Python imports as `async_fn`.
#[pymodule]
pub fn async_fn(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    m.add_function(wrap_pyfunction!(deliver, m)?)?;
    Ok(())
}
