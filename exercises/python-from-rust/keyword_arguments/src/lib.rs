//! Exercise `keyword_arguments`: drive a Python library of activation functions from
//! Rust, with positional and keyword arguments.
//!
//! Run `cargo xtask check keyword_arguments` after each edit.

use pyo3::prelude::*;
use pyo3::types::PyModule;
use std::collections::HashMap;

/// Loads `python/activators.py` (compiled into the crate with `include_str!`) as the
/// module `activators`.
///
/// # Errors
/// Any exception the module raises while it loads.
pub fn activators(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let code = std::ffi::CString::new(include_str!("../python/activators.py"))?;
    PyModule::from_code(py, &code, c"activators.py", c"activators")
}

// ANCHOR: exercise
/// `activators.relu(x)`: one positional argument.
///
/// # Errors
/// Any exception Python raises.
pub fn relu(activators: &Bound<'_, PyModule>, x: f64) -> PyResult<f64> {
    // TODO: get the module's `relu` attribute and call it with `x` (`call1` takes a tuple).
    todo!("call activators.relu")
}

/// `activators.leaky_relu(x, slope=...)`: the keyword argument only when `slope` is
/// given, so that Python's default (0.01) applies otherwise.
///
/// # Errors
/// Any exception Python raises.
pub fn leaky_relu(activators: &Bound<'_, PyModule>, x: f64, slope: Option<f64>) -> PyResult<f64> {
    // TODO: with a slope, pass it as a keyword argument: `[("slope", slope)].into_py_dict(py)?`
    // gives the dict for `call(args, Some(&kwargs))`. Without one, call with `x` alone.
    todo!("call activators.leaky_relu")
}

/// `activators.layer(name, **settings)`: the keyword arguments come from a `HashMap`.
///
/// # Errors
/// Any exception Python raises.
pub fn layer(activators: &Bound<'_, PyModule>, name: &str, settings: &HashMap<&str, f64>) -> PyResult<String> {
    // TODO: a `HashMap` turns into a Python dict with `into_py_dict` too.
    todo!("call activators.layer")
}
// ANCHOR_END: exercise
