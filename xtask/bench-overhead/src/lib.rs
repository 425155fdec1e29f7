//! The function that `cargo xtask bench overhead` calls from Python in four ways: as pure
//! Python, through PyO3 (this module's `add`), and through ctypes and cffi (this
//! library's C-ABI export `overhead_add`). The work is one addition, so what the
//! benchmark measures is the cost of the call itself.

use pyo3::prelude::*;

/// `a + b` for Python, through PyO3: `overhead.add(1, 2) == 3`. Wraps on overflow.
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// `a + b` through the C ABI, for ctypes and cffi: `int64_t overhead_add(int64_t a, int64_t b);`.
/// Wraps on overflow.
#[unsafe(no_mangle)]
pub extern "C" fn overhead_add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// The extension module `overhead`.
#[pymodule]
fn overhead(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)
}
