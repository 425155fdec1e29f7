//! Every Rust snippet of the book, compiled and run (see `build.rs`).
#![allow(non_snake_case)]

mod snippet {
    //! Runs one snippet through skeptic and, when it fails, names its page and line.

    use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
    use std::sync::Once;

    static PYTHON_LIBRARY_PATH: Once = Once::new();

    /// Lets the snippets find the interpreter's libpython: `LIBRARY_PATH` for the linker
    /// and `LD_LIBRARY_PATH` for the program, both set to the LIBDIR pyo3 was built for.
    fn use_python_libdir() {
        PYTHON_LIBRARY_PATH.call_once(|| {
            let lib_dir = env!("BOOK_PYTHON_LIBDIR");
            for var in ["LIBRARY_PATH", "LD_LIBRARY_PATH"] {
                let joined = match std::env::var(var) {
                    Ok(old) if !old.is_empty() => format!("{lib_dir}:{old}"),
                    _ => lib_dir.to_string(),
                };
                // SAFETY: every test calls this first, under `Once`, before it starts any
                // process or reads the environment, so no other thread reads it meanwhile.
                unsafe { std::env::set_var(var, joined) };
            }
        });
    }

    fn named(page: &str, line: usize, f: impl FnOnce()) {
        use_python_libdir();
        if let Err(panic) = catch_unwind(AssertUnwindSafe(f)) {
            eprintln!("\nThe snippet at {page}:{line} failed (its compiler or program output is above).");
            resume_unwind(panic);
        }
    }

    /// Compiles and runs the snippet that starts at `page:line`.
    pub fn run_test(page: &str, line: usize, root: &str, out: &str, target: &str, text: &str) {
        named(page, line, || skeptic::rt::run_test(root, out, target, text));
    }

    /// Compiles, without running, the `no_run` snippet that starts at `page:line`.
    pub fn compile_test(page: &str, line: usize, root: &str, out: &str, target: &str, text: &str) {
        named(page, line, || skeptic::rt::compile_test(root, out, target, text));
    }
}

include!(concat!(env!("OUT_DIR"), "/skeptic-tests.rs"));
