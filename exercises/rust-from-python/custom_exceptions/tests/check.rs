// Stage checks for `custom_exceptions`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `custom_exceptions` importable as `shredder`.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(custom_exceptions::custom_exceptions)(py);
        register_module(py, "custom_exceptions", module.bind(py))?;
        run_printing(py, &[], &format!("import custom_exceptions as shredder\n{code}"))
    })
}

#[test]
fn shredder_error_is_a_module_exception() {
    let report = scenario(
        r#"
print(shredder.shred("Expense report"))
print(shredder.ShredderError.__module__, shredder.ShredderError.__name__, issubclass(shredder.ShredderError, Exception))
try:
    shredder.shred("DO NOT SHRED: the Michael Scott Paper Company")
except shredder.ShredderError as error:
    print(type(error).__name__, "-", error)
"#,
    );
    check_support::observe!("shredder_error_is_a_module_exception", report);
}

#[test]
fn a_jam_is_a_kind_of_shredder_error() {
    let report = scenario(
        r#"
print([cls.__name__ for cls in shredder.ShredderJam.__mro__])
long = "Minutes of the " + "very " * 10 + "long meeting"
try:
    shredder.shred(long)
except shredder.ShredderError as error:
    print(type(error).__name__, "-", error)
"#,
    );
    check_support::observe!("a_jam_is_a_kind_of_shredder_error", report);
}
