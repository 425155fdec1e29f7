// Stage checks for `hello_module`; the solution runs this same file.
//
// The real way: maturin builds the crate into a wheel, which is installed, then pytest
// runs tests/test_hello_module.py, and each check reports pytest's outcome lines.

use check_support::maturin::{Install, pytest};
use std::path::Path;

/// The crate under test: the starter, or the solution that includes this file.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn greet_is_in_the_module() {
    let outcome = pytest(Path::new(CRATE_DIR), Install::Develop, &["tests/test_hello_module.py::test_greet"]);
    check_support::observe!("greet_is_in_the_module", outcome);
}

#[test]
fn sheets_counts_paper() {
    let outcome = pytest(Path::new(CRATE_DIR), Install::Develop, &["tests/test_hello_module.py::test_sheets"]);
    check_support::observe!("sheets_counts_paper", outcome);
}
