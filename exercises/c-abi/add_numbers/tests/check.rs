// Stage checks for `add_numbers`; the solution runs this same file.
//
// Each check runs tests/check_add_numbers.py with the venv's Python. The script imports
// the crate's python/bindings.py, which loads the cdylib cargo built for this test with
// ctypes, and prints what the library returned; the check snapshots that.

use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/add_numbers/tests");

/// Runs one scenario of the script against this crate's library and bindings.
fn scenario(name: &str) -> String {
    let bindings = concat!(env!("CARGO_MANIFEST_DIR"), "/python");
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_add_numbers.py"), env!("CARGO_PKG_NAME"), &[bindings, name])
}

#[test]
fn add_numbers_is_exported() {
    c_abi_support::observe!("add_numbers_is_exported", scenario("add_numbers"));
}

#[test]
fn average_sale_has_argtypes_and_restype() {
    c_abi_support::observe!("average_sale_has_argtypes_and_restype", scenario("average_sale"));
}
