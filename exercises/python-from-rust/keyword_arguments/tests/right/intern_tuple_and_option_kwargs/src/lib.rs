//! Solution of `keyword_arguments`: price paper orders with the office's Python catalogue,
//! called from Rust with positional and keyword arguments.
//!
//! Run `cargo xtask check keyword_arguments` after each edit.

use pyo3::prelude::*;
use pyo3::intern;
use pyo3::types::PyTuple;
use pyo3::types::{IntoPyDict, PyModule};
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
    let function = catalogue.getattr(intern!(catalogue.py(), "ream_price"))?;
    let args = PyTuple::new(catalogue.py(), [reams])?;
    function.call(args, None)?.extract()
}

/// `catalogue.quote(reams, discount=...)`: `discount` is keyword-only in Python, and
/// passed only when the salesman agreed on one, so that the catalogue's own loyalty
/// discount applies otherwise.
///
/// # Errors
/// Any exception Python raises.
pub fn quote(catalogue: &Bound<'_, PyModule>, reams: u32, discount: Option<f64>) -> PyResult<f64> {
    let function = catalogue.getattr("quote")?;
    let kwargs = discount.map(|d| vec![("discount", d)].into_py_dict(catalogue.py())).transpose()?;
    function.call((reams,), kwargs.as_ref())?.extract()
}

/// `catalogue.order_form(customer, **items)`: each item's quantity is a keyword argument
/// named after the item.
///
/// # Errors
/// Any exception Python raises.
pub fn order_form(catalogue: &Bound<'_, PyModule>, customer: &str, items: &HashMap<&str, u32>) -> PyResult<String> {
    let pairs: Vec<(&str, u32)> = items.iter().map(|(k, v)| (*k, *v)).collect();
    let kwargs = pairs.into_py_dict(catalogue.py())?;
    let text: String = catalogue.getattr("order_form")?.call((customer,), Some(&kwargs))?.extract()?;
    Ok(text)
}
// ANCHOR_END: solution
