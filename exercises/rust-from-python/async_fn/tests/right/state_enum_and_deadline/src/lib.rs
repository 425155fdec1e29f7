//! `async_fn`: `async fn` pyfunctions, awaited by Python's asyncio.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// Where a delay stands.
enum State {
    /// Not polled yet: no timer.
    Idle,
    /// The timer runs; the waker to call when it ends.
    Waiting(Waker),
    /// The time is up.
    Elapsed,
}

/// A future that is ready `ms` milliseconds after it is first polled.
pub struct Delay {
    ms: u64,
    state: Arc<Mutex<State>>,
}

impl Delay {
    pub fn new(ms: u64) -> Self {
        Delay { ms, state: Arc::new(Mutex::new(State::Idle)) }
    }
}

impl Future for Delay {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let first = matches!(*state, State::Idle);
        match *state {
            State::Elapsed => return Poll::Ready(()),
            _ => *state = State::Waiting(cx.waker().clone()),
        }
        drop(state);
        if first {
            let deadline = Instant::now() + Duration::from_millis(self.ms);
            let shared = Arc::clone(&self.state);
            std::thread::spawn(move || {
                std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
                let previous = std::mem::replace(&mut *shared.lock().unwrap_or_else(|e| e.into_inner()), State::Elapsed);
                if let State::Waiting(waker) = previous {
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
    (pages > 0)
        .then(|| format!("faxed {pages} pages to {to}"))
        .ok_or_else(|| PyValueError::new_err(format!("{to}: zero pages, no fax")))
}

/// Delivers a message after `ms` milliseconds, without blocking the event loop.
#[pyfunction]
async fn deliver(to: String, ms: u64) -> String {
    Delay::new(ms).await;
    format!("delivered to {to}")
}

/// The module Python imports as `async_fn`.
#[pymodule]
pub fn async_fn(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    m.add_function(wrap_pyfunction!(deliver, m)?)?;
    Ok(())
}
