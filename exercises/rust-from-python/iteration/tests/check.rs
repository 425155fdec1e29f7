// Stage checks for `iteration`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that iterate over its classes, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `iteration` importable.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(iteration::iteration)(py);
        register_module(py, "iteration", module.bind(py))?;
        run_printing(py, &[], &format!("from iteration import Ream, Sheets\n{code}"))
    })
}

#[test]
fn an_iterator_class() {
    let report = scenario(
        r#"
sheets = Sheets(1, 3)
print(iter(sheets) is sheets)
print(next(sheets), next(sheets), next(sheets))
print(next(sheets, "empty"))
print(list(Sheets(5, 7)))
"#,
    );
    check_support::observe!("an_iterator_class", report);
}

#[test]
fn an_iterable_class() {
    let report = scenario(
        r#"
ream = Ream(4)
print(list(ream), list(ream))
print(sum(ream), len(ream), 3 in ream, 9 in ream)
for sheet in Ream(2):
    print("printing sheet", sheet)
print(type(iter(ream)).__name__)
"#,
    );
    check_support::observe!("an_iterable_class", report);
}
