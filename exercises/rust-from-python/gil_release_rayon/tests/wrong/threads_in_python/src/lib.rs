//! `gil_release_rayon`: word frequencies three ways, holding the GIL, releasing it, and
//! releasing it across threads with rayon. `cargo xtask bench gil` measures them against
//! pure Python.

use pyo3::prelude::*;
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

/// Counts the words of all `texts` in one thread, holding the GIL all along.
#[pyfunction]
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

/// The same count, shared among Python's threads: a thread pool calls the detached count
/// on slices of the texts, each thread releasing the GIL while it counts.
#[pyfunction]
fn word_counts_parallel(py: Python<'_>, texts: Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let code = cr"
import concurrent.futures, gil_release_rayon
POOL = concurrent.futures.ThreadPoolExecutor(4)
def count(texts):
    texts = list(texts)
    chunks = [texts[i::4] for i in range(4)]
    total = {}
    for counts in POOL.map(gil_release_rayon.word_counts_detached, chunks):
        for word, n in counts.items():
            total[word] = total.get(word, 0) + n
    return total
";
    // One pool for the process, kept between calls, as rayon keeps its threads.
    static POOL: pyo3::sync::PyOnceLock<Py<PyModule>> = pyo3::sync::PyOnceLock::new();
    let helpers = POOL
        .get_or_try_init(py, || PyModule::from_code(py, code, c"parallel.py", c"parallel").map(Bound::unbind))?
        .bind(py);
    Ok(helpers.getattr("count")?.call1((texts,))?.unbind())
}
// ANCHOR_END: solution

/// The module Python imports as `gil_release_rayon`.
#[pymodule]
pub fn gil_release_rayon(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(word_counts, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_detached, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts_parallel, m)?)?;
    Ok(())
}
