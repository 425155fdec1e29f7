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
    contents: String,
    /// Whether the shredder got it.
    shredded: bool,
    /// The addresses the firmware faxed it to, in order.
    faxed_to: Vec<String>,
}

// TODO (stage 1): let Python read `contents`, `shredded` and `faxed_to`, and give
// `Paper` a `#[pymethods]` block with:
// - a constructor, `Paper(contents)`, that starts unshredded and faxed to nobody;
// - `shred()`, which sets `shredded`;
// - `__repr__`, which returns `Paper("<contents>")`.

/// Someone who works at Dunder Mifflin Scranton.
#[pyclass(module = "dunder_mifflin")]
pub struct Employee {
    name: String,
    email: String,
}

// TODO (stage 1): let Python read `name` and `email`; give `Employee` a constructor,
// `Employee(name, email)`, and a `__repr__` returning `Employee("<name>", "<email>")`.
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
    // TODO (stage 2):
    // 1. Find `name` in ALGORITHMS; if it is not there, return a `PyValueError` that
    //    lists the names there are.
    // 2. For each entry up to and including it, if `sys.modules` has no module of that
    //    name yet, read the file and load it with `PyModule::from_code` (it wants `&CStr`
    //    arguments: `CString::new(text)?` makes one).
    // 3. Return the function: `sys.modules[module].<function>`.
    todo!("load the algorithm `{name}`")
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
    // TODO (stage 2): get the function with `self::algorithm`, call it with the paper and
    // a Python list of the employees (`PyList::new`), extract a `Vec<String>`, add the
    // addresses to the paper's `faxed_to` (`paper.borrow_mut()`), and return them.
    //
    // TODO (stage 3): turn every way an algorithm can go wrong into an `AlgorithmError`
    // whose message starts with the function's `__name__` (read it from the function at
    // each call: the office renames its functions); after the name, the words are yours.
    // Dwight's algorithm raises and returns None; Ryan's, Kevin's and Michael's break the
    // other three rules. For example:
    // - it raised: "<name> raised <the exception>", with the exception as `__cause__`
    //   (`PyErr::set_cause`);
    // - it returned None: "<name> returned None; an algorithm returns a list of e-mail
    //   addresses ([] when it shreds the paper)";
    // - it returned something else that is not a list of strings: "<name> returned
    //   <its repr>, not a list of e-mail addresses";
    // - an address is no employee's: "<name> returned \"<address>\", which is no
    //   employee's address";
    // - it shredded the paper and returned addresses: "<name> shredded the paper and
    //   asked to fax it".
    todo!("run the algorithm, then fax or shred")
}
// ANCHOR_END: process

/// The `dunder_mifflin` module: `Paper`, `Employee`, `process` and `AlgorithmError`.
#[pymodule]
pub fn dunder_mifflin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Paper>()?;
    m.add_class::<Employee>()?;
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add("AlgorithmError", m.py().get_type::<AlgorithmError>())?;
    Ok(())
}
