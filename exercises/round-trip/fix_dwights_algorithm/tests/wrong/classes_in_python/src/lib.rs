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
    let Some(index) = ALGORITHMS.iter().position(|(n, ..)| *n == name) else {
        let names: Vec<&str> = ALGORITHMS.iter().map(|(n, ..)| *n).collect();
        return Err(PyValueError::new_err(format!("no algorithm is called {name:?}; choose one of {names:?}")));
    };
    let modules = py.import("sys")?.getattr("modules")?;
    for (_, module, path, _) in &ALGORITHMS[..=index] {
        if !modules.contains(*module)? {
            let code = std::fs::read_to_string(path)?;
            let code = CString::new(code)?;
            let file = CString::new(*path)?;
            let module = CString::new(*module)?;
            PyModule::from_code(py, &code, &file, &module)?;
        }
    }
    let (_, module, _, function) = ALGORITHMS[index];
    modules.get_item(module)?.getattr(function)
}
// ANCHOR_END: load

// ANCHOR: process
/// Runs the algorithm called `algorithm` on `paper`, then faxes the paper to the
/// addresses it returned, or leaves it shredded. Returns the addresses faxed to.
///
/// # Errors
/// `AlgorithmError` when the algorithm raises (the exception is its `__cause__`), returns
/// something other than a list of employees' addresses, or both shreds and faxes.
/// `ValueError` for an unknown algorithm name.
#[pyfunction]
pub fn process<'py>(
    py: Python<'py>,
    paper: Bound<'py, Paper>,
    employees: Vec<Bound<'py, Employee>>,
    algorithm: &str,
) -> PyResult<Vec<String>> {
    let function = self::algorithm(py, algorithm)?;
    let function_name: String = function.getattr("__name__")?.extract()?;
    let staff = PyList::new(py, &employees)?;
    let returned = function.call1((&paper, staff)).map_err(|err| {
        let wrapped = AlgorithmError::new_err(format!("{function_name} raised {err}"));
        wrapped.set_cause(py, Some(err));
        wrapped
    })?;
    if returned.is_none() {
        return Err(AlgorithmError::new_err(format!(
            "{function_name} returned None; an algorithm returns a list of e-mail addresses ([] when it shreds the paper)"
        )));
    }
    let addresses: Vec<String> = returned.extract().map_err(|_| {
        let shown = returned.repr().map(|r| r.to_string()).unwrap_or_default();
        AlgorithmError::new_err(format!("{function_name} returned {shown}, not a list of e-mail addresses"))
    })?;
    let known: Vec<String> = employees.iter().map(|e| e.borrow().email.clone()).collect();
    if let Some(stranger) = addresses.iter().find(|a| !known.contains(a)) {
        return Err(AlgorithmError::new_err(format!("{function_name} returned {stranger:?}, which is no employee's address")));
    }
    let mut paper = paper.borrow_mut();
    if paper.shredded && !addresses.is_empty() {
        return Err(AlgorithmError::new_err(format!("{function_name} shredded the paper and asked to fax it")));
    }
    paper.faxed_to.extend(addresses.iter().cloned());
    Ok(addresses)
}
// ANCHOR_END: process

/// The `dunder_mifflin` module: `Paper`, `Employee`, `process` and `AlgorithmError`.
#[pymodule]
pub fn dunder_mifflin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // Paper and Employee as Python classes, defined in the module's own namespace.
    m.py().run(
        cr#"
class Paper:
    def __init__(self, contents):
        self.contents, self.shredded, self.faxed_to = contents, False, []

    def shred(self):
        self.shredded = True

    def __repr__(self):
        return "Paper(" + __import__("json").dumps(self.contents, ensure_ascii=False) + ")"


class Employee:
    def __init__(self, name, email):
        self.name, self.email = name, email

    def __repr__(self):
        dumps = __import__("json").dumps
        return f"Employee({dumps(self.name, ensure_ascii=False)}, {dumps(self.email, ensure_ascii=False)})"
"#,
        Some(&m.dict()),
        None,
    )?;
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add("AlgorithmError", m.py().get_type::<AlgorithmError>())?;
    Ok(())
}
