//! Fix Dwight's algorithm: Rust firmware running the office's Python algorithms.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyModule, PyTuple};
use std::ffi::CString;

/// A sheet of paper in the fax machine's tray.
#[pyclass(module = "dunder_mifflin", get_all)]
pub struct Paper {
    contents: String,
    shredded: bool,
    faxed_to: Vec<String>,
}

#[pymethods]
impl Paper {
    #[new]
    fn new(contents: String) -> Self {
        Self { contents, shredded: false, faxed_to: vec![] }
    }

    fn shred(&mut self) {
        self.shredded = true;
    }

    fn __repr__(&self) -> String {
        format!("Paper(\"{}\")", self.contents)
    }
}

/// Someone who works at Dunder Mifflin Scranton.
#[pyclass(module = "dunder_mifflin", get_all)]
pub struct Employee {
    name: String,
    email: String,
}

#[pymethods]
impl Employee {
    #[new]
    fn new(name: String, email: String) -> Self {
        Self { name, email }
    }

    fn __repr__(&self) -> String {
        format!("Employee(\"{}\", \"{}\")", self.name, self.email)
    }
}

create_exception!(dunder_mifflin, AlgorithmError, PyException, "An algorithm went wrong.");

const OFFICE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../assets/algorithms.py");
const FIXED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/python/fixed_algorithms.py");

/// (name, module, file, function)
const ALGORITHMS: [(&str, &str, &str, &str); 7] = [
    ("dwight", "algorithms", OFFICE, "dwights_ai_decision_algorithm"),
    ("jim", "algorithms", OFFICE, "jims_ai_decision_algorithm"),
    ("pam", "algorithms", OFFICE, "pams_ai_decision_algorithm"),
    ("ryan", "algorithms", OFFICE, "ryans_ai_decision_algorithm"),
    ("kevin", "algorithms", OFFICE, "kevins_ai_decision_algorithm"),
    ("michael", "algorithms", OFFICE, "michaels_ai_decision_algorithm"),
    ("dwight-fixed", "fixed_algorithms", FIXED, "dwights_ai_decision_algorithm"),
];

fn algorithm<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let index = match ALGORITHMS.iter().position(|entry| entry.0 == name) {
        Some(index) => index,
        None => {
            let known = ALGORITHMS.map(|entry| entry.0).join(", ");
            return Err(PyValueError::new_err(format!("unknown algorithm '{name}' (known: {known})")));
        }
    };
    let modules = py.import("sys")?.getattr("modules")?.cast_into::<PyDict>()?;
    for &(_, module, path, _) in ALGORITHMS.iter().take(index + 1) {
        if modules.get_item(module)?.is_none() {
            let source = std::fs::read_to_string(path)?;
            PyModule::from_code(py, &CString::new(source)?, &CString::new(path)?, &CString::new(module)?)?;
        }
    }
    let (_, module, _, function) = ALGORITHMS[index];
    match modules.get_item(module)? {
        Some(loaded) => loaded.getattr(function),
        None => Err(PyValueError::new_err(format!("{module} did not load"))),
    }
}

fn failure(py: Python<'_>, message: String, cause: Option<PyErr>) -> PyErr {
    let err = AlgorithmError::new_err(message);
    err.set_cause(py, cause);
    err
}

#[pyfunction]
pub fn process<'py>(py: Python<'py>, paper: Bound<'py, Paper>, employees: Vec<Bound<'py, Employee>>, algorithm: &str) -> PyResult<Vec<String>> {
    let function = self::algorithm(py, algorithm)?;
    let name = function.getattr("__name__")?.to_string();
    let args = PyTuple::new(py, [paper.clone().into_any(), PyList::new(py, &employees)?.into_any()])?;
    let returned = match function.call(args, None) {
        Ok(value) => value,
        Err(err) => return Err(failure(py, format!("{name}: the algorithm failed"), Some(err))),
    };
    if returned.is_none() {
        return Err(failure(py, format!("{name} gave back None instead of a list"), None));
    }
    let addresses = match returned.extract::<Vec<String>>() {
        Ok(addresses) => addresses,
        Err(err) => return Err(failure(py, format!("{name} gave back something that is not a list of strings"), Some(err))),
    };
    for address in &addresses {
        if !employees.iter().any(|e| &e.borrow().email == address) {
            return Err(failure(py, format!("{name}: nobody here has the address {address}"), None));
        }
    }
    let mut sheet = paper.borrow_mut();
    if sheet.shredded && !addresses.is_empty() {
        return Err(failure(py, format!("{name} wants a shredded paper faxed"), None));
    }
    sheet.faxed_to.extend_from_slice(&addresses);
    Ok(addresses)
}

#[pymodule]
pub fn dunder_mifflin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Paper>()?;
    m.add_class::<Employee>()?;
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add("AlgorithmError", m.py().get_type::<AlgorithmError>())?;
    Ok(())
}
