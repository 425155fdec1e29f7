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

// ANCHOR: solution
/// Turns a `PrinterError` into the Python exception a caller expects, so that a
/// `#[pyfunction]` can return `Result<T, PrinterError>`.
impl From<PrinterError> for PyErr {
    fn from(err: PrinterError) -> PyErr {
        let message = err.to_string();
        match err {
            PrinterError::OutOfPaper { .. } => PyValueError::new_err(message),
            PrinterError::Jammed(_) => PyRuntimeError::new_err(message),
            PrinterError::UnknownPrinter(_) => PyKeyError::new_err(message),
        }
    }
}

/// Runs a job written as `"printer:pages"`, for instance `"accounting:20"`. A job without
/// a colon is a `ValueError`; pages that are not a number become the `ValueError` PyO3
/// makes of Rust's `ParseIntError`; the printer's own errors become the exceptions above.
/// Each `?` converts its error with a `From` impl into a `PyErr`.
#[pyfunction]
fn print_job(job: &str) -> PyResult<String> {
    let (printer, pages) = job
        .split_once(':')
        .ok_or_else(|| PyValueError::new_err(format!("expected 'printer:pages', got {job:?}")))?;
    let pages: u32 = pages.trim().parse().map_err(|_| PyValueError::new_err(format!("{pages:?} is not a page count")))?;
    Ok(print_pages(printer, pages)?)
}
// ANCHOR_END: solution

/// The module Python imports as `errors_enum`.
#[pymodule]
pub fn errors_enum(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(print_pages, m)?)?;
    m.add_function(wrap_pyfunction!(print_job, m)?)?;
    Ok(())
}
