//! `numpy_arrays`: NumPy arrays in and out, through the `numpy` crate and `ndarray`.

use numpy::ndarray::Array1;
use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// A new float64 array: each value minus the mean of all of them.
#[pyfunction]
fn centered<'py>(py: Python<'py>, values: &Bound<'py, PyArray1<f64>>) -> Bound<'py, PyArray1<f64>> {
    let values = values.readonly();
    let view = values.as_array();
    let mut total = 0.0;
    for value in view.iter() {
        total += value;
    }
    let mean = if view.is_empty() { 0.0 } else { total / view.len() as f64 };
    Array1::from_iter(view.iter().map(|value| value - mean)).into_pyarray(py)
}

/// Raises every salary by `percent` per cent, in the caller's own array; returns how many.
#[pyfunction]
fn apply_raise(salaries: &Bound<'_, PyArray1<f64>>, percent: f64) -> PyResult<usize> {
    let mut salaries = salaries
        .try_readwrite()
        .map_err(|_| PyValueError::new_err("these salaries cannot be changed (read-only or in use)"))?;
    let mut view = salaries.as_array_mut();
    let mut changed = 0;
    for salary in view.iter_mut() {
        *salary += *salary * percent / 100.0;
        changed += 1;
    }
    Ok(changed)
}

/// The total of each column of a 2-D array, as a new 1-D array.
#[pyfunction]
fn column_totals<'py>(py: Python<'py>, sales: &Bound<'py, PyArray2<f64>>) -> Bound<'py, PyArray1<f64>> {
    let sales = sales.readonly();
    let view = sales.as_array();
    let mut totals = Array1::<f64>::zeros(view.ncols());
    for row in view.rows() {
        totals += &row;
    }
    totals.into_pyarray(py)
}

/// The module Python imports as `numpy_arrays`.
#[pymodule]
pub fn numpy_arrays(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(centered, m)?)?;
    m.add_function(wrap_pyfunction!(apply_raise, m)?)?;
    m.add_function(wrap_pyfunction!(column_totals, m)?)?;
    Ok(())
}
