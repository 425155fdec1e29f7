// Stage checks for `enums_and_inheritance`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that use its enum and classes, and reports what they printed. When grading,
// each runs again on inputs generated from the grading seed (`SEED`, `None` for the
// public inputs).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` with `enums_and_inheritance` importable as `office`, `SEED` defined and
/// `rng` a `random.Random` seeded with it.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(enums_and_inheritance::enums_and_inheritance)(py);
        register_module(py, "enums_and_inheritance", module.bind(py))?;
        let prelude = inputs.python_prelude();
        run_printing(py, &[], &format!("{prelude}import enums_and_inheritance as office\n{code}"))
    })
}

/// `Department` is a Rust `#[pyclass]` enum whose variants print, convert with `int()`
/// and compare with `==`, and `department_of` returns a variant or `None`.
///
/// The enum is a class of its own whose variants are its instances: `type(...) is D`
/// and `==` against a variant tell it from a string that merely prints the same, and
/// the class's own type (`type`, where a Python `enum.Enum` has `EnumType`) and the kind
/// of its `__int__` (a slot wrapper, where any Python class has a `function`) tell a
/// `#[pyclass]` enum from a Python one.
#[test]
fn a_rust_enum_in_python() {
    check_support::observe_held_out!("a_rust_enum_in_python", |inputs| {
        scenario(
            inputs,
            r#"
D = office.Department
if SEED is None:
    names = ["Kevin", "Darryl", "Jim", "Toby", "Angela"]
else:
    staff = ["Jim", "Dwight", "Phyllis", "Stanley", "Angela", "Kevin", "Oscar", "Darryl", "Roy"]
    names = rng.sample(staff + ["Toby", "Kelly", "Creed", "Ryan", "Meredith"], 6)
print(type(D).__name__, type(vars(D).get("__int__")).__name__, D.Sales, D.Accounting, D.Warehouse, [int(d) for d in (D.Sales, D.Accounting, D.Warehouse)])
for name in names:
    found = office.department_of(name)
    kind = "None" if found is None else ("a Department" if type(found) is D else type(found).__name__)
    print(f"{name}: {found} ({kind})", [found == d for d in (D.Sales, D.Accounting, D.Warehouse)])
"#,
        )
    });
}

/// `Memo` is a Rust class that extends `Document`, with a read-only `to` and its own
/// `describe` built on the base's.
///
/// `Memo` must really extend `Document`: `isinstance`, the base's getter and the base's
/// method called on a memo work only when the memo carries a `Document` inside it.
#[test]
fn a_class_that_extends_another() {
    check_support::observe_held_out!("a_class_that_extends_another", |inputs| {
        scenario(
            inputs,
            r#"
D = office.Department
if SEED is None:
    memos = [("Casual Friday", D.Sales), ("Pretzel day", D.Warehouse)]
else:
    words = ["Safety", "training", "Fun", "Run", "Party", "planning", "Budget", "Dundies", "Audit"]
    memos = [(" ".join(rng.sample(words, 2)), rng.choice([D.Sales, D.Accounting, D.Warehouse])) for _ in range(3)]
for title, to in memos:
    memo = office.Memo(title, to)
    print(isinstance(memo, office.Document), [c.__name__ for c in type(memo).__mro__], type(office.Memo.__dict__.get("describe")).__name__)
    print(memo.title, memo.to, type(memo.to) is D)
    print(memo.describe(), "|", office.Document.describe(memo))
print(office.Document(memos[0][0]).describe())
"#,
        )
    });
}

/// `describe_all` is a Rust function that runs each document's own `describe`, a Python
/// override included, and refuses what is not a `Document` with a `TypeError`.
///
/// Python classes extend the Rust ones, and `describe_all`, written in Rust, must call
/// each object's own `describe` (the Python override included), not `Document`'s.
#[test]
fn python_subclasses_and_rust_calls_them() {
    check_support::observe_held_out!("python_subclasses_and_rust_calls_them", |inputs| {
        scenario(
            inputs,
            r#"
D = office.Department
calls = []

class Fax(office.Document):
    def describe(self):
        calls.append(self.title)
        return "fax: " + super().describe()

if SEED is None:
    titles = ["Sign-up sheet", "Org chart", "Party invite"]
else:
    words = ["Menu", "Schedule", "Complaint", "Invoice", "Warning", "Poster", "Map"]
    titles = rng.sample(words, 3)
documents = [Fax(titles[0]), office.Memo(titles[1], D.Accounting), office.Document(titles[2])]
print([c.__name__ for c in Fax.__mro__], type(office.describe_all).__name__)
for line in office.describe_all(documents):
    print(line)
print("Fax.describe ran for:", calls)
try:
    office.describe_all([titles[0]])
except TypeError:
    # PyO3's words are no rule's: only the type is compared.
    print("a str for a document: TypeError")
"#,
        )
    });
}
