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
/// An order: `{"customer": ..., "items": [...], "discount_percent": ...}`.
#[derive(Debug, Deserialize)]
pub struct Order {
    pub customer: String,
    pub items: Vec<Item>,
    /// Per cent off the total; `None` when the JSON has no such field.
    pub discount_percent: Option<f64>,
}

/// One line of an invoice.
#[derive(Debug, Serialize)]
pub struct InvoiceLine {
    pub sku: String,
    /// Dollars: reams times price.
    pub amount: f64,
}

/// An invoice: the total first, then the lines.
#[derive(Debug, Serialize)]
pub struct Invoice {
    pub total: f64,
    pub customer: String,
    pub lines: Vec<InvoiceLine>,
}

/// Reads an order from JSON text.
fn parse(text: &str) -> PyResult<Order> {
    match serde_json::from_slice::<Order>(text.as_bytes()) {
        Ok(order) => Ok(order),
        Err(err) => Err(PyValueError::new_err(format!("not an order: {err}"))),
    }
}

fn amount(item: &Item) -> f64 {
    f64::from(item.reams) * item.price_per_ream
}

/// The order's total in dollars, less its discount.
#[pyfunction]
fn order_total(text: &str) -> PyResult<f64> {
    let order = parse(text)?;
    let mut total = 0.0;
    for item in &order.items {
        total += amount(item);
    }
    let discount = order.discount_percent.unwrap_or(0.0);
    Ok(total - total * discount / 100.0)
}

/// The order's invoice, as pretty-printed JSON text.
#[pyfunction]
fn invoice(text: &str) -> PyResult<String> {
    let order = parse(text)?;
    let mut lines = Vec::with_capacity(order.items.len());
    let mut total = 0.0;
    for item in &order.items {
        total += amount(item);
        lines.push(InvoiceLine { sku: item.sku.clone(), amount: amount(item) });
    }
    let invoice = Invoice { total, customer: order.customer, lines };
    serde_json::to_string_pretty(&invoice).map_err(|err| PyValueError::new_err(format!("cannot write the invoice: {err}")))
}

/// The module Python imports as `serde_exchange`.
#[pymodule]
pub fn serde_exchange(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(order_total, m)?)?;
    m.add_function(wrap_pyfunction!(invoice, m)?)?;
    Ok(())
}
