// Stage checks for `gil_release_rayon`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and reports what they printed. tests/gil_probe.py watches a
// call from the outside: whether a Python thread made progress all through it (the GIL
// stayed released), and how many other threads worked during it (rayon's). Speed is
// measured by `cargo xtask bench gil`, never here. When grading, each check runs again on
// texts generated from the grading seed (`SEED`, `None` for the public inputs).

use check_support::{Inputs, attach, register_module, run_printing};

/// The probe that watches a call.
const GIL_PROBE: &str = include_str!("gil_probe.py");

/// Runs `code` after tests/gil_probe.py, with `gil_release_rayon` importable as `wc`,
/// `show(counts)` printing the size, total and top five of a count, `TEXTS` a few texts
/// and `BIG` texts long enough to watch a call (both drawn from `rng` when grading).
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(gil_release_rayon::gil_release_rayon)(py);
        register_module(py, "gil_release_rayon", module.bind(py))?;
        let prelude = r#"
import gil_release_rayon as wc

def show(counts):
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(len(counts), "words,", sum(counts.values()), "in all; top:", top)

if SEED is None:
    TEXTS = [
        "Dunder Mifflin: limitless paper in a paperless world.",
        "The paper is in the FAX machine; the fax machine is jammed.",
        "Don't shred the paper! 2 reams, 20 sheets, 2 fax-covers.",
        "",
    ]
    BIG = ["The paper the fax machine and the shredder. " * 2500 for _ in range(16)]
else:
    TEXTS = [words(rng, rng.randint(0, 30)) for _ in range(rng.randint(2, 6))]
    BIG = [words(rng, 7500) for _ in range(16)]
"#;
        let code = format!("{}{GIL_PROBE}\n{prelude}\n{code}", inputs.python_prelude());
        run_printing(py, &[], &code)
    })
}

/// `word_counts` is a Rust function that counts each longest run of ASCII letters and
/// digits, lower-cased, over all the texts.
#[test]
fn counts_words_holding_the_gil() {
    check_support::observe_held_out!("counts_words_holding_the_gil", |inputs| {
        // A `#[pyfunction]` is a `builtin_function_or_method`; a Python `def` is a `function`.
        scenario(
            inputs,
            "print(type(wc.word_counts).__name__)\nshow(wc.word_counts(TEXTS))\nshow(wc.word_counts([]))\nprint(sorted(wc.word_counts(TEXTS[:2]).items()))",
        )
    });
}

/// `word_counts_detached` agrees with `word_counts`; the plain count keeps the GIL (the
/// probe sees no progress), the detached one releases it for the whole call, not for a
/// moment.
#[test]
fn detached_releases_the_gil() {
    check_support::observe_held_out!("detached_releases_the_gil", |inputs| {
        scenario(
            inputs,
            r#"
show(wc.word_counts_detached(TEXTS))
for function in [wc.word_counts, wc.word_counts_detached]:
    result, all_along, _ = watch(function, BIG)
    print(function.__name__, "agrees:", result == wc.word_counts(BIG), "| a Python thread ran all along:", all_along)
"#,
        )
    });
}

/// The parallel count agrees with the plain one, keeps the GIL released all along, and
/// its work ran on several threads besides the caller that are not Python's threads
/// (rayon's, not a Python thread pool's).
#[test]
fn parallel_agrees_and_releases_the_gil() {
    check_support::observe_held_out!("parallel_agrees_and_releases_the_gil", |inputs| {
        scenario(
            inputs,
            r#"
many = TEXTS * 50
print(wc.word_counts_parallel(many) == wc.word_counts(many))
show(wc.word_counts_parallel(many))
result, all_along, helpers = watch(wc.word_counts_parallel, BIG)
print("agrees:", result == wc.word_counts(BIG), "| a Python thread ran all along:", all_along)
print("threads Python does not know counted words:", several_helpers(helpers))
"#,
        )
    });
}
