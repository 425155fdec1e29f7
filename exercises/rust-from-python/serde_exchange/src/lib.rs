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
/// may be absent, which means none.
// TODO: add `pub discount_percent: f64` (per cent off the total), which serde fills with
// 0.0 when the JSON has no such field: `#[serde(default)]` on the field.
#[derive(Debug, Deserialize)]
pub struct Order {
    pub customer: String,
    pub items: Vec<Item>,
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

// ANCHOR: exercise
/// Reads an order from JSON text; serde's message (with line and column) becomes a
/// `ValueError` whose text starts with "not an order: ".
fn parse(text: &str) -> PyResult<Order> {
    // TODO: `serde_json::from_str(text)`, with its error mapped to a `PyValueError`.
    let _ = PyValueError::new_err::<String>;
    todo!("parse {text}")
}

/// The order's total in dollars, less its discount.
#[pyfunction]
fn order_total(text: &str) -> PyResult<f64> {
    let order = parse(text)?;
    // `fold` from 0.0: an empty `sum()` of floats is -0.0.
    let total = order.items.iter().fold(0.0, |total, item| total + f64::from(item.reams) * item.price_per_ream);
    // TODO: take the discount off: `total * (1.0 - order.discount_percent / 100.0)`.
    Ok(total)
}

/// The order's invoice, as JSON text that `serde_json::to_string` writes (it escapes
/// quotes and backslashes, and writes floats as floats): one line per item with its
/// amount, then the total.
#[pyfunction]
fn invoice(text: &str) -> PyResult<String> {
    let order = parse(text)?;
    // TODO: build an `Invoice` and write it with `serde_json::to_string`.
    todo!("the invoice of {order:?}")
}
// ANCHOR_END: exercise

/// The module Python imports as `serde_exchange`.
#[pymodule]
pub fn serde_exchange(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_total, m)?)?;
    m.add_function(wrap_pyfunction!(invoice, m)?)?;
    Ok(())
}
