// Stage checks for `zero_copy_buffers`; the solution runs this same file.
//
// Each check registers the crate's module in the embedded interpreter (with the venv's
// NumPy importable), writes on one side of a buffer and reads on the other, and reports
// what each side saw and what `np.shares_memory` says (of an exception, only its type: the
// messages are the student's). A copy shows up as a write that
// the other side never sees; memory borrowed from another Python object (a `bytearray`)
// shows up as a view or array whose owner (`memoryview.obj`, `ndarray.base`) is not the
// scan. When grading, each runs again on sizes, positions and grey levels drawn from the
// grading seed.

use check_support::{Inputs, attach, register_module, run_printing, use_venv_packages};

/// Runs `code` on `inputs` with `numpy` as `np`, the module's names imported, and an
/// `attempt` helper that prints what an action returned or the type of the exception it
/// raised.
fn scenario(inputs: Inputs, code: &str) -> String {
    attach(|py| {
        use_venv_packages(py)?;
        let module = pyo3::wrap_pymodule!(zero_copy_buffers::zero_copy_buffers)(py);
        register_module(py, "zero_copy_buffers", module.bind(py))?;
        let prelude = r#"
import gc
import numpy as np
from zero_copy_buffers import Scan, stamp

def attempt(label, action):
    try:
        print(f"{label}: returned {action()}")
    except BaseException as error:
        print(f"{label}: raised {type(error).__name__}")
"#;
        run_printing(py, &[], &format!("{}{prelude}\n{code}", inputs.python_prelude()))
    })
}

/// `stamp` writes into the memory of the object it is given, returns how many bytes it
/// wrote, and raises `BufferError` for a read-only, strided or non-byte buffer.
#[test]
fn stamp_writes_into_python_memory() {
    check_support::observe_held_out!("stamp_writes_into_python_memory", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    n, start, stop, value = 8, 2, 5, 7
else:
    n = rng.randint(6, 20)
    start = rng.randint(0, n // 2)
    stop, value = rng.randint(start + 1, n), rng.randint(0, 250)
page = bytearray(range(n))
attempt("stamp a bytearray", lambda: stamp(page, value))
print("  the bytearray now:", list(page))
page = bytearray(range(n))
attempt(f"stamp memoryview(page)[{start}:{stop}]", lambda: stamp(memoryview(page)[start:stop], value + 1))
print("  the bytearray now:", list(page))
tray = np.zeros(n, dtype=np.uint8)
attempt(f"stamp a NumPy slice [{start}:{stop}]", lambda: stamp(tray[start:stop], value + 2))
print("  the array now:", tray.tolist())
attempt("stamp bytes", lambda: stamp(bytes(n), value))
attempt("stamp a strided memoryview", lambda: stamp(memoryview(bytearray(n))[::2], value))
attempt("stamp a float64 array", lambda: stamp(np.zeros(n), value))
"#,
        )
    });
}

/// `memoryview(scan)` is a writable view of unsigned bytes over the scan's own pixels,
/// exported by the scan, that keeps the scan's memory alive.
#[test]
fn memoryview_lends_rust_memory() {
    check_support::observe_held_out!("memoryview_lends_rust_memory", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    h, w, r, c, v, d = 3, 4, 1, 2, 40, 100
else:
    h, w = rng.randint(2, 6), rng.randint(2, 6)
    r, c = rng.randrange(h), rng.randrange(w)
    v, d = rng.randint(0, 150), rng.randint(1, 100)
scan = Scan(h, w)
view = memoryview(scan)
print("memoryview(scan):", view.format, view.itemsize, view.nbytes, "read-only" if view.readonly else "writable")
print("the view's exporter is the scan itself:", view.obj is scan)
def write():
    view[r * w + c] = v
attempt(f"Python writes {v} at ({r}, {c})", write)
print("Rust reads that pixel:", scan.pixel(r, c))
scan.darken(d)
print(f"Rust darkened by {d}; Python reads:", view[r * w + c], view[0])
print("np.frombuffer(scan) shares memory with the view:", np.shares_memory(np.frombuffer(scan, dtype=np.uint8), view))
del scan
gc.collect()
print("the view outlives the name:", len(view), view[0])
"#,
        )
    });
}

/// `scan.array()` is a writable `height` x `width` `uint8` array over the scan's own
/// pixels, whose base is the scan.
#[test]
fn numpy_views_the_scan() {
    check_support::observe_held_out!("numpy_views_the_scan", |inputs| {
        scenario(
            inputs,
            r#"
if SEED is None:
    h, w, r, c, v, d = 2, 3, 1, 0, 17, 9
else:
    h, w = rng.randint(2, 6), rng.randint(2, 6)
    r, c = rng.randrange(h), rng.randrange(w)
    v, d = rng.randint(0, 150), rng.randint(1, 100)
scan = Scan(h, w)
page = scan.array()
print("scan.array():", type(page).__name__, page.dtype, page.shape, "writable" if page.flags.writeable else "read-only")
print("shares memory with memoryview(scan):", np.shares_memory(page, memoryview(scan)))
print("its base is the scan itself:", page.base is scan)
page[r, c] = v
print(f"NumPy wrote {v} at ({r}, {c}); Rust reads:", scan.pixel(r, c))
scan.darken(d)
print(f"Rust darkened by {d}; NumPy reads:", int(page[r, c]), int(page[0, 0]) if (r, c) != (0, 0) else int(page[-1, -1]))
orphan = Scan(h, w).array()
gc.collect()
print("an array keeps its scan alive:", int(orphan.sum()), "=", 255 * h * w)
"#,
        )
    });
}
