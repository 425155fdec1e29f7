// Stage checks for `cffi_port`; the solution runs this same file.
//
// Each check runs tests/check_cffi_port.py with the venv's Python. The script imports
// the crate's python/fax.py, which loads the cdylib cargo built for this test with cffi
// in ABI mode, and prints what the library returned; the check snapshots that.

use std::path::Path;

/// The starter's tests/ folder, which the solution shares.
const TESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../exercises/c-abi/cffi_port/tests");

/// Runs one scenario of the script against this crate's library and bindings.
fn scenario(name: &str) -> String {
    let bindings = concat!(env!("CARGO_MANIFEST_DIR"), "/python");
    c_abi_support::run_with_cdylib(&Path::new(TESTS).join("check_cffi_port.py"), env!("CARGO_PKG_NAME"), &[bindings, name])
}

#[test]
fn cdef_declares_count_pages() {
    c_abi_support::observe!("cdef_declares_count_pages", scenario("count_pages"));
}

#[test]
fn cover_page_is_read_and_freed() {
    c_abi_support::observe!("cover_page_is_read_and_freed", scenario("cover_page"));
}

#[test]
fn fax_report_is_a_struct() {
    c_abi_support::observe!("fax_report_is_a_struct", scenario("fax_report"));
}
