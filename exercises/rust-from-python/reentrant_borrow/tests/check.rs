// Stage checks for `reentrant_borrow`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python whose callbacks come back into the kitty, and reports what they printed: the
// results the rules state, the type of each exception Python saw (`PanicException`
// included; the messages are the student's), and the log the listeners wrote. When
// grading, each runs again on balances drawn from the grading seed.

use check_support::{Inputs, attach, register_module, run_printing};
use pyo3::prelude::*;
use reentrant_borrow::Kitty;

/// `while_rust_reads(kitty, action)`: calls `action()` while Rust holds a shared borrow
/// of `kitty` (a `PyRef`), as a `&self` method that calls back into Python does. A
/// `move_coins` that borrows with `try_borrow_mut` then raises `RuntimeError`, whichever
/// kitties it was given; one that only compares its two arguments does not see it.
#[pyfunction]
fn while_rust_reads(kitty: &Bound<'_, Kitty>, action: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let _reading = kitty.try_borrow()?;
    Ok(action.call0()?.unbind())
}

/// Runs `code` on `inputs` with the module's names imported and two helpers: `attempt`
/// prints what an action returned, or the type of the exception it raised, whatever its
/// type; `attempt_quietly` prints only whether it returned (for a result no rule states).
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(reentrant_borrow::reentrant_borrow)(py);
        register_module(py, "reentrant_borrow", module.bind(py))?;
        let reader = pyo3::wrap_pyfunction!(while_rust_reads, py)?;
        let prelude = r#"
from reentrant_borrow import Kitty, SharedKitty, move_coins

def attempt(label, action, show=True):
    try:
        result = action()
        print(f"{label}: returned {result}" if show else f"{label}: returned")
    except BaseException as error:
        print(f"{label}: raised {type(error).__name__}")

def attempt_quietly(label, action):
    attempt(label, action, show=False)
"#;
        run_printing(py, &[("while_rust_reads", reader.as_any())], &format!("{}{prelude}\n{code}", inputs.python_prelude()))
    })
}

/// `move_coins` moves the coins, raises `ValueError` for a move larger than the source's
/// balance and `RuntimeError` (never `PanicException`) for a kitty already borrowed, and
/// changes no balance when it raises; what it returns is not compared.
#[test]
fn borrow_errors_are_runtime_errors() {
    check_support::observe_held_out!("borrow_errors_are_runtime_errors", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    a0, b0, small, large = 30, 5, 12, 40
else:
    a0, b0 = rng.randint(20, 90), rng.randint(0, 20)
    small, large = rng.randint(1, a0 // 2), rng.randint(a0 + b0 + 1, 200)
a, b = Kitty(a0), Kitty(b0)
attempt_quietly(f"move {small} from a to b", lambda: move_coins(a, b, small))
print("balances", a.balance, b.balance)
attempt_quietly(f"move {large} from b to a", lambda: move_coins(b, a, large))
print("balances", a.balance, b.balance)
attempt_quietly("move 1 from a to a", lambda: move_coins(a, a, 1))
print("balances", a.balance, b.balance)
attempt_quietly("move 1 from a to b while Rust reads b", lambda: while_rust_reads(b, lambda: move_coins(a, b, 1)))
print("balances", a.balance, b.balance)
"#,
        )
    });
}

/// `Kitty.deposit` calls its listeners in the order they subscribed, with the new balance,
/// holding no borrow of the kitty meanwhile, and returns the balance after this deposit.
#[test]
fn listeners_reenter_the_kitty() {
    check_support::observe_held_out!("listeners_reenter_the_kitty", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    start, coins, threshold, top = 1, 2, 10, 20
else:
    start, coins = rng.randint(0, 5), rng.randint(1, 4)
    threshold, top = rng.randint(10, 30), rng.randint(20, 50)
kitty = Kitty(start)
log = []
def auditor(balance):
    log.append(f"auditor called with {balance}, kitty.balance is {kitty.balance}")
def top_up(balance):
    if balance < threshold:
        log.append(f"top-up deposit of {top} returned {kitty.deposit(top)}")
spare = Kitty(0)
def mover(balance):
    # `move_coins` borrows the kitty mutably: only a `deposit` that holds no borrow of
    # the kitty at all while it calls back lets it.
    move_coins(kitty, spare, 0)
    log.append(f"mover borrowed the kitty mutably at {balance}")
kitty.subscribe(auditor)
kitty.subscribe(top_up)
kitty.subscribe(mover)
attempt(f"deposit {coins} on {start}", lambda: kitty.deposit(coins))
print(*log, sep="\n")
print("final balance", kitty.balance)
"#,
        )
    });
}

/// `SharedKitty` is frozen; its `deposit` calls the listeners subscribed before it began,
/// in order, with the lock released, and returns the balance after this deposit.
#[test]
fn a_frozen_kitty_takes_reentry() {
    check_support::observe_held_out!("a_frozen_kitty_takes_reentry", |inputs| {
        // `#[pyclass(frozen)]` sets this associated type to `True`; PyO3 then keeps no
        // borrow flag for the class.
        let frozen = std::any::type_name::<<reentrant_borrow::SharedKitty as pyo3::PyClass>::Frozen>();
        let frozen = frozen.rsplit("::").next().unwrap_or(frozen);
        let report = scenario(
            inputs,
            r#"
if SEED is None:
    start, deposits, threshold, bonus = 0, [3, 4], 3, 10
else:
    start = rng.randint(0, 9)
    deposits = [rng.randint(1, 9) for _ in range(3)]
    threshold, bonus = start + rng.randint(1, deposits[0] + deposits[1]), rng.randint(10, 99)
kitty = SharedKitty(start)
log = []
recruited = []
def auditor(balance):
    log.append(f"auditor called with {balance}, kitty.balance is {kitty.balance}")
def recruiter(balance):
    if balance >= threshold and not recruited:
        recruited.append(balance)
        kitty.subscribe(lambda b: log.append(f"newcomer called with {b}"))
        log.append(f"recruiter subscribed a newcomer at {balance}, then deposited {bonus}: {kitty.deposit(bonus)}")
kitty.subscribe(auditor)
kitty.subscribe(recruiter)
for coins in deposits:
    attempt(f"deposit {coins}", lambda: kitty.deposit(coins))
print(*log, sep="\n")
print("final balance", kitty.balance)
"#,
        );
        format!("SharedKitty frozen: {frozen}\n{report}")
    });
}
