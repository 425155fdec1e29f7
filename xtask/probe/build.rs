//! Adds a run path to the chosen interpreter's LIBDIR to the `embed-probe` binary only,
//! as `pyo3_build_config::add_libpython_rpath_link_args` does for a whole crate, so that
//! `cargo xtask doctor` can compare the program with and without it.
fn main() {
    let config = pyo3_build_config::get();
    if let Some(lib_dir) = config.lib_dir() {
        if !cfg!(target_os = "windows") {
            println!("cargo:rustc-link-arg-bin=embed-probe=-Wl,-rpath,{lib_dir}");
        }
    }
}
