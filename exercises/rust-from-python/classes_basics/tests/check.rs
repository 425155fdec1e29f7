// Stage checks for `classes_basics`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that use its class, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `Employee` imported from `classes_basics`.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(classes_basics::classes_basics)(py);
        register_module(py, "classes_basics", module.bind(py))?;
        run_printing(py, &[], &format!("from classes_basics import Employee\n{code}"))
    })
}

#[test]
fn constructor_getters_and_setters() {
    let report = scenario(
        r#"
jim = Employee("Jim Halpert", 3)
print(jim.name, jim.desk)
jim.desk = 7
print(jim.desk)
try:
    jim.desk = 120
except ValueError as error:
    print("ValueError:", error)
try:
    jim.name = "Big Tuna"
except AttributeError:
    print("name is read-only")
"#,
    );
    check_support::observe!("constructor_getters_and_setters", report);
}

#[test]
fn methods_static_and_class_methods() {
    let report = scenario(
        r#"
dwight = Employee("Dwight Schrute", 4)
dwight.record_sale(120.5)
dwight.record_sale(79.5)
print(dwight.total_sales, dwight.sale_count())
print(Employee.company())
ryan = Employee.temp("Ryan Howard")
print(type(ryan).__name__, ryan.name, ryan.desk, ryan.total_sales)
"#,
    );
    check_support::observe!("methods_static_and_class_methods", report);
}
