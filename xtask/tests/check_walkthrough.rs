//! Runs the real `xtask` binary against a small fixture course, as a student would:
//! `check` stops at the first unsolved exercise, moves on once its editable file is
//! solved, and never writes into the exercise folders. The whole of each output is
//! compared with its snapshot in `tests/snapshots/` (folders and times redacted).
//!
//! The fixture's exercises are plain Rust crates (no pyo3), so the test builds quickly;
//! what is under test is the checker, not Python. The course comes from the one
//! test-course builder (`tests/fixture/`).

mod fixture;

use fixture::course::{Course, Exercise, Stage, Test};
use fixture::{Fixture, text};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One test of a stage: `observe!(name, expression)` against the snapshot `expected`.
fn test(name: &str, expression: &str, expected: &str) -> Test {
    Test { name: name.to_string(), expression: expression.to_string(), expected: expected.to_string() }
}

/// Two exercises: `one` (two stages, two hints) whose starter subtracts, and `two`
/// whose starter panics with `todo!`.
fn course() -> Course {
    Course {
        parts: vec![("p".to_string(), "A part".to_string())],
        exercises: vec![
            Exercise {
                name: "one".to_string(),
                part: "p".to_string(),
                hints: vec!["Return the sum, not the difference.".to_string(), "`a + b`".to_string()],
                stages: vec![
                    Stage { name: "adds".to_string(), points: 1, tests: vec![test("adds", "one::add(2, 3)", "5")] },
                    Stage { name: "adds negatives".to_string(), points: 2, tests: vec![test("adds_negatives", "one::add(-2, -3)", "-5")] },
                ],
                starter: "// ANCHOR: exercise\npub fn add(a: i64, b: i64) -> i64 {\n    a - b // TODO: add\n}\n// ANCHOR_END: exercise\n".to_string(),
                solution: "// ANCHOR: solution\npub fn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n// ANCHOR_END: solution\n".to_string(),
            },
            Exercise {
                name: "two".to_string(),
                part: "p".to_string(),
                hints: vec!["Double it.".to_string()],
                stages: vec![Stage { name: "doubles".to_string(), points: 1, tests: vec![test("doubles", "two::double(21)", "42")] }],
                starter: "// ANCHOR: exercise\npub fn double(x: i64) -> i64 {\n    todo!(\"double {x}\")\n}\n// ANCHOR_END: exercise\n".to_string(),
                solution: "// ANCHOR: solution\npub fn double(x: i64) -> i64 {\n    2 * x\n}\n// ANCHOR_END: solution\n".to_string(),
            },
        ],
    }
}

/// Runs the xtask on the fixture: whether it succeeded, and what it printed.
fn xtask(f: &Fixture, args: &[&str]) -> (bool, String) {
    let output = f.run(args);
    (output.status.success(), text(&output))
}

/// Every file under `exercises/` with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root.join("exercises"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn check_stops_at_the_first_unsolved_exercise_then_moves_on() {
    let f = Fixture::with(&course());
    let root = f.root();
    let before = snapshot(&root);

    let (ok, out) = xtask(&f, &["check"]);
    assert!(!ok, "an unsolved course must fail:\n{out}");
    fixture::assert_output!("check_fails_stage_1", &f, out);
    assert_eq!(before, snapshot(&root), "a check must not write into the exercises");

    std::fs::copy(root.join("solutions/p/one/src/lib.rs"), root.join("exercises/p/one/src/lib.rs")).unwrap();
    let (ok, out) = xtask(&f, &["check"]);
    assert!(!ok, "exercise two is still unsolved:\n{out}");
    fixture::assert_output!("check_passes_one_then_fails_two", &f, out);

    let (_, out) = xtask(&f, &["list"]);
    fixture::assert_output!("list_after_one", &f, out);

    let (_, out) = xtask(&f, &["hint", "one"]);
    fixture::assert_output!("hint_first", &f, out);
    let (_, out) = xtask(&f, &["hint", "one"]);
    fixture::assert_output!("hint_second", &f, out);

    std::fs::copy(root.join("solutions/p/two/src/lib.rs"), root.join("exercises/p/two/src/lib.rs")).unwrap();
    let (ok, out) = xtask(&f, &["check"]);
    assert!(ok, "a solved course passes:\n{out}");
    fixture::assert_output!("check_passes_all", &f, out);
}

#[test]
fn a_compile_error_is_shown_as_the_compiler_wrote_it() {
    let f = Fixture::with(&course());
    f.write("exercises/p/one/src/lib.rs", "pub fn add(a: i64, b: i64) -> i64 {\n    a + \"b\"\n}\n");
    let (ok, out) = xtask(&f, &["check", "one"]);
    assert!(!ok);
    // The compiler's own text: its wording and the notes it adds change with each Rust
    // release, so only what the xtask adds and the error's code are compared.
    assert!(out.contains("the crate does not compile"), "{out}");
    assert!(out.contains("error[E0277]"), "{out}");
}

#[test]
fn an_unknown_exercise_is_named_with_the_known_ones() {
    let f = Fixture::with(&course());
    let (ok, out) = xtask(&f, &["check", "three"]);
    assert!(!ok);
    fixture::assert_output!("check_unknown_exercise", &f, out);
}
