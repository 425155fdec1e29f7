// Stage checks for `packaging_abi3_wheel`; the solution runs this same file.
//
// The way a user gets the package: maturin builds a wheel, it is installed, and pytest
// runs tests/test_package.py, tests/test_stub.py and tests/test_types.py against the
// installed package. Each stage reports what the wheel holds (tests/wheel_contents.py
// reads the archive) beside pytest's outcome lines.

use check_support::maturin::{Install, installed_wheel, pytest, venv_command};
use std::path::Path;

/// The crate under test: the starter, or the solution that includes this file.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// What tests/wheel_contents.py prints about the installed wheel's `what` (`tags`,
/// `parameters` or `annotations`).
fn wheel_contents(what: &str) -> String {
    let crate_dir = Path::new(CRATE_DIR);
    let wheel = installed_wheel(crate_dir).unwrap_or_else(|e| panic!("{e}"));
    // The script is the starter's: a solution's tests are its starter's.
    let script = check_support::maturin::starter_dir(crate_dir).join("tests").join("wheel_contents.py");
    let output = check_support::process::output(venv_command(crate_dir, "python").arg("-B").arg(&script).arg(&wheel).arg(what))
        .unwrap_or_else(|e| panic!("could not run {}: {e}", script.display()));
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// The wheel's tags say `cp39-abi3`, its metadata's `Requires-Python` admits 3.9 and newer
/// but not 3.8 (however it is spelled), its module is the `.abi3.so`, and the installed
/// module works.
#[test]
fn one_abi3_wheel_for_every_python() {
    let outcome = pytest(Path::new(CRATE_DIR), Install::ReleaseWheel, &["tests/test_package.py"]);
    let report = format!("{}{outcome}", wheel_contents("tags"));
    check_support::observe!("one_abi3_wheel_for_every_python", report);
}

/// The stub declares every function with the module's parameters: names, kinds and
/// defaults (annotations are the next stage's).
#[test]
fn type_stubs_declare_every_parameter() {
    let outcome = pytest(Path::new(CRATE_DIR), Install::ReleaseWheel, &["tests/test_stub.py"]);
    let report = format!("{}{outcome}", wheel_contents("parameters"));
    check_support::observe!("type_stubs_declare_every_parameter", report);
}

/// The stub's annotations fit the values the functions take and give.
#[test]
fn type_stubs_say_the_right_types() {
    let outcome = pytest(Path::new(CRATE_DIR), Install::ReleaseWheel, &["tests/test_types.py"]);
    let report = format!("{}{outcome}", wheel_contents("annotations"));
    check_support::observe!("type_stubs_say_the_right_types", report);
}
