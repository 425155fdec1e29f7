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
/// Reads an order from JSON text; serde's message (with line and column) becomes a
/// `ValueError`.
fn parse(text: &str) -> PyResult<Order> {
    let order: Order = serde_json::from_str(text).map_err(|err| PyValueError::new_err(format!("not an order: {}", err)))?;
    Ok(order)
}

/// The order's total in dollars, less its discount.
#[pyfunction]
fn order_total(text: &str) -> PyResult<f64> {
    let order = parse(text)?;
    let total: f64 = order.items.iter().map(|item| item.price_per_ream * item.reams as f64).sum();
    Ok(total * (100.0 - order.discount_percent) / 100.0)
}

/// The order's invoice, as JSON text.
#[pyfunction]
fn invoice(text: &str) -> PyResult<String> {
    let Order { customer, items, .. } = parse(text)?;
    let lines: Vec<InvoiceLine> = items
        .into_iter()
        .map(|Item { sku, reams, price_per_ream }| InvoiceLine { sku, amount: reams as f64 * price_per_ream })
        .collect();
    let total = lines.iter().map(|line| line.amount).sum();
    let mut out = Vec::new();
    serde_json::to_writer(&mut out, &Invoice { customer, lines, total }).map_err(|err| PyValueError::new_err(err.to_string()))?;
    String::from_utf8(out).map_err(|err| PyValueError::new_err(err.to_string()))
}

/// The module Python imports as `serde_exchange`.
#[pymodule]
pub fn serde_exchange(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_total, m)?)?;
    m.add_function(wrap_pyfunction!(invoice, m)?)?;
    Ok(())
}
