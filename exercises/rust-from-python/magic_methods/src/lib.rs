//! `magic_methods`: a class that prints, compares and hashes like a Python one.

use pyo3::prelude::*;

/// A paper on someone's desk.
#[pyclass(frozen, module = "magic_methods")]
pub struct Paper {
    #[pyo3(get)]
    title: String,
    #[pyo3(get)]
    pages: usize,
}

// ANCHOR: exercise
#[pymethods]
impl Paper {
    #[new]
    fn new(title: String, pages: usize) -> Self {
        Paper { title, pages }
    }

    // TODO: `__repr__` gives `Paper('TPS report', 3)`; `__str__` gives
    // `TPS report (3 pages)` (or `(1 page)`); `__len__` gives the number of pages.

    // TODO: `__richcmp__(&self, other: &Self, op: pyo3::basic::CompareOp) -> bool`:
    // papers order by pages, then by title. `__hash__(&self) -> u64`: equal papers
    // hash equally.
}
// ANCHOR_END: exercise

/// The module Python imports as `magic_methods`.
#[pymodule]
pub fn magic_methods(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Paper>()?;
    Ok(())
}
