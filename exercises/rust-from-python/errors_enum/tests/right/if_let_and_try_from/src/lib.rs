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
/// Turns a `PrinterError` into the Python exception a caller expects.
impl From<PrinterError> for PyErr {
    fn from(err: PrinterError) -> PyErr {
        let text = format!("{err}");
        if let PrinterError::OutOfPaper { .. } = err {
            PyErr::new::<PyValueError, _>(text)
        } else if let PrinterError::Jammed(_) = err {
            PyErr::new::<PyRuntimeError, _>(text)
        } else {
            PyErr::new::<PyKeyError, _>(text)
        }
    }
}

/// Runs a job written as `"printer:pages"`: parses the count as an `i64`, then narrows it
/// to `u32` with `try_from`, so a negative count is the `ValueError` of `TryFromIntError`.
#[pyfunction]
fn print_job(job: &str) -> PyResult<String> {
    let Some((printer, pages)) = job.split_once(':') else {
        return Err(PyValueError::new_err(format!("{job:?} has no colon between printer and pages")));
    };
    let count: i64 = pages.parse()?;
    let count = u32::try_from(count)?;
    let printed = print_pages(printer, count)?;
    Ok(printed)
}
// ANCHOR_END: solution

/// The module Python imports as `errors_enum`.
#[pymodule]
pub fn errors_enum(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(print_pages, m)?)?;
    m.add_function(wrap_pyfunction!(print_job, m)?)?;
    Ok(())
}
