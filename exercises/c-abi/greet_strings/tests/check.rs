// Stage checks for `greet_strings`; the solution runs this same file.
//
// Each check runs tests/check_greet_strings.py with the venv's Python, which loads the
// cdylib cargo built for this test with ctypes and prints what the library returned. When
// grading, each scenario runs again on names generated from the grading seed.

use c_abi_support::Inputs;
use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/greet_strings/tests");

/// Runs one scenario of the script against this crate's library, on `inputs`.
fn scenario(name: &str, inputs: Inputs) -> String {
    let mut args = vec![name.to_string()];
    args.extend(inputs.seed().map(|seed| seed.to_string()));
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_greet_strings.py"), env!("CARGO_PKG_NAME"), &args)
}

/// Rule: `greet` returns a new C string holding the greeting, one of its own at each call.
#[test]
fn greet_returns_a_new_string() {
    c_abi_support::observe_held_out!("greet_returns_a_new_string", |inputs| scenario("greet", inputs));
}

/// Rules: a null or non-UTF-8 name gives NULL without a panic; `free_string(NULL)` does nothing.
#[test]
fn null_and_invalid_utf8_give_null() {
    c_abi_support::observe_held_out!("null_and_invalid_utf8_give_null", |inputs| scenario("bad_input", inputs));
}

/// Rule: `free_string` gives `greet`'s string back to Rust's allocator: round trips leave no live blocks.
#[test]
fn round_trips_do_not_leak() {
    c_abi_support::observe_held_out!("round_trips_do_not_leak", |inputs| scenario("no_leak", inputs));
}
