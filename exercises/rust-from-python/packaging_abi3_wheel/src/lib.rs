//! `packaging_abi3_wheel`: paper arithmetic, shipped as a wheel with type stubs.

use pyo3::prelude::*;

/// Sheets in a ream.
const SHEETS_PER_REAM: u64 = 500;

/// The reams needed for `sheets` sheets, rounding up: `reams_for(501)` is `2`.
#[pyfunction]
fn reams_for(sheets: u64) -> u64 {
    sheets.div_ceil(SHEETS_PER_REAM)
}

/// The price in dollars of `reams` reams at `per_ream` dollars each, with a 10 % discount
/// from 10 reams on when `bulk` is true.
#[pyfunction]
#[pyo3(signature = (reams, per_ream = 4.5, *, bulk = true))]
fn price(reams: u64, per_ream: f64, bulk: bool) -> f64 {
    let full = reams as f64 * per_ream;
    if bulk && reams >= 10 { full * 0.9 } else { full }
}

/// The module Python imports as `packaging_abi3_wheel`.
#[pymodule]
pub fn packaging_abi3_wheel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(reams_for, m)?)?;
    m.add_function(wrap_pyfunction!(price, m)?)?;
    Ok(())
}
