// Stage checks for `json_employees`; the solution runs this same file.
//
// Each check runs tests/check_json_employees.py with the venv's Python, which loads the
// cdylib cargo built for this test with ctypes, sends it JSON made from dataclasses (or
// bad input on purpose), and prints the error code and what the rules ask of the text it
// got back (serde_json's message, the panic's; other messages are the student's). When
// grading, each scenario runs again on inputs generated from the grading seed.

use c_abi_support::Inputs;
use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/json_employees/tests");

/// Runs one scenario of the script against this crate's library, on `inputs`.
fn scenario(name: &str, inputs: Inputs) -> String {
    let mut args = vec![name.to_string()];
    args.extend(inputs.seed().map(|seed| seed.to_string()));
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_json_employees.py"), env!("CARGO_PKG_NAME"), &args)
}

/// Rule: valid JSON returns `OK` and the `Summary` as JSON that Python rebuilds.
#[test]
fn dataclasses_round_trip_as_json() {
    c_abi_support::observe_held_out!("dataclasses_round_trip_as_json", |inputs| scenario("round_trip", inputs));
}

/// Rule: a null pointer returns `NULL_POINTER`, with a message of the student's words when `out` is not null.
#[test]
fn null_pointers_give_error_codes() {
    c_abi_support::observe_held_out!("null_pointers_give_error_codes", |inputs| scenario("null_pointers", inputs));
}

/// Rule: input that is not UTF-8 returns `INVALID_UTF8` with a message of the student's words.
#[test]
fn invalid_utf8_gives_an_error_code() {
    c_abi_support::observe_held_out!("invalid_utf8_gives_an_error_code", |inputs| scenario("invalid_utf8", inputs));
}

/// Rule: input that is not a list of employees returns `INVALID_JSON` with a message that holds serde_json's.
#[test]
fn invalid_json_gives_an_error_code() {
    c_abi_support::observe_held_out!("invalid_json_gives_an_error_code", |inputs| scenario("invalid_json", inputs));
}

/// Rule: a real panic is caught and returns `PANICKED` with a message that holds the panic's.
#[test]
fn a_panic_becomes_an_error_code() {
    c_abi_support::observe_held_out!("a_panic_becomes_an_error_code", |inputs| scenario("panic", inputs));
}
