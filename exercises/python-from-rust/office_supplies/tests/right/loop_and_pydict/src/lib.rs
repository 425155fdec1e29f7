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

/// The module `supplies`.
#[pymodule]
pub fn supplies(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    for function in [wrap_pyfunction!(reams_needed, m)?, wrap_pyfunction!(order_line, m)?] {
        m.add_function(function)?;
    }
    m.add("SHEETS_PER_REAM", SHEETS_PER_REAM.into_pyobject(py)?)?;
    Ok(())
}

/// `supplies` into `sys.modules`.
pub fn install_supplies(py: Python<'_>) -> PyResult<()> {
    let modules = py.import("sys")?.getattr("modules")?.cast_into::<pyo3::types::PyDict>()?;
    let module: Py<PyModule> = pyo3::wrap_pymodule!(supplies)(py);
    modules.set_item("supplies", module.bind(py))
}

/// `supplies` into the inittab.
pub fn register_supplies_before_start() {
    pyo3::append_to_inittab!(supplies)
}

