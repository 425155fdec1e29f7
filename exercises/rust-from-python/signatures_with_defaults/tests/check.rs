// Stage checks for `signatures_with_defaults`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and reports what they printed. When grading, each runs again
// on inputs drawn from the grading seed (`SEED`, `rng`).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` on `inputs` with `signatures_with_defaults` importable as `sig`.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(signatures_with_defaults::signatures_with_defaults)(py);
        register_module(py, "signatures_with_defaults", module.bind(py))?;
        run_printing(py, &[], &format!("{}import signatures_with_defaults as sig\n{code}", inputs.python_prelude()))
    })
}

/// `order_paper` is a Rust function whose signature gives `color` the default "white"
/// and makes `rush` keyword-only (a `TypeError` by position).
#[test]
fn defaults_and_keyword_only() {
    check_support::observe_held_out!("defaults_and_keyword_only", |inputs| {
        scenario(
            inputs,
            r#"
import inspect
# A `#[pyfunction]` is a `builtin_function_or_method`; a Python `def` is a `function`.
print(type(sig.order_paper).__name__, inspect.signature(sig.order_paper))
if SEED is None:
    reams, color, other = [3, 1, 2], "pink", "blue"
else:
    reams = [rng.randint(1, 400) for _ in range(3)]
    color, other = rng.sample(["canary", "goldenrod", "ivory", "salmon", "lilac"], 2)
print(sig.order_paper(reams[0]))
print(sig.order_paper(reams[1], color))
print(sig.order_paper(reams[2], color=other, rush=True))
try:
    sig.order_paper(reams[2], other, True)
except TypeError:
    # The message is PyO3's wording, which no rule states: only the type is compared.
    print("rush by position: TypeError")
"#,
        )
    });
}

/// `memo` is a Rust function with the signature `(*lines, **headers)` that writes the
/// headers sorted by key, then the lines, and refuses a line that is not a `str`.
#[test]
fn star_args_and_star_star_kwargs() {
    check_support::observe_held_out!("star_args_and_star_star_kwargs", |inputs| {
        scenario(
            inputs,
            r#"
import inspect
print(type(sig.memo).__name__, inspect.signature(sig.memo))
if SEED is None:
    lines, headers = ["Casual Friday is cancelled.", "Thank you."], {"to": "Everyone", "sender": "Toby"}
    alone = "No fireworks in the parking lot."
else:
    words = ["party", "budget", "beets", "paper", "Dundies", "conference room", "pretzels", "fire drill"]
    lines = [f"The {rng.choice(words)} is {rng.choice(['moved', 'cancelled', 'on'])}." for _ in range(rng.randint(1, 4))]
    keys = rng.sample(["to", "sender", "cc", "subject", "priority", "branch"], rng.randint(1, 4))
    headers = {key: rng.choice(["Michael", "Toby", "Everyone", "Stamford", "high"]) for key in keys}
    alone = f"No {rng.choice(words)} in the parking lot."
print(sig.memo(*lines, **headers))
print("---")
print(sig.memo(alone))
print("---")
# Keyword arguments arrive in the caller's order; the memo sorts them.
backwards = dict(sorted({"to": "Sales", "subject": "Dundies", "sender": "Michael", "cc": "Jan", "branch": "Scranton"}.items(), reverse=True))
print(sig.memo(**backwards))
print("---")
try:
    sig.memo("Party at noon.", 12)
except TypeError:
    # The message is PyO3's wording, which no rule states: only the type is compared.
    print("a line that is not a str: TypeError")
"#,
        )
    });
}
