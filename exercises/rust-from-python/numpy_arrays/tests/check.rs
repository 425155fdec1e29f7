// Stage checks for `numpy_arrays`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter (with the venv's
// NumPy importable), runs a few lines of Python that pass it arrays, and reports what
// they printed. The arrays include strided views (`a[::2]`, a transpose) and Fortran
// order, which only code that reads NumPy's memory through its strides handles. When
// grading, each runs again on arrays generated from the grading seed (`SEED`, `None` for
// the public inputs); values are whole numbers or quarters, so sums are exact.

use check_support::{Inputs, attach, register_module, run_printing, use_venv_packages};

/// Runs `code` with `numpy` imported as `np`, `numpy_arrays` as `na`, `SEED` defined and
/// `rng` a `random.Random` seeded with it.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        use_venv_packages(py)?;
        let module = pyo3::wrap_pymodule!(numpy_arrays::numpy_arrays)(py);
        register_module(py, "numpy_arrays", module.bind(py))?;
        let prelude = inputs.python_prelude();
        run_printing(py, &[], &format!("{prelude}import numpy as np\nimport numpy_arrays as na\n{WATCHED}\n{code}\n{NOTED}"))
    })
}

/// `W(array)` (`tests/watched.py`): a view of `array` that notes every NumPy operation run
/// on it and every conversion of it to a plain array (`np.asarray` and friends). Rust
/// reading and writing the array's memory runs none: the lesson is that Rust does the
/// work, not NumPy called from Rust.
const WATCHED: &str = include_str!("watched.py");

/// The last line of every scenario: which NumPy operations ran on the arrays handed to Rust.
const NOTED: &str = r#"print("NumPy operations on the arrays Rust was handed:", ", ".join(sorted(set(noted))) or "none")"#;

/// `centered` is a Rust function that returns a new float64 array of each value minus the
/// mean, leaves its input alone, reads a strided view, and refuses an int64 array (with
/// an exception of any type) rather than converting it; NumPy runs no operation on it.
#[test]
fn read_a_view_return_a_new_array() {
    check_support::observe_held_out!("read_a_view_return_a_new_array", |inputs| {
        scenario(
            inputs,
            r#"
print("centered is a", type(na.centered).__name__)
if SEED is None:
    sales = np.array([120.0, 80.0, 100.0])
    wide = np.arange(6, dtype=np.float64)
else:
    sales = np.array([rng.randint(0, 400) / 4 for _ in range(rng.randint(1, 7))])
    wide = np.array([float(rng.randint(-50, 50)) for _ in range(2 * rng.randint(1, 5))])
centered = na.centered(W(sales))
print(type(centered).__name__, centered.dtype, centered.tolist(), sales.tolist())
print("shares memory with its input:", np.shares_memory(centered, sales))
print(na.centered(W(wide[::2])).tolist(), na.centered(W(np.array([]))).tolist())
try:
    na.centered(W(sales.astype(np.int64)))
    print("an int64 array is accepted")
except Exception:
    print("an int64 array is refused")
"#,
        )
    });
}

/// `apply_raise` is a Rust function that raises the caller's array itself and returns how
/// many salaries it changed: a view taken before the call sees the new values, and so does
/// the parent of a strided view; a read-only array is refused (with an exception of any
/// type) and left alone; NumPy runs no operation on it.
#[test]
fn change_an_array_in_place() {
    check_support::observe_held_out!("change_an_array_in_place", |inputs| {
        scenario(
            inputs,
            r#"
print("apply_raise is a", type(na.apply_raise).__name__)
if SEED is None:
    salaries, percent = np.array([50000.0, 62000.0, 48000.0, 51000.0]), 10.0
else:
    salaries = np.array([float(rng.randint(300, 900) * 100) for _ in range(2 * rng.randint(1, 4))])
    percent = float(rng.choice([5, 10, 20, 25, 50]))
seen_before = salaries[:]
print(na.apply_raise(W(salaries), percent))
print("the view taken before sees:", [round(s, 2) for s in seen_before.tolist()])
print(na.apply_raise(W(salaries[::2]), 100.0), "changed every other one:", [round(s, 2) for s in salaries.tolist()])
frozen = np.array([1.0])
frozen.flags.writeable = False
try:
    na.apply_raise(W(frozen), 10.0)
    print("a read-only array is accepted:", frozen.tolist())
except Exception:
    print("a read-only array is refused:", frozen.tolist())
"#,
        )
    });
}

/// `column_totals` is a Rust function that returns a new array of the column totals
/// whatever the memory layout (C order, Fortran order, a transposed view, no rows); NumPy
/// runs no operation on it.
#[test]
fn two_dimensional_arrays() {
    check_support::observe_held_out!("two_dimensional_arrays", |inputs| {
        scenario(
            inputs,
            r#"
print("column_totals is a", type(na.column_totals).__name__)
if SEED is None:
    weeks = np.array([[10.0, 3.0, 7.0], [12.0, 0.0, 8.5], [9.0, 4.0, 6.0], [1.0, 2.0, 3.0]])
else:
    rows, columns = rng.randint(2, 5), rng.randint(2, 5)
    weeks = np.array([[rng.randint(0, 80) / 4 for _ in range(columns)] for _ in range(rows)])
print(na.column_totals(W(weeks)).tolist())
print(na.column_totals(W(np.asfortranarray(weeks))).tolist())
print(na.column_totals(W(weeks.T)).tolist())
print(na.column_totals(W(np.zeros((0, 2)))).tolist())
"#,
        )
    });
}
