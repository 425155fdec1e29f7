//! `classes_basics`: a Rust struct that Python uses as a class.

use pyo3::prelude::*;

// ANCHOR: solution
/// An employee of the Scranton branch. `subclass`: Python classes may extend it.
#[pyclass(module = "classes_basics", subclass)]
pub struct Employee {
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

    /// `employee.name`: a getter and no setter, so Python cannot assign it.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// `employee.desk`.
    #[getter]
    fn desk(&self) -> u32 {
        self.desk
    }

    /// `employee.desk = n`; desks are numbered 0 to 99.
    #[setter]
    fn set_desk(&mut self, desk: u32) -> PyResult<()> {
        if !(0..=99).contains(&desk) {
            return Err(pyo3::exceptions::PyValueError::new_err(format!("desk {desk} does not exist")));
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

    /// `employee.total_sales`: a computed attribute; `get_` is dropped from the name.
    #[getter]
    fn get_total_sales(&self) -> f64 {
        let mut total = 0.0;
        for sale in &self.sales {
            total += sale;
        }
        total
    }

    /// `Employee.company()`.
    #[staticmethod]
    fn company() -> String {
        String::from("Dunder Mifflin Paper Company, Inc.")
    }

    /// `Employee.temp(name)`: an alternative constructor, the temp's desk is 0.
    #[classmethod]
    fn temp<'py>(cls: &Bound<'py, pyo3::types::PyType>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        cls.call((name, 0u32), None)
    }
}
// ANCHOR_END: solution

/// The module Python imports as `classes_basics`.
#[pymodule]
pub fn classes_basics(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Employee>()?;
    Ok(())
}
