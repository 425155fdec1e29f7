// Stage checks for `office_supplies`; the solution runs this same file.
//
// Each check runs a small office script (Python) that uses the `supplies` module and
// snapshots what it printed. The last one needs an interpreter that has not started yet,
// so it runs in a process of its own (`check_support::in_own_process`).

use check_support::{attach, in_own_process, run_printing};
use office_supplies::{install_supplies, register_supplies_before_start};

/// The script of stages 2 and 3: it imports `supplies` like any module.
const ORDER_SCRIPT: &str = r#"
import sys
import supplies
from supplies import order_line

print("paper for 1200 pages:", supplies.reams_needed(1200), "reams")
print(order_line(3))
print(order_line(1, paper="Pendleton"))
print("sys.modules['supplies'] is supplies:", sys.modules["supplies"] is supplies)
print("a built-in module:", "supplies" in sys.builtin_module_names)
"#;

#[test]
fn the_module_has_its_functions() {
    let report = attach(|py| {
        let module = pyo3::wrap_pymodule!(office_supplies::supplies)(py);
        run_printing(
            py,
            &[("supplies", module.bind(py).as_any())],
            r#"
print(sorted(name for name in dir(supplies) if not name.startswith("__")))
print([supplies.reams_needed(pages) for pages in (0, 1, 500, 501, 1200)])
print(supplies.SHEETS_PER_REAM, supplies.order_line(2), supplies.order_line(1, "Pendleton"))
print(supplies.reams_needed.__doc__)
try:
    supplies.reams_needed(-5)
except OverflowError as error:
    print("OverflowError:", error)
"#,
        )
    });
    check_support::observe!("the_module_has_its_functions", report);
}

#[test]
fn scripts_import_it_from_sys_modules() {
    let report = attach(|py| {
        install_supplies(py)?;
        run_printing(py, &[], ORDER_SCRIPT)
    });
    check_support::observe!("scripts_import_it_from_sys_modules", report);
}

#[test]
fn a_builtin_module_with_append_to_inittab() {
    let report = in_own_process("a_builtin_module_with_append_to_inittab", || {
        register_supplies_before_start();
        attach(|py| run_printing(py, &[], ORDER_SCRIPT))
    });
    check_support::observe!("a_builtin_module_with_append_to_inittab", report);
}
