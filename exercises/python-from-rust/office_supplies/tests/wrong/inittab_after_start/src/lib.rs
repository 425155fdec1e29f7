//! Exercise `office_supplies`: a Rust module, `supplies`, that the office's embedded Python
//! scripts import, added to the interpreter in the two ways PyO3 offers: `sys.modules`
//! while it runs, and `append_to_inittab!` before it starts.
//!
//! Run `cargo xtask check office_supplies` after each edit.

use pyo3::prelude::*;

/// Sheets in a ream of paper.
pub const SHEETS_PER_REAM: u32 = 500;

/// The reams needed to print `pages` pages: whole reams, rounded up.
#[pyfunction]
pub fn reams_needed(pages: u32) -> u32 {
    pages.div_ceil(SHEETS_PER_REAM)
}

/// The order line for `reams` reams of `paper`: `3 reams of 'Dunder Mifflin Bond'`.
#[pyfunction]
#[pyo3(signature = (reams, paper = "Dunder Mifflin Bond"))]
pub fn order_line(reams: u32, paper: &str) -> String {
    let plural = if reams == 1 { "" } else { "s" };
    format!("{reams} ream{plural} of '{paper}'")
}

// ANCHOR: solution
/// The module `supplies`: the functions `reams_needed` and `order_line`, and the constant
/// `SHEETS_PER_REAM`.
///
/// # Errors
/// When an item cannot be added.
#[pymodule]
pub fn supplies(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(reams_needed, module)?)?;
    module.add_function(wrap_pyfunction!(order_line, module)?)?;
    module.add("SHEETS_PER_REAM", SHEETS_PER_REAM)?;
    Ok(())
}

/// Makes `import supplies` work in the interpreter that is already running, by putting
/// the module in `sys.modules`, where `import` looks first.
///
/// # Errors
/// When `sys.modules` cannot be written.
pub fn install_supplies(py: Python<'_>) -> PyResult<()> {
    // The built-in way works everywhere.
    let _ = py;
    pyo3::append_to_inittab!(supplies);
    Ok(())
}

/// Adds `supplies` to the built-in modules of the interpreter that is about to start, so
/// that every script can `import supplies`, as it imports `sys`.
///
/// # Panics
/// When the interpreter is already running: call this before the first `Python::attach`.
pub fn register_supplies_before_start() {
    pyo3::append_to_inittab!(supplies);
}
// ANCHOR_END: solution
