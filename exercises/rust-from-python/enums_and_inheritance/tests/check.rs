// Stage checks for `enums_and_inheritance`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that use its enum and classes, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `enums_and_inheritance` importable as `office`.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(enums_and_inheritance::enums_and_inheritance)(py);
        register_module(py, "enums_and_inheritance", module.bind(py))?;
        run_printing(py, &[], &format!("import enums_and_inheritance as office\n{code}"))
    })
}

#[test]
fn a_rust_enum_in_python() {
    let report = scenario(
        r#"
D = office.Department
print(D.Sales, D.Accounting, D.Warehouse)
print(office.department_of("Kevin"), office.department_of("Darryl"), office.department_of("Jim"))
print(office.department_of("Angela") == D.Accounting, office.department_of("Angela") == D.Sales)
print(int(D.Warehouse), office.department_of("Toby"))
"#,
    );
    check_support::observe!("a_rust_enum_in_python", report);
}

#[test]
fn a_class_that_extends_another() {
    let report = scenario(
        r#"
memo = office.Memo("Casual Friday", office.Department.Sales)
print(isinstance(memo, office.Document), memo.title, memo.to)
print(memo.describe())
print(office.Document("Org chart").describe())

class Fax(office.Document):
    def describe(self):
        return "fax: " + super().describe()

print(Fax("Sign-up sheet").describe(), [c.__name__ for c in Fax.__mro__])
"#,
    );
    check_support::observe!("a_class_that_extends_another", report);
}
