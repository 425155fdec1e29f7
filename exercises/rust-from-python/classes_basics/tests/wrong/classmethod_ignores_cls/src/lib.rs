//! `classes_basics`: a Rust struct that Python uses as a class.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;

// ANCHOR: solution
/// An employee of the Scranton branch. `subclass`: Python classes may extend it.
#[pyclass(module = "classes_basics", subclass)]
pub struct Employee {
    /// Read-only from Python.
    #[pyo3(get)]
    name: String,
    /// Readable from Python; written through the validating setter below.
    #[pyo3(get)]
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
        if desk > 99 {
            return Err(PyValueError::new_err(format!("there is no desk {desk}: desks go from 0 to 99")));
        }
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
    #[getter]
    fn total_sales(&self) -> f64 {
        // `fold` from 0.0: an empty `sum()` of floats is -0.0.
        self.sales.iter().fold(0.0, |total, sale| total + sale)
    }

    /// `Employee.company()`: needs neither an instance nor the class.
    #[staticmethod]
    fn company() -> &'static str {
        "Dunder Mifflin Paper Company, Inc."
    }

    /// `Employee.temp(name)`: an alternative constructor, the temp's desk is 0.
    #[classmethod]
    fn temp(_cls: &Bound<'_, PyType>, name: String) -> Employee {
        Employee::new(name, 0)
    }
}
// ANCHOR_END: solution

/// The module Python imports as `classes_basics`.
#[pymodule]
pub fn classes_basics(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Employee>()?;
    Ok(())
}
