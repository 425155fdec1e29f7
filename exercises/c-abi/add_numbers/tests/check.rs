// Stage checks for `add_numbers`; the solution runs this same file.
//
// Each check runs tests/check_add_numbers.py with the venv's Python. The script imports
// the crate's python/bindings.py, which loads the cdylib cargo built for this test with
// ctypes, and prints what the library returned and whether the bindings handed out the
// library's own functions (the script resolves each symbol itself); the check reports
// that. When grading,
// each scenario runs again on inputs generated from the grading seed.

use c_abi_support::Inputs;
use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/add_numbers/tests");

/// Runs one scenario of the script against this crate's library and bindings, on
/// `inputs`.
fn scenario(name: &str, inputs: Inputs) -> String {
    let bindings = concat!(env!("CARGO_MANIFEST_DIR"), "/python").to_string();
    let mut args = vec![bindings, name.to_string()];
    args.extend(inputs.seed().map(|seed| seed.to_string()));
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_add_numbers.py"), env!("CARGO_PKG_NAME"), &args)
}

/// Rule: `add_numbers` is exported under its own name and the bindings hand out that very function.
#[test]
fn add_numbers_is_exported() {
    c_abi_support::observe_held_out!("add_numbers_is_exported", |inputs| scenario("add_numbers", inputs));
}

/// Rule: the bindings declare `average_sale`'s C signature, so a float goes in and a float comes out.
#[test]
fn average_sale_has_argtypes_and_restype() {
    c_abi_support::observe_held_out!("average_sale_has_argtypes_and_restype", |inputs| scenario("average_sale", inputs));
}

/// Rules: the bindings pass a C array of doubles and its length; Rust sums the slice, a null pointer being empty.
#[test]
fn total_sales_takes_a_c_array() {
    c_abi_support::observe_held_out!("total_sales_takes_a_c_array", |inputs| scenario("total_sales", inputs));
}
