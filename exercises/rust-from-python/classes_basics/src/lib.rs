//! `classes_basics`: a Rust struct that Python uses as a class.

use pyo3::prelude::*;

// ANCHOR: exercise
/// An employee of the Scranton branch. `subclass`: Python classes may extend it.
#[pyclass(module = "classes_basics", subclass)]
pub struct Employee {
    // TODO: `name` and `desk` must be readable from Python (`#[pyo3(get)]`); `name` is
    // read-only and `desk` is written through the setter below.
    name: String,
    desk: u32,
    /// Private: Python sees it only through methods.
    sales: Vec<f64>,
}

#[pymethods]
impl Employee {
    /// `Employee(name, desk)`.
    #[new]
    fn new(name: String, desk: u32) -> Self {
        Employee { name, desk, sales: Vec::new() }
    }

    /// `employee.desk = n`; desks are numbered 0 to 99.
    #[setter]
    fn set_desk(&mut self, desk: u32) -> PyResult<()> {
        // TODO: refuse desks above 99 with a `pyo3::exceptions::PyValueError`.
        self.desk = desk;
        Ok(())
    }

    /// Records a sale, in dollars.
    fn record_sale(&mut self, amount: f64) {
        self.sales.push(amount);
    }

    /// The number of sales recorded.
    fn sale_count(&self) -> usize {
        self.sales.len()
    }

    /// `employee.total_sales`: a computed attribute.
    // TODO: a getter, so that Python reads it without parentheses.
    fn total_sales(&self) -> f64 {
        // `fold` from 0.0: an empty `sum()` of floats is -0.0.
        self.sales.iter().fold(0.0, |total, sale| total + sale)
    }

    /// `Employee.company()`: needs neither an instance nor the class.
    // TODO: a static method returning "Dunder Mifflin Paper Company, Inc.".

    /// `Employee.temp(name)`: an alternative constructor, the temp's desk is 0.
    // TODO: a class method (first argument `cls: &Bound<'_, pyo3::types::PyType>`) that
    // calls the class: `cls.call1((name, 0))`.
    fn temp(&self, name: String) -> PyResult<Py<PyAny>> {
        todo!("build a temp called {name}")
    }
}
// ANCHOR_END: exercise

/// The module Python imports as `classes_basics`.
#[pymodule]
pub fn classes_basics(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Employee>()?;
    Ok(())
}
