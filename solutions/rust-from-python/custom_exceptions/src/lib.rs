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

/// The module Python imports as `custom_exceptions`.
#[pymodule]
pub fn custom_exceptions(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(shred, m)?)?;
    m.add("ShredderError", m.py().get_type::<ShredderError>())?;
    m.add("ShredderJam", m.py().get_type::<ShredderJam>())?;
    Ok(())
}
// ANCHOR_END: solution
