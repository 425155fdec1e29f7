//! `magic_methods`: a class that prints, compares and hashes like a Python one.

use pyo3::prelude::*;

/// A paper on someone's desk. The fields are in comparison order (pages, then title), so
/// the derived `Ord` and `Hash` are what Python's comparisons and `hash` use.
#[pyclass(frozen, eq, ord, hash, str, module = "magic_methods")]
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Paper {
    #[pyo3(get)]
    pages: usize,
    #[pyo3(get)]
    title: String,
}

// ANCHOR: solution
/// What `str(paper)` shows, through `#[pyclass(str)]`.
impl std::fmt::Display for Paper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} page{})", self.title, self.pages, if self.pages == 1 { "" } else { "s" })
    }
}

#[pymethods]
impl Paper {
    #[new]
    fn new(title: String, pages: usize) -> Self {
        Paper { pages, title }
    }

    fn __repr__(&self) -> String {
        format!("Paper('{}', {})", self.title, self.pages)
    }

    fn __len__(&self) -> usize {
        self.pages
    }
}
// ANCHOR_END: solution

/// The module Python imports as `magic_methods`.
#[pymodule]
pub fn magic_methods(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Paper>()?;
    Ok(())
}
