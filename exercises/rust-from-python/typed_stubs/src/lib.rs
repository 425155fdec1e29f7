//! `typed_stubs`: paper orders, a module whose type stubs (`typed_stubs.pyi`) are checked
//! against it. This file is given: the exercise is the stub.

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

/// A name badge: `badge("Dwight", department="Sales")` is `"Dwight (Sales)"`, and
/// without a department just the name.
#[pyfunction]
#[pyo3(signature = (name, *, department = None))]
fn badge(name: &str, department: Option<&str>) -> String {
    match department {
        Some(department) => format!("{name} ({department})"),
        None => name.to_string(),
    }
}

/// One customer's order of paper. `customer` is read-only; `reams` can be changed.
#[pyclass(from_py_object)]
#[derive(Clone)]
struct Order {
    /// Who ordered: read-only from Python.
    #[pyo3(get)]
    customer: String,
    /// How many reams: read and written from Python.
    #[pyo3(get, set)]
    reams: u64,
}

#[pymethods]
impl Order {
    /// `Order("Blue Cross", 12)`; the reams default to one.
    #[new]
    #[pyo3(signature = (customer, reams = 1))]
    fn new(customer: String, reams: u64) -> Self {
        Order { customer, reams }
    }

    /// The order's price at `per_ream` dollars a ream, with the bulk discount.
    fn total(&self, per_ream: f64) -> f64 {
        price(self.reams, per_ream, true)
    }

    /// The order split into `parts` orders of nearly equal size, the larger ones first.
    fn split(&self, parts: u64) -> Vec<Order> {
        let parts = parts.max(1);
        (0..parts)
            .map(|i| Order { customer: self.customer.clone(), reams: self.reams / parts + u64::from(i < self.reams % parts) })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!("Order({:?}, {})", self.customer, self.reams)
    }
}

/// The order with the most reams (the first of equals), or `None` for no orders.
#[pyfunction]
fn largest(orders: Vec<Order>) -> Option<Order> {
    let mut best: Option<Order> = None;
    for order in orders {
        if best.as_ref().is_none_or(|b| order.reams > b.reams) {
            best = Some(order);
        }
    }
    best
}

/// The module Python imports as `typed_stubs`.
#[pymodule]
pub fn typed_stubs(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(reams_for, m)?)?;
    m.add_function(wrap_pyfunction!(price, m)?)?;
    m.add_function(wrap_pyfunction!(badge, m)?)?;
    m.add_function(wrap_pyfunction!(largest, m)?)?;
    m.add_class::<Order>()?;
    Ok(())
}
