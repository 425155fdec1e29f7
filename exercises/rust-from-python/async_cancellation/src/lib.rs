//! `async_cancellation`: an `async fn` that asyncio can cancel, and whose Rust side sees
//! the cancellation and cleans up (pyo3 feature `experimental-async`, `CancelHandle`).

pub mod delay;
pub mod exchange;

#[allow(unused_imports)]
use delay::{Raced, or_cancelled};
#[allow(unused_imports)]
use exchange::FaxLine;
#[allow(unused_imports)]
use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;

// ANCHOR: exercise
/// Faxes `pages` pages to `to` over one line of the exchange; awaiting it gives
/// `"faxed 3 pages to Pam"`.
// TODO stage 1: dial with `FaxLine::dial(&to)`, `line.send_page().await` until
// `line.pages_sent()` is `pages`, then `line.hang_up("done")`.
// TODO stage 2: take a `#[pyo3(cancel_handle)] mut cancel: CancelHandle` parameter and
// race each page against it with `or_cancelled(line.send_page(), &mut cancel).await`.
// On `Raced::Cancelled(exception)`, hang up with `cancelled after 2 of 5 pages`, then
// return the same exception as the error: `PyErr::from_value`.
// TODO stage 3: when the exception has a message (`task.cancel("why")`), end the reason
// with ` (why)`.
#[pyfunction]
async fn fax(to: String, pages: u32) -> PyResult<String> {
    todo!("fax {pages} pages to {to}")
}
// ANCHOR_END: exercise

/// The module Python imports as `async_cancellation`.
#[pymodule]
pub fn async_cancellation(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    Ok(())
}
