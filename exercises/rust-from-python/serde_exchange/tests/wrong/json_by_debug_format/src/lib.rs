//! `serde_exchange`: structured data across the boundary as JSON, read and written by
//! serde and serde_json.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

/// One line of an order, as the JSON object `{"sku": ..., "reams": ..., "price_per_ream": ...}`.
#[derive(Debug, Deserialize)]
pub struct Item {
    pub sku: String,
    pub reams: u32,
    /// Dollars.
    pub price_per_ream: f64,
}

// ANCHOR: order
/// An order: `{"customer": ..., "items": [...], "discount_percent": ...}`; the discount
/// may be absent, which means none (`#[serde(default)]`: `f64::default()`, 0.0).
#[derive(Debug, Deserialize)]
pub struct Order {
    pub customer: String,
    pub items: Vec<Item>,
    /// Per cent off the total, 0 to 100.
    #[serde(default)]
    pub discount_percent: f64,
}
// ANCHOR_END: order

/// One line of an invoice.
#[derive(Debug, Serialize)]
pub struct InvoiceLine {
    pub sku: String,
    /// Dollars: reams times price.
    pub amount: f64,
}

/// An invoice, written as `{"customer": ..., "lines": [...], "total": ...}`; the total of
/// the lines, before any discount.
#[derive(Debug, Serialize)]
pub struct Invoice {
    pub customer: String,
    pub lines: Vec<InvoiceLine>,
    /// Dollars.
    pub total: f64,
}

// ANCHOR: solution
/// Reads an order from JSON text; serde's message (with line and column) becomes a
/// `ValueError`.
fn parse(text: &str) -> PyResult<Order> {
    serde_json::from_str(text).map_err(|err| PyValueError::new_err(format!("not an order: {err}")))
}

/// The order's total in dollars, less its discount.
#[pyfunction]
fn order_total(text: &str) -> PyResult<f64> {
    let order = parse(text)?;
    // `fold` from 0.0: an empty `sum()` of floats is -0.0.
    let total = order.items.iter().fold(0.0, |total, item| total + f64::from(item.reams) * item.price_per_ream);
    Ok(total * (1.0 - order.discount_percent / 100.0))
}

/// The order's invoice, as JSON text.
#[pyfunction]
fn invoice(text: &str) -> PyResult<String> {
    let order = parse(text)?;
    // JSON written by hand with Rust's Debug format: `{:?}` escapes quotes and
    // backslashes and writes 45.0, but it is Rust's syntax, not JSON's.
    let mut lines = Vec::new();
    let mut total = 0.0;
    for item in &order.items {
        let amount = f64::from(item.reams) * item.price_per_ream;
        total += amount;
        lines.push(format!(r#"{{"sku":{:?},"amount":{:?}}}"#, item.sku, amount));
    }
    let _ = (Invoice { customer: String::new(), lines: Vec::new(), total: 0.0 }, InvoiceLine { sku: String::new(), amount: 0.0 });
    Ok(format!(r#"{{"customer":{:?},"lines":[{}],"total":{:?}}}"#, order.customer, lines.join(","), total))
}
// ANCHOR_END: solution

/// The module Python imports as `serde_exchange`.
#[pymodule]
pub fn serde_exchange(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_total, m)?)?;
    m.add_function(wrap_pyfunction!(invoice, m)?)?;
    Ok(())
}
