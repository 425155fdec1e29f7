// Stage checks for `signatures_with_defaults`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `signatures_with_defaults` importable as `sig`.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(signatures_with_defaults::signatures_with_defaults)(py);
        register_module(py, "signatures_with_defaults", module.bind(py))?;
        run_printing(py, &[], &format!("import signatures_with_defaults as sig\n{code}"))
    })
}

#[test]
fn defaults_and_keyword_only() {
    let report = scenario(
        r#"
import inspect
print(inspect.signature(sig.order_paper))
print(sig.order_paper(3))
print(sig.order_paper(1, "pink"))
print(sig.order_paper(2, color="blue", rush=True))
try:
    sig.order_paper(2, "blue", True)
except TypeError as error:
    print("TypeError:", error)
"#,
    );
    check_support::observe!("defaults_and_keyword_only", report);
}

#[test]
fn star_args_and_star_star_kwargs() {
    let report = scenario(
        r#"
import inspect
print(inspect.signature(sig.memo))
print(sig.memo("Casual Friday is cancelled.", "Thank you.", to="Everyone", sender="Toby"))
print("---")
print(sig.memo("No fireworks in the parking lot."))
"#,
    );
    check_support::observe!("star_args_and_star_star_kwargs", report);
}
