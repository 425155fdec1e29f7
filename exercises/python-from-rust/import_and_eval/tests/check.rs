// Stage checks for `import_and_eval`; the solution runs this same file. When grading,
// each check runs again on inputs generated from the grading seed.
//
// Stage 1 runs while `json.dumps` is a wrapper that notes its calls, so the report shows
// that Python wrote the JSON; one name holds a soft hyphen, which Rust's `{:?}` writes
// as `\u{ad}`, so sales pasted into Python source with `format!` do not parse. Stage 2
// also evaluates `dir()`, the names a rule sees: with a locals dict, only `sales`.
// Stage 3 runs two memos in a row, so a memo left over from an earlier run shows. Where a
// rule asks for an exception of a type and leaves its message free (a value that is not an
// integer, a missing `memo`), only the type is reported.

use check_support::{Inputs, Rng, attach, traceback, with_noted_calls};
use import_and_eval::{commission, sales_json, write_memo};
use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::ffi::CString;

/// The sales figures to write as JSON: the public ones, or random ones; one name holds
/// a soft hyphen (U+00AD), as names pasted from a word processor do.
fn sales_tables(inputs: Inputs) -> Vec<BTreeMap<String, i64>> {
    let Some(seed) = inputs.seed() else {
        return vec![
            BTreeMap::new(),
            BTreeMap::from([("Stanley".to_string(), 12), ("Dwight".to_string(), 41), ("Jim".to_string(), 40)]),
            BTreeMap::from([("Nellie Ber\u{ad}tram".to_string(), 7)]),
        ];
    };
    let mut rng = Rng::with_seed(seed);
    let staff = ["Andy", "Phyllis", "Karen", "Todd Packer", "Ryan", "Dwight", "Jim"];
    (0..3)
        .map(|_| {
            let mut table: BTreeMap<String, i64> =
                (0..rng.usize(1..5)).map(|_| (staff[rng.usize(..staff.len())].to_string(), rng.i64(0..500))).collect();
            table.insert("Nellie Ber\u{ad}tram".to_string(), rng.i64(0..500));
            table
        })
        .collect()
}

/// The sales each rule is evaluated with.
fn sales_figures(inputs: Inputs) -> [i64; 4] {
    let Some(seed) = inputs.seed() else { return [12_000, 200, 1_000_000, 4_000] };
    let mut rng = Rng::with_seed(seed ^ 1);
    [rng.i64(0..100_000), rng.i64(0..2_000), rng.i64(0..5_000_000), rng.i64(0..50_000)]
}

/// The staff a memo is addressed to.
fn staff(inputs: Inputs) -> Vec<String> {
    let Some(seed) = inputs.seed() else { return ["Michael", "Dwight", "Jim", "Pam"].map(String::from).to_vec() };
    let mut rng = Rng::with_seed(seed ^ 2);
    let names = ["Michael", "Oscar", "Kevin", "Angela", "Meredith", "Creed", "Kelly", "Toby"];
    (0..rng.usize(1..6)).map(|_| names[rng.usize(..names.len())].to_string()).collect()
}

/// The last line of `err`'s traceback: the exception's type and message.
fn last_line(py: Python<'_>, err: &PyErr) -> String {
    traceback(py, err).lines().last().unwrap_or_default().to_string()
}

/// `Type` when `err` is an instance of `T` (the message is the student's), else its last
/// traceback line.
fn only_type<T: pyo3::PyTypeInfo>(py: Python<'_>, err: &PyErr, name: &str) -> String {
    if err.is_instance_of::<T>(py) { format!("a {name}") } else { last_line(py, err) }
}

/// Rule: `sales_json` returns what Python's `json.dumps` returns, called with the sales and `sort_keys=True` as a keyword argument.
#[test]
fn json_from_an_imported_module() {
    check_support::observe_held_out!("json_from_an_imported_module", |inputs| {
        attach(|py| {
            let json = py.import("json")?;
            let mut lines = Vec::new();
            for sales in sales_tables(inputs) {
                let (text, notes) = with_noted_calls(&json, "dumps", || sales_json(py, &sales))?;
                lines.push(format!("{}   (Python ran: {})", text?, notes.join(", ")));
            }
            Ok(lines.join("\n"))
        })
    });
}

/// Rules: `commission` evaluates the expression with `sales` as its only name; a failing expression returns its own exception; a value that is not an integer is a `TypeError`.
#[test]
fn eval_an_expression_with_locals() {
    check_support::observe_held_out!("eval_an_expression_with_locals", |inputs| {
        attach(|py| {
            let rules = [
                c"sales * 3 // 100",
                c"max(sales - 500, 0)",
                c"round(sales ** 0.5)",
                c"sales // 7 if sales % 2 else sales // 3",
            ];
            let mut lines = Vec::new();
            for (rule, sales) in rules.into_iter().zip(sales_figures(inputs)) {
                let value = commission(py, rule, sales).map_err(|err| traceback(py, &err).lines().last().unwrap_or_default().to_string());
                lines.push(format!("{rule:?} with sales={sales} -> {value:?}"));
            }
            let names = commission(py, c"len(dir()) if dir() == ['sales'] else -len(dir())", 0)
                .map_err(|err| traceback(py, &err).lines().last().unwrap_or_default().to_string());
            lines.push(format!("the names a rule sees: only `sales`, as a local: {:?}", names.map(|n| n == 1)));
            for bad in [c"bonus * 2", c"sales *"] {
                let err = commission(py, bad, 1).expect_err("this rule cannot give an integer");
                lines.push(format!("{bad:?} -> {}", last_line(py, &err)));
            }
            let err = commission(py, c"str(sales)", 1).expect_err("this rule cannot give an integer");
            lines.push(format!("\"str(sales)\" -> {}", only_type::<pyo3::exceptions::PyTypeError>(py, &err, "TypeError")));
            Ok(lines.join("\n"))
        })
    });
}

/// Rules: `write_memo` runs the statements in a locals dict of their own and returns `memo`; no `memo` is a `KeyError`.
#[test]
fn run_statements_and_read_locals() {
    check_support::observe_held_out!("run_statements_and_read_locals", |inputs| {
        attach(|py| {
            let staff: Vec<String> = staff(inputs).iter().map(|name| format!("{name:?}")).collect();
            let statements = CString::new(format!(
                "staff = [{}]\nmemo = [f\"To {{name}}: the printer is fixed.\" for name in staff if name != \"Michael\"]\nmemo.append(\"From: Pam\")\n",
                staff.join(", ")
            ))?;
            let mut lines = write_memo(py, &statements)?;
            match write_memo(py, c"note = 'nothing here'") {
                Ok(memo) => lines.push(format!("statements without a memo gave {memo:?}")),
                Err(err) => lines.push(format!("statements without a memo: {}", only_type::<pyo3::exceptions::PyKeyError>(py, &err, "KeyError"))),
            }
            Ok(lines.join("\n"))
        })
    });
}
