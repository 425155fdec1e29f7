// Stage checks for `memory_model`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that share objects with it, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `memory_model` importable as `mm`.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(memory_model::memory_model)(py);
        register_module(py, "memory_model", module.bind(py))?;
        run_printing(py, &[], &format!("import sys\nimport memory_model as mm\n{code}"))
    })
}

#[test]
fn a_class_holds_python_objects() {
    let report = scenario(
        r#"
board = mm.Noticeboard()
pam = mm.Employee("Pam")
before = sys.getrefcount(pam)
board.pin(pam)
board.pin(mm.Employee("Jim"))
print("references added by pin:", sys.getrefcount(pam) - before)
board.give_everyone_a_star()
print(pam.name, pam.stars, len(board))
print(board.first() is pam)
del board
print("references after the board is gone:", sys.getrefcount(pam) - before)
"#,
    );
    check_support::observe!("a_class_holds_python_objects", report);
}

#[test]
fn callbacks_are_called_later() {
    let report = scenario(
        r#"
board = mm.Noticeboard()
heard = []
board.subscribe(heard.append)
board.subscribe(lambda text: print("Kevin heard:", text))
print(board.announce("Pretzel day!"))
print(heard)
try:
    board.subscribe("not callable")
except TypeError as error:
    print("TypeError:", error)
"#,
    );
    check_support::observe!("callbacks_are_called_later", report);
}
