//! `gil_release_rayon`: word frequencies three ways, holding the GIL, releasing it, and
//! releasing it across threads with rayon.

use pyo3::prelude::*;
use rayon::prelude::*;
use std::collections::HashMap;

/// Word counts: lower-case word to number of occurrences.
pub type Counts = HashMap<String, usize>;

/// Adds the words of `text` to `counts`.
pub fn add_words(text: &str, counts: &mut Counts) {
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if !word.is_empty() {
            *counts.entry(std::mem::take(&mut word)).or_insert(0) += 1;
        }
    }
}

#[pyfunction]
fn word_counts(texts: Vec<String>) -> Counts {
    let mut counts = HashMap::new();
    for text in texts.iter() {
        add_words(text, &mut counts);
    }
    counts
}

#[pyfunction]
fn word_counts_detached(py: Python<'_>, texts: Vec<String>) -> Counts {
    py.detach(|| {
        texts.iter().fold(Counts::new(), |mut counts, text| {
            add_words(text, &mut counts);
            counts
        })
    })
}

#[pyfunction]
fn word_counts_parallel(py: Python<'_>, texts: Vec<String>) -> Counts {
    let work = || {
        texts
            .par_chunks(2)
            .map(|chunk| {
                let mut counts = Counts::new();
                for text in chunk {
                    add_words(text, &mut counts);
                }
                counts
            })
            .reduce_with(|mut a, b| {
                for (word, n) in b {
                    *a.entry(word).or_insert(0) += n;
                }
                a
            })
            .unwrap_or_default()
    };
    py.detach(work)
}

/// The module Python imports as `gil_release_rayon`.
#[pymodule]
pub fn gil_release_rayon(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(word_counts, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_detached, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_parallel, m)?)?;
    Ok(())
}
