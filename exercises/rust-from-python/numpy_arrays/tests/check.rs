// Stage checks for `numpy_arrays`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter (with the venv's
// NumPy importable), runs a few lines of Python that pass it arrays, and snapshots what
// they printed.

use check_support::{attach, register_module, run_printing, use_venv_packages};

/// Runs `code` with `numpy` imported as `np` and `numpy_arrays` as `na`.
fn scenario(code: &str) -> String {
    attach(|py| {
        use_venv_packages(py)?;
        let module = pyo3::wrap_pymodule!(numpy_arrays::numpy_arrays)(py);
        register_module(py, "numpy_arrays", module.bind(py))?;
        run_printing(py, &[], &format!("import numpy as np\nimport numpy_arrays as na\n{code}"))
    })
}

#[test]
fn read_a_view_return_a_new_array() {
    let report = scenario(
        r#"
sales = np.array([120.0, 80.0, 100.0])
centered = na.centered(sales)
print(type(centered).__name__, centered.dtype, centered.tolist(), sales.tolist())
print(na.centered(np.arange(6, dtype=np.float64)[::2]).tolist())
try:
    na.centered(np.array([1, 2, 3]))
except TypeError:
    print("an int64 array is refused with a TypeError")
"#,
    );
    check_support::observe!("read_a_view_return_a_new_array", report);
}

#[test]
fn change_an_array_in_place() {
    let report = scenario(
        r#"
salaries = np.array([50000.0, 62000.0, 48000.0])
same = salaries
print(na.apply_raise(salaries, 10.0))
print([round(s, 2) for s in salaries.tolist()], same is salaries)
try:
    frozen = np.array([1.0])
    frozen.flags.writeable = False
    na.apply_raise(frozen, 10.0)
except Exception as error:
    print("a read-only array is refused:", type(error).__name__)
"#,
    );
    check_support::observe!("change_an_array_in_place", report);
}

#[test]
fn two_dimensional_arrays() {
    let report = scenario(
        r#"
weeks = np.array([[10.0, 3.0, 7.0], [12.0, 0.0, 8.5], [9.0, 4.0, 6.0]])
print(na.column_totals(weeks).tolist())
print(na.column_totals(np.asfortranarray(weeks)).tolist())
print(na.column_totals(np.zeros((0, 2))).tolist())
"#,
    );
    check_support::observe!("two_dimensional_arrays", report);
}
