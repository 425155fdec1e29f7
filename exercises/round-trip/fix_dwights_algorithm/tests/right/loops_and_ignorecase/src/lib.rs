//! Fix Dwight's algorithm: the fax machine's firmware, in Rust, runs the office's
//! decision algorithms, in Python, for every paper that Python code hands it.
//!
//! Python calls `dunder_mifflin.process(paper, employees, algorithm)`; Rust loads the
//! algorithm from `assets/algorithms.py` (or the fixed one from `python/`), calls it, and
//! faxes or shreds the paper as it decided. Run `cargo xtask check fix_dwights_algorithm`.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyModule};
use std::ffi::CString;

// ANCHOR: classes
/// A sheet of paper in the fax machine's tray.
#[pyclass(module = "dunder_mifflin")]
pub struct Paper {
    /// What the paper says.
    #[pyo3(get)]
    contents: String,
    /// Whether the shredder got it.
    #[pyo3(get)]
    shredded: bool,
    /// The addresses the firmware faxed it to, in order.
    #[pyo3(get)]
    faxed_to: Vec<String>,
}

#[pymethods]
impl Paper {
    #[new]
    fn new(contents: String) -> Self {
        Paper { contents, shredded: false, faxed_to: Vec::new() }
    }

    /// Sends the paper to the shredder; algorithms call it.
    fn shred(&mut self) {
        self.shredded = true;
    }

    fn __repr__(&self) -> String {
        format!("Paper({:?})", self.contents)
    }
}

/// Someone who works at Dunder Mifflin Scranton.
#[pyclass(module = "dunder_mifflin")]
pub struct Employee {
    #[pyo3(get)]
    name: String,
    #[pyo3(get)]
    email: String,
}

#[pymethods]
impl Employee {
    #[new]
    fn new(name: String, email: String) -> Self {
        Employee { name, email }
    }

    fn __repr__(&self) -> String {
        format!("Employee({:?}, {:?})", self.name, self.email)
    }
}
// ANCHOR_END: classes

create_exception!(
    dunder_mifflin,
    AlgorithmError,
    PyException,
    "A decision algorithm raised an exception or broke the firmware's rules."
);

/// The office's algorithms file, which nobody edits.
const OFFICE_ALGORITHMS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../assets/algorithms.py");

/// The algorithms Python may ask for: (name, module, file, function). Files are loaded
/// in this order, which is their dependency order: `fixed_algorithms` imports `algorithms`.
const ALGORITHMS: [(&str, &str, &str, &str); 7] = [
    ("dwight", "algorithms", OFFICE_ALGORITHMS, "dwights_ai_decision_algorithm"),
    ("jim", "algorithms", OFFICE_ALGORITHMS, "jims_ai_decision_algorithm"),
    ("pam", "algorithms", OFFICE_ALGORITHMS, "pams_ai_decision_algorithm"),
    ("ryan", "algorithms", OFFICE_ALGORITHMS, "ryans_ai_decision_algorithm"),
    ("kevin", "algorithms", OFFICE_ALGORITHMS, "kevins_ai_decision_algorithm"),
    ("michael", "algorithms", OFFICE_ALGORITHMS, "michaels_ai_decision_algorithm"),
    ("dwight-fixed", "fixed_algorithms", concat!(env!("CARGO_MANIFEST_DIR"), "/python/fixed_algorithms.py"), "dwights_ai_decision_algorithm"),
];

// ANCHOR: load
/// Returns the Python function of the algorithm called `name`, loading its file (and the
/// files before it) the first time, as a module registered in `sys.modules`.
///
/// # Errors
/// `ValueError` for an unknown name; `OSError` when a file cannot be read; the exception
/// a file raises while it loads.
fn algorithm<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let mut wanted = None;
    for (index, entry) in ALGORITHMS.iter().enumerate() {
        if entry.0 == name {
            wanted = Some(index);
            break;
        }
    }
    let Some(index) = wanted else {
        let mut names = String::new();
        for entry in ALGORITHMS.iter() {
            names.push_str(entry.0);
            names.push(' ');
        }
        return Err(PyValueError::new_err(format!("{name}? The firmware knows only: {}", names.trim_end())));
    };
    let sys = py.import("sys")?;
    for entry in &ALGORITHMS[..=index] {
        let loaded = sys.getattr("modules")?.contains(entry.1)?;
        if !loaded {
            let text = std::fs::read(entry.2)?;
            PyModule::from_code(py, &CString::new(text)?, &CString::new(entry.2)?, &CString::new(entry.1)?)?;
        }
    }
    py.import(ALGORITHMS[index].1)?.getattr(ALGORITHMS[index].3)
}

#[pyfunction]
pub fn process<'py>(
    py: Python<'py>,
    paper: Bound<'py, Paper>,
    employees: Vec<Bound<'py, Employee>>,
    algorithm: &str,
) -> PyResult<Vec<String>> {
    let function = self::algorithm(py, algorithm)?;
    let staff = PyList::new(py, employees.iter())?;
    let outcome = function.call1((paper.as_any(), &staff));
    let name: String = function.getattr("__name__")?.extract()?;
    let returned = outcome.map_err(|cause| {
        let err = AlgorithmError::new_err(format!("{name} crashed with {cause}"));
        err.set_cause(py, Some(cause));
        err
    })?;
    let addresses = if returned.is_none() {
        Err(AlgorithmError::new_err(format!("{name} forgot to return a list")))
    } else {
        returned.extract::<Vec<String>>().map_err(|_| AlgorithmError::new_err(format!("{name} did not return a list of strings")))
    }?;
    let shredded = paper.borrow().shredded;
    if shredded && !addresses.is_empty() {
        return Err(AlgorithmError::new_err(format!("{name} both shredded and faxed the paper")));
    }
    let emails: std::collections::HashSet<String> = employees.iter().map(|e| e.borrow().email.clone()).collect();
    if let Some(bad) = addresses.iter().find(|a| !emails.contains(*a)) {
        return Err(AlgorithmError::new_err(format!("{name} made up the address {bad}")));
    }
    paper.borrow_mut().faxed_to.extend(addresses.clone());
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
