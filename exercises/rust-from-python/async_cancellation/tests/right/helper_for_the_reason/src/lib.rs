//! `async_cancellation`: an `async fn` that asyncio can cancel, and whose Rust side sees
//! the cancellation and cleans up.

pub mod delay;
pub mod exchange;

use delay::{Raced, or_cancelled};
use exchange::FaxLine;
use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;

/// Why the line is hung up after a cancellation: the pages sent, then the message of
/// `task.cancel(...)` in parentheses when there is one.
fn cancelled_reason(sent: u32, pages: u32, message: Option<String>) -> String {
    match message {
        Some(why) if !why.is_empty() => format!("cancelled after {sent} of {pages} pages ({why})"),
        _ => format!("cancelled after {sent} of {pages} pages"),
    }
}

/// Faxes `pages` pages to `to` over one line of the exchange.
#[pyfunction]
async fn fax(to: String, pages: u32, #[pyo3(cancel_handle)] mut cancel: CancelHandle) -> PyResult<String> {
    let mut line = FaxLine::dial(&to);
    loop {
        if line.pages_sent() == pages {
            break;
        }
        let Raced::Cancelled(exception) = or_cancelled(line.send_page(), &mut cancel).await else {
            continue;
        };
        let (error, message) = Python::attach(|py| {
            let bound = exception.bind(py);
            let message = bound.str().ok().map(|text| text.to_string_lossy().into_owned());
            (PyErr::from_value(bound.clone()), message)
        });
        let sent = line.pages_sent();
        line.hang_up(&cancelled_reason(sent, pages, message));
        return Err(error);
    }
    line.hang_up("done");
    Ok(format!("faxed {pages} pages to {to}"))
}

/// The module Python imports as `async_cancellation`.
#[pymodule]
pub fn async_cancellation(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    Ok(())
}
