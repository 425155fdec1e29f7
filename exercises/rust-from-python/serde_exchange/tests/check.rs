// Stage checks for `serde_exchange`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter, runs a few lines
// of Python that send it JSON, and snapshots what they printed.

use check_support::{attach, register_module, run_printing};

/// Runs `code` with `serde_exchange` importable as `orders`, `json` imported and an
/// `ORDER` dict defined.
fn scenario(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(serde_exchange::serde_exchange)(py);
        register_module(py, "serde_exchange", module.bind(py))?;
        let prelude = r#"
import json
import serde_exchange as orders

ORDER = {
    "customer": "Scranton Business Park",
    "items": [
        {"sku": "copy-paper", "reams": 10, "price_per_ream": 4.5},
        {"sku": "cardstock", "reams": 2, "price_per_ream": 12.25},
    ],
}
"#;
        run_printing(py, &[], &format!("{prelude}\n{code}"))
    })
}

#[test]
fn json_into_a_struct() {
    check_support::observe!("json_into_a_struct", scenario("print(orders.order_total(json.dumps(ORDER)))\nprint(orders.order_total(json.dumps({'customer': 'Nobody', 'items': []})))"));
}

#[test]
fn bad_json_is_a_value_error() {
    let report = scenario(
        r#"
for text in ['{"customer": "Vance Refrigeration"}', '{"customer": 7, "items": []}', '{"customer": "x", "items": [}']:
    try:
        orders.order_total(text)
    except ValueError as error:
        print("ValueError:", error)
"#,
    );
    check_support::observe!("bad_json_is_a_value_error", report);
}

#[test]
fn a_struct_back_to_python() {
    let report = scenario(
        r#"
text = orders.invoice(json.dumps(ORDER))
print(text)
invoice = json.loads(text)
print(invoice["total"], [line["sku"] for line in invoice["lines"]])
"#,
    );
    check_support::observe!("a_struct_back_to_python", report);
}
