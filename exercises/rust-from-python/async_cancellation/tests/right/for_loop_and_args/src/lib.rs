//! `async_cancellation`: an `async fn` that asyncio can cancel, and whose Rust side sees
//! the cancellation and cleans up.

pub mod delay;
pub mod exchange;

use delay::{Raced, or_cancelled};
use exchange::FaxLine;
use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Faxes `pages` pages to `to` over one line of the exchange.
#[pyfunction]
async fn fax(to: String, pages: u32, #[pyo3(cancel_handle)] mut cancel: CancelHandle) -> PyResult<String> {
    let mut line = FaxLine::dial(&to);
    for _ in 0..pages {
        match or_cancelled(line.send_page(), &mut cancel).await {
            Raced::Done(()) => {}
            Raced::Cancelled(exception) => {
                return Python::attach(|py| {
                    let exception = exception.into_bound(py);
                    let args = exception.getattr("args")?.cast_into::<PyTuple>()?;
                    let mut reason = format!("cancelled after {} of {pages} pages", line.pages_sent());
                    if let Ok(first) = args.get_item(0) {
                        let why: String = first.str()?.extract()?;
                        if !why.is_empty() {
                            reason.push_str(&format!(" ({why})"));
                        }
                    }
                    line.hang_up(&reason);
                    Err(PyErr::from_value(exception))
                });
            }
        }
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
