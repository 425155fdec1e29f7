// Stage checks for `async_cancellation`; the solution runs this same file.
//
// Each check registers the crate's module and the exchange's records (`exchange`, from the
// given `src/exchange.rs`) in the embedded interpreter, runs asyncio code that awaits and
// cancels faxes, and reports what Python saw, then the exchange's log and how many lines
// it still has open. When grading, each runs again on recipients, page counts, stalls and
// messages drawn from the grading seed.

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` on `inputs` with `asyncio`, `async_cancellation` (as `ac`) and `exchange`
/// imported, on a fresh exchange; then prints the exchange's log and its open lines.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(async_cancellation::async_cancellation)(py);
        register_module(py, "async_cancellation", module.bind(py))?;
        let exchange = pyo3::wrap_pymodule!(async_cancellation::exchange::exchange)(py);
        register_module(py, "exchange", exchange.bind(py))?;
        let prelude = "import asyncio\nimport async_cancellation as ac\nimport exchange\nexchange.reset()\n";
        let report = "\nfor event in exchange.take_log():\n    print('exchange:', event)\nprint('lines open:', exchange.lines_open())\n";
        run_printing(py, &[], &format!("{}{prelude}{code}{report}", inputs.python_prelude()))
    })
}

/// `fax` sends every page over one line, hangs up with the reason `done` and returns
/// `faxed N pages to NAME`; no line stays open.
#[test]
fn fax_every_page_and_hang_up() {
    check_support::observe_held_out!("fax_every_page_and_hang_up", |inputs| {
        scenario(
            inputs,
            r#"
faxes = [("Pam", 3), ("Oscar", 2)] if SEED is None else [(rng.choice(["Kelly", "Ryan", "Toby", "Meredith"]), rng.randint(1, 5)) for _ in range(2)]
async def main():
    for to, pages in faxes:
        print(await ac.fax(to, pages))
asyncio.run(main())
"#,
        )
    });
}

/// When `wait_for` cancels a fax, Rust hangs up with `cancelled after S of N pages` and
/// raises the cancellation again, so that `wait_for` raises `TimeoutError`.
#[test]
fn wait_for_cancels_and_rust_hangs_up() {
    check_support::observe_held_out!("wait_for_cancels_and_rust_hangs_up", |inputs| {
        scenario(
            inputs,
            r#"
to, pages, stalls_at = ("Pam", 5, 3) if SEED is None else (rng.choice(["Angela", "Creed", "Darryl"]), rng.randint(3, 7), rng.randint(1, 3))
exchange.stall(to, stalls_at)
async def main():
    try:
        result = await asyncio.wait_for(ac.fax(to, pages), timeout=0.5)
        print("wait_for returned", repr(result))
    except asyncio.TimeoutError:
        print("wait_for raised TimeoutError")
asyncio.run(main())
"#,
        )
    });
}

/// The message of `task.cancel(msg)` ends the hang-up reason as ` (msg)`, and the task
/// ends cancelled.
#[test]
fn the_reason_reaches_rust_and_the_task_is_cancelled() {
    check_support::observe_held_out!("the_reason_reaches_rust_and_the_task_is_cancelled", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    to, pages, stalls_at, why = "Jim", 4, 2, "Michael needs the line"
else:
    to, pages, stalls_at = rng.choice(["Stanley", "Phyllis", "Andy"]), rng.randint(3, 6), rng.randint(1, 3)
    why = rng.choice(["the building is on fire", "Dwight unplugged it", "wrong number"])
exchange.stall(to, stalls_at)
async def main():
    task = asyncio.create_task(ac.fax(to, pages))
    await asyncio.sleep(0.3)
    task.cancel(why)
    try:
        print("the task returned", repr(await task))
    except asyncio.CancelledError:
        print("the task raised CancelledError; task.cancelled():", task.cancelled())
asyncio.run(main())
"#,
        )
    });
}
