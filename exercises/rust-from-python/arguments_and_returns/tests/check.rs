// Stage checks for `arguments_and_returns`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `arguments_and_returns` importable.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(arguments_and_returns::arguments_and_returns)(py);
        register_module(py, "arguments_and_returns", module.bind(py))?;
        run_printing(py, &[], code)
    })
}

#[test]
fn numbers_strings_and_lists() {
    let report = scenario(
        r#"
import arguments_and_returns as ar
print(ar.total_pages([12, 3, 40]), ar.total_pages([]))
print(ar.initials("Michael Gary Scott"), ar.initials("pam beesly"), repr(ar.initials("")))
try:
    ar.total_pages(["twelve"])
except TypeError as error:
    print("TypeError:", error)
"#,
    );
    check_support::observe!("numbers_strings_and_lists", report);
}

#[test]
fn dicts_tuples_and_option() {
    let report = scenario(
        r#"
import arguments_and_returns as ar
stock = {"copy paper": 40, "cardstock": 5, "envelopes": 5, "sticky notes": 90}
print(ar.lowest_stock(stock))
print(ar.lowest_stock({}))
seating = {"Jim": 3, "Pam": 1, "Dwight": 4}
print(ar.find_desk("Pam", seating), ar.find_desk("Toby", seating))
print(sorted(ar.restock(stock, 10).items()))
"#,
    );
    check_support::observe!("dicts_tuples_and_option", report);
}
