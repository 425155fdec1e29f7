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

/// The module Python imports as `custom_exceptions`.
#[pymodule]
pub fn custom_exceptions(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(shred, m)?)?;
    Ok(())
}
// ANCHOR_END: exercise
