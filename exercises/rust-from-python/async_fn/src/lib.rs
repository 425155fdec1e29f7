//! `async_fn`: `async fn` pyfunctions, awaited by Python's asyncio (pyo3 feature
//! `experimental-async`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// A future that is ready `ms` milliseconds after it is first polled. A plain thread
/// sleeps, then wakes the task: no async runtime is needed, which suits a pyo3 coroutine,
/// polled by Python's event loop rather than by tokio.
pub struct Delay {
    ms: u64,
    started: bool,
    /// Whether the time is up, and the waker to call when it is.
    shared: Arc<Mutex<(bool, Option<Waker>)>>,
}

impl Delay {
    pub fn new(ms: u64) -> Self {
        Delay { ms, started: false, shared: Arc::new(Mutex::new((false, None))) }
    }
}

// ANCHOR: delay
impl Future for Delay {
    type Output = ();

    /// Ready once the time is up. Python's event loop polls the coroutine; `Pending`
    /// suspends it, and only a call of the waker (`cx.waker()`) makes the loop poll it again.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // TODO: when `shared.0` says the time is up, return `Poll::Ready(())`. Otherwise
        // keep a clone of `cx.waker()` in `shared.1`; on the first poll (`started`), spawn
        // a thread that sleeps `ms`, sets `shared.0`, takes the waker out and calls
        // `wake()` on it (after unlocking); then return `Poll::Pending`.
        let _ = (cx, &self.shared, self.ms, self.started);
        todo!()
    }
}
// ANCHOR_END: delay

// ANCHOR: exercise
/// Faxes `pages` pages to `to`; awaiting it gives `"faxed 3 pages to Pam"`. Zero pages is
/// a `ValueError` (its message is yours), raised where Python awaits.
// TODO: make it an `async fn` that Python awaits, returning `PyResult<String>`.
#[pyfunction]
fn fax(to: String, pages: u32) -> String {
    format!("faxed {pages} pages to {to}")
}

/// Delivers a message after `ms` milliseconds, without blocking the event loop: while it
/// waits, other coroutines run.
#[pyfunction]
async fn deliver(to: String, ms: u64) -> String {
    // TODO: this sleep blocks the whole event loop; await a `Delay` instead, once its
    // `poll` is written.
    std::thread::sleep(Duration::from_millis(ms));
    format!("delivered to {to}")
}
// ANCHOR_END: exercise

/// The module Python imports as `async_fn`.
#[pymodule]
pub fn async_fn(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    m.add_function(wrap_pyfunction!(deliver, m)?)?;
    Ok(())
}
