//! `async_cancellation`: an `async fn` that asyncio can cancel, and whose Rust side sees
//! the cancellation and cleans up (pyo3 feature `experimental-async`, `CancelHandle`).

pub mod delay;
pub mod exchange;

use exchange::FaxLine;
use pyo3::prelude::*;

// ANCHOR: solution
/// Faxes every page, then returns without hanging up: the line is dropped, still open.
#[pyfunction]
async fn fax(to: String, pages: u32) -> PyResult<String> {
    let mut line = FaxLine::dial(&to);
    while line.pages_sent() < pages {
        line.send_page().await;
    }
    Ok(format!("faxed {pages} pages to {to}"))
}
// ANCHOR_END: solution

/// The module Python imports as `async_cancellation`.
#[pymodule]
pub fn async_cancellation(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(fax, m)?)?;
    Ok(())
}
