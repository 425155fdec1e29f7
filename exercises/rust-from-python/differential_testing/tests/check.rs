// Stage checks for `differential_testing`; the solution runs this same file.
//
// Each check runs the crate's `python/properties.py` with Hypothesis, in the embedded
// interpreter, derandomized, with no deadline and no example database (nothing is
// written but a temporary folder). A property runs against several versions of a
// function: the one that shipped with a bug (or, when grading, a bug planted from the
// seed) must make it fail, and the report shows the smallest failing input Hypothesis
// shrank to, with both answers; the Python reference itself and the crate's own fixed
// function must make it pass. Every call is counted, so a property that never calls the
// function under test, or never calls the reference, shows it. The crate's own functions
// are also called alone, under a profiler: they must run no Python code.

use check_support::{Inputs, attach, register_module, run_printing, use_venv_packages};

/// The crate under test: the starter, or the solution that includes this file.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The Python side of every check: `run_property(name, function, impl)` runs the property
/// `name` of `properties.py` with `differential_testing.<function>` replaced by `impl`.
const HARNESS: &str = r#"
import importlib.util, os, sys, tempfile, types
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = tempfile.mkdtemp(prefix="hypothesis-")
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(CRATE_DIR, "python"))
import hypothesis
from hypothesis import HealthCheck, settings
import reference as real_reference

def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module

def run_property(name, function, impl, label):
    calls = {"impl": 0, "reference": 0}
    last = []
    def under_test(data):
        calls["impl"] += 1
        last[:] = [list(data)]
        return impl(data)
    def reference_function(data):
        calls["reference"] += 1
        return getattr(real_reference, function)(data)
    fake = types.ModuleType("differential_testing")
    setattr(fake, function, under_test)
    ref = types.ModuleType("reference")
    for attribute in ("runs", "unique"):
        setattr(ref, attribute, getattr(real_reference, attribute))
    setattr(ref, function, reference_function)
    sys.modules["differential_testing"] = fake
    sys.modules["reference"] = ref
    properties = load(os.path.join(CRATE_DIR, "python", "properties.py"), "properties")
    test = getattr(properties, name, None)
    if test is None or not hasattr(test, "hypothesis"):
        print(f"{name}: not a Hypothesis property (@given) in python/properties.py")
        return
    test = settings(
        derandomize=True, database=None, deadline=None, max_examples=300,
        report_multiple_bugs=False, print_blob=False, suppress_health_check=list(HealthCheck),
    )(test)
    try:
        test()
        print(f"{name} against {label}: passes")
    except Exception as error:
        print(f"{name} against {label}: fails ({type(error).__name__})")
        if last:
            data = last[0]
            print(f"  smallest failing input: {data!r}")
            print(f"  {label}: {impl(data)!r}; reference.{function}: {getattr(real_reference, function)(data)!r}")
    said = lambda n: "yes" if n else "no"
    print(f"  called {function}: {said(calls['impl'])}; called reference.{function}: {said(calls['reference'])}")

def run_cases(function, cases):
    """Calls the crate's `function` on each case alone, with a `reference` module that
    notes its calls, under a profiler that notes every Python frame the call runs: a Rust
    function must compute, neither ask the reference nor run Python code that computes."""
    asked, frames = [], []
    guard = types.ModuleType("reference")
    for attribute in ("runs", "unique"):
        setattr(guard, attribute, lambda data, f=getattr(real_reference, attribute): asked.append(1) or f(data))
    sys.modules["reference"] = guard
    def profile(frame, event, arg):
        if event == "call":
            frames.append(frame.f_code.co_name)
    implementation = getattr(crate_module, function)
    for data in cases:
        sys.setprofile(profile)
        try:
            result = implementation(data)
        finally:
            sys.setprofile(None)
        print(f"{function}({data}) = {result}")
    # A `#[pyfunction]` is a `builtin_function_or_method`; a Python `def` is a `function`.
    print(f"  your {function} is a {type(implementation).__name__}; it ran Python code: {'yes' if frames else 'no'}")
    print(f"  your {function} asked the reference: {'yes' if asked else 'no'}")
"#;

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
        let output = run_printing(py, &names, &format!("{}{HARNESS}import shipped\n{code}", inputs.python_prelude()));
        // Leave `sys.modules` as it was, whatever the scenario did.
        py.run(c"import sys\nfor name in ('differential_testing', 'reference', 'properties'):\n    sys.modules.pop(name, None)", None, None)?;
        output
    })
}

#[test]
fn a_property_finds_the_runs_bug() {
    check_support::observe_held_out!("a_property_finds_the_runs_bug", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    run_property("test_runs_matches_reference", "runs", shipped.shipped_runs, "runs as shipped")
else:
    cap = rng.randint(1, 3)
    run_property("test_runs_matches_reference", "runs", lambda data: shipped.planted_runs(data, cap), f"runs with a planted bug")
run_property("test_runs_matches_reference", "runs", real_reference.runs, "reference.runs itself")
"#,
        )
    });
}

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

#[test]
fn unique_has_a_property_and_is_fixed() {
    check_support::observe_held_out!("unique_has_a_property_and_is_fixed", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    run_property("test_unique_matches_reference", "unique", shipped.shipped_unique, "unique as shipped")
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
