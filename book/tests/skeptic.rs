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

    /// Compiles and runs the snippet that starts at `page:line`, and compares what it prints
    /// with `shown`, the output block at `page:output_line`.
    ///
    /// The program is compiled as a wrapper: its own `main` is renamed, and a new `main`
    /// runs the program again as a child process (with `PYTHONUNBUFFERED`, so that Python's
    /// and Rust's prints keep their order), saves the child's stdout in a file this test
    /// reads, prints it and exits as the child did.
    pub fn run_test_printing(
        page: &str,
        line: usize,
        output_line: usize,
        shown: &str,
        root: &str,
        out: &str,
        target: &str,
        text: &str,
    ) {
        let saved = std::env::temp_dir().join(format!(
            "book-snippet-{}-{}-{line}.out",
            std::process::id(),
            page.replace(['/', '.'], "_")
        ));
        let mains = text.matches("fn main(").count();
        let program = if mains == 1 {
            text.replacen("fn main(", "fn __book_snippet_main(", 1) + &wrapper_main(&saved)
        } else {
            panic!("{page}:{line}: the snippet has {mains} `fn main(`; its output at line {output_line} needs exactly one")
        };
        named(page, line, || skeptic::rt::run_test(root, out, target, &program));
        let printed = std::fs::read_to_string(&saved).unwrap_or_else(|e| panic!("reading {}: {e}", saved.display()));
        let _ = std::fs::remove_file(&saved);
        assert!(
            output_matches(shown, &printed),
            "\n{page}:{output_line}: the output shown here is not what the snippet at line {line} prints.\n\
             --- shown ({page}:{output_line})\n{shown}\n--- printed\n{printed}"
        );
    }

    /// The `main` that runs the renamed one in a child process and saves its stdout.
    fn wrapper_main(saved: &std::path::Path) -> String {
        format!(
            r#"
fn main() -> std::process::ExitCode {{
    use std::io::Write;
    if std::env::var_os("BOOK_SNIPPET_CHILD").is_some() {{
        return std::process::Termination::report(__book_snippet_main());
    }}
    let exe = std::env::current_exe().expect("finding the snippet's own program");
    let child = std::process::Command::new(exe)
        .env("BOOK_SNIPPET_CHILD", "1")
        .env("PYTHONUNBUFFERED", "1")
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("running the snippet");
    std::fs::write({saved:?}, &child.stdout).expect("saving the snippet's output");
    std::io::stdout().write_all(&child.stdout).unwrap();
    if child.status.success() {{ std::process::ExitCode::SUCCESS }} else {{ std::process::ExitCode::FAILURE }}
}}
"#
        )
    }

    /// Whether `printed` is what `shown` shows: line by line, trailing spaces and trailing
    /// blank lines ignored; `...` inside a line matches any text, and a line that is only
    /// `...` matches any number of lines (as `tests/python/mdblocks.py` matches).
    pub fn output_matches(shown: &str, printed: &str) -> bool {
        fn lines(text: &str) -> Vec<&str> {
            let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
            while lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
            }
            lines
        }
        fn line_matches(want: &str, got: &str) -> bool {
            let parts: Vec<&str> = want.split("...").collect();
            let [first, middle @ .., last] = parts.as_slice() else { return want == got };
            if got.len() < first.len() + last.len() || !got.starts_with(first) || !got.ends_with(last) {
                return false;
            }
            let (mut pos, end) = (first.len(), got.len() - last.len());
            for part in middle {
                match got[pos..end].find(part) {
                    Some(found) => pos += found + part.len(),
                    None => return false,
                }
            }
            true
        }
        fn matches(want: &[&str], got: &[&str]) -> bool {
            match want.split_first() {
                None => got.is_empty(),
                Some((w, rest)) if w.trim() == "..." => (0..=got.len()).any(|k| matches(rest, &got[k..])),
                Some((w, rest)) => got.split_first().is_some_and(|(g, more)| line_matches(w, g) && matches(rest, more)),
            }
        }
        matches(&lines(shown), &lines(printed))
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

/// The output check itself: a shown output that differs from what the snippet prints fails
/// and names the page and the output's line; one that matches passes.
mod output_check {
    use super::snippet::{output_matches, run_test_printing};

    const SNIPPET: &str = "fn main() {\n    println!(\"Dwight {}\", 3 * 3);\n}\n";

    fn run(shown: &str) {
        run_test_printing(
            "book/src/check.md",
            3,
            7,
            shown,
            env!("CARGO_MANIFEST_DIR"),
            env!("OUT_DIR"),
            env!("BOOK_TARGET"),
            SNIPPET,
        );
    }

    #[test]
    fn matching_output_passes() {
        run("Dwight 9");
    }

    #[test]
    #[should_panic(expected = "book/src/check.md:7: the output shown here is not what the snippet at line 3 prints")]
    fn a_different_output_fails_and_names_page_and_line() {
        run("Dwight 10");
    }

    #[test]
    fn matching_rules() {
        assert!(output_matches("a\nb", "a\nb\n"));
        assert!(output_matches("a  \n\n", "a"));
        assert!(!output_matches("a\nb", "a\nc"));
        assert!(!output_matches("a", "a\nb"));
        assert!(output_matches("Python 3.11.7 (main, ...) [GCC ...]", "Python 3.11.7 (main, Jan 1 2024) [GCC 12.2.0]"));
        assert!(!output_matches("numpy ... from .../numpy/x.py", "numpy 2 from /v/pandas/x.py"));
        assert!(!output_matches("x...x", "x"));
        assert!(output_matches("first\n...\nlast", "first\nlast"));
        assert!(output_matches("first\n...\nlast", "first\n1\n2\nlast"));
        assert!(!output_matches("first\n...\nlast", "first\n1\n2"));
    }
}
