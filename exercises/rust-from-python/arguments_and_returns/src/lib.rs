//! `arguments_and_returns`: Python values in, Python values out, converted by PyO3.

use pyo3::prelude::*;
use std::collections::HashMap;

// ANCHOR: exercise
/// The sum of a list of page counts: `total_pages([12, 3])` is `15`.
#[pyfunction]
fn total_pages(pages: Vec<u32>) -> u32 {
    // TODO: add up the pages.
    todo!("sum {pages:?}")
}

/// The capital initials of a name: `initials("pam beesly")` is `"PB"`.
#[pyfunction]
fn initials(name: &str) -> String {
    // TODO: the first letter of each word, in upper case.
    todo!("initials of {name}")
}

/// The item with the fewest units, as a tuple `(name, units)`; ties go to the name that
/// sorts first. `None` for an empty dict.
#[pyfunction]
fn lowest_stock(stock: HashMap<String, u32>) -> Option<(String, u32)> {
    // TODO: a Rust tuple becomes a Python tuple, and `None` stays `None`.
    todo!("lowest of {stock:?}")
}

/// The desk of `name`, or `None` when the seating plan does not list them.
#[pyfunction]
fn find_desk(name: &str, seating: HashMap<String, u32>) -> Option<u32> {
    // TODO
    todo!("desk of {name} in {seating:?}")
}

/// A new dict with `amount` more units of every item; the argument is left alone.
#[pyfunction]
fn restock(stock: HashMap<String, u32>, amount: u32) -> HashMap<String, u32> {
    // TODO
    todo!("add {amount} to {stock:?}")
}
// ANCHOR_END: exercise

/// The module Python imports as `arguments_and_returns`.
#[pymodule]
pub fn arguments_and_returns(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(total_pages, m)?)?;
    m.add_function(wrap_pyfunction!(initials, m)?)?;
    m.add_function(wrap_pyfunction!(lowest_stock, m)?)?;
    m.add_function(wrap_pyfunction!(find_desk, m)?)?;
    m.add_function(wrap_pyfunction!(restock, m)?)?;
    Ok(())
}
