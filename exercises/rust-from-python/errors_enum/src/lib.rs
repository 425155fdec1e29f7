//! `errors_enum`: a Rust error enum that Python sees as the right exceptions.

use pyo3::exceptions::{PyKeyError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;

/// Why a print job failed.
#[derive(Debug)]
pub enum PrinterError {
    /// The job needs more sheets than the tray holds.
    OutOfPaper { needed: u32, left: u32 },
    /// The printer is jammed; the text says where.
    Jammed(String),
    /// No printer has that name.
    UnknownPrinter(String),
}

impl std::fmt::Display for PrinterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrinterError::OutOfPaper { needed, left } => write!(f, "out of paper: {needed} sheets needed, {left} left"),
            PrinterError::Jammed(place) => write!(f, "paper jam {place}"),
            PrinterError::UnknownPrinter(name) => write!(f, "no printer called {name:?}"),
        }
    }
}

impl std::error::Error for PrinterError {}

/// Prints `pages` pages on `printer`: "accounting" holds 100 sheets, "sales" is jammed,
/// any other name is unknown.
#[pyfunction]
fn print_pages(printer: &str, pages: u32) -> Result<String, PrinterError> {
    match printer {
        "accounting" if pages <= 100 => Ok(format!("printed {pages} pages on {printer}")),
        "accounting" => Err(PrinterError::OutOfPaper { needed: pages, left: 100 }),
        "sales" => Err(PrinterError::Jammed("in tray 2".to_string())),
        other => Err(PrinterError::UnknownPrinter(other.to_string())),
    }
}

// ANCHOR: exercise
/// Turns a `PrinterError` into the Python exception a caller expects, so that a
/// `#[pyfunction]` can return `Result<T, PrinterError>`.
impl From<PrinterError> for PyErr {
    fn from(err: PrinterError) -> PyErr {
        // TODO: out of paper is a `ValueError`, a jam a `RuntimeError`, an unknown
        // printer a `KeyError`; each with the error's text as its message.
        pyo3::exceptions::PyException::new_err(err.to_string())
    }
}

/// Runs a job written as `"printer:pages"`, for instance `"accounting:20"`. A job without
/// a colon is a `ValueError` (the message is yours: `expected 'printer:pages', got "..."`,
/// say); pages that are not a number, the `ValueError` PyO3 makes of Rust's
/// `ParseIntError`, with Rust's message; a negative count, a `ValueError`; the printer's
/// own errors, the exceptions above.
#[pyfunction]
fn print_job(job: &str) -> PyResult<String> {
    // TODO: split `job` at the first ':', parse the pages with `?`, and return what
    // `print_pages` returns, with `?`: no `unwrap`, no `map_err`.
    todo!("run the job {job:?}")
}
// ANCHOR_END: exercise

/// The module Python imports as `errors_enum`.
#[pymodule]
pub fn errors_enum(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(print_pages, m)?)?;
    m.add_function(wrap_pyfunction!(print_job, m)?)?;
    Ok(())
}
