//! `gil_release_rayon`: word frequencies three ways, holding the GIL, releasing it, and
//! releasing it across threads with rayon.

use pyo3::prelude::*;
use rayon::prelude::*;
use std::collections::HashMap;

/// Word counts: lower-case word to number of occurrences.
pub type Counts = HashMap<String, usize>;

/// Adds the words of `text` to `counts`.
pub fn add_words(text: &str, counts: &mut Counts) {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|piece| !piece.is_empty())
        .for_each(|piece| {
            counts.entry(piece.to_ascii_lowercase()).and_modify(|n| *n += 1).or_insert(1);
        });
}

fn count_all(texts: &[String]) -> Counts {
    let mut counts = Counts::new();
    texts.iter().for_each(|text| add_words(text, &mut counts));
    counts
}

fn merge(mut into: Counts, from: Counts) -> Counts {
    for (word, n) in from {
        *into.entry(word).or_default() += n;
    }
    into
}

#[pyfunction]
fn word_counts(texts: Vec<String>) -> Counts {
    count_all(&texts)
}

#[pyfunction]
fn word_counts_detached(py: Python<'_>, texts: Vec<String>) -> Counts {
    py.detach(move || count_all(&texts))
}

#[pyfunction]
fn word_counts_parallel(py: Python<'_>, texts: Vec<String>) -> Counts {
    py.detach(move || {
        texts
            .par_iter()
            .map(|text| {
                let mut counts = Counts::new();
                add_words(text, &mut counts);
                counts
            })
            .reduce(Counts::new, merge)
    })
}

/// The module Python imports as `gil_release_rayon`.
#[pymodule]
pub fn gil_release_rayon(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(word_counts, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_detached, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_parallel, m)?)?;
    Ok(())
}
