//! `gil_release_rayon`: word frequencies three ways, holding the GIL, releasing it, and
//! releasing it across threads with rayon. `cargo xtask bench gil` measures them against
//! pure Python.

use pyo3::prelude::*;
use rayon::prelude::*;
use std::collections::HashMap;

/// Word counts: lower-case word to number of occurrences.
pub type Counts = HashMap<String, usize>;

// ANCHOR: solution
/// Adds the words of `text` to `counts`. A word is a longest run of ASCII letters and
/// digits, lower-cased: Python's `re.findall(r"[a-z0-9]+", text.lower())` on ASCII text.
pub fn add_words(text: &str, counts: &mut Counts) {
    // One buffer for the lower-cased word: a new `String` only for a word not seen yet.
    let mut word = String::new();
    for piece in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        word.clear();
        word.push_str(piece);
        word.make_ascii_lowercase();
        match counts.get_mut(word.as_str()) {
            Some(count) => *count += 1,
            None => {
                counts.insert(word.clone(), 1);
            }
        }
    }
}

/// Counts the words of all `texts` in one thread (unused: Python counts).
#[allow(dead_code)]
fn word_counts(texts: Vec<String>) -> Counts {
    let mut counts = Counts::new();
    for text in &texts {
        add_words(text, &mut counts);
    }
    counts
}

/// The same count, with the GIL released: other Python threads run meanwhile. The
/// closure touches no Python object (the texts were copied into Rust `String`s).
#[pyfunction]
fn word_counts_detached(py: Python<'_>, texts: Vec<String>) -> Counts {
    py.detach(|| {
        let mut counts = Counts::new();
        for text in &texts {
            add_words(text, &mut counts);
        }
        counts
    })
}

/// The same count with the GIL released and the texts shared among rayon's threads:
/// each thread folds its texts into its own map, then the maps are merged.
#[pyfunction]
fn word_counts_parallel(py: Python<'_>, texts: Vec<String>) -> Counts {
    py.detach(|| {
        texts
            .par_iter()
            .fold(Counts::new, |mut counts, text| {
                add_words(text, &mut counts);
                counts
            })
            .reduce(Counts::new, |mut left, right| {
                for (word, n) in right {
                    *left.entry(word).or_insert(0) += n;
                }
                left
            })
    })
}
// ANCHOR_END: solution

/// The module Python imports as `gil_release_rayon`.
#[pymodule]
pub fn gil_release_rayon(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // The plain count is a Python function, defined at import in the module's namespace.
    m.py().run(
        c"import collections, re\ndef word_counts(texts):\n    return dict(collections.Counter(w for t in texts for w in re.findall(r'[a-z0-9]+', t.lower())))\n",
        Some(&m.dict()),
        None,
    )?;
    m.add_function(wrap_pyfunction!(word_counts_detached, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_parallel, m)?)?;
    Ok(())
}
