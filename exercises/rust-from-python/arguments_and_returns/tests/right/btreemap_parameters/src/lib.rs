//! `arguments_and_returns`: Python values in, Python values out, converted by PyO3.

use pyo3::prelude::*;
use std::collections::HashMap;

// ANCHOR: solution
/// The sum of a list of page counts: `total_pages([12, 3])` is `15`.
#[pyfunction]
fn total_pages(pages: Vec<u32>) -> u32 {
    pages.into_iter().fold(0, |sum, count| sum + count)
}

/// The capital initials of a name: `initials("pam beesly")` is `"PB"`.
#[pyfunction]
fn initials(name: &str) -> String {
    name.split_whitespace().map(|word| word.chars().take(1).collect::<String>().to_uppercase()).collect::<Vec<_>>().concat()
}

/// The item with the fewest units; a `BTreeMap` walks the names in order, so the first
/// minimum `min_by_key` keeps is the name that sorts first.
#[pyfunction]
fn lowest_stock(stock: std::collections::BTreeMap<String, u32>) -> Option<(String, u32)> {
    stock.into_iter().min_by_key(|(_, units)| *units)
}

/// The desk of `name`, or `None` when the seating plan does not list them.
#[pyfunction]
fn find_desk(name: String, seating: HashMap<String, u32>) -> Option<u32> {
    seating.contains_key(&name).then(|| seating[&name])
}

/// A new dict with `amount` more units of every item; the argument is left alone.
#[pyfunction]
fn restock(mut stock: std::collections::BTreeMap<String, u32>, amount: u32) -> std::collections::BTreeMap<String, u32> {
    stock.values_mut().for_each(|units| *units += amount);
    stock
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
