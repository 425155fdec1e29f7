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

/// The department of an employee, or `None` for someone outside the three.
#[pyfunction]
fn department_of(name: &str) -> Option<Department> {
    match name {
        "Jim" | "Dwight" | "Phyllis" | "Stanley" => Some(Department::Sales),
        "Angela" | "Kevin" | "Oscar" => Some(Department::Accounting),
        "Darryl" | "Roy" => Some(Department::Warehouse),
        _ => None,
    }
}

/// Any document. `subclass` lets Rust and Python classes extend it.
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
    #[pyo3(get)]
    to: Department,
}

#[pymethods]
impl Memo {
    /// Builds the base class's part first, then adds the subclass's fields.
    #[new]
    fn new(title: String, to: Department) -> PyClassInitializer<Self> {
        PyClassInitializer::from(Document::new(title)).add_subclass(Memo { to })
    }

    /// Overrides `Document.describe`, reading the base's fields through `as_super`.
    fn describe(slf: PyRef<'_, Self>) -> String {
        let to = slf.to;
        format!("memo to {to:?}: {}", slf.as_super().describe())
    }
}

/// Describes every document with its own `describe`: the method is looked up on each
/// object through Python (`call_method0`), so a Python subclass's override runs too.
///
/// # Errors
/// `TypeError` when an item is not a `Document` (the argument's conversion), or whatever
/// an override raises.
#[pyfunction]
fn describe_all(documents: Vec<Bound<'_, Document>>) -> PyResult<Vec<String>> {
    documents.iter().map(|document| document.call_method0("describe")?.extract()).collect()
}

/// The module Python imports as `enums_and_inheritance`.
#[pymodule]
pub fn enums_and_inheritance(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Department>()?;
    m.add_function(wrap_pyfunction!(department_of, m)?)?;
    m.add_class::<Document>()?;
    m.add_class::<Memo>()?;
    // Written in Python, run in the module's namespace: quicker than the Rust.
    m.py().run(
        cr#"
def describe_all(documents):
    for document in documents:
        if not isinstance(document, Document):
            raise TypeError(f"'{type(document).__name__}' object is not an instance of 'Document'")
    return [document.describe() for document in documents]
"#,
        Some(&m.dict()),
        None,
    )?;
    Ok(())
}
// ANCHOR_END: solution
