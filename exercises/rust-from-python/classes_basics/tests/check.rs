// Stage checks for `classes_basics`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that use its class, and reports what they printed, including the kind of
// attribute Python finds in the class's `__dict__` (a `#[pyo3(get)]` field and a
// `#[getter]` are `getset_descriptor`s, where a Python class has a `property`; a
// `#[staticmethod]` is a `staticmethod`). When grading, each runs
// again on names, desks and sales drawn from the grading seed (`SEED`, `rng`).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` on `inputs` with `Employee` imported from `classes_basics`.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(classes_basics::classes_basics)(py);
        register_module(py, "classes_basics", module.bind(py))?;
        run_printing(py, &[], &format!("{}from classes_basics import Employee\n{code}", inputs.python_prelude()))
    })
}

/// `name` and `desk` are Rust attributes (`getset_descriptor`s) read from Python; the
/// setter moves the employee to desks 0 to 99 and refuses others with a `ValueError`
/// (the message is yours) that leaves the desk alone; `name` cannot be assigned.
#[test]
fn constructor_getters_and_setters() {
    check_support::observe_held_out!("constructor_getters_and_setters", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    name, desk, moves, refused = "Jim Halpert", 3, [7, 99, 0], [120, 100]
else:
    name = rng.choice(["Stanley Hudson", "Phyllis Vance", "Oscar Martinez"]) + " " + str(rng.randint(2, 9))
    desk, moves, refused = rng.randint(0, 99), [rng.randint(0, 99) for _ in range(3)], [rng.randint(100, 10**6), 100]
print({attribute: type(Employee.__dict__.get(attribute)).__name__ for attribute in ["name", "desk"]})
jim = Employee(name, desk)
print(jim.name, jim.desk)
for move in moves:
    jim.desk = move
    print("moved to", jim.desk)
for move in refused:
    try:
        jim.desk = move
        print("moved to", jim.desk)
    except ValueError:
        # The message is the student's own.
        print("ValueError")
print("still at", jim.desk)
try:
    jim.name = "Big Tuna"
    print("renamed to", jim.name)
except AttributeError:
    print("name is read-only")
"#,
        )
    });
}

/// `total_sales` is a Rust getter summing the recorded sales, and `company` a Rust
/// `#[staticmethod]` called on the class or an instance.
#[test]
fn getter_and_static_method() {
    check_support::observe_held_out!("getter_and_static_method", |inputs| {
        scenario(
            inputs,
            r#"
kinds = {name: type(Employee.__dict__.get(name)).__name__ for name in ["total_sales", "company", "record_sale"]}
print(kinds)
# A `#[staticmethod]` wraps a Rust function; `staticmethod(...)` set from Python wraps a Python one.
print("company wraps a", type(Employee.__dict__["company"].__func__).__name__)
sales = [120.5, 79.5] if SEED is None else [rng.randint(1, 4000) / 4 for _ in range(rng.randint(0, 5))]
dwight = Employee("Dwight Schrute", 4)
for sale in sales:
    dwight.record_sale(sale)
print(dwight.total_sales, dwight.sale_count(), dwight.total_sales == sum(sales))
print(Employee.company())
print(dwight.company() == Employee.company())
"#,
        )
    });
}

/// `temp` is a `#[classmethod]` that builds whatever class it is called on, at desk 0.
#[test]
fn class_method_builds_the_subclass() {
    check_support::observe_held_out!("class_method_builds_the_subclass", |inputs| {
        scenario(
            inputs,
            r#"
print(type(Employee.__dict__.get("temp")).__name__)
class RegionalManager(Employee):
    pass
names = ["Ryan Howard", "Michael Scott"] if SEED is None else [rng.choice(["Jim", "Andy", "Deangelo", "Nellie"]) + " " + str(rng.randint(1, 99)) for _ in range(2)]
ryan = Employee.temp(names[0])
print(type(ryan).__name__, ryan.name, ryan.desk, ryan.total_sales)
boss = RegionalManager.temp(names[1])
print(type(boss).__name__, isinstance(boss, Employee), boss.name, boss.desk)
"#,
        )
    });
}
