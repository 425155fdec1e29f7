//! Starts an embedded interpreter and prints, as one JSON object, what it says about
//! itself (`sys.version`, `sys.executable`, `sys.prefix`, `sys.base_prefix`, LIBDIR) and
//! which libpython file the process really loaded (`libpython`, from `/proc/self/maps` on
//! Linux; `null` elsewhere). `cargo xtask doctor` compares it with the chosen interpreter.

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The Python that describes the interpreter; the same fields as `xtask/src/python.rs`.
const DESCRIBE: &std::ffi::CStr = c"import sys, sysconfig
info = {'version': sys.version, 'executable': sys.executable, 'prefix': sys.prefix,
        'base_prefix': sys.base_prefix, 'libdir': sysconfig.get_config_var('LIBDIR')}";

fn loaded_libpython() -> Option<String> {
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    maps.lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .find(|path| path.contains("libpython"))
        .map(str::to_string)
}

/// Prints the JSON description of the embedded interpreter on standard output.
///
/// # Errors
/// Any Python exception raised while describing it.
pub fn run() -> PyResult<()> {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(DESCRIBE, Some(&globals), None)?;
        let info = globals.get_item("info")?.expect("the describe code defines `info`");
        info.set_item("libpython", loaded_libpython())?;
        let json = py.import("json")?.call_method1("dumps", (info,))?;
        println!("{json}");
        Ok(())
    })
}
