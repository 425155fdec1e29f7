//! `classes_basics`: a Rust struct that Python uses as a class.

use pyo3::prelude::*;

// ANCHOR: solution
/// An employee of the Scranton branch. `subclass`: Python classes may extend it.
#[pyclass(module = "classes_basics", subclass)]
pub struct Employee {
    #[pyo3(get)]
    name: String,
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

    /// `employee.desk = n`, named with `#[setter(desk)]`; desks are numbered 0 to 99.
    #[setter(desk)]
    fn move_to(&mut self, desk: u32) -> PyResult<()> {
        match desk {
            0..=99 => {
                self.desk = desk;
                Ok(())
            }
            _ => Err(PyErr::new::<pyo3::exceptions::PyValueError, _>("only desks 0-99 exist")),
        }
    }

    /// Records a sale, in dollars.
    fn record_sale(&mut self, amount: f64) {
        self.sales.push(amount);
    }

    /// The number of sales recorded.
    fn sale_count(&self) -> usize {
        self.sales.len()
    }

    /// `employee.total_sales`, named with `#[getter(total_sales)]`.
    #[getter(total_sales)]
    fn sales_so_far(&self) -> f64 {
        self.sales.iter().fold(0.0, |total, sale| total + sale)
    }

    /// `Employee.company()`.
    #[staticmethod]
    #[pyo3(name = "company")]
    fn company_name() -> &'static str {
        "Dunder Mifflin Paper Company, Inc."
    }

    /// `Employee.temp(name)`: the class it was called on, with keyword arguments.
    #[classmethod]
    fn temp(cls: &Bound<'_, pyo3::types::PyType>, name: String) -> PyResult<Py<PyAny>> {
        let kwargs = pyo3::types::PyDict::new(cls.py());
        kwargs.set_item("name", name)?;
        kwargs.set_item("desk", 0)?;
        Ok(cls.call((), Some(&kwargs))?.unbind())
    }
}
// ANCHOR_END: solution

/// The module Python imports as `classes_basics`.
#[pymodule]
pub fn classes_basics(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Employee>()?;
    Ok(())
}
