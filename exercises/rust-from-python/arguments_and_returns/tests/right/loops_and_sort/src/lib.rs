//! `arguments_and_returns`: Python values in, Python values out, converted by PyO3.

use pyo3::prelude::*;
use std::collections::HashMap;

// ANCHOR: solution
/// The sum of a list of page counts: `total_pages([12, 3])` is `15`.
#[pyfunction]
fn total_pages(pages: Vec<u32>) -> u32 {
    let mut total = 0;
    for count in &pages {
        total += count;
    }
    total
}

/// The capital initials of a name: `initials("pam beesly")` is `"PB"`.
#[pyfunction]
fn initials(name: &str) -> String {
    let mut out = String::new();
    for word in name.split(' ') {
        if let Some(first) = word.chars().next() {
            out.extend(first.to_uppercase());
        }
    }
    out
}

/// The item with the fewest units, as a tuple `(name, units)`; ties go to the name that
/// sorts first. `None` for an empty dict.
#[pyfunction]
fn lowest_stock(stock: HashMap<String, u32>) -> Option<(String, u32)> {
    let mut items: Vec<(String, u32)> = stock.into_iter().collect();
    items.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
    if items.is_empty() { None } else { Some(items.swap_remove(0)) }
}

/// The desk of `name`, or `None` when the seating plan does not list them.
#[pyfunction]
fn find_desk(name: &str, seating: HashMap<String, u32>) -> Option<u32> {
    match seating.get(name) {
        Some(&desk) => Some(desk),
        None => None,
    }
}

/// A new dict with `amount` more units of every item; the argument is left alone.
#[pyfunction]
fn restock(stock: HashMap<String, u32>, amount: u32) -> HashMap<String, u32> {
    let mut restocked = HashMap::with_capacity(stock.len());
    for (item, units) in stock {
        restocked.insert(item, units + amount);
    }
    restocked
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
