// Stage checks for `call_function`; the solution runs this same file. When grading,
// each check runs again on inputs generated from the grading seed.
//
// Each check also shows what Python ran: `shout` gets a `str` that notes which of its
// methods were called, `total_sales` runs while `builtins.sum` is a wrapper that notes
// its calls (and a stand-in under it notes whether Rust or Python source called it), and
// the discount rules `apply_discount` gets note their own calls. An answer computed in
// Rust gives the right text and no notes.

use call_function::{apply_discount, shout, total_sales};
use check_support::{Inputs, attach, noting_str, with_noted_calls};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Names to shout: the public ones, or names made of random letters (accents too),
/// with random spaces around them. `\x1f` (the unit separator) is a space to Python's
/// `str.strip` and not to Rust's `str::trim`.
fn names(inputs: Inputs) -> Vec<String> {
    let Some(seed) = inputs.seed() else {
        return ["Michael Scott", "  dwight k. schrute ", "\tZoë Ångström\n", "\x1fPam Beesly\x1f", ""].map(String::from).to_vec();
    };
    let mut rng = check_support::Rng::with_seed(seed);
    let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyzéøåüß .".chars().collect();
    let spaces = [" ", "  ", "\t", "\n", "\x1f", "\x1f ", ""];
    (0..6)
        .map(|_| {
            let word: String = (0..rng.usize(0..14)).map(|_| letters[rng.usize(..letters.len())]).collect();
            format!("{}{word}{}", spaces[rng.usize(..spaces.len())], spaces[rng.usize(..spaces.len())])
        })
        .collect()
}

/// Lists of sales to add up: the public ones, or random ones.
fn sales(inputs: Inputs) -> Vec<Vec<i64>> {
    let Some(seed) = inputs.seed() else {
        return vec![vec![], vec![12], vec![3, 4, 5], vec![-7, 7, 1_000_000_000_000]];
    };
    let mut rng = check_support::Rng::with_seed(seed);
    (0..5).map(|_| (0..rng.usize(0..7)).map(|_| rng.i64(-1_000_000..1_000_000_000)).collect()).collect()
}

/// Rule: `shout` calls the Python string's `strip`, then `upper`, and returns the result.
#[test]
fn shout_calls_strip_and_upper() {
    check_support::observe_held_out!("shout_calls_strip_and_upper", |inputs| {
        attach(|py| {
            let mut lines = Vec::new();
            for name in names(inputs) {
                let notes = PyList::empty(py);
                let shouted = shout(&noting_str(py, &name, &notes)?)?;
                let mut ran: Vec<String> = notes.extract()?;
                ran.sort();
                ran.dedup();
                lines.push(format!("{name:?} -> {shouted:?}   (Python ran: {})", ran.join(", ")));
            }
            Ok(lines.join("\n"))
        })
    });
}

/// A stand-in for `builtins.sum` that notes who called it: `Rust`, or the file of the
/// Python code that did (`<string>` for source evaluated with `py.eval`). Frame 0 is the
/// stand-in, frame 1 the noting wrapper of `with_noted_calls` around it, frame 2 the caller.
const SUM_CALLERS: &std::ffi::CStr = cr#"
import builtins, sys
real_sum = builtins.sum
callers = []
def sum(*args, **kwargs):
    try:
        callers.append(sys._getframe(2).f_code.co_filename)
    except ValueError:
        callers.append("Rust")
    return real_sum(*args, **kwargs)
"#;

/// Puts the real `builtins.sum` back when dropped, even when the body panics.
struct RealSum<'py>(Bound<'py, PyAny>, Bound<'py, PyAny>);

impl Drop for RealSum<'_> {
    fn drop(&mut self) {
        let _ = self.0.setattr("sum", &self.1);
    }
}

/// Rule: `total_sales` calls Python's builtin `sum` from Rust, once, with the list of sales, and returns its result.
#[test]
fn total_sales_calls_sum() {
    check_support::observe_held_out!("total_sales_calls_sum", |inputs| {
        attach(|py| {
            let builtins = py.import("builtins")?;
            let spy = PyDict::new(py);
            py.run(SUM_CALLERS, Some(&spy), None)?;
            let _real = RealSum(builtins.clone().into_any(), builtins.getattr("sum")?);
            builtins.setattr("sum", spy.get_item("sum")?)?;
            let callers = spy.get_item("callers")?.ok_or_else(|| pyo3::exceptions::PyKeyError::new_err("callers"))?.cast_into::<PyList>()?;
            let mut lines = Vec::new();
            for sales in sales(inputs) {
                let (total, notes) = with_noted_calls(&builtins, "sum", || total_sales(py, sales.clone()))?;
                let from: Vec<String> = callers.extract()?;
                callers.call_method0("clear")?;
                lines.push(format!("sum({sales:?}) = {}   (Python ran: {}; called from: {})", total?, notes.join(", "), from.join(", ")));
            }
            Ok(lines.join("\n"))
        })
    });
}

/// The discount rules of the third check, in Python (tests/discount_rules.py): a
/// function, an object with `__call__`, and two rules that raise; each notes its calls in
/// `calls`. Their rates, and the prices, are drawn from the seed when grading.
const RULES: &str = include_str!("discount_rules.py");

/// Rules: `apply_discount` calls the callable it is handed once with the price; a rule's exception comes back unchanged.
#[test]
fn apply_discount_calls_the_rule() {
    check_support::observe_held_out!("apply_discount_calls_the_rule", |inputs: Inputs| {
        attach(|py| {
            let globals = PyDict::new(py);
            let code = std::ffi::CString::new(format!("{}\n{RULES}", inputs.python_prelude())).expect("the rules hold no NUL byte");
            py.run(&code, Some(&globals), None)?;
            let get = |name: &str| globals.get_item(name)?.ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(name.to_string()));
            let calls = get("calls")?.cast_into::<PyList>()?;
            let prices: Vec<f64> = get("prices")?.extract()?;
            let rules: Vec<(String, Bound<'_, PyAny>)> = get("rules")?.extract()?;
            let mut lines = Vec::new();
            for (name, rule) in &rules {
                for &price in &prices {
                    calls.call_method0("clear")?;
                    let result = match apply_discount(rule, price) {
                        Ok(discounted) => format!("{discounted:?}"),
                        Err(err) => format!("{}: {}", err.get_type(py).name()?, err.value(py)),
                    };
                    let ran: Vec<String> = calls.extract()?;
                    lines.push(format!("{name} on {price:?} -> {result}   (Python ran: {})", ran.join(", ")));
                }
            }
            Ok(lines.join("\n"))
        })
    });
}
