//! `numpy_arrays`: NumPy arrays in and out, through the `numpy` crate and `ndarray`.

// TODO: you will need `numpy::IntoPyArray` and `numpy::ndarray::Axis` too.
use numpy::{PyArray1, PyReadonlyArray1, PyReadonlyArray2, PyReadwriteArray1};
use pyo3::prelude::*;

// ANCHOR: exercise
/// A new float64 array: each value minus the mean of all of them. The input is read in
/// place, through a view (`as_array`), without a copy; an empty array gives an empty one.
#[pyfunction]
fn centered<'py>(py: Python<'py>, values: PyReadonlyArray1<'py, f64>) -> Bound<'py, PyArray1<f64>> {
    // TODO: `values.as_array()` is an ndarray view; `view.mean()` is an `Option`;
    // `view.mapv(...)` makes a new array and `.into_pyarray(py)` hands it to NumPy.
    todo!()
}

/// Raises every salary by `percent` per cent, in the caller's own array (no copy), and
/// returns how many salaries changed.
#[pyfunction]
fn apply_raise(salaries: PyReadwriteArray1<'_, f64>, percent: f64) -> usize {
    // TODO: `as_array_mut()` and `mapv_inplace`.
    todo!()
}

/// The total of each column of a 2-D array (rows are weeks, columns salespeople), as a
/// new 1-D array. Works on any memory layout, C or Fortran order.
#[pyfunction]
fn column_totals<'py>(py: Python<'py>, sales: PyReadonlyArray2<'py, f64>) -> Bound<'py, PyArray1<f64>> {
    // TODO: `sum_axis(Axis(0))` adds up the rows.
    todo!()
}
// ANCHOR_END: exercise

/// The module Python imports as `numpy_arrays`.
#[pymodule]
pub fn numpy_arrays(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(centered, m)?)?;
    m.add_function(wrap_pyfunction!(apply_raise, m)?)?;
    m.add_function(wrap_pyfunction!(column_totals, m)?)?;
    Ok(())
}
