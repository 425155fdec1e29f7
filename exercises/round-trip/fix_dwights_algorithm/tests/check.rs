// Stage checks for `fix_dwights_algorithm`; the solution runs this same file.
//
// Each check registers the crate's `dunder_mifflin` module in the embedded interpreter,
// then runs Python (tests/office.py and a few lines per stage) that uses it, and
// snapshots what that Python printed.

use check_support::{attach, register_module, run_printing};

/// The office's Python: staff, papers and the table printer.
const OFFICE: &str = include_str!("office.py");

/// Runs `code` after tests/office.py, with `dunder_mifflin` importable.
fn office(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(fix_dwights_algorithm::dunder_mifflin)(py);
        register_module(py, "dunder_mifflin", module.bind(py))?;
        run_printing(py, &[], &format!("{OFFICE}\n{code}"))
    })
}

#[test]
fn paper_and_employee_are_classes() {
    let report = office(
        r#"
paper = dm.Paper("Do not shred: the Michael Scott Paper Company")
print(repr(paper), paper.contents, paper.shredded, paper.faxed_to)
paper.shred()
print("after shred():", paper.shredded)
pam = dm.Employee("Pam", "pam@dundermifflin.com")
print(repr(pam), pam.name, pam.email)
print(type(paper).__module__, type(paper).__name__, type(pam).__name__)
"#,
    );
    check_support::observe!("paper_and_employee_are_classes", report);
}

#[test]
fn jims_algorithm_shreds_everything() {
    check_support::observe!("jims_algorithm_shreds_everything", office("table('jim')"));
}

#[test]
fn dwights_bugs_surface_as_algorithm_errors() {
    check_support::observe!("dwights_bugs_surface_as_algorithm_errors", office("table('dwight')"));
}

#[test]
fn an_unknown_algorithm_is_a_value_error() {
    let report = office(
        r#"
try:
    dm.process(dm.Paper("Do not shred"), STAFF, "michael")
except ValueError as error:
    print("ValueError:", error)
"#,
    );
    check_support::observe!("an_unknown_algorithm_is_a_value_error", report);
}

#[test]
fn fixed_algorithm_faxes_and_shreds() {
    check_support::observe!("fixed_algorithm_faxes_and_shreds", office("table('dwight-fixed')"));
}
