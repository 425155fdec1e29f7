//! `magic_methods`: a class that prints, compares and hashes like a Python one.

use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// A paper on someone's desk.
#[pyclass(frozen, module = "magic_methods")]
pub struct Paper {
    #[pyo3(get)]
    title: String,
    #[pyo3(get)]
    pages: usize,
}

// ANCHOR: solution
#[pymethods]
impl Paper {
    #[new]
    fn new(title: String, pages: usize) -> Self {
        Paper { title, pages }
    }

    /// `repr(paper)`: `Paper('TPS report', 3)`, what a programmer reads.
    fn __repr__(&self) -> String {
        format!("Paper('{}', {})", self.title, self.pages)
    }

    /// `str(paper)`: `TPS report (3 pages)`, what anyone reads.
    fn __str__(&self) -> String {
        let unit = if self.pages == 1 { "page" } else { "pages" };
        format!("{} ({} {unit})", self.title, self.pages)
    }

    /// `len(paper)`: its number of pages.
    fn __len__(&self) -> usize {
        self.pages
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=`: papers order by pages, then by title. Comparing
    /// with something that is not a `Paper` gives `NotImplemented`, so Python's `==`
    /// falls back to identity and answers `False`.
    fn __richcmp__(&self, other: &Self, op: CompareOp) -> bool {
        op.matches(self.key().cmp(&other.key()))
    }

    /// `hash(paper)`: equal papers hash equally, so sets and dicts work.
    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.pages.hash(&mut hasher);
        hasher.finish()
    }
}

impl Paper {
    /// What comparison and hashing look at.
    fn key(&self) -> (usize, &str) {
        (self.pages, &self.title)
    }
}
// ANCHOR_END: solution

/// The module Python imports as `magic_methods`.
#[pymodule]
pub fn magic_methods(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Paper>()?;
    Ok(())
}
