//! `custom_exceptions`: the shredder's own exception types, declared in Rust.

use pyo3::prelude::*;

// ANCHOR: solution
pyo3::create_exception!(custom_exceptions, ShredderError, pyo3::exceptions::PyException);
pyo3::create_exception!(custom_exceptions, ShredderJam, ShredderError);

/// Shreds a paper and says so. Refuses (`ShredderError`) a paper that says "do not shred"
/// in any case; jams (`ShredderJam`) on a paper longer than 40 characters.
#[pyfunction]
fn shred(paper: &str) -> PyResult<String> {
    if paper.to_ascii_lowercase().contains("do not shred") {
        Err(PyErr::new::<ShredderError, _>(format!("refusing to shred {paper:?}")))
    } else if paper.chars().count() > 40 {
        Err(PyErr::new::<ShredderJam, _>(format!("jammed after {} characters", 40)))
    } else {
        Ok(format!("shredded {paper:?}"))
    }
}

/// Shreds every paper of the pile with `shredder`; `matches` asks the error whether it
/// is a `ShredderJam`, and the first other error ends the `collect`.
#[pyfunction]
fn shred_pile(papers: Vec<String>, shredder: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let py = shredder.py();
    papers
        .into_iter()
        .map(|paper| match shredder.call1((paper,)) {
            Ok(result) => result.extract::<String>(),
            Err(err) if err.matches(py, py.get_type::<ShredderJam>())? => Ok(format!("cleared a jam: {}", err.value(py).str()?)),
            Err(err) => Err(err),
        })
        .collect()
}

/// The module Python imports as `custom_exceptions`.
#[pymodule]
pub fn custom_exceptions(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(shred, m)?)?;
    m.add_function(wrap_pyfunction!(shred_pile, m)?)?;
    m.add("ShredderError", py.get_type::<ShredderError>())?;
    m.add("ShredderJam", py.get_type::<ShredderJam>())?;
    Ok(())
}
// ANCHOR_END: solution
