//! `async_cancellation`: an `async fn` that asyncio can cancel, and whose Rust side sees
//! the cancellation and cleans up (pyo3 feature `experimental-async`, `CancelHandle`).

pub mod delay;
pub mod exchange;

use delay::{Raced, or_cancelled};
use exchange::FaxLine;
use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;

// ANCHOR: solution
/// Sees the cancellation, hangs up and raises the exception again, but never reads its
/// message.
#[pyfunction]
async fn fax(to: String, pages: u32, #[pyo3(cancel_handle)] mut cancel: CancelHandle) -> PyResult<String> {
    let mut line = FaxLine::dial(&to);
    while line.pages_sent() < pages {
        if let Raced::Cancelled(exception) = or_cancelled(line.send_page(), &mut cancel).await {
            let sent = line.pages_sent();
            line.hang_up(&format!("cancelled after {sent} of {pages} pages"));
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
