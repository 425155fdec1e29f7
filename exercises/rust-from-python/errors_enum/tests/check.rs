// Stage checks for `errors_enum`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that call it, and reports what they printed. When grading, each runs again
// on printers and page counts drawn from the grading seed.

use check_support::{Inputs, attach, register_module, run_printing};
use errors_enum::PrinterError;
use pyo3::types::PyTypeMethods;

/// What Python sees when the crate's `From<PrinterError> for PyErr` converts `error`,
/// called here in Rust: the exception's type and message. A `#[pyfunction]` that raises
/// its exceptions itself, leaving the `From` impl out, shows up here.
fn converted(error: PrinterError) -> String {
    attach(|py| {
        let shown = format!("{error:?}");
        let error = pyo3::PyErr::from(error);
        Ok(format!("PyErr::from({shown}) is {}: {}\n", error.get_type(py).name()?, error.value(py)))
    })
}

/// A number drawn from the grading seed between `low` and `high`, or `public` for the
/// public inputs.
fn drawn(inputs: Inputs, public: u32, low: u32, high: u32) -> u32 {
    inputs.seed().map_or(public, |seed| check_support::Rng::with_seed(seed).u32(low..=high))
}

/// Runs `code` on `inputs` with `errors_enum` importable, and an `attempt` helper that
/// prints either the result or the exception's type and message (only its type with
/// `message=False`, where the rules leave the words free): `attempt(printer, pages)` calls
/// `print_pages`, `attempt(job)` calls `print_job`. Any other exception (a
/// `PanicException`, say) ends the scenario with its traceback.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(errors_enum::errors_enum)(py);
        register_module(py, "errors_enum", module.bind(py))?;
        let prelude = r#"
from errors_enum import print_job, print_pages

def attempt(printer, pages=None, message=True):
    try:
        print("ok:", print_pages(printer, pages) if pages is not None else print_job(printer))
    except (ValueError, RuntimeError, KeyError) as error:
        print(f"{type(error).__name__}: {error}" if message else f"{type(error).__name__} (message yours)")
"#;
        run_printing(py, &[], &format!("{}{prelude}\n{code}", inputs.python_prelude()))
    })
}

/// `PyErr::from` makes a `ValueError` with the `Display` text of `OutOfPaper`, and
/// `print_pages` raises it for a job that does not fit.
#[test]
fn out_of_paper_is_a_value_error() {
    check_support::observe_held_out!("out_of_paper_is_a_value_error", |inputs| {
        let needed = drawn(inputs, 500, 101, 5000);
        let from = converted(PrinterError::OutOfPaper { needed, left: 100 });
        let seen = scenario(
            inputs,
            "for pages in ([20, 500] if SEED is None else [rng.randint(0, 100), rng.randint(101, 5000), rng.randint(0, 300)]):\n    attempt('accounting', pages)",
        );
        format!("{from}{seen}")
    });
}

/// `PyErr::from` makes a `RuntimeError` of a jam and a `KeyError` of an unknown printer,
/// each with the error's `Display` text, and `print_pages` raises them.
#[test]
fn jams_and_unknown_printers() {
    check_support::observe_held_out!("jams_and_unknown_printers", |inputs| {
        let tray = drawn(inputs, 3, 1, 9);
        let from = converted(PrinterError::Jammed(format!("in tray {tray}")))
            + &converted(PrinterError::UnknownPrinter(format!("annex {}", drawn(inputs, 1, 2, 99))));
        let seen = scenario(
            inputs,
            "names = ['sales', 'warehouse'] if SEED is None else ['sales', rng.choice(['annex', 'Warehouse', 'reception', 'sales ']) + str(rng.randint(1, 99))]\nfor name in names:\n    attempt(name, 1 if SEED is None else rng.randint(1, 50))",
        );
        format!("{from}{seen}")
    });
}

/// `print_job` is a Rust `#[pyfunction]`; `?` turns the printer's errors into the
/// exceptions above and a page count that is not a number into the `ValueError` of Rust's
/// `ParseIntError`; a missing colon or a negative count is a `ValueError` in words of the
/// student's own; nothing panics.
#[test]
fn jobs_convert_errors_with_question_mark() {
    check_support::observe_held_out!("jobs_convert_errors_with_question_mark", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    jobs = ["accounting:20", "accounting:500", "sales:3", "warehouse:1", "accounting:twenty", "accounting:", "accounting 20", "accounting:-4"]
else:
    printer = lambda: rng.choice(["accounting", "sales", "annex" + str(rng.randint(1, 9))])
    pages = lambda: rng.choice([str(rng.randint(0, 300)), rng.choice(["ten", "1O", "", "-" + str(rng.randint(1, 9))])])
    jobs = [printer() + rng.choice([":", ":", " "]) + pages() for _ in range(8)] + ["accounting:" + str(rng.randint(101, 900))]
# A #[pyfunction] is a builtin_function_or_method; a Python def would be a function.
print("print_job is a", type(print_job).__name__)
for job in jobs:
    printer, colon, pages = job.partition(":")
    # The words for a missing colon and for a negative count are the student's own.
    words_free = not colon or (pages.startswith("-") and pages[1:].isdigit())
    print(repr(job), end=" -> ")
    attempt(job, message=not words_free)
"#,
        )
    });
}
