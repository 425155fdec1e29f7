// Stage checks for `arguments_and_returns`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and reports what they printed. When grading, each runs again
// on inputs generated from the grading seed (`SEED`, `None` for the public inputs).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` with `arguments_and_returns` importable, `SEED` defined and `rng` a
/// `random.Random` seeded with it.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(arguments_and_returns::arguments_and_returns)(py);
        register_module(py, "arguments_and_returns", module.bind(py))?;
        run_printing(py, &[], &format!("{}{code}", inputs.python_prelude()))
    })
}

/// `total_pages` and `initials` are Rust functions; a `Vec<u32>` takes any sequence of
/// ints and refuses strings with a `TypeError` and a negative int with an
/// `OverflowError`; `initials` upper-cases each word's first
/// letter.
#[test]
fn numbers_strings_and_lists() {
    check_support::observe_held_out!("numbers_strings_and_lists", |inputs| {
        scenario(
            inputs,
            r#"
import arguments_and_returns as ar
# A #[pyfunction] is a builtin_function_or_method; a Python def would be a function.
print("total_pages is a", type(ar.total_pages).__name__, "and initials a", type(ar.initials).__name__)
if SEED is None:
    pages, names = [[12, 3, 40], []], ["Michael Gary Scott", "pam beesly", "érin øster", ""]
else:
    pages = [[rng.randint(0, 500) for _ in range(rng.randint(0, 6))] for _ in range(3)]
    word = lambda: "".join(rng.choice("abcdefghijklmnopqrstuvwxyzéø") for _ in range(rng.randint(1, 7)))
    names = [" ".join(word().capitalize() if rng.random() < 0.5 else word() for _ in range(rng.randint(0, 4))) for _ in range(4)]
print(*[ar.total_pages(p) for p in pages])
print("a tuple:", ar.total_pages(tuple(pages[0])), "a range:", ar.total_pages(range(len(pages[0]) + 2)))
print(*[repr(ar.initials(n)) if not n else ar.initials(n) for n in names])
try:
    ar.total_pages(["twelve"])
except TypeError:
    # PyO3's words, not a rule's: only the type is compared.
    print("a list of strings: TypeError")
try:
    print("[5, -1] sums to", ar.total_pages([5, -1]))
except OverflowError:
    print("[5, -1]: OverflowError")
"#,
        )
    });
}

/// The three dict functions are Rust functions: `lowest_stock` returns a tuple (ties to
/// the name that sorts first, on every call) or `None`, `find_desk` a desk or `None`,
/// `restock` a new dict.
#[test]
fn dicts_tuples_and_option() {
    check_support::observe_held_out!("dicts_tuples_and_option", |inputs| {
        scenario(
            inputs,
            r#"
import arguments_and_returns as ar
print("types:", ", ".join(f"{f.__name__} is a {type(f).__name__}" for f in (ar.lowest_stock, ar.find_desk, ar.restock)))
if SEED is None:
    stock = {"copy paper": 40, "cardstock": 5, "envelopes": 5, "sticky notes": 90}
    seating, asked, amount = {"Jim": 3, "Pam": 1, "Dwight": 4}, ["Pam", "Toby"], 10
else:
    items = ["toner", "staples", "binders", "pens", "folders", "labels", "tape", "clips"]
    stock = {item: rng.randint(0, 30) for item in rng.sample(items, rng.randint(2, 7))}
    names = ["Oscar", "Kevin", "Angela", "Creed", "Meredith", "Ryan", "Kelly"]
    seating = {name: rng.randint(1, 20) for name in rng.sample(names, 4)}
    asked, amount = rng.sample(names, 3), rng.randint(1, 50)
print(ar.lowest_stock(stock))
print(ar.lowest_stock({}))
# A dict arrives as a HashMap, whose order changes from call to call: ties must be
# broken by name, every time.
tied = ["toner", "staples", "binders", "pens", "folders"] if SEED is None else rng.sample(items, 5)
units = 5 if SEED is None else rng.randint(0, 9)
winners = set()
for turn in range(12):
    order = tied[turn % 5:] + tied[:turn % 5]
    winners.add(ar.lowest_stock({**{item: units for item in order}, "cardstock": units + 1}))
print("in 12 calls, ties went to:", sorted(winners))
print(*[ar.find_desk(name, seating) for name in asked])
print(sorted(ar.restock(stock, amount).items()))
"#,
        )
    });
}
