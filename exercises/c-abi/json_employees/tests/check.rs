// Stage checks for `json_employees`; the solution runs this same file.
//
// Each check runs tests/check_json_employees.py with the venv's Python, which loads the
// cdylib cargo built for this test with ctypes, sends it JSON made from dataclasses (or
// bad input on purpose), and prints the error code and the text it got back.

use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/json_employees/tests");

/// Runs one scenario of the script against this crate's library.
fn scenario(name: &str) -> String {
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_json_employees.py"), env!("CARGO_PKG_NAME"), &[name])
}

#[test]
fn dataclasses_round_trip_as_json() {
    c_abi_support::observe!("dataclasses_round_trip_as_json", scenario("round_trip"));
}

#[test]
fn null_pointers_give_error_codes() {
    c_abi_support::observe!("null_pointers_give_error_codes", scenario("null_pointers"));
}

#[test]
fn invalid_utf8_gives_an_error_code() {
    c_abi_support::observe!("invalid_utf8_gives_an_error_code", scenario("invalid_utf8"));
}

#[test]
fn invalid_json_gives_an_error_code() {
    c_abi_support::observe!("invalid_json_gives_an_error_code", scenario("invalid_json"));
}

#[test]
fn a_panic_becomes_an_error_code() {
    c_abi_support::observe!("a_panic_becomes_an_error_code", scenario("panic"));
}
