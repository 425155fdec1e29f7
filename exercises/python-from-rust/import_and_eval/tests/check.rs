// Stage checks for `import_and_eval`; the solution runs this same file.

use check_support::{attach, traceback};
use import_and_eval::{commission, sales_json, write_memo};
use std::collections::BTreeMap;

#[test]
fn json_from_an_imported_module() {
    let report = attach(|py| {
        let empty = BTreeMap::new();
        let sales = BTreeMap::from([("Stanley".to_string(), 12), ("Dwight".to_string(), 41), ("Jim".to_string(), 40)]);
        Ok(format!("{}\n{}", sales_json(py, &empty)?, sales_json(py, &sales)?))
    });
    check_support::observe!("json_from_an_imported_module", report);
}

#[test]
fn eval_an_expression_with_locals() {
    let report = attach(|py| {
        let mut lines = Vec::new();
        for (rule, sales) in [(c"sales * 3 // 100", 12_000), (c"max(sales - 500, 0)", 200), (c"round(sales ** 0.5)", 1_000_000)] {
            lines.push(format!("{rule:?} with sales={sales} -> {}", commission(py, rule, sales)?));
        }
        for bad in [c"bonus * 2", c"sales *", c"str(sales)"] {
            let err = commission(py, bad, 1).expect_err("this rule cannot give an integer");
            lines.push(format!("{bad:?} -> {}", traceback(py, &err).lines().last().unwrap_or_default()));
        }
        Ok(lines.join("\n"))
    });
    check_support::observe!("eval_an_expression_with_locals", report);
}

#[test]
fn run_statements_and_read_locals() {
    let report = attach(|py| {
        let statements = cr#"
staff = ["Michael", "Dwight", "Jim", "Pam"]
memo = [f"To {name}: the printer is fixed." for name in staff if name != "Michael"]
memo.append("From: Pam")
"#;
        let mut lines = write_memo(py, statements)?;
        let err = write_memo(py, c"note = 'nothing here'").expect_err("no memo is defined");
        lines.push(traceback(py, &err).lines().last().unwrap_or_default().to_string());
        Ok(lines.join("\n"))
    });
    check_support::observe!("run_statements_and_read_locals", report);
}
