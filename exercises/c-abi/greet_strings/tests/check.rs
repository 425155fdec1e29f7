// Stage checks for `greet_strings`; the solution runs this same file.
//
// Each check runs tests/check_greet_strings.py with the venv's Python, which loads the
// cdylib cargo built for this test with ctypes and prints what the library returned.

use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/greet_strings/tests");

/// Runs one scenario of the script against this crate's library.
fn scenario(name: &str) -> String {
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_greet_strings.py"), env!("CARGO_PKG_NAME"), &[name])
}

#[test]
fn greet_returns_a_new_string() {
    c_abi_support::observe!("greet_returns_a_new_string", scenario("greet"));
}

#[test]
fn null_and_invalid_utf8_give_null() {
    c_abi_support::observe!("null_and_invalid_utf8_give_null", scenario("bad_input"));
}

#[test]
fn round_trips_do_not_leak() {
    c_abi_support::observe!("round_trips_do_not_leak", scenario("no_leak"));
}
