// Stage checks for `call_function`; the solution runs this same file.

use call_function::{shout, total_sales};
use check_support::attach;
use pyo3::types::PyString;

#[test]
fn shout_uses_upper() {
    let report = attach(|py| {
        let mut lines = Vec::new();
        for name in ["Michael Scott", "dwight k. schrute", "Zoë Ångström", ""] {
            let shouted = shout(&PyString::new(py, name))?;
            lines.push(format!("{name:?} -> {shouted:?}"));
        }
        Ok(lines.join("\n"))
    });
    check_support::observe!("shout_uses_upper", report);
}

#[test]
fn total_sales_calls_sum() {
    let report = attach(|py| {
        let mut lines = Vec::new();
        for sales in [vec![], vec![12], vec![3, 4, 5], vec![-7, 7, 1_000_000_000_000]] {
            let total = total_sales(py, sales.clone())?;
            lines.push(format!("sum({sales:?}) = {total}"));
        }
        Ok(lines.join("\n"))
    });
    check_support::observe!("total_sales_calls_sum", report);
}
