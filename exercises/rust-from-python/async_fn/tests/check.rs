// Stage checks for `async_fn`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of asyncio code that await its functions, and reports what they printed. When grading,
// each runs again on inputs generated from the grading seed (`SEED`, `None` for the
// public inputs).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` with `asyncio`, `inspect`, `time` and `async_fn` (as `af`) imported,
/// `SEED` defined and `rng` a `random.Random` seeded with it.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(async_fn::async_fn)(py);
        register_module(py, "async_fn", module.bind(py))?;
        let prelude = inputs.python_prelude();
        run_printing(py, &[], &format!("{prelude}import asyncio, inspect, time\nimport async_fn as af\n{code}"))
    })
}

/// `fax` is an `async fn`: calling it gives PyO3's `Coroutine`, and awaiting it gives the
/// text.
#[test]
fn an_async_function() {
    check_support::observe_held_out!("an_async_function", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    jobs = [("Pam", 3), ("Dwight", 12)]
else:
    jobs = [(rng.choice(["Oscar", "Kevin", "Angela", "Creed", "Ryan"]), rng.randint(1, 99)) for _ in range(2)]
coroutine = af.fax(*jobs[0])
print(type(coroutine).__name__, inspect.isawaitable(coroutine))
# A `#[pyfunction]` is a `builtin_function_or_method`, and PyO3's `Coroutine` is a Rust
# type whose `__await__` is a slot wrapper; Python code gives a `function` for both.
print(type(af.fax).__name__, type(vars(type(coroutine)).get("__await__")).__name__)
print(asyncio.run(coroutine))
async def both():
    return await asyncio.gather(*[af.fax(to, pages) for to, pages in jobs])
print(asyncio.run(both()))
"#,
        )
    });
}

/// Zero pages is a `ValueError` raised where Python awaits, not when it calls, and not a
/// panic; its message is not compared.
#[test]
fn errors_come_out_of_await() {
    check_support::observe_held_out!("errors_come_out_of_await", |inputs| {
        scenario(
            inputs,
            r#"
to = "Toby" if SEED is None else rng.choice(["Holly", "Jan", "Karen", "Roy"])
async def main():
    coroutine = af.fax(to, 0)
    print("calling raised nothing, it gave a", type(coroutine).__name__)
    try:
        await coroutine
    except ValueError as error:
        print("awaiting raised", type(error).__name__)
    print(await af.fax(to, 1))
asyncio.run(main())
"#,
        )
    });
}

/// While `deliver` waits, the event loop runs other coroutines: a ticker keeps ticking,
/// deliveries finish in the order of their delays, and all of them together take about
/// as long as the longest one, not the sum, and the loop's thread sleeps meanwhile (its
/// CPU time stays under a quarter of the time taken), and what `deliver` gives is PyO3's
/// `Coroutine`, a Rust future, not a Python coroutine. A delivery that never wakes the
/// loop again stops at the five-second time-out.
#[test]
fn waiting_without_blocking_the_loop() {
    check_support::observe_held_out!("waiting_without_blocking_the_loop", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    jobs = [("Michael (slow)", 400), ("Jim (fast)", 30), ("Pam", 200)]
else:
    names = rng.sample(["Oscar", "Kevin", "Angela", "Creed", "Ryan", "Kelly", "Meredith"], 3)
    jobs = list(zip(names, rng.sample([30, 120, 250, 400], 3)))
async def main():
    done, ticks, kinds = [], [], set()
    async def send(to, ms):
        awaitable = af.deliver(to, ms)
        kinds.add(type(awaitable).__name__)
        done.append(await awaitable)
    async def ticker():
        while len(done) < len(jobs):
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)
    start, cpu = time.perf_counter(), time.thread_time()
    await asyncio.wait_for(asyncio.gather(ticker(), *[send(to, ms) for to, ms in jobs]), timeout=5)
    elapsed, cpu = time.perf_counter() - start, time.thread_time() - cpu
    print(done)
    # PyO3's `Coroutine` polls a Rust future; asyncio.sleep's is a Python `coroutine`.
    print("deliver gave:", ", ".join(sorted(kinds)))
    print("the loop kept running while they waited:", len(ticks) >= 10)
    print("they waited together, not one after another:", elapsed < sum(ms for _, ms in jobs) / 1000)
    # The loop's thread sleeps while nothing is ready; a future that wakes itself at once
    # to poll the clock again keeps it busy the whole time.
    print("the loop's thread slept while they waited:", cpu < elapsed / 4)
asyncio.run(main())
"#,
        )
    });
}
