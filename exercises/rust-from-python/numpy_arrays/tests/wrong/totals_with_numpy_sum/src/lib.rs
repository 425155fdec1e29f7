//! `numpy_arrays`: NumPy arrays in and out, through the `numpy` crate and `ndarray`.

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1, PyReadonlyArray2, PyReadwriteArray1};
use pyo3::prelude::*;

// ANCHOR: solution
/// A new float64 array: each value minus the mean of all of them. The input is read in
/// place, through a view (`as_array`), without a copy; an empty array gives an empty one.
#[pyfunction]
fn centered<'py>(py: Python<'py>, values: PyReadonlyArray1<'py, f64>) -> Bound<'py, PyArray1<f64>> {
    let view = values.as_array();
    let mean = view.mean().unwrap_or(0.0);
    view.mapv(|value| value - mean).into_pyarray(py)
}

/// Raises every salary by `percent` per cent, in the caller's own array (no copy), and
/// returns how many salaries changed.
#[pyfunction]
fn apply_raise(mut salaries: PyReadwriteArray1<'_, f64>, percent: f64) -> usize {
    let mut view = salaries.as_array_mut();
    view.mapv_inplace(|salary| salary * (1.0 + percent / 100.0));
    view.len()
}

/// The total of each column of a 2-D array (rows are weeks, columns salespeople), as a
/// new 1-D array. Works on any memory layout, C or Fortran order.
#[pyfunction]
fn column_totals<'py>(sales: PyReadonlyArray2<'py, f64>) -> PyResult<Bound<'py, PyAny>> {
    // NumPy already knows every memory layout: let it add up the columns.
    sales.as_any().call_method1("sum", (0,))
}
// ANCHOR_END: solution

/// The module Python imports as `numpy_arrays`.
#[pymodule]
pub fn numpy_arrays(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(centered, m)?)?;
    m.add_function(wrap_pyfunction!(apply_raise, m)?)?;
    m.add_function(wrap_pyfunction!(column_totals, m)?)?;
    Ok(())
}
