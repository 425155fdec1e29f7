//! `async_fn`: `async fn` pyfunctions, awaited by Python's asyncio.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// A future that is ready `ms` milliseconds after it is first polled.
pub struct Delay {
    ms: u64,
    started: bool,
    done: Arc<AtomicBool>,
    waker: Arc<Mutex<Option<Waker>>>,
}

impl Delay {
    pub fn new(ms: u64) -> Self {
        Delay { ms, started: false, done: Arc::new(AtomicBool::new(false)), waker: Arc::new(Mutex::new(None)) }
    }
}

impl Future for Delay {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.done.load(Ordering::SeqCst) {
            return Poll::Ready(());
        }
        *self.waker.lock().unwrap_or_else(|e| e.into_inner()) = Some(cx.waker().clone());
        // The timer may have finished between the first look and the waker being stored.
        if self.done.load(Ordering::SeqCst) {
            return Poll::Ready(());
        }
        if !self.started {
            self.started = true;
            let ms = self.ms;
            let done = Arc::clone(&self.done);
            let waker = Arc::clone(&self.waker);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(ms));
                done.store(true, Ordering::SeqCst);
                let taken = waker.lock().unwrap_or_else(|e| e.into_inner()).take();
                if let Some(waker) = taken {
                    waker.wake();
                }
            });
        }
        Poll::Pending
    }
}

/// Faxes `pages` pages to `to`.
#[pyfunction]
async fn fax(to: String, pages: u32) -> PyResult<String> {
    match pages {
        0 => Err(PyValueError::new_err("a fax needs at least one page")),
        n => Ok(format!("faxed {n} pages to {to}")),
    }
}

/// Delivers a message after `ms` milliseconds, without blocking the event loop.
#[pyfunction]
async fn deliver(to: String, ms: u64) -> String {
    let delay = Delay::new(ms);
    delay.await;
    format!("delivered to {to}")
}

/// The module Python imports as `async_fn`.
#[pymodule]
pub fn async_fn(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    m.add_function(wrap_pyfunction!(deliver, m)?)?;
    Ok(())
}
