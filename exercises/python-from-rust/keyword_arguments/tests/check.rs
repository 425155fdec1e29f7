// Stage checks for `keyword_arguments`; the solution runs this same file.

use check_support::attach;
use keyword_arguments::{activators, layer, leaky_relu, relu};
use std::collections::HashMap;

const INPUTS: [f64; 5] = [-10.0, -1.0, -0.0, 0.5, 3.0];

#[test]
fn relu_with_call1() {
    let report = attach(|py| {
        let module = activators(py)?;
        let mut lines = Vec::new();
        for x in INPUTS {
            lines.push(format!("relu({x}) = {}", relu(&module, x)?));
        }
        Ok(lines.join("\n"))
    });
    check_support::observe!("relu_with_call1", report);
}

#[test]
fn leaky_relu_with_a_keyword_argument() {
    let report = attach(|py| {
        let module = activators(py)?;
        let mut lines = Vec::new();
        for slope in [None, Some(0.2), Some(1.0)] {
            for x in INPUTS {
                lines.push(format!("leaky_relu({x}, slope={slope:?}) = {}", leaky_relu(&module, x, slope)?));
            }
        }
        Ok(lines.join("\n"))
    });
    check_support::observe!("leaky_relu_with_a_keyword_argument", report);
}

#[test]
fn layer_with_kwargs_from_a_hashmap() {
    let report = attach(|py| {
        let module = activators(py)?;
        let mut lines = Vec::new();
        let none = HashMap::new();
        let some = HashMap::from([("dropout", 0.25), ("units", 64.0), ("bias", -1.5)]);
        lines.push(layer(&module, "Dense", &none)?);
        lines.push(layer(&module, "Dense", &some)?);
        lines.push(layer(&module, "Søren's layer", &HashMap::from([("ö", 1.0)]))?);
        Ok(lines.join("\n"))
    });
    check_support::observe!("layer_with_kwargs_from_a_hashmap", report);
}
