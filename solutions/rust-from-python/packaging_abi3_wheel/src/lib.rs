//! `packaging_abi3_wheel`: paper arithmetic, shipped as a wheel with type stubs.

use pyo3::prelude::*;
use std::collections::HashMap;

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

/// The cheapest supplier in `prices` (supplier to dollars per ream) and its price, or
/// `None` when there is no supplier; a tie goes to the name that sorts first.
#[pyfunction]
fn cheapest(prices: HashMap<String, f64>) -> Option<(String, f64)> {
    prices.into_iter().min_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)))
}

/// The module Python imports as `packaging_abi3_wheel`.
#[pymodule]
pub fn packaging_abi3_wheel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(reams_for, m)?)?;
    m.add_function(wrap_pyfunction!(price, m)?)?;
    m.add_function(wrap_pyfunction!(cheapest, m)?)?;
    Ok(())
}
