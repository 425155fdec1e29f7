//! Solution of `keyword_arguments`: price paper orders with the office's Python catalogue,
//! called from Rust with positional and keyword arguments.
//!
//! Run `cargo xtask check keyword_arguments` after each edit.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::types::PyModule;
use std::collections::HashMap;

/// Loads `python/catalogue.py` (compiled into the crate with `include_str!`) as the
/// module `catalogue`.
///
/// # Errors
/// Any exception the module raises while it loads.
pub fn catalogue(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let code = std::ffi::CString::new(include_str!("../python/catalogue.py"))?;
    PyModule::from_code(py, &code, c"catalogue.py", c"catalogue")
}

// ANCHOR: solution
/// `catalogue.ream_price(reams)`: the price in dollars, one positional argument.
///
/// # Errors
/// Any exception Python raises.
pub fn ream_price(catalogue: &Bound<'_, PyModule>, reams: u32) -> PyResult<f64> {
    let price = catalogue.call_method1("ream_price", (reams,))?;
    price.extract::<f64>()
}

/// `catalogue.quote(reams, discount=...)`: `discount` is keyword-only in Python, and
/// passed only when the salesman agreed on one, so that the catalogue's own loyalty
/// discount applies otherwise.
///
/// # Errors
/// Any exception Python raises.
pub fn quote(catalogue: &Bound<'_, PyModule>, reams: u32, discount: Option<f64>) -> PyResult<f64> {
    let kwargs = PyDict::new(catalogue.py());
    if let Some(discount) = discount {
        kwargs.set_item("discount", discount)?;
    }
    catalogue.call_method("quote", (reams,), Some(&kwargs))?.extract()
}

/// `catalogue.order_form(customer, **items)`: each item's quantity is a keyword argument
/// named after the item.
///
/// # Errors
/// Any exception Python raises.
pub fn order_form(catalogue: &Bound<'_, PyModule>, customer: &str, items: &HashMap<&str, u32>) -> PyResult<String> {
    let kwargs = PyDict::new(catalogue.py());
    for (item, quantity) in items {
        kwargs.set_item(*item, *quantity)?;
    }
    catalogue.call_method("order_form", (customer,), Some(&kwargs))?.extract()
}
// ANCHOR_END: solution
