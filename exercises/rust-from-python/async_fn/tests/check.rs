// Stage checks for `async_fn`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of asyncio code that await its functions, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `asyncio`, `inspect` and `async_fn` (as `af`) imported.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(async_fn::async_fn)(py);
        register_module(py, "async_fn", module.bind(py))?;
        run_printing(py, &[], &format!("import asyncio, inspect\nimport async_fn as af\n{code}"))
    })
}

#[test]
fn an_async_function() {
    let report = scenario(
        r#"
coroutine = af.fax("Pam", 3)
print(type(coroutine).__name__, inspect.isawaitable(coroutine))
print(asyncio.run(coroutine))
"#,
    );
    check_support::observe!("an_async_function", report);
}

#[test]
fn errors_come_out_of_await() {
    let report = scenario(
        r#"
async def main():
    try:
        await af.fax("Toby", 0)
    except ValueError as error:
        print("ValueError:", error)
asyncio.run(main())
"#,
    );
    check_support::observe!("errors_come_out_of_await", report);
}

#[test]
fn waiting_without_blocking_the_loop() {
    let report = scenario(
        r#"
async def main():
    done = []
    async def send(to, ms):
        done.append(await af.deliver(to, ms))
    await asyncio.gather(send("Michael (slow)", 400), send("Jim (fast)", 20))
    print(done)
asyncio.run(main())
"#,
    );
    check_support::observe!("waiting_without_blocking_the_loop", report);
}
