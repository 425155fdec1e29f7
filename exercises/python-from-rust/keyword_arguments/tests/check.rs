// Stage checks for `keyword_arguments`; the solution runs this same file. When grading,
// each check runs again on inputs generated from the grading seed.
//
// python/catalogue.py notes in `CALLS` how each of its functions was called, as Python
// received the arguments, and whether the call came from Python source (a call built
// with `format!` and evaluated) instead of straight from Rust; each line of a report
// shows the result and that note, so an answer computed in Rust, or arguments passed the
// wrong way, show in the snapshot. When grading, the ream price changes too, so a
// price computed in Rust after a call for show also shows.

use check_support::{Inputs, Rng, attach};
use keyword_arguments::{catalogue, order_form, quote, ream_price};
use pyo3::prelude::*;
use pyo3::types::PyModule;
use std::collections::HashMap;

/// Serialises the checks of this file: they share Python's `sys.modules["catalogue"]`
/// (each `from_code` runs the file again in that one module), and Python may switch
/// threads between a call and the look at what it noted.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// What the catalogue noted since the last look, then forgets it.
fn calls(catalogue: &Bound<'_, PyModule>) -> PyResult<String> {
    let calls = catalogue.getattr("CALLS")?;
    let noted: Vec<String> = calls.extract()?;
    calls.call_method0("clear")?;
    Ok(if noted.is_empty() { "nothing".to_string() } else { noted.join("; ") })
}

/// When grading, sets the catalogue's `REAM_PRICE` to one drawn from the seed, so that
/// a price worked out in Rust after a call for show is wrong.
fn set_ream_price(catalogue: &Bound<'_, PyModule>, inputs: Inputs) -> PyResult<()> {
    match inputs.seed() {
        Some(seed) => catalogue.setattr("REAM_PRICE", f64::from(Rng::with_seed(seed ^ 3).u32(100..999)) / 100.0),
        None => Ok(()),
    }
}

/// Ream counts: the public ones, or random ones.
fn reams(inputs: Inputs) -> Vec<u32> {
    let Some(seed) = inputs.seed() else { return vec![0, 1, 10, 49, 50, 120] };
    let mut rng = Rng::with_seed(seed);
    (0..6).map(|_| rng.u32(1..400)).collect()
}

/// Discounts: none, then agreed ones (public or random).
fn discounts(inputs: Inputs) -> Vec<Option<f64>> {
    let Some(seed) = inputs.seed() else { return vec![None, Some(0.2), Some(0.0)] };
    let mut rng = Rng::with_seed(seed ^ 1);
    vec![None, Some(f64::from(rng.u32(1..40)) / 100.0), Some(f64::from(rng.u32(1..40)) / 100.0)]
}

/// Orders: a customer and the quantity of each item (public or random).
fn orders(inputs: Inputs) -> Vec<(String, HashMap<&'static str, u32>)> {
    let Some(seed) = inputs.seed() else {
        return vec![
            ("Blue Cross of Pennsylvania".to_string(), HashMap::from([("reams", 40), ("envelopes", 3), ("toner", 2)])),
            ("Lackawanna County".to_string(), HashMap::from([("reams", 12)])),
            ("Harper's Bazaar".to_string(), HashMap::new()),
        ];
    };
    let mut rng = Rng::with_seed(seed ^ 2);
    let customers = ["Scranton White Pages", "Vance Refrigeration", "Sabre", "Michael Scott Paper Company", "Sesame Avenue"];
    let supplies = ["reams", "envelopes", "toner", "staples", "cardstock", "folders", "binders"];
    (0..4)
        .map(|_| {
            let customer = customers[rng.usize(..customers.len())].to_string();
            let items = (0..rng.usize(0..5)).map(|_| (supplies[rng.usize(..supplies.len())], rng.u32(1..99))).collect();
            (customer, items)
        })
        .collect()
}

/// Rule: `ream_price` calls Python's `ream_price` from Rust with one positional argument and returns its price.
#[test]
fn ream_price_with_call1() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    check_support::observe_held_out!("ream_price_with_call1", |inputs: Inputs| {
        attach(|py| {
            let module = catalogue(py)?;
            set_ream_price(&module, inputs)?;
            let mut lines = Vec::new();
            for reams in reams(inputs) {
                let price = ream_price(&module, reams)?;
                lines.push(format!("{reams} ream(s): ${price:.2}   (Python saw: {})", calls(&module)?));
            }
            Ok(lines.join("\n"))
        })
    });
}

/// Rule: `quote` passes `discount=` as a keyword only when Rust has one, and returns Python's quote.
#[test]
fn quote_with_a_keyword_argument() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    check_support::observe_held_out!("quote_with_a_keyword_argument", |inputs: Inputs| {
        attach(|py| {
            let module = catalogue(py)?;
            set_ream_price(&module, inputs)?;
            let mut lines = Vec::new();
            for discount in discounts(inputs) {
                for reams in [10, 60] {
                    let price = quote(&module, reams, discount)?;
                    lines.push(format!("{reams} reams, discount {discount:?}: ${price:.2}   (Python saw: {})", calls(&module)?));
                }
            }
            Ok(lines.join("\n"))
        })
    });
}

/// Rule: `order_form` passes the customer positionally and each item as a keyword argument.
#[test]
fn order_form_with_kwargs_from_a_hashmap() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    check_support::observe_held_out!("order_form_with_kwargs_from_a_hashmap", |inputs| {
        attach(|py| {
            let module = catalogue(py)?;
            let mut lines = Vec::new();
            for (customer, items) in orders(inputs) {
                lines.push(order_form(&module, &customer, &items)?);
                lines.push(format!("   (Python saw: {})", calls(&module)?));
            }
            Ok(lines.join("\n"))
        })
    });
}
