// Stage checks for `errors_enum`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and reports what they printed. When grading, each runs again
// on printers and page counts drawn from the grading seed.

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` on `inputs` with `errors_enum` importable, and an `attempt` helper that
/// prints either the result or the exception's type and message: `attempt(printer, pages)`
/// calls `print_pages`, `attempt(job)` calls `print_job`. Any other exception (a
/// `PanicException`, say) ends the scenario with its traceback.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(errors_enum::errors_enum)(py);
        register_module(py, "errors_enum", module.bind(py))?;
        let prelude = r#"
from errors_enum import print_job, print_pages

def attempt(printer, pages=None):
    try:
        print("ok:", print_pages(printer, pages) if pages is not None else print_job(printer))
    except (ValueError, RuntimeError, KeyError) as error:
        print(f"{type(error).__name__}: {error}")
"#;
        run_printing(py, &[], &format!("{}{prelude}\n{code}", inputs.python_prelude()))
    })
}

#[test]
fn out_of_paper_is_a_value_error() {
    check_support::observe_held_out!("out_of_paper_is_a_value_error", |inputs| {
        scenario(
            inputs,
            "for pages in ([20, 500] if SEED is None else [rng.randint(0, 100), rng.randint(101, 5000), rng.randint(0, 300)]):\n    attempt('accounting', pages)",
        )
    });
}

#[test]
fn jams_and_unknown_printers() {
    check_support::observe_held_out!("jams_and_unknown_printers", |inputs| {
        scenario(
            inputs,
            "names = ['sales', 'warehouse'] if SEED is None else ['sales', rng.choice(['annex', 'Warehouse', 'reception', 'sales ']) + str(rng.randint(1, 99))]\nfor name in names:\n    attempt(name, 1 if SEED is None else rng.randint(1, 50))",
        )
    });
}

#[test]
fn jobs_convert_errors_with_question_mark() {
    check_support::observe_held_out!("jobs_convert_errors_with_question_mark", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    jobs = ["accounting:20", "accounting: 500", "sales:3", "warehouse:1", "accounting:twenty", "accounting 20", "accounting:-4"]
else:
    printer = lambda: rng.choice(["accounting", "sales", "annex" + str(rng.randint(1, 9))])
    pages = lambda: rng.choice([str(rng.randint(0, 300)), rng.choice(["ten", "1O", "", "-" + str(rng.randint(1, 9))])])
    jobs = [printer() + rng.choice([":", ": ", " "]) + pages() for _ in range(8)] + ["accounting:" + str(rng.randint(101, 900))]
for job in jobs:
    print(repr(job), end=" -> ")
    attempt(job)
"#,
        )
    });
}
