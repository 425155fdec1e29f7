//! `iteration`: Rust classes that Python's `for` loops over.

use pyo3::prelude::*;

// ANCHOR: solution
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

    /// An iterator is its own iterator.
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next sheet; `None` raises `StopIteration`, which ends the loop.
    fn __next__(&mut self) -> Option<u32> {
        if self.next > self.last {
            return None;
        }
        self.next += 1;
        Some(self.next - 1)
    }
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

    fn __iter__(&self) -> Sheets {
        Sheets { next: 1, last: self.size }
    }

    fn __len__(&self) -> usize {
        self.size as usize
    }

    fn __contains__(&self, sheet: u32) -> bool {
        (1..=self.size).contains(&sheet)
    }
}

/// The number of pages before the first blank page (`""`) of any Python iterable: a list,
/// a tuple, a generator, a `Sheets`. Pulls no page after that blank, so a generator is
/// consumed only as far as needed. A page that is not a `str` is a `TypeError`.
#[pyfunction]
fn pages_before_blank(pages: &Bound<'_, PyAny>) -> PyResult<usize> {
    let mut count = 0;
    for page in pages.try_iter()? {
        if page?.extract::<String>()?.is_empty() {
            break;
        }
        count += 1;
    }
    Ok(count)
}
// ANCHOR_END: solution

/// The module Python imports as `iteration`.
#[pymodule]
pub fn iteration(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // Written in Python, run in the module's namespace: quicker than the Rust.
    m.py().run(
        cr#"
class Sheets:
    def __init__(self, first, last):
        self._next, self._last = first, last

    def __iter__(self):
        return self

    def __next__(self):
        if self._next > self._last:
            raise StopIteration
        self._next += 1
        return self._next - 1
"#,
        Some(&m.dict()),
        None,
    )?;
    m.add_class::<Ream>()?;
    m.add_function(wrap_pyfunction!(pages_before_blank, m)?)?;
    Ok(())
}
