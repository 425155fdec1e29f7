//! `numpy_arrays`: NumPy arrays in and out, through the `numpy` crate and `ndarray`.

use numpy::ndarray::Axis;
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
#[allow(dead_code)]
#[pyfunction]
fn column_totals<'py>(py: Python<'py>, sales: PyReadonlyArray2<'py, f64>) -> Bound<'py, PyArray1<f64>> {
    sales.as_array().sum_axis(Axis(0)).into_pyarray(py)
}
// ANCHOR_END: solution

/// The module Python imports as `numpy_arrays`.
#[pymodule]
pub fn numpy_arrays(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(centered, m)?)?;
    m.add_function(wrap_pyfunction!(apply_raise, m)?)?;
    // Written in Python, run in the module's namespace: NumPy adds up the columns.
    m.py().run(
        cr#"
import numpy as np
def column_totals(sales):
    sales = np.asarray(sales)
    if sales.dtype != np.float64 or sales.ndim != 2:
        raise TypeError("expected a 2-D float64 array")
    return sales.sum(axis=0)
"#,
        Some(&m.dict()),
        None,
    )?;
    Ok(())
}
