//! `iteration`: Rust classes that Python's `for` loops over.

use pyo3::prelude::*;

// ANCHOR: exercise
/// An iterator over sheet numbers `first..=last`: `Sheets(1, 3)` yields 1, 2, 3, then stops.
#[pyclass(module = "iteration")]
pub struct Sheets {
    next: u32,
    last: u32,
}

#[pymethods]
impl Sheets {
    #[new]
    fn new(first: u32, last: u32) -> Self {
        Sheets { next: first, last }
    }

    // TODO: `__iter__` returns the iterator itself (take and return `PyRef<'_, Self>`);
    // `__next__` returns `Option<u32>`: `None` ends the iteration.
}

/// A ream of `size` sheets, numbered from 1. Iterable as often as you like: each `iter()`
/// starts a fresh `Sheets`.
#[pyclass(module = "iteration")]
pub struct Ream {
    size: u32,
}

#[pymethods]
impl Ream {
    #[new]
    fn new(size: u32) -> Self {
        Ream { size }
    }

    // TODO: `__iter__` returns a new `Sheets`; `__len__` and `__contains__` answer
    // `len(ream)` and `sheet in ream`.
}

/// The number of pages before the first blank page (`""`) of any Python iterable: a list,
/// a tuple, a generator, a `Sheets`. Pulls no page after that blank, so a generator is
/// consumed only as far as needed. A page that is not a `str` is a `TypeError`.
#[pyfunction]
fn pages_before_blank(pages: &Bound<'_, PyAny>) -> PyResult<usize> {
    // TODO: `pages.try_iter()?` is Python's `iter(pages)`; looping over it gives each
    // page as a `PyResult`. Stop at the first blank page.
    todo!("count the pages of {pages} before the first blank one")
}
// ANCHOR_END: exercise

/// The module Python imports as `iteration`.
#[pymodule]
pub fn iteration(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sheets>()?;
    m.add_class::<Ream>()?;
    m.add_function(wrap_pyfunction!(pages_before_blank, m)?)?;
    Ok(())
}
