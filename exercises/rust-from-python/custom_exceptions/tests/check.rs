// Stage checks for `custom_exceptions`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and reports what they printed: the classes Python sees, their
// ancestry, and which `except` clause caught what. When grading, each runs again on
// papers drawn from the grading seed (`SEED`, `rng`).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` on `inputs` with `custom_exceptions` importable as `shredder`.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(custom_exceptions::custom_exceptions)(py);
        register_module(py, "custom_exceptions", module.bind(py))?;
        run_printing(py, &[], &format!("{}import custom_exceptions as shredder\n{code}", inputs.python_prelude()))
    })
}

/// `shred` is a Rust function; `ShredderError` is the module's own subclass of `Exception`
/// (not of `ValueError`), raised for a paper that says "do not shred" in any case.
#[test]
fn shredder_error_is_a_module_exception() {
    check_support::observe_held_out!("shredder_error_is_a_module_exception", |inputs| {
        scenario(
            inputs,
            r#"
# A #[pyfunction] is a builtin_function_or_method; a Python def would be a function.
print("shred is a", type(shredder.shred).__name__)
print(shredder.ShredderError.__module__, shredder.ShredderError.__name__, issubclass(shredder.ShredderError, Exception))
print("a ValueError?", issubclass(shredder.ShredderError, ValueError))
if SEED is None:
    papers = ["Expense report", "DO NOT SHRED: the Michael Scott Paper Company", "Please do not shred", "Do not shed a tear"]
else:
    secret = "".join(c.upper() if rng.random() < 0.5 else c for c in "do not shred")
    papers = [rng.choice(["Budget", "Memo", "Party plan"]) + " " + str(rng.randint(1, 99)), f"{secret}: file {rng.randint(1, 999)}", "Do not shed " + str(rng.randint(1, 9))]
for paper in papers:
    try:
        print(shredder.shred(paper))
    except shredder.ShredderError as error:
        print(type(error).__name__, "-", error)
"#,
        )
    });
}

/// `ShredderJam` is the module's subclass of `ShredderError`, raised for a paper longer
/// than 40 characters, so `except ShredderJam` catches a jam and `except ShredderError` a
/// refusal.
#[test]
fn a_jam_is_a_kind_of_shredder_error() {
    check_support::observe_held_out!("a_jam_is_a_kind_of_shredder_error", |inputs| {
        scenario(
            inputs,
            r#"
print([cls.__name__ for cls in shredder.ShredderJam.__mro__], shredder.ShredderJam.__module__)
if SEED is None:
    papers = ["Minutes of the " + "very " * 10 + "long meeting", "x" * 40, "Do not shred " + "y" * 40]
else:
    papers = ["z" * rng.randint(41, 90), "w" * rng.randint(1, 40), "do not shred " + "v" * rng.randint(30, 60)]
for paper in papers:
    try:
        print(shredder.shred(paper)[:20])
    except shredder.ShredderJam as error:
        print("caught as ShredderJam:", type(error).__name__, "-", error)
    except shredder.ShredderError as error:
        print("caught as ShredderError:", type(error).__name__, "-", error)
"#,
        )
    });
}

/// `shred_pile` is a Rust function that calls the shredder once a paper; it clears a
/// `ShredderJam` (a subclass included) and goes on, and lets any other exception, one
/// merely named `ShredderJam` included, stop the pile unchanged.
#[test]
fn rust_tells_a_jam_from_other_errors() {
    check_support::observe_held_out!("rust_tells_a_jam_from_other_errors", |inputs| {
        scenario(
            inputs,
            r#"
print("shred_pile is a", type(shredder.shred_pile).__name__)
calls = []
class ShredderJam(Exception):
    """The warehouse's own exception: the same name as the module's, another class."""
class StapleJam(shredder.ShredderJam):
    """A kind of jam: a subclass of the module's ShredderJam, so a jam all the same."""
def office_shredder(paper):
    calls.append(paper)
    if paper.startswith("toner"):
        raise shredder.ShredderJam("toner in the rollers")
    if paper.startswith("stapled"):
        raise StapleJam("a staple in the blades")
    if paper.startswith("key"):
        raise KeyError(paper)
    if paper.startswith("forklift"):
        raise ShredderJam("the warehouse's forklift is stuck")
    return shredder.shred(paper)
if SEED is None:
    piles = [["Memo", "toner test page", "Minutes of the " + "very " * 10 + "long meeting", "stapled report", "Budget"],
             ["Memo", "Do not shred: Dundies", "Budget"],
             ["Memo", "key to the annex", "Budget"],
             ["Memo", "forklift log", "Budget"]]
else:
    def paper():
        kind = rng.choice(["plain", "plain", "toner", "stapled", "long", "secret", "key", "forklift"])
        return {"plain": f"Memo {rng.randint(1, 99)}", "toner": f"toner page {rng.randint(1, 9)}", "long": "q" * rng.randint(41, 60),
                "stapled": f"stapled report {rng.randint(1, 9)}",
                "secret": f"DO not SHRED {rng.randint(1, 9)}", "key": f"key {rng.randint(1, 9)}",
                "forklift": f"forklift log {rng.randint(1, 9)}"}[kind]
    piles = [[paper() for _ in range(rng.randint(2, 6))] for _ in range(4)]
for pile in piles:
    calls.clear()
    try:
        print("shredded:", shredder.shred_pile(pile, office_shredder))
    except shredder.ShredderError as error:
        print("stopped by", type(error).__name__, "-", error)
    except KeyError as error:
        print("stopped by KeyError -", error)
    except ShredderJam as error:
        print("stopped by the warehouse's ShredderJam -", error)
    print("  the shredder was called", len(calls), "times")
"#,
        )
    });
}
