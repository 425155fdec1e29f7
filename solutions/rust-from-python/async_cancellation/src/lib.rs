//! `async_cancellation`: an `async fn` that asyncio can cancel, and whose Rust side sees
//! the cancellation and cleans up (pyo3 feature `experimental-async`, `CancelHandle`).

pub mod delay;
pub mod exchange;

use delay::{Raced, or_cancelled};
use exchange::FaxLine;
use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;

// ANCHOR: solution
/// Faxes `pages` pages to `to` over one line of the exchange; awaiting it gives
/// `"faxed 3 pages to Pam"`, and the line is hung up with the reason `done`.
///
/// When Python cancels the awaiting task (`asyncio.wait_for` times out, or
/// `task.cancel("why")`), PyO3 hands the `CancelledError` to `cancel` instead of dropping
/// the future: the line is hung up with `cancelled after 2 of 5 pages` (and `(why)` when the
/// exception has a message), then the same exception is raised again, so that asyncio sees
/// a cancelled task.
#[pyfunction]
async fn fax(to: String, pages: u32, #[pyo3(cancel_handle)] mut cancel: CancelHandle) -> PyResult<String> {
    let mut line = FaxLine::dial(&to);
    while line.pages_sent() < pages {
        if let Raced::Cancelled(exception) = or_cancelled(line.send_page(), &mut cancel).await {
            let message = Python::attach(|py| exception.bind(py).str().map(|s| s.to_string())).unwrap_or_default();
            let why = if message.is_empty() { String::new() } else { format!(" ({message})") };
            let sent = line.pages_sent();
            line.hang_up(&format!("cancelled after {sent} of {pages} pages{why}"));
            return Err(Python::attach(|py| PyErr::from_value(exception.into_bound(py))));
        }
    }
    line.hang_up("done");
    Ok(format!("faxed {pages} pages to {to}"))
}
// ANCHOR_END: solution

/// The module Python imports as `async_cancellation`.
#[pymodule]
pub fn async_cancellation(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    Ok(())
}
