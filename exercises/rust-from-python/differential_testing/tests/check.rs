// Stage checks for `differential_testing`; the solution runs this same file.
//
// Each check runs the crate's `python/properties.py` with Hypothesis, in the embedded
// interpreter, derandomized, with no deadline and no example database (nothing is
// written but a temporary folder). A property runs against several versions of a
// function: the one that shipped with a bug and one with a planted bug (when grading, a
// bug planted from the seed) must make it fail, and the report shows the smallest
// failing input Hypothesis shrank to, with both answers (not how the property failed); the Python reference itself and the crate's own fixed
// function must make it pass. Every call is counted, so a property that never calls the
// function under test, or never calls the reference, shows it. The crate's own functions
// are also called alone, under a profiler: they must run no Python code.

use check_support::{Inputs, attach, register_module, run_printing, use_venv_packages};

/// The crate under test: the starter, or the solution that includes this file.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The Python side of every check (`tests/harness.py`): `run_property(name, function,
/// impl, label)` runs the property `name` of `properties.py` with
/// `differential_testing.<function>` replaced by `impl`; `run_cases(function, cases)` calls
/// the crate's own function under a profiler.
const HARNESS: &str = include_str!("harness.py");

/// Runs `code` on `inputs` after the harness, with `shipped` (the given `src/shipped.rs`)
/// and the crate's module importable as `shipped_module` and `crate_module`.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        use_venv_packages(py)?;
        let shipped = pyo3::wrap_pymodule!(differential_testing::shipped::shipped)(py);
        register_module(py, "shipped", shipped.bind(py))?;
        let module = pyo3::wrap_pymodule!(differential_testing::differential_testing)(py);
        let crate_module = module.bind(py).clone().into_any();
        let crate_dir = pyo3::types::PyString::new(py, CRATE_DIR).into_any();
        let names = [("crate_module", &crate_module), ("CRATE_DIR", &crate_dir)];
        let output = run_printing(py, &names, &format!("{}{HARNESS}\nimport shipped\n{code}", inputs.python_prelude()));
        // Leave `sys.modules` as it was, whatever the scenario did.
        py.run(c"import sys\nfor name in ('differential_testing', 'reference', 'properties'):\n    sys.modules.pop(name, None)", None, None)?;
        output
    })
}

/// `test_runs_matches_reference` calls `rust.runs` and `reference.runs` on every list of
/// `i64` and fails where they differ: it finds the shipped and planted bugs, with the
/// smallest failing input, and passes against the reference.
#[test]
fn a_property_finds_the_runs_bug() {
    check_support::observe_held_out!("a_property_finds_the_runs_bug", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    run_property("test_runs_matches_reference", "runs", shipped.shipped_runs, "runs as shipped")
    run_property("test_runs_matches_reference", "runs", lambda data: shipped.planted_runs(data, 2), "runs with a planted bug")
else:
    cap = rng.randint(1, 3)
    run_property("test_runs_matches_reference", "runs", lambda data: shipped.planted_runs(data, cap), f"runs with a planted bug")
run_property("test_runs_matches_reference", "runs", real_reference.runs, "reference.runs itself")
"#,
        )
    });
}

/// The crate's `runs` is a Rust function that agrees with `reference.runs`: the property
/// passes against it, and it runs no Python code and never asks the reference.
#[test]
fn runs_is_fixed() {
    check_support::observe_held_out!("runs_is_fixed", |inputs| {
        scenario(
            inputs,
            r#"
run_property("test_runs_matches_reference", "runs", crate_module.runs, "your runs")
cases = [[], [7], [7, 7, 1], [1, 2, 2]] if SEED is None else [[rng.randint(-2, 2) for _ in range(rng.randint(1, 8))] for _ in range(4)]
run_cases("runs", cases)
"#,
        )
    });
}

/// `test_unique_matches_reference` finds the shipped and planted bugs of `unique`, and the
/// crate's `unique` is a Rust function that agrees with `reference.unique`.
#[test]
fn unique_has_a_property_and_is_fixed() {
    check_support::observe_held_out!("unique_has_a_property_and_is_fixed", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    run_property("test_unique_matches_reference", "unique", shipped.shipped_unique, "unique as shipped")
    run_property("test_unique_matches_reference", "unique", lambda data: shipped.planted_unique(data, 2), "unique with a planted bug")
else:
    keep = rng.randint(0, 3)
    run_property("test_unique_matches_reference", "unique", lambda data: shipped.planted_unique(data, keep), "unique with a planted bug")
run_property("test_unique_matches_reference", "unique", real_reference.unique, "reference.unique itself")
run_property("test_unique_matches_reference", "unique", crate_module.unique, "your unique")
cases = [[2, 1, 2], [5, 5, 5]] if SEED is None else [[rng.randint(-3, 3) for _ in range(rng.randint(2, 8))] for _ in range(3)]
run_cases("unique", cases)
"#,
        )
    });
}
