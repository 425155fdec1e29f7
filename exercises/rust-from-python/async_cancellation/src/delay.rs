//! Waiting without blocking the event loop, and racing a future against cancellation.
//! This file is given: the exercise is in `lib.rs`.

use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::time::Duration;

/// A future that is ready `ms` milliseconds after it is first polled. A plain thread
/// sleeps, then wakes the task: no async runtime is needed, which suits a pyo3 coroutine,
/// polled by Python's event loop rather than by tokio (as in the exercise `async_fn`).
pub async fn delay(ms: u64) {
    // Whether the time is up, and the waker to call when it is.
    let shared: Arc<Mutex<(bool, Option<Waker>)>> = Arc::new(Mutex::new((false, None)));
    let mut started = false;
    poll_fn(|cx| {
        let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
        if state.0 {
            return Poll::Ready(());
        }
        state.1 = Some(cx.waker().clone());
        drop(state);
        if !started {
            started = true;
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(ms));
                let waker = {
                    let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
                    state.0 = true;
                    state.1.take()
                };
                // Wake after unlocking: waking a pyo3 coroutine waits for the GIL, and
                // the thread holding the GIL may be waiting for this lock in `poll`.
                if let Some(waker) = waker {
                    waker.wake();
                }
            });
        }
        Poll::Pending
    })
    .await;
}

/// What [`or_cancelled`] saw first.
pub enum Raced<T> {
    /// The work finished, with this output.
    Done(T),
    /// Python cancelled the coroutine first: this is the exception it threw in
    /// (`asyncio.CancelledError`, with the message of `task.cancel(msg)` if any).
    Cancelled(Py<PyAny>),
}

/// Runs `work` until it finishes or until Python cancels the coroutine that `cancel`
/// belongs to, whichever comes first (PyO3 guide, "Using async and await",
/// Cancellation). On cancellation `work` is dropped unfinished.
pub async fn or_cancelled<F: Future>(work: F, cancel: &mut CancelHandle) -> Raced<F::Output> {
    let mut work = pin!(work);
    poll_fn(|cx| {
        if let Poll::Ready(exception) = cancel.poll_cancelled(cx) {
            return Poll::Ready(Raced::Cancelled(exception));
        }
        work.as_mut().poll(cx).map(Raced::Done)
    })
    .await
}
