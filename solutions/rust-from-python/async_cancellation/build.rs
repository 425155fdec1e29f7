//! Gives the test binaries a run path to the LIBDIR of the interpreter pyo3 was built
//! for, so that the embedded Python is that interpreter and not another libpython found
//! first on the system (the trap `cargo xtask doctor` explains).
fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
}
