// Stage checks for `memory_model`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that share objects with it, and reports what they printed: which objects are
// the same (`is`), and how many references the board holds (`sys.getrefcount`). When
// grading, each runs again on inputs generated from the grading seed (`SEED`, `None` for
// the public inputs).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` with `memory_model` importable as `mm`, `sys` imported, `SEED` defined and
/// `rng` a `random.Random` seeded with it.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(memory_model::memory_model)(py);
        register_module(py, "memory_model", module.bind(py))?;
        let prelude = inputs.python_prelude();
        run_printing(py, &[], &format!("{prelude}import sys\nimport memory_model as mm\n{code}"))
    })
}

/// `Noticeboard` is a Rust class whose `pin` keeps one more reference to the employee
/// itself, and deleting it gives every reference back.
///
/// Pinning keeps a reference to the object itself (one more reference, `is` holds), and
/// dropping the board gives every reference back. The kinds of `Noticeboard`'s methods
/// (`method_descriptor`, where a Python class has `function`) show that the board is a
/// `#[pyclass]`, so the references it keeps are `Py<T>` held by Rust.
#[test]
fn a_class_holds_python_objects() {
    check_support::observe_held_out!("a_class_holds_python_objects", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    names, times = ["Pam", "Jim", "Dwight"], [1, 1, 2]
else:
    names = rng.sample(["Oscar", "Kevin", "Angela", "Creed", "Meredith", "Ryan", "Kelly"], rng.randint(2, 4))
    times = [rng.randint(1, 3) for _ in names]
print("methods:", {name: type(mm.Noticeboard.__dict__.get(name)).__name__ for name in ["pin", "first", "__len__"]})
board = mm.Noticeboard()
print("empty board:", len(board), board.first())
staff = [mm.Employee(name) for name in names]

def references():
    """Each employee's reference count, every one counted the same way."""
    return [sys.getrefcount(staff[i]) for i in range(len(staff))]

before = references()
for i, n in enumerate(times):
    for _ in range(n):
        board.pin(staff[i])
print("pinned:", len(board), "first is", board.first().name, board.first() is staff[0])
print("references added by pin:", [a - b for a, b in zip(references(), before)])
del board
print("references after the board is gone:", [a - b for a, b in zip(references(), before)])
"#,
        )
    });
}

/// Stars reach the employees Python holds, and `unpin` lets go of that very object, once.
///
/// `give_everyone_a_star` changes the objects Python holds (`borrow_mut`), and `unpin`
/// removes the very object passed (`is`), not another one with the same name, giving its
/// reference back.
#[test]
fn change_and_let_go_of_shared_objects() {
    check_support::observe_held_out!("change_and_let_go_of_shared_objects", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    names = ["Jim", "Jim", "Pam", "Pam"]
else:
    twin = rng.choice(["Oscar", "Kevin", "Angela", "Creed"])
    names = [twin, twin] + rng.sample(["Meredith", "Ryan", "Kelly", "Toby"], 2)
staff = [mm.Employee(name) for name in names]
board = mm.Noticeboard()
for employee in staff + [staff[2]]:
    board.pin(employee)
board.give_everyone_a_star()
print("stars:", [(e.name, e.stars) for e in staff])
second = staff[1]
before = sys.getrefcount(second)
print("unpin the second", second.name + ":", board.unpin(second), len(board), sys.getrefcount(second) - before)
print("unpin them again:", board.unpin(second), len(board))
print("unpin a new", staff[3].name + ":", board.unpin(mm.Employee(staff[3].name)), len(board))
print("unpin", staff[2].name, "pinned twice, once:", board.unpin(staff[2]), len(board))
board.give_everyone_a_star()
print("stars:", [(e.name, e.stars) for e in staff])
print("first is the first pinned:", board.first() is staff[0])
"#,
        )
    });
}

/// `subscribe` keeps any callable and refuses the rest with a `TypeError`; `announce`
/// calls them in order.
///
/// The board keeps any callable (a function, a bound or builtin method, an object with
/// `__call__`) and calls it later, in order; it refuses what cannot be called.
#[test]
fn callbacks_are_called_later() {
    check_support::observe_held_out!("callbacks_are_called_later", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    texts = ["Pretzel day!", "Fire drill at noon"]
else:
    words = ["Dundies", "tonight", "Toner", "low", "Party", "in", "the", "annex", "Bake", "sale"]
    texts = [" ".join(rng.sample(words, rng.randint(1, 4))) for _ in range(rng.randint(1, 3))]

class Tally:
    def __init__(self):
        self.count = 0
    def __call__(self, text):
        self.count += len(text)

board = mm.Noticeboard()
heard, tally = [], Tally()
before = sys.getrefcount(tally)
board.subscribe(heard.append)
board.subscribe(lambda text: print("Kevin heard:", text))
board.subscribe(tally)
print("references the board keeps to the tally:", sys.getrefcount(tally) - before)
print("announced to:", [board.announce(text) for text in texts])
print(heard, tally.count)
for thing in ["not callable", 42]:
    try:
        board.subscribe(thing)
    except TypeError:
        # The message is the student's own: only the type is compared.
        print(repr(thing), "refused: TypeError")
del board
print("references after the board is gone:", sys.getrefcount(tally) - before)
"#,
        )
    });
}
