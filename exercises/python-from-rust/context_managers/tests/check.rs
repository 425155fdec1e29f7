// Stage checks for `context_managers`; the solution runs this same file.
//
// tests/shredder.py holds the office's context manager, `ShredderSession`, which logs
// what `__enter__` and `__exit__` were given. Each check drives it through `with_manager`
// and snapshots the results and the log. When grading, each check runs again with the
// operator and papers generated from the grading seed.

use check_support::{Inputs, Rng, attach, traceback};
use context_managers::with_manager;
use pyo3::prelude::*;
use pyo3::types::PyModule;

/// Loads tests/shredder.py as a fresh module for one check (each check its own log).
fn shredder<'py>(py: Python<'py>, name: &std::ffi::CStr) -> PyResult<Bound<'py, PyModule>> {
    let code = std::ffi::CString::new(include_str!("shredder.py"))?;
    PyModule::from_code(py, &code, c"shredder.py", name)
}

/// The operator and papers of a scenario: the public ones, or random ones.
fn session(inputs: Inputs, operator: &str, papers: &[&str]) -> (String, Vec<String>) {
    let Some(seed) = inputs.seed() else { return (operator.to_string(), papers.iter().map(|p| p.to_string()).collect()) };
    let mut rng = Rng::with_seed(seed ^ operator.len() as u64);
    let operators = ["Creed", "Meredith", "Oscar", "Angela", "Kevin", "Toby", "Gabe"];
    let kinds = ["invoice", "memo", "fax", "receipt", "complaint", "birthday card"];
    let papers = (0..rng.usize(1..5)).map(|i| format!("{} #{}", kinds[rng.usize(..kinds.len())], i + rng.usize(1..90))).collect();
    (operators[rng.usize(..operators.len())].to_string(), papers)
}

/// The module's log, one line each.
fn log(module: &Bound<'_, PyModule>) -> PyResult<Vec<String>> {
    module.getattr("read_log")?.call0()?.extract()
}

/// Rule: `with_manager` calls `__enter__`, hands its value to the body, then `__exit__(None, None, None)`.
#[test]
fn enter_and_exit_around_a_body() {
    check_support::observe_held_out!("enter_and_exit_around_a_body", |inputs| attach(|py| {
        let module = shredder(py, c"shredder_ok")?;
        let (operator, papers) = session(inputs, "Dwight", &["Toby's complaint", "Jan's candle order"]);
        let session = module.getattr("ShredderSession")?.call1((operator,))?;
        let shredded = with_manager(&session, |value| {
            let mut count = 0;
            for paper in &papers {
                count = value.call_method1("shred", (paper,))?.extract()?;
            }
            Ok(count)
        })?;
        let mut lines = log(&module)?;
        lines.push(format!("result: {shredded:?}"));

        // A context manager of the standard library: `decimal.localcontext()` sets the
        // precision for the block only.
        let decimal = py.import("decimal")?;
        let seventh = with_manager(&decimal.call_method0("localcontext")?, |context| {
            context.setattr("prec", 4)?;
            Ok(decimal.getattr("Decimal")?.call1((1,))?.div(decimal.getattr("Decimal")?.call1((7,))?)?.str()?.to_string())
        })?;
        let after = decimal.getattr("Decimal")?.call1((1,))?.div(decimal.getattr("Decimal")?.call1((7,))?)?;
        lines.push(format!("1/7 inside localcontext(prec=4): {seventh:?}; after it: {after}"));
        Ok(lines.join("\n"))
    }));
}

/// Rules: the body's exception goes to `__exit__` and comes back unchanged; a failing `__enter__` runs no body.
#[test]
fn the_exception_passes_through_exit() {
    check_support::observe_held_out!("the_exception_passes_through_exit", |inputs| attach(|py| {
        let module = shredder(py, c"shredder_error")?;
        let (operator, papers) = session(inputs, "Michael", &["the fax machine's manual"]);
        let session = module.getattr("ShredderSession")?.call1((operator,))?;
        let result = with_manager(&session, |value| {
            for paper in &papers {
                value.call_method1("shred", (paper,))?;
            }
            // Michael feeds the shredder a paper that is not a string.
            value.call_method1("shred", (42,))
        });
        let mut lines = log(&module)?;
        match result {
            Ok(value) => lines.push(format!("no exception reached Rust: {value:?}")),
            Err(err) => lines.push(format!("Rust got back: {}", traceback(py, &err).lines().last().unwrap_or_default())),
        }
        let failing_enter = py.eval(c"type('Locked', (), {'__enter__': lambda self: 1 / 0, '__exit__': lambda *a: True})()", None, None)?;
        let mut body_ran = false;
        let err = with_manager(&failing_enter, |_| {
            body_ran = true;
            Ok(())
        })
        .expect_err("__enter__ raises");
        lines.push(format!("__enter__ raised {}; the body ran: {body_ran}", err.get_type(py).name()?));
        Ok(lines.join("\n"))
    }));
}

/// Rule: a true answer from `__exit__` suppresses the exception (`Ok(None)`), a false one lets it through.
#[test]
fn exit_may_suppress_the_exception() {
    check_support::observe_held_out!("exit_may_suppress_the_exception", |inputs| attach(|py| {
        let module = shredder(py, c"shredder_jam")?;
        let (operator, mut papers) = session(inputs, "Jim", &[]);
        papers.push("a memo with a staple".to_string());
        let session = module.getattr("ShredderSession")?.call1((operator,))?;
        let result = with_manager(&session, |value| {
            for paper in &papers {
                value.call_method1("shred", (paper,))?;
            }
            Ok("every paper shredded")
        })?;
        let mut lines = log(&module)?;
        lines.push(format!("result: {result:?}"));

        // The standard library's `contextlib.suppress(KeyError)` swallows a KeyError only.
        let suppress = py.import("contextlib")?.getattr("suppress")?;
        let keyerror = py.import("builtins")?.getattr("KeyError")?;
        let stock = py.eval(c"{'paper': 300}", None, None)?;
        for item in ["toner", "paper"] {
            let found = with_manager(&suppress.call1((&keyerror,))?, |_| stock.get_item(item)?.extract::<i64>())?;
            lines.push(format!("suppress(KeyError), stock[{item:?}]: {found:?}"));
        }
        let err = with_manager(&suppress.call1((&keyerror,))?, |_| stock.get_item("paper")?.call0())
            .expect_err("a TypeError is not suppressed");
        lines.push(format!("suppress(KeyError) lets through: {}", traceback(py, &err).lines().last().unwrap_or_default()));

        // `__exit__` answers with a value whose truth decides: 0 is false, as False is.
        let tray = module.getattr("PaperTray")?.call0()?;
        let result = with_manager(&tray, |_| stock.get_item("toner")?.extract::<i64>());
        let mut tray_log = log(&module)?;
        tray_log.push(match result {
            Ok(found) => format!("PaperTray's 0 suppressed the KeyError: {found:?}"),
            Err(err) => format!("PaperTray's 0 lets through: {}", traceback(py, &err).lines().last().unwrap_or_default()),
        });
        lines.extend(tray_log);
        Ok(lines.join("\n"))
    }));
}
