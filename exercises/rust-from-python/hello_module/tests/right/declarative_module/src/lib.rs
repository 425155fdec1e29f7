//! `hello_module`: the office's first Python module written in Rust.

use pyo3::prelude::*;

// ANCHOR: solution
/// Greets a new employee: `greet("Pam")` is `"Hello, Pam! Welcome to Dunder Mifflin."`.
#[pyfunction]
fn greet(name: &str) -> String {
    format!("Hello, {name}! Welcome to Dunder Mifflin.")
}

/// Sheets in a ream.
const SHEETS_PER_REAM: u64 = 500;

/// The number of sheets in `reams` reams of paper (500 sheets a ream).
#[pyfunction]
fn sheets(reams: u64) -> u64 {
    SHEETS_PER_REAM * reams
}

/// The module Python imports as `hello_module`, declared as a Rust module whose
/// `#[pymodule_export]` items Python sees.
#[pymodule]
mod hello_module {
    #[pymodule_export]
    use super::{greet, sheets};
}
// ANCHOR_END: solution
