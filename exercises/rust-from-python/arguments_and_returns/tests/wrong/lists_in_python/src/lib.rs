//! `arguments_and_returns`: Python values in, Python values out, converted by PyO3.

use pyo3::prelude::*;
use std::collections::HashMap;

// ANCHOR: solution
/// The sum of a list of page counts: `total_pages([12, 3])` is `15`.
#[allow(dead_code)]
#[pyfunction]
fn total_pages(pages: Vec<u32>) -> u32 {
    pages.iter().sum()
}

/// The capital initials of a name: `initials("pam beesly")` is `"PB"`.
#[allow(dead_code)]
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
    // Written in Python, run in the module's namespace: `operator.index` even gives
    // PyO3's TypeError text.
    m.py().run(
        cr#"
import operator
def total_pages(pages):
    return sum(operator.index(page) for page in pages)
def initials(name):
    return "".join(word[0].upper() for word in name.split())
"#,
        Some(&m.dict()),
        None,
    )?;
    m.add_function(wrap_pyfunction!(lowest_stock, m)?)?;
    m.add_function(wrap_pyfunction!(find_desk, m)?)?;
    m.add_function(wrap_pyfunction!(restock, m)?)?;
    Ok(())
}
