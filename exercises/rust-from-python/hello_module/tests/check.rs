// Stage checks for `hello_module`; the solution runs this same file.
//
// The real way: maturin builds the crate into a wheel, which is installed, then the
// venv's Python imports `hello_module` in a process of its own and reports what it saw:
// what kind of object each function is, where it comes from, and what it returned. Each
// check also reports the outcome line of the exercise's own pytest test. When grading,
// each runs again on names and numbers drawn from the grading seed (`SEED`, `rng`).

use check_support::Inputs;
use check_support::maturin::{Install, ensure_installed, pytest, starter_dir, venv_command};
use std::path::Path;

/// The crate under test: the starter, or the solution that includes this file.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// Runs `code` in the venv's Python with the installed `hello_module` importable, `SEED`
/// and `rng` defined, and returns what it printed; a Python error shows as its traceback.
fn imported(inputs: Inputs, code: &str) -> String {
    let crate_dir = Path::new(CRATE_DIR);
    ensure_installed(crate_dir, Install::Develop);
    let mut python = venv_command(&starter_dir(crate_dir), "python");
    python.arg("-c").arg(format!("{}{code}", inputs.python_prelude()));
    // Run by `cargo xtask`, the wheel is unpacked into the run's own folder.
    if let (Some(_), Some(site)) = (std::env::var_os("CHECK_WHEEL_DIR"), std::env::var_os("CHECK_SITE")) {
        python.env("PYTHONPATH", site);
    }
    let output = check_support::process::output(&mut python).unwrap_or_else(|e| panic!("could not start the venv's Python: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = check_support::normalize::version_independent(&String::from_utf8_lossy(&output.stderr));
    if output.status.success() { stdout.into_owned() } else { format!("{stdout}Python failed:\n{stderr}") }
}

/// The `#[pymodule]` adds the Rust `greet` to the installed module, with its doc comment
/// as docstring, and `greet` greets each name (pytest's `test_greet` too).
#[test]
fn greet_is_in_the_module() {
    check_support::observe_held_out!("greet_is_in_the_module", |inputs| {
        let seen = imported(
            inputs,
            r#"
import hello_module
greet = hello_module.greet
print("greet is a", type(greet).__name__, "of module", greet.__module__)
print("its docstring:", greet.__doc__.splitlines()[0])
if SEED is None:
    names = ["Pam"]
else:
    names = [rng.choice(["Oscar", "Angela", "Kevin", "Toby", "Creed", "Erin"]) + " " + str(rng.randint(1, 99)) for _ in range(3)]
for name in names:
    print(f"greet({name!r}) = {greet(name)!r}")
"#,
        );
        let pytest = pytest(Path::new(CRATE_DIR), Install::Develop, &["tests/test_hello_module.py::test_greet"]);
        format!("{seen}pytest: {pytest}")
    });
}

/// `sheets`, a Rust function of the module, counts 500 sheets a ream for any `u64` in
/// Rust (no Python source is compiled while it runs), and refuses what a `u64` cannot
/// hold (pytest's `test_sheets` too).
#[test]
fn sheets_counts_paper() {
    check_support::observe_held_out!("sheets_counts_paper", |inputs| {
        let seen = imported(
            inputs,
            r#"
import sys
from hello_module import sheets
print("sheets is a", type(sheets).__name__, "of module", sheets.__module__)
if SEED is None:
    reams = [3, 0, 2**40]
else:
    reams = [rng.randint(1, 10**6) for _ in range(3)] + [rng.randint(2**33, 2**50)]
# Python source compiled while `sheets` runs (`py.eval`, `py.run`, `PyModule::from_code`
# all compile): Rust's multiplication compiles none.
compiled = []
watching = False
sys.addaudithook(lambda event, args: compiled.append(event) if watching and event == "compile" else None)
for count in reams:
    watching = True
    counted = sheets(count)
    watching = False
    print(f"sheets({count}) = {counted!r}")
print("Python source compiled while sheets ran:", len(compiled))
for wrong in (-1, 2.5, "3"):
    try:
        print(f"sheets({wrong!r}) = {sheets(wrong)!r}")
    except Exception as error:
        print(f"sheets({wrong!r}) raises {type(error).__name__}")
"#,
        );
        let pytest = pytest(Path::new(CRATE_DIR), Install::Develop, &["tests/test_hello_module.py::test_sheets"]);
        format!("{seen}pytest: {pytest}")
    });
}
