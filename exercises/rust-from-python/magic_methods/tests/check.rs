// Stage checks for `magic_methods`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that print, compare and hash its class, and reports what they printed,
// including the kind of each magic method in the class's `__dict__`: a `#[pymethods]`
// one fills a slot of the type and shows as a `wrapper_descriptor`; a function set on
// the class from Python (a PyO3 class is a mutable type) shows as a `function`. When
// grading, each runs again on papers drawn from the grading seed (`SEED`, `rng`).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` on `inputs` with `Paper` imported from `magic_methods`, and `papers(n)`, a
/// helper that makes `n` different papers (public ones, or drawn from `rng`).
fn scenario(inputs: Inputs, code: &str) -> String {
    let prelude = r#"
from magic_methods import Paper
TITLES = ["TPS report", "Memo", "Budget", "Agenda", "Sales pitch", "Party plan", "Safety manual"]
def papers(n):
    if SEED is None:
        return [Paper(TITLES[i % 7], 1 + i // 7) for i in range(n)]
    chosen = set()
    while len(chosen) < n:
        chosen.add((rng.choice(TITLES) + rng.choice(["", " v2", " draft"]), rng.randint(1, 30)))
    return [Paper(title, pages) for title, pages in sorted(chosen)]
"#;
    attach(|py| {
        let module = pyo3::wrap_pymodule!(magic_methods::magic_methods)(py);
        register_module(py, "magic_methods", module.bind(py))?;
        run_printing(py, &[], &format!("{}{prelude}\n{code}", inputs.python_prelude()))
    })
}

/// `__repr__`, `__str__` and `__len__` are `#[pymethods]` slots that print a paper for
/// programmers and for people and count its pages (0 pages is false).
#[test]
fn printing_and_length() {
    check_support::observe_held_out!("printing_and_length", |inputs| {
        scenario(
            inputs,
            r#"
# Magic methods in `#[pymethods]` fill the type's slots: the class's `__dict__` then holds
# slot wrappers, where a Python class holds plain functions.
print({name: type(Paper.__dict__.get(name)).__name__ for name in ["__repr__", "__str__", "__len__"]})
tps = Paper("TPS report", 3) if SEED is None else papers(1)[0]
print(repr(tps))
print(str(tps))
print(f"{tps!r} has {len(tps)} pages")
memo = Paper("Memo", 1)
print(memo, [memo], len(memo), bool(memo))
print(Paper("Blank", 0), len(Paper("Blank", 0)), bool(Paper("Blank", 0)))
"#,
        )
    });
}

/// Comparisons are `#[pymethods]` slots ordering papers by pages, then title; a paper is
/// never equal to a `str`, and `<` with one is a `TypeError`.
#[test]
fn comparison() {
    check_support::observe_held_out!("comparison", |inputs| {
        scenario(
            inputs,
            r#"
print({name: type(Paper.__dict__.get(name)).__name__ for name in ["__eq__", "__lt__", "__ge__"]})
a, b, c = Paper("TPS report", 3), Paper("TPS report", 3), Paper("Memo", 1)
print(a == b, a != b, a == c, a is b, a == Paper("Budget", 3))
print(c < a, a <= b, a > c, a >= c, Paper("Agenda", 1) < c)
pile = papers(6)
pile.reverse()
print(sorted(pile))
print(max(pile), min(pile))
print(a == "TPS report", a != "TPS report")
try:
    a < "TPS report"
except TypeError:
    # Python's words, not a rule's: only the type is compared.
    print("a < str: TypeError")
"#,
        )
    });
}

/// `__hash__` is a `#[pymethods]` slot: equal papers hash equally, different ones
/// differently, so dicts and sets find a paper built anew.
#[test]
fn hashing() {
    check_support::observe_held_out!("hashing", |inputs| {
        scenario(
            inputs,
            r#"
print("__hash__ is a", type(Paper.__dict__.get("__hash__")).__name__)
pile = papers(14)
print(len(pile), "papers,", len({hash(p) for p in pile}), "different hashes")
a, b = Paper("TPS report", 3), Paper("TPS report", 3)
print(hash(a) == hash(b), len({a, b, Paper("Memo", 1)}))
desks = {paper: f"desk {i}" for i, paper in enumerate(pile)}
copy = Paper(pile[5].title, pile[5].pages)
print(f"{copy!r} is found at", desks[copy], copy in set(pile))
"#,
        )
    });
}
