// Stage checks for `packaging_abi3_wheel`; the solution runs this same file.
//
// The way a user gets the package: maturin builds a wheel, it is installed, and pytest
// runs tests/test_package.py and tests/test_stub.py against the installed package.

use check_support::maturin::{Install, installed_wheel, pytest};
use std::path::Path;

/// The crate under test: the starter, or the solution that includes this file.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn one_abi3_wheel_for_every_python() {
    let crate_dir = Path::new(CRATE_DIR);
    let outcome = pytest(crate_dir, Install::ReleaseWheel, &["tests/test_package.py"]);
    let wheel = installed_wheel(crate_dir).unwrap_or_else(|e| panic!("{e}"));
    let name = wheel.file_name().unwrap_or_default().to_string_lossy().into_owned();
    // name-version-python-abi-platform.whl; the platform depends on the machine.
    let tags: Vec<&str> = name.trim_end_matches(".whl").split('-').collect();
    let report = format!("wheel for Python {} with ABI {}\n{outcome}", tags[2], tags[3]);
    check_support::observe!("one_abi3_wheel_for_every_python", report);
}

#[test]
fn type_stubs_match_the_module() {
    let outcome = pytest(Path::new(CRATE_DIR), Install::ReleaseWheel, &["tests/test_stub.py"]);
    check_support::observe!("type_stubs_match_the_module", outcome);
}
