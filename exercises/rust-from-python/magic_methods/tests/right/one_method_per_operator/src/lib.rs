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

// ANCHOR: solution
#[pymethods]
impl Paper {
    #[new]
    fn new(title: String, pages: usize) -> Self {
        Paper { title, pages }
    }

    fn __repr__(&self) -> String {
        String::from("Paper('") + &self.title + "', " + &self.pages.to_string() + ")"
    }

    fn __str__(&self) -> String {
        match self.pages {
            1 => format!("{} (1 page)", self.title),
            n => format!("{} ({n} pages)", self.title),
        }
    }

    fn __len__(&self) -> usize {
        self.pages
    }

    // One method per operator; a `str` on the other side fails to convert to a
    // `PyRef<Paper>`, and PyO3 then answers `NotImplemented`.
    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.pages == other.pages && self.title == other.title
    }

    fn __ne__(&self, other: PyRef<'_, Self>) -> bool {
        !self.__eq__(other)
    }

    fn __lt__(&self, other: PyRef<'_, Self>) -> bool {
        (self.pages, &self.title) < (other.pages, &other.title)
    }

    fn __le__(&self, other: PyRef<'_, Self>) -> bool {
        (self.pages, &self.title) <= (other.pages, &other.title)
    }

    fn __gt__(&self, other: PyRef<'_, Self>) -> bool {
        (self.pages, &self.title) > (other.pages, &other.title)
    }

    fn __ge__(&self, other: PyRef<'_, Self>) -> bool {
        (self.pages, &self.title) >= (other.pages, &other.title)
    }

    /// FNV-1a over the pages and the title's bytes.
    fn __hash__(&self) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self.pages.to_le_bytes().into_iter().chain(self.title.bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    }
}
// ANCHOR_END: solution

/// The module Python imports as `magic_methods`.
#[pymodule]
pub fn magic_methods(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Paper>()?;
    Ok(())
}
