//! `iteration`: Rust classes that Python's `for` loops over.

use pyo3::prelude::*;

// ANCHOR: solution
/// An iterator over sheet numbers `first..=last`, kept as a Rust range.
#[pyclass(module = "iteration")]
pub struct Sheets {
    range: std::ops::RangeInclusive<u32>,
}

#[pymethods]
impl Sheets {
    #[new]
    fn new(first: u32, last: u32) -> Self {
        Sheets { range: first..=last }
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>) -> Option<u32> {
        slf.range.next()
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

    fn __iter__(&self) -> Sheets {
        Sheets::new(1, self.size)
    }

    fn __len__(&self) -> usize {
        self.size as usize
    }

    fn __contains__(&self, sheet: u32) -> bool {
        matches!(sheet, 1..) && sheet <= self.size
    }
}

/// The number of pages before the first blank page: `take_while` stops pulling at the
/// blank, and `collect` into a `PyResult` stops at the first error.
#[pyfunction]
fn pages_before_blank(pages: &Bound<'_, PyAny>) -> PyResult<usize> {
    let kept = pyo3::types::PyIterator::from_object(pages)?
        .map(|page| page?.extract::<String>())
        .take_while(|page| !matches!(page, Ok(text) if text.is_empty()))
        .collect::<PyResult<Vec<String>>>()?;
    Ok(kept.len())
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
