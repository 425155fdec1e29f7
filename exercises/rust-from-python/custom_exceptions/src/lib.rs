//! `custom_exceptions`: the shredder's own exception types, declared in Rust.

use pyo3::prelude::*;

// ANCHOR: exercise
// TODO: declare `ShredderError` (a subclass of `Exception`) and `ShredderJam` (a subclass
// of `ShredderError`) with `pyo3::create_exception!`, raise them below, and add both to
// the module.

/// Shreds a paper and says so. Refuses (`ShredderError`) a paper that says "do not shred"
/// in any case; jams (`ShredderJam`) on a paper longer than 40 characters.
#[pyfunction]
fn shred(paper: &str) -> PyResult<String> {
    if paper.to_lowercase().contains("do not shred") {
        return Err(pyo3::exceptions::PyValueError::new_err(format!("refusing to shred {paper:?}")));
    }
    if paper.chars().count() > 40 {
        return Err(pyo3::exceptions::PyValueError::new_err(format!("jammed after {} characters", 40)));
    }
    Ok(format!("shredded {paper:?}"))
}

/// Shreds every paper of the pile with `shredder`, any Python callable that takes a paper
/// and returns what it did (`shred` itself, say). A `ShredderJam` the callable raises is
/// cleared and noted as `cleared a jam: <message>`, and the pile goes on; any other
/// exception, a `ShredderError` that is not a jam included, stops the pile and reaches
/// the caller unchanged.
#[pyfunction]
fn shred_pile(papers: Vec<String>, shredder: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    // TODO: call `shredder.call1((paper,))` for each paper, and tell a jam from other
    // errors by the exception's class: `err.is_instance_of::<ShredderJam>(py)` (take
    // `py: Python<'_>` as the first argument).
    todo!("shred {papers:?} with {shredder}")
}

/// The module Python imports as `custom_exceptions`.
#[pymodule]
pub fn custom_exceptions(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(shred, m)?)?;
    m.add_function(wrap_pyfunction!(shred_pile, m)?)?;
    Ok(())
}
// ANCHOR_END: exercise
