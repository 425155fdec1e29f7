//! `arguments_and_returns`: Python values in, Python values out, converted by PyO3.

use pyo3::prelude::*;
use std::collections::HashMap;

// ANCHOR: solution
/// The sum of a list of page counts: `total_pages([12, 3])` is `15`.
#[pyfunction]
fn total_pages(pages: &Bound<'_, PyAny>) -> PyResult<u32> {
    pages.py().import("builtins")?.getattr("sum")?.call1((pages,))?.extract()
}

/// The capital initials of a name: `initials("pam beesly")` is `"PB"`.
#[pyfunction]
fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|word| word.chars().next()).flat_map(char::to_uppercase).collect()
}

/// The item with the fewest units, as a tuple `(name, units)`; ties go to the name that
/// sorts first. `None` for an empty dict.
#[pyfunction]
fn lowest_stock(stock: HashMap<String, u32>) -> Option<(String, u32)> {
    stock.into_iter().min_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)))
}

/// The desk of `name`, or `None` when the seating plan does not list them.
#[pyfunction]
fn find_desk(name: &str, seating: HashMap<String, u32>) -> Option<u32> {
    seating.get(name).copied()
}

/// A new dict with `amount` more units of every item; the argument is left alone.
#[pyfunction]
fn restock(stock: HashMap<String, u32>, amount: u32) -> HashMap<String, u32> {
    stock.into_iter().map(|(item, units)| (item, units + amount)).collect()
}
// ANCHOR_END: solution

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
