// Stage checks for `call_function`; the solution runs this same file. When grading,
// each check runs again on inputs generated from the grading seed.

use call_function::{shout, total_sales};
use check_support::{Inputs, attach};
use pyo3::types::PyString;

/// Names to shout: the public ones, or names made of random letters (accents too).
fn names(inputs: Inputs) -> Vec<String> {
    let Some(seed) = inputs.seed() else {
        return ["Michael Scott", "dwight k. schrute", "Zoë Ångström", ""].map(String::from).to_vec();
    };
    let mut rng = check_support::Rng::with_seed(seed);
    let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyzéøåüß .".chars().collect();
    (0..6).map(|_| (0..rng.usize(0..14)).map(|_| letters[rng.usize(..letters.len())]).collect()).collect()
}

/// Lists of sales to add up: the public ones, or random ones.
fn sales(inputs: Inputs) -> Vec<Vec<i64>> {
    let Some(seed) = inputs.seed() else {
        return vec![vec![], vec![12], vec![3, 4, 5], vec![-7, 7, 1_000_000_000_000]];
    };
    let mut rng = check_support::Rng::with_seed(seed);
    (0..5).map(|_| (0..rng.usize(0..7)).map(|_| rng.i64(-1_000_000..1_000_000_000)).collect()).collect()
}

#[test]
fn shout_uses_upper() {
    check_support::observe_held_out!("shout_uses_upper", |inputs| {
        attach(|py| {
            let mut lines = Vec::new();
            for name in names(inputs) {
                let shouted = shout(&PyString::new(py, &name))?;
                lines.push(format!("{name:?} -> {shouted:?}"));
            }
            Ok(lines.join("\n"))
        })
    });
}

#[test]
fn total_sales_calls_sum() {
    check_support::observe_held_out!("total_sales_calls_sum", |inputs| {
        attach(|py| {
            let mut lines = Vec::new();
            for sales in sales(inputs) {
                let total = total_sales(py, sales.clone())?;
                lines.push(format!("sum({sales:?}) = {total}"));
            }
            Ok(lines.join("\n"))
        })
    });
}
