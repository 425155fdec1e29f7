//! Every Rust snippet of the book, compiled and run (see `build.rs`).
#![allow(non_snake_case)]

mod snippet {
    //! Runs one snippet through skeptic and, when it fails, names its page and line.

    use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
    use std::sync::Once;

    static PYTHON_ENVIRONMENT: Once = Once::new();

    /// Gives the snippets the environment `cargo xtask` would, so that a plain `cargo test`
    /// at the root passes too: `LIBRARY_PATH` for the linker and `LD_LIBRARY_PATH` for the
    /// program, both set to the LIBDIR pyo3 was built for, and `VIRTUAL_ENV` (when unset)
    /// to that interpreter's venv, whose packages the NumPy page's snippet imports.
    fn use_python_environment() {
        PYTHON_ENVIRONMENT.call_once(|| {
            let lib_dir = env!("BOOK_PYTHON_LIBDIR");
            let mut vars = Vec::new();
            for var in ["LIBRARY_PATH", "LD_LIBRARY_PATH"] {
                let joined = match std::env::var(var) {
                    Ok(old) if !old.is_empty() => format!("{lib_dir}:{old}"),
                    _ => lib_dir.to_string(),
                };
                vars.push((var, joined));
            }
            if std::env::var_os("VIRTUAL_ENV").is_none() {
                vars.push(("VIRTUAL_ENV", venv().to_string()));
            }
            for (var, value) in vars {
                // SAFETY: every test calls this first, under `Once`, before it starts any
                // process or reads the environment, so no other thread reads it meanwhile.
                unsafe { std::env::set_var(var, value) };
            }
        });
    }

    /// The venv of the interpreter pyo3 was built for (`.venv` unless `cargo xtask` picked
    /// another). Panics, naming the command to run first, when it has none.
    pub fn venv() -> &'static str {
        let venv = env!("BOOK_PYTHON_VENV");
        assert!(
            !venv.is_empty(),
            "pyo3 was built for an interpreter outside a venv: run `cargo xtask doctor` once (it creates .venv), then `cargo test`"
        );
        venv
    }

    fn named(page: &str, line: usize, f: impl FnOnce()) {
        use_python_environment();
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

/// A plain `cargo test` at the root has no `VIRTUAL_ENV`: the snippets still find the venv
/// that pyo3 was built for, with the packages of `assets/requirements.txt` in it.
#[test]
fn snippets_know_the_venv_without_virtual_env() {
    let venv = std::path::Path::new(snippet::venv());
    assert!(venv.join("pyvenv.cfg").is_file(), "{} is not a venv", venv.display());
    let numpy = has_numpy(venv);
    assert!(numpy, "{} has no numpy: run `cargo xtask doctor` to install the requirements", venv.display());
}

/// Whether some `lib/python3.*/site-packages/numpy` exists under `venv`.
fn has_numpy(venv: &std::path::Path) -> bool {
    let Ok(entries) = std::fs::read_dir(venv.join("lib")) else { return false };
    entries.flatten().any(|e| e.path().join("site-packages/numpy/__init__.py").is_file())
}
