//! `custom_exceptions`: the shredder's own exception types, declared in Rust.

use pyo3::prelude::*;

// ANCHOR: solution
// `custom_exceptions.ShredderError`, a subclass of `Exception`, and
// `custom_exceptions.ShredderJam`, a subclass of `ShredderError`.
pyo3::create_exception!(custom_exceptions, ShredderError, pyo3::exceptions::PyException, "The shredder refused a paper.");
pyo3::create_exception!(custom_exceptions, ShredderJam, ShredderError, "The paper jammed the shredder.");

/// Shreds a paper and says so. Refuses (`ShredderError`) a paper that says "do not shred"
/// in any case; jams (`ShredderJam`) on a paper longer than 40 characters.
#[pyfunction]
fn shred(paper: &str) -> PyResult<String> {
    if paper.to_lowercase().contains("do not shred") {
        return Err(ShredderError::new_err(format!("refusing to shred {paper:?}")));
    }
    if paper.chars().count() > 40 {
        return Err(ShredderJam::new_err(format!("jammed after {} characters", 40)));
    }
    Ok(format!("shredded {paper:?}"))
}

/// Shreds every paper of the pile with `shredder`, any Python callable that takes a paper
/// and returns what it did (`shred` itself, say). A `ShredderJam` the callable raises is
/// cleared and noted as `cleared a jam: <message>`, and the pile goes on; any other
/// exception, a `ShredderError` that is not a jam included, stops the pile and reaches
/// the caller unchanged.
#[pyfunction]
fn shred_pile(py: Python<'_>, papers: Vec<String>, shredder: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let mut done = Vec::new();
    for paper in papers {
        match shredder.call1((paper,)) {
            Ok(result) => done.push(result.extract::<String>()?),
            Err(err) if err.get_type(py).is(py.get_type::<ShredderJam>()) => done.push(format!("cleared a jam: {}", err.value(py))),
            Err(err) => return Err(err),
        }
    }
    Ok(done)
}

/// The module Python imports as `custom_exceptions`.
#[pymodule]
pub fn custom_exceptions(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(shred, m)?)?;
    m.add_function(wrap_pyfunction!(shred_pile, m)?)?;
    m.add("ShredderError", m.py().get_type::<ShredderError>())?;
    m.add("ShredderJam", m.py().get_type::<ShredderJam>())?;
    Ok(())
}
// ANCHOR_END: solution
