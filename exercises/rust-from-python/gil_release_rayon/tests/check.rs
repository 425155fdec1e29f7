// Stage checks for `gil_release_rayon`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and snapshots what they printed. tests/gil_probe.py tells
// whether a function lets other Python threads run while it works. Speed is measured by
// `cargo xtask bench gil`, never here.

use check_support::{attach, register_module, run_printing};

/// The probe that tells whether the GIL was released.
const GIL_PROBE: &str = include_str!("gil_probe.py");

/// Runs `code` after tests/gil_probe.py, with `gil_release_rayon` importable as `wc`
/// and `show(counts)` printing the size, total and top five of a count.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(gil_release_rayon::gil_release_rayon)(py);
        register_module(py, "gil_release_rayon", module.bind(py))?;
        let prelude = r#"
import gil_release_rayon as wc

def show(counts):
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(len(counts), "words,", sum(counts.values()), "in all; top:", top)

TEXTS = [
    "Dunder Mifflin: limitless paper in a paperless world.",
    "The paper is in the FAX machine; the fax machine is jammed.",
    "Don't shred the paper! 2 reams, 20 sheets, 2 fax-covers.",
    "",
]
"#;
        run_printing(py, &[], &format!("{GIL_PROBE}\n{prelude}\n{code}"))
    })
}

#[test]
fn counts_words_holding_the_gil() {
    check_support::observe!("counts_words_holding_the_gil", scenario("show(wc.word_counts(TEXTS))\nshow(wc.word_counts([]))"));
}

#[test]
fn detached_releases_the_gil() {
    let report = scenario(
        r#"
show(wc.word_counts_detached(TEXTS))
print("word_counts lets other threads run:", other_threads_ran_during(wc.word_counts, BIG))
print("word_counts_detached lets other threads run:", other_threads_ran_during(wc.word_counts_detached, BIG))
"#,
    );
    check_support::observe!("detached_releases_the_gil", report);
}

#[test]
fn parallel_agrees_and_releases_the_gil() {
    let report = scenario(
        r#"
many = TEXTS * 50
print(wc.word_counts_parallel(many) == wc.word_counts(many))
show(wc.word_counts_parallel(many))
print("word_counts_parallel lets other threads run:", other_threads_ran_during(wc.word_counts_parallel, BIG))
"#,
    );
    check_support::observe!("parallel_agrees_and_releases_the_gil", report);
}
