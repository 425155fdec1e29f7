//! `enums_and_inheritance`: a Rust enum as a Python enum, and a class hierarchy.

use pyo3::prelude::*;

// ANCHOR: exercise
/// A department: `Department.Sales`, comparable with `==` (`eq`) and convertible with
/// `int()` (`eq_int`).
// TODO: make it a `#[pyclass(eq, eq_int, from_py_object)]`: `eq` needs `PartialEq`, and
// `from_py_object` (with `Clone`) lets functions take it as an argument.
#[derive(Clone, Copy, Debug)]
pub enum Department {
    Sales,
    Accounting,
    Warehouse,
}

/// The department of an employee, or `None` for someone outside the three.
/// Sales: Jim, Dwight, Phyllis, Stanley. Accounting: Angela, Kevin, Oscar.
/// Warehouse: Darryl, Roy.
// TODO: return `Option<Department>` and add this function and the enum to the module.
fn department_of(name: &str) -> Option<&'static str> {
    todo!("the department of {name}")
}

/// Any document.
// TODO: `subclass` lets Rust and Python classes extend it.
#[pyclass(module = "enums_and_inheritance")]
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

// TODO: `Memo`, a `#[pyclass(extends = Document)]` with a read-only `to: Department`.
// Its `#[new]` returns `PyClassInitializer<Self>`:
// `PyClassInitializer::from(Document::new(title)).add_subclass(Memo { to })`; its `describe` takes
// `slf: PyRef<'_, Self>` and returns "memo to Sales: " followed by the base's describe()
// (`slf.as_super()`).

// TODO: `describe_all(documents: Vec<Bound<'_, Document>>) -> PyResult<Vec<String>>`, a
// `#[pyfunction]` that describes each document with its own `describe`, a Python
// subclass's override included: look the method up through Python with
// `document.call_method0("describe")`, then `extract()` the text. Add it to the module.

/// The module Python imports as `enums_and_inheritance`.
#[pymodule]
pub fn enums_and_inheritance(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Document>()?;
    Ok(())
}
// ANCHOR_END: exercise
