//! `enums_and_inheritance`: a Rust enum as a Python enum, and a class hierarchy.

use pyo3::prelude::*;

// ANCHOR: solution
/// A department: `Department.Sales`, comparable with `==` (`eq`) and convertible with
/// `int()` (`eq_int`).
#[pyclass(eq, eq_int, from_py_object, module = "enums_and_inheritance")]
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Department {
    Sales = 0,
    Accounting = 1,
    Warehouse = 2,
}

/// Who works where.
const STAFF: [(&str, Department); 9] = [
    ("Jim", Department::Sales),
    ("Dwight", Department::Sales),
    ("Phyllis", Department::Sales),
    ("Stanley", Department::Sales),
    ("Angela", Department::Accounting),
    ("Kevin", Department::Accounting),
    ("Oscar", Department::Accounting),
    ("Darryl", Department::Warehouse),
    ("Roy", Department::Warehouse),
];

/// The department of an employee, or `None` for someone outside the three.
#[pyfunction]
fn department_of(name: &str) -> Option<Department> {
    STAFF.iter().find(|(who, _)| *who == name).map(|&(_, department)| department)
}

/// Any document.
#[pyclass(subclass, module = "enums_and_inheritance")]
pub struct Document {
    #[pyo3(get)]
    title: String,
}

#[pymethods]
impl Document {
    #[new]
    fn new(title: String) -> Self {
        Document { title }
    }

    fn describe(&self) -> String {
        format!("document {:?}", self.title)
    }
}

/// A memo: a `Document` addressed to a department; `#[new]` returns the pair
/// `(Memo, Document)`, which PyO3 turns into the initializer.
#[pyclass(extends = Document, module = "enums_and_inheritance")]
pub struct Memo {
    #[pyo3(get)]
    to: Department,
}

#[pymethods]
impl Memo {
    #[new]
    fn new(title: String, to: Department) -> (Self, Document) {
        (Memo { to }, Document::new(title))
    }

    fn describe(slf: PyRef<'_, Self>) -> String {
        let to = format!("{:?}", slf.to);
        let base = slf.into_super();
        format!("memo to {to}: {}", base.describe())
    }
}

/// Describes every document through Python's attribute lookup, so overrides run.
#[pyfunction]
fn describe_all(py: Python<'_>, documents: Vec<Py<Document>>) -> PyResult<Vec<String>> {
    let mut lines = Vec::new();
    for document in &documents {
        let describe = document.bind(py).getattr("describe")?;
        lines.push(describe.call0()?.extract::<String>()?);
    }
    Ok(lines)
}

/// The module Python imports as `enums_and_inheritance`.
#[pymodule]
pub fn enums_and_inheritance(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Department>()?;
    m.add_class::<Document>()?;
    m.add_class::<Memo>()?;
    m.add_function(wrap_pyfunction!(department_of, m)?)?;
    m.add_function(wrap_pyfunction!(describe_all, m)?)?;
    Ok(())
}
// ANCHOR_END: solution
