// Stage checks for `iteration`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that iterate over its classes (or hand Rust a Python iterable), and reports
// what they printed. When grading, each runs again on sizes and pages drawn from the
// grading seed (`SEED`, `rng`).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` on `inputs` with `iteration` importable.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(iteration::iteration)(py);
        register_module(py, "iteration", module.bind(py))?;
        run_printing(py, &[], &format!("{}from iteration import Ream, Sheets, pages_before_blank\n{code}", inputs.python_prelude()))
    })
}

/// `Sheets` implements `__iter__` (returning itself) and `__next__` in Rust and yields
/// `first..=last`, then stops for good.
#[test]
fn an_iterator_class() {
    check_support::observe_held_out!("an_iterator_class", |inputs| {
        scenario(
            inputs,
            r#"
first, last = (1, 3) if SEED is None else (rng.randint(0, 50), 0)
last = last or first + 2
sheets = Sheets(first, last)
# A `#[pymethods]` `__iter__`/`__next__` fills the type's slots: the class's `__dict__`
# then holds slot wrappers, where a Python class holds plain functions.
print({name: type(Sheets.__dict__.get(name)).__name__ for name in ["__iter__", "__next__"]})
print(iter(sheets) is sheets)
print(next(sheets), next(sheets), next(sheets))
print(next(sheets, "empty"), next(sheets, "still empty"))
more = (5, 7) if SEED is None else (rng.randint(0, 50), rng.randint(0, 60))
print(list(Sheets(*more)), list(Sheets(4, 3)))
loop = Sheets(*more)
for sheet in loop:
    break
print("after a break, the loop goes on from", next(loop, "the end"))
"#,
        )
    });
}

/// `Ream` implements `__iter__` (a fresh `Sheets` each time), `__len__` and `__contains__`
/// (sheets 1 to `size`) in Rust.
#[test]
fn an_iterable_class() {
    check_support::observe_held_out!("an_iterable_class", |inputs| {
        scenario(
            inputs,
            r#"
size = 4 if SEED is None else rng.randint(2, 12)
ream = Ream(size)
print(list(ream), list(ream))
print(sum(ream), len(ream), len(Ream(0)))
print([n for n in range(-1, size + 3) if n >= 0 and n in ream])
print("Ream's own methods:", {name: type(vars(Ream).get(name)).__name__ for name in ["__iter__", "__len__", "__contains__"]})
for sheet in Ream(2):
    print("printing sheet", sheet)
print(type(iter(ream)).__name__, iter(ream) is not iter(ream))
"#,
        )
    });
}

/// `pages_before_blank` is a Rust function that pulls pages from any iterable itself,
/// stops at the first blank page, and raises `TypeError` for a page that is not a `str`
/// or an argument that is not iterable.
#[test]
fn rust_loops_over_a_python_iterable() {
    check_support::observe_held_out!("rust_loops_over_a_python_iterable", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    pages = ["cover", "intro", "", "appendix", "index"]
else:
    pages = [rng.choice(["memo", "chart", "table", "notes"]) + str(i) for i in range(rng.randint(0, 6))]
    pages.insert(rng.randint(0, len(pages)), "")
    pages += ["extra"] * rng.randint(0, 3)
pulled = []
def pages_from_the_printer():
    for page in pages:
        pulled.append(page)
        yield page
import sys
print(type(pages_before_blank).__name__)
print(pages_before_blank(pages), pages_before_blank(tuple(pages)), pages_before_blank(p for p in ["a", "b"]))
print(pages_before_blank(pages_from_the_printer()), "pages; pulled from the generator:", pulled)

HERE = sys._getframe().f_code

class Tray:
    """Hands out pages and notes the Python code that asks for each: this check's own
    when Rust pulls (Rust runs no Python frame), another code's name when a Python loop
    does, wherever that loop was compiled."""
    def __init__(self, pages):
        self._pages = iter(pages)
        self.asked_by = set()
    def __iter__(self):
        return self
    def __next__(self):
        caller = sys._getframe(1).f_code
        self.asked_by.add("this check" if caller is HERE else caller.co_name)
        return next(self._pages)

tray = Tray(pages)
print(pages_before_blank(tray), "pages; asked for by", sorted(tray.asked_by))
print(pages_before_blank(str(n) for n in Sheets(1, 3)))
# PyO3's and Python's words are no rule's: only the exception's type is compared.
try:
    pages_before_blank(["cover", 7, ""])
except TypeError:
    print("a page that is not a str: TypeError")
try:
    pages_before_blank(42)
except TypeError:
    print("an int for pages: TypeError")
"#,
        )
    });
}
