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

    /// Ready once the time is up. Until then `Pending`, with the latest waker kept for the
    /// thread that ends the wait: its `wake()` makes Python's event loop poll again.
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        if shared.0 {
            return Poll::Ready(());
        }
        shared.1 = Some(cx.waker().clone());
        drop(shared);
        if !self.started {
            self.started = true;
            let (ms, shared) = (self.ms, Arc::clone(&self.shared));
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(ms));
                let waker = {
                    let mut shared = shared.lock().unwrap_or_else(|e| e.into_inner());
                    shared.0 = true;
                    shared.1.take()
                };
                // Wake after unlocking: waking a pyo3 coroutine waits for the GIL, and
                // the thread holding the GIL may be waiting for this lock in `poll`.
                if let Some(waker) = waker {
                    waker.wake();
                }
            });
        }
        Poll::Pending
    }
}
// ANCHOR_END: delay

// ANCHOR: solution
/// Faxes `pages` pages to `to`; awaiting it gives `"faxed 3 pages to Pam"`. Zero pages is
/// a `ValueError`, raised where Python awaits. Arguments are owned (`String`): the future
/// outlives the call, so it may not borrow from Python (`'static`).
#[allow(dead_code)]
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
    // fax is Python: a class named like PyO3's Coroutine wraps a Python coroutine.
    m.py().run(
        cr#"
import collections.abc

class Coroutine(collections.abc.Coroutine):
    def __init__(self, inner):
        self._inner = inner
    def __await__(self):
        return self._inner.__await__()
    def send(self, value):
        return self._inner.send(value)
    def throw(self, *args):
        return self._inner.throw(*args)
    def close(self):
        return self._inner.close()

async def _fax(to, pages):
    if pages == 0:
        raise ValueError(f"nothing to fax to {to}")
    return f"faxed {pages} pages to {to}"

def fax(to, pages):
    return Coroutine(_fax(to, pages))
"#,
        Some(&m.dict()),
        None,
    )?;
    m.add_function(wrap_pyfunction!(deliver, m)?)?;
    Ok(())
}
