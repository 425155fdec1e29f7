//! `enums_and_inheritance`: a Rust enum as a Python enum, and a class hierarchy.

use pyo3::prelude::*;

// ANCHOR: solution
/// A department: `Department.Sales`, comparable with `==` (`eq`) and convertible with
/// `int()` (`eq_int`).
#[pyclass(eq, eq_int, from_py_object, module = "enums_and_inheritance")]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Department {
    Sales,
    Accounting,
    Warehouse,
}

impl Department {
    /// The variant's name, as Rust spells it.
    fn name(self) -> &'static str {
        match self {
            Department::Sales => "Sales",
            Department::Accounting => "Accounting",
            Department::Warehouse => "Warehouse",
        }
    }
}

/// The department of an employee, or `None` for someone outside the three.
#[pyfunction]
fn department_of(name: &str) -> Option<Department> {
    if ["Jim", "Dwight", "Phyllis", "Stanley"].contains(&name) {
        Some(Department::Sales)
    } else if ["Angela", "Kevin", "Oscar"].contains(&name) {
        Some(Department::Accounting)
    } else if ["Darryl", "Roy"].contains(&name) {
        Some(Department::Warehouse)
    } else {
        None
    }
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

/// A memo: a `Document` addressed to a department.
#[pyclass(extends = Document, module = "enums_and_inheritance")]
pub struct Memo {
    to: Department,
}

#[pymethods]
impl Memo {
    #[new]
    fn new(title: String, to: Department) -> PyClassInitializer<Self> {
        PyClassInitializer::from(Document { title }).add_subclass(Memo { to })
    }

    /// `memo.to`, a getter method instead of `#[pyo3(get)]`.
    #[getter]
    fn to(&self) -> Department {
        self.to
    }

    fn describe(slf: PyRef<'_, Self>) -> String {
        ["memo to ", slf.to.name(), ": ", &slf.as_super().describe()].concat()
    }
}

/// Describes every document with `call_method`, no arguments, no keywords.
#[pyfunction]
fn describe_all(documents: Vec<Bound<'_, Document>>) -> PyResult<Vec<String>> {
    documents
        .into_iter()
        .map(|document| -> PyResult<String> { document.call_method("describe", (), None)?.extract() })
        .collect()
}

/// The module Python imports as `enums_and_inheritance`.
#[pymodule]
pub fn enums_and_inheritance(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for add in [m.add_class::<Department>(), m.add_class::<Document>(), m.add_class::<Memo>()] {
        add?;
    }
    m.add_function(wrap_pyfunction!(department_of, m)?)?;
    m.add_function(wrap_pyfunction!(describe_all, m)?)?;
    Ok(())
}
// ANCHOR_END: solution
