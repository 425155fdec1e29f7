//! `numpy_arrays`: NumPy arrays in and out, through the `numpy` crate and `ndarray`.

use numpy::ndarray::{Axis, Zip};
use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1, PyReadonlyArray2, PyReadwriteArray1};
use pyo3::prelude::*;

/// A new float64 array: each value minus the mean of all of them.
#[pyfunction]
fn centered<'py>(py: Python<'py>, values: PyReadonlyArray1<'py, f64>) -> Bound<'py, PyArray1<f64>> {
    let view = values.as_array();
    match view.mean() {
        Some(mean) => (&view - mean).into_pyarray(py),
        None => view.to_owned().into_pyarray(py),
    }
}

/// Raises every salary by `percent` per cent, in the caller's own array; returns how many.
#[pyfunction]
fn apply_raise(mut salaries: PyReadwriteArray1<'_, f64>, percent: f64) -> usize {
    let factor = 1.0 + percent / 100.0;
    let mut view = salaries.as_array_mut();
    Zip::from(&mut view).for_each(|salary| *salary *= factor);
    view.len()
}

/// The total of each column of a 2-D array, as a new 1-D array.
#[pyfunction]
fn column_totals<'py>(py: Python<'py>, sales: PyReadonlyArray2<'py, f64>) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let totals: Vec<f64> = sales.as_array().axis_iter(Axis(1)).map(|column| column.sum()).collect();
    Ok(PyArray1::from_vec(py, totals))
}

/// The module Python imports as `numpy_arrays`.
#[pymodule]
pub fn numpy_arrays(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(centered, m)?)?;
    m.add_function(wrap_pyfunction!(apply_raise, m)?)?;
    m.add_function(wrap_pyfunction!(column_totals, m)?)?;
    Ok(())
}
