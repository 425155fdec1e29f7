// Stage checks for `cffi_port`; the solution runs this same file.
//
// Each check runs tests/check_cffi_port.py with the venv's Python. The script imports
// the crate's python/fax.py, which loads the cdylib cargo built for this test with cffi
// in ABI mode, and prints what the library returned and what the library saw (its own
// call counters, read through the script's own handle); the check reports that. When
// grading, each scenario runs again on inputs generated from the grading seed.

use c_abi_support::Inputs;
use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/cffi_port/tests");

/// Runs one scenario of the script against this crate's library and bindings, on
/// `inputs`.
fn scenario(name: &str, inputs: Inputs) -> String {
    let bindings = concat!(env!("CARGO_MANIFEST_DIR"), "/python").to_string();
    let mut args = vec![bindings, name.to_string()];
    args.extend(inputs.seed().map(|seed| seed.to_string()));
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_cffi_port.py"), env!("CARGO_PKG_NAME"), &args)
}

/// Rule: the `cdef` declares the library's functions and `count_pages` calls reach the library.
#[test]
fn cdef_declares_count_pages() {
    c_abi_support::observe_held_out!("cdef_declares_count_pages", |inputs| scenario("count_pages", inputs));
}

/// Rules: `cover_page` is declared with its C types, read into a `str`, and freed once by `free_string`.
#[test]
fn cover_page_is_read_and_freed() {
    c_abi_support::observe_held_out!("cover_page_is_read_and_freed", |inputs| scenario("cover_page", inputs));
}

/// Rule: the `cdef`'s `FaxReport` lays out the Rust struct, and `fax_report` returns its fields as a dict.
#[test]
fn fax_report_is_a_struct() {
    c_abi_support::observe_held_out!("fax_report_is_a_struct", |inputs| scenario("fax_report", inputs));
}
