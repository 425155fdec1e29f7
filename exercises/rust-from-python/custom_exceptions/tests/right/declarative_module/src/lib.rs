//! `custom_exceptions`: the shredder's own exception types, declared in Rust.

use pyo3::prelude::*;

// ANCHOR: solution
pyo3::create_exception!(custom_exceptions, ShredderError, pyo3::exceptions::PyException, "The shredder said no.");
pyo3::create_exception!(custom_exceptions, ShredderJam, ShredderError, "Paper stuck.");

/// Shreds a paper and says so. Refuses (`ShredderError`) a paper that says "do not shred"
/// in any case; jams (`ShredderJam`) on a paper longer than 40 characters.
#[pyfunction]
fn shred(paper: &str) -> PyResult<String> {
    let refused = paper.to_lowercase().contains("do not shred");
    let too_long = paper.chars().nth(40).is_some();
    match (refused, too_long) {
        (true, _) => Err(ShredderError::new_err(format!("refusing to shred {paper:?}"))),
        (false, true) => Err(ShredderJam::new_err(format!("jammed after {} characters", 40))),
        (false, false) => Ok(format!("shredded {paper:?}")),
    }
}

/// Shreds every paper of the pile with `shredder`; the exception object itself is asked
/// whether it is a `ShredderJam`.
#[pyfunction]
fn shred_pile(papers: Vec<String>, shredder: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let mut done = Vec::with_capacity(papers.len());
    for paper in &papers {
        let outcome = shredder.call((paper.as_str(),), None);
        if let Err(err) = &outcome {
            let value = err.value(shredder.py());
            if value.is_instance_of::<ShredderJam>() {
                done.push(format!("cleared a jam: {value}"));
                continue;
            }
        }
        done.push(outcome?.extract()?);
    }
    Ok(done)
}

/// The module Python imports as `custom_exceptions`, declared as a Rust module that
/// exports the functions and both exception types.
#[pymodule]
pub mod custom_exceptions {
    #[pymodule_export]
    use super::{ShredderError, ShredderJam, shred, shred_pile};
}
// ANCHOR_END: solution
