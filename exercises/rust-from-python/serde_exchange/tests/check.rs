// Stage checks for `serde_exchange`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that send it JSON, and reports what they printed. When grading, each runs
// again on orders generated from the grading seed (`SEED`, `None` for the public inputs).

use check_support::{Inputs, attach, register_module, run_printing};

/// Runs `code` after `orders.py`: `serde_exchange` importable as `orders`, `json`
/// imported, `ORDERS` a list of order dicts (fixed ones, or ones drawn from `rng` when
/// grading), `number(x)`, the `repr` of a number with the sign of a float zero dropped, and
/// `noting(real, calls)`, which wraps a method of json's decoder or encoder to note calls.
/// Customers' names carry quotes and backslashes, which JSON must escape, and an emoji
/// joined by a zero-width joiner, which Rust's `{:?}` writes as `\u{200d}`, not JSON; prices
/// are whole quarters, so that every amount is exact in binary floating point.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(serde_exchange::serde_exchange)(py);
        register_module(py, "serde_exchange", module.bind(py))?;
        let prelude = include_str!("orders.py");
        let code = format!("{}{prelude}\n{code}", inputs.python_prelude());
        run_printing(py, &[], &code)
    })
}

/// `order_total` is a Rust function whose total comes from the struct serde filled: the
/// items' amounts, less the optional discount (absent means none). While it runs,
/// Python's JSON decoder notes its calls: serde reads the text, not Python's `json`.
#[test]
fn json_into_a_struct() {
    check_support::observe_held_out!("json_into_a_struct", |inputs| {
        scenario(
            inputs,
            r#"
# A #[pyfunction] is a builtin_function_or_method; a Python def would be a function.
print("order_total is a", type(orders.order_total).__name__)
decoded = []
real_decode, real_raw_decode = json.JSONDecoder.decode, json.JSONDecoder.raw_decode
for order in ORDERS:
    text = json.dumps(order)
    json.JSONDecoder.decode, json.JSONDecoder.raw_decode = noting(real_decode, decoded), noting(real_raw_decode, decoded)
    try:
        total = orders.order_total(text)
    finally:
        json.JSONDecoder.decode, json.JSONDecoder.raw_decode = real_decode, real_raw_decode
    print(order['customer'], '|', number(round(total, 4)))
print("Python's json module read the orders:", "yes" if decoded else "no")
"#,
        )
    });
}

/// Text that is not an order is a `ValueError` whose message is "not an order: " and
/// serde's own message (what was wrong and where), not a panic.
#[test]
fn bad_json_is_a_value_error() {
    check_support::observe_held_out!("bad_json_is_a_value_error", |inputs| {
        scenario(
            inputs,
            r#"
bad = ['{"customer": "Vance Refrigeration"}', '{"customer": 7, "items": []}', '{"customer": "x", "items": [}']
if SEED is not None:
    order = dict(rng.choice(ORDERS))
    del order[rng.choice(["customer", "items"])]
    text = json.dumps(ORDERS[0])
    bad = [json.dumps(order), text[: rng.randint(1, len(text) - 1)], json.dumps({"customer": "x", "items": [{"sku": "a", "reams": -rng.randint(1, 9), "price_per_ream": 1.0}]})]
for text in bad:
    try:
        orders.order_total(text)
    except ValueError as error:
        print(type(error).__name__ + ":", error)
"#,
        )
    });
}

/// The invoice is JSON that `json.loads` reads back whole, with the keys the rules name:
/// strings escaped (quotes, backslashes, any Unicode), numbers written as floats; its
/// layout (spaces, key order) is not compared. While `invoice` runs, Python's JSON
/// encoder notes its calls: serde writes the text, not Python's `json` module.
#[test]
fn a_struct_back_to_python() {
    check_support::observe_held_out!("a_struct_back_to_python", |inputs| {
        scenario(
            inputs,
            r#"
encoded = []
real_encode, real_iterencode = json.JSONEncoder.encode, json.JSONEncoder.iterencode
for order in ORDERS:
    text_in = json.dumps(order)
    json.JSONEncoder.encode, json.JSONEncoder.iterencode = noting(real_encode, encoded), noting(real_iterencode, encoded)
    try:
        text = orders.invoice(text_in)
    finally:
        json.JSONEncoder.encode, json.JSONEncoder.iterencode = real_encode, real_iterencode
    try:
        invoice = json.loads(text)
    except ValueError as error:
        print("json.loads cannot read the invoice:", type(error).__name__)
        continue
    print("keys:", sorted(invoice), sorted({key for line in invoice["lines"] for key in line}))
    print(invoice["customer"] == order["customer"], number(invoice["total"]), [(line["sku"], number(line["amount"])) for line in invoice["lines"]])
print("Python's json module wrote the invoices:", "yes" if encoded else "no")
"#,
        )
    });
}
