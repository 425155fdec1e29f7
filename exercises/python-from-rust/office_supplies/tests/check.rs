// Stage checks for `office_supplies`; the solution runs this same file. When grading,
// each check runs again with page counts generated from the grading seed.
//
// Each check runs a small office script (Python) that uses the `supplies` module and
// snapshots what it printed, including what kind of object each function is (compiled
// Rust is a `builtin_function_or_method`, a Python copy a `function`) and how the module
// was found. The last one needs an interpreter that has not started yet, so it runs in a
// process of its own (`check_support::observe_held_out_in_own_process`).

use check_support::{Inputs, attach, observe_held_out_in_own_process, run_printing};
use office_supplies::{install_supplies, register_supplies_before_start};
use pyo3::prelude::*;

/// The script of stages 2 and 3: it imports `supplies` like any module.
const ORDER_SCRIPT: &str = r#"
import sys
import supplies
from supplies import order_line

pages = 1200 if SEED is None else rng.randrange(1, 20_000)
print(f"paper for {pages} pages:", supplies.reams_needed(pages), "reams")
print(order_line(3 if SEED is None else rng.randrange(2, 90)))
print(order_line(1, paper="Pendleton"))
print("its functions are:", type(supplies.reams_needed).__name__, type(order_line).__name__)
print("import found it as:", supplies.__spec__.origin if supplies.__spec__ else "no spec: taken from sys.modules as it was")
print("a built-in module:", "supplies" in sys.builtin_module_names)
"#;

/// Rule: the `#[pymodule]` holds the two Rust functions and the constant.
#[test]
fn the_module_has_its_functions() {
    check_support::observe_held_out!("the_module_has_its_functions", |inputs: Inputs| attach(|py| {
        let module = pyo3::wrap_pymodule!(office_supplies::supplies)(py);
        let script = inputs.python_prelude()
            + r#"
print(sorted(name for name in dir(supplies) if not name.startswith("__")))
pages = (0, 1, 500, 501, 1200) if SEED is None else [rng.randrange(0, 100_000) for _ in range(5)]
print([supplies.reams_needed(n) for n in pages])
print(supplies.SHEETS_PER_REAM, supplies.order_line(2), supplies.order_line(1, "Pendleton"))
print([type(getattr(supplies, name)).__name__ for name in ("reams_needed", "order_line", "SHEETS_PER_REAM")])
print(supplies.reams_needed.__doc__)
try:
    supplies.reams_needed(-5)
except OverflowError as error:
    print("OverflowError:", error)
"#;
        run_printing(py, &[("supplies", module.bind(py).as_any())], &script)
    }));
}

/// Rule: `install_supplies` puts the module in `sys.modules`, where `import supplies` finds it.
#[test]
fn scripts_import_it_from_sys_modules() {
    check_support::observe_held_out!("scripts_import_it_from_sys_modules", |inputs: Inputs| attach(|py| {
        install_supplies(py)?;
        let modules = py.import("sys")?.getattr("modules")?;
        let before = format!("in sys.modules before the script runs: {}\n", modules.contains("supplies")?);
        Ok(before + &run_printing(py, &[], &(inputs.python_prelude() + ORDER_SCRIPT))?)
    }));
}

/// Rule: registered before the interpreter starts, `supplies` is a built-in module.
#[test]
fn a_builtin_module_with_append_to_inittab() {
    observe_held_out_in_own_process("a_builtin_module_with_append_to_inittab", register_supplies_before_start, |inputs| {
        attach(|py| run_printing(py, &[], &(inputs.python_prelude() + ORDER_SCRIPT)))
    });
}
