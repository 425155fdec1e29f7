//! `iteration`: Rust classes that Python's `for` loops over.

use pyo3::prelude::*;

// ANCHOR: solution
/// An iterator over sheet numbers `first..=last`.
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

    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<u32> {
        (self.next <= self.last).then(|| {
            let sheet = self.next;
            self.next += 1;
            sheet
        })
    }
}

/// A ream of `size` sheets, numbered from 1.
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

    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<Sheets>> {
        Py::new(py, Sheets::new(1, self.size))
    }

    fn __len__(&self) -> PyResult<usize> {
        Ok(usize::try_from(self.size)?)
    }

    fn __contains__(&self, sheet: u32) -> bool {
        sheet >= 1 && sheet <= self.size
    }
}

/// The number of pages before the first blank page of any Python iterable.
#[pyfunction]
fn pages_before_blank(pages: &Bound<'_, PyAny>) -> PyResult<usize> {
    let mut iterator = pages.try_iter()?;
    let mut count = 0;
    while let Some(page) = iterator.next() {
        let page = page?;
        let text = page.cast::<pyo3::types::PyString>()?.to_str()?;
        if text.is_empty() {
            return Ok(count);
        }
        count += 1;
    }
    Ok(count)
}
// ANCHOR_END: solution

/// The module Python imports as `iteration`.
#[pymodule]
pub fn iteration(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sheets>()?;
    m.add_class::<Ream>()?;
    m.add_function(wrap_pyfunction!(pages_before_blank, m)?)?;
    Ok(())
}
