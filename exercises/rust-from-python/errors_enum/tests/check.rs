// Stage checks for `errors_enum`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `errors_enum` importable, and a `attempt` helper that prints either
/// the result or the exception's type and message.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(errors_enum::errors_enum)(py);
        register_module(py, "errors_enum", module.bind(py))?;
        let prelude = r#"
from errors_enum import print_pages

def attempt(printer, pages):
    try:
        print("ok:", print_pages(printer, pages))
    except (ValueError, RuntimeError, KeyError) as error:
        print(f"{type(error).__name__}: {error}")
"#;
        run_printing(py, &[], &format!("{prelude}\n{code}"))
    })
}

#[test]
fn out_of_paper_is_a_value_error() {
    check_support::observe!("out_of_paper_is_a_value_error", scenario("attempt('accounting', 20)\nattempt('accounting', 500)"));
}

#[test]
fn jams_and_unknown_printers() {
    check_support::observe!("jams_and_unknown_printers", scenario("attempt('sales', 1)\nattempt('warehouse', 1)"));
}
