// Stage checks for `magic_methods`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that use its class, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `Paper` imported from `magic_methods`.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(magic_methods::magic_methods)(py);
        register_module(py, "magic_methods", module.bind(py))?;
        run_printing(py, &[], &format!("from magic_methods import Paper\n{code}"))
    })
}

#[test]
fn printing_and_length() {
    let report = scenario(
        r#"
tps = Paper("TPS report", 3)
print(repr(tps))
print(str(tps))
print(f"{tps!r} has {len(tps)} pages")
print([Paper("Memo", 1)])
"#,
    );
    check_support::observe!("printing_and_length", report);
}

#[test]
fn comparison_and_hashing() {
    let report = scenario(
        r#"
a, b, c = Paper("TPS report", 3), Paper("TPS report", 3), Paper("Memo", 1)
print(a == b, a != b, a == c, a is b)
print(c < a, a <= b, a > c)
print(sorted([a, c, Paper("Budget", 12), Paper("Agenda", 1)]))
print(len({a, b, c}), hash(a) == hash(b))
print(a == "TPS report")
"#,
    );
    check_support::observe!("comparison_and_hashing", report);
}
