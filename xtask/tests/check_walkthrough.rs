//! Runs the real `xtask` binary against a small fixture course, as a student would:
//! `check` stops at the first unsolved exercise, moves on once its editable file is
//! solved, and never writes into the exercise folders.
//!
//! The fixture's exercises are plain Rust crates (no pyo3), so the test builds quickly;
//! what is under test is the checker, not Python. The fixture shares the repository's
//! venv through `WORKBOOK_VENV`; each test has its own course and target folder under the
//! target directory's `fixtures/check_walkthrough` folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const INFO: &str = r#"format_version = 1

[[parts]]
id = "p"
title = "A part"

[[exercises]]
name = "one"
dir = "exercises/p/one"
part = "p"
kind = "embedding"
editable = ["exercises/p/one/src/lib.rs"]
hints = ["Return the sum, not the difference.", "`a + b`"]

[[exercises.stages]]
name = "adds"
tests = ["adds"]
points = 1

[[exercises.stages]]
name = "adds negatives"
tests = ["adds_negatives"]
points = 2

[[exercises]]
name = "two"
dir = "exercises/p/two"
part = "p"
kind = "embedding"
editable = ["exercises/p/two/src/lib.rs"]
hints = ["Double it."]

[[exercises.stages]]
name = "doubles"
tests = ["doubles"]
points = 1
"#;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// One exercise crate: `lib` is its src/lib.rs, `tests` its tests/check.rs. Its tests
/// report what they observe with the course's `check-report` crate, as every stage test.
fn krate(root: &Path, dir: &str, name: &str, lib: &str, tests: &str) {
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join("exercises/check-support/report");
    write(
        &root.join(dir).join("Cargo.toml"),
        &format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dev-dependencies]\ncheck-report = {{ path = {:?} }}\n", report.display().to_string()),
    );
    write(&root.join(dir).join("src/lib.rs"), lib);
    write(&root.join(dir).join("tests/check.rs"), tests);
}

/// A fixture course for the test `test`, made afresh in
/// `target/fixtures/check_walkthrough/<test>/course`, with a target folder of its own
/// beside it, kept between runs so that only a first run compiles. The tests run in
/// parallel, and cargo names a path crate's artifacts after its path relative to the
/// workspace root: fixtures sharing one target folder would build each other's `one`.
fn fixture(test: &str) -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dir = repo.join("target/fixtures/check_walkthrough").join(test).join("course");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    let root = dir.as_path();
    write(&root.join("exercises/info.toml"), INFO);
    // The repository's lock file pins `check-report`'s dependencies to what is built already.
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join("Cargo.lock");
    write(&root.join("Cargo.lock"), &std::fs::read_to_string(lock).unwrap());
    write(&root.join("assets/requirements.txt"), "");
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"exercises/p/*\", \"solutions/p/*\"]\n",
    );
    let one_tests = "#[test]\nfn adds() { check_report::observe!(\"adds\", one::add(2, 3)); }\n#[test]\nfn adds_negatives() { check_report::observe!(\"adds_negatives\", one::add(-2, -3)); }\n";
    krate(root, "exercises/p/one", "one", "pub fn add(a: i64, b: i64) -> i64 {\n    a - b // TODO: add\n}\n", one_tests);
    krate(root, "solutions/p/one", "one_solution", "pub fn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n", "");
    let two_tests = "#[test]\nfn doubles() { check_report::observe!(\"doubles\", two::double(21)); }\n";
    krate(root, "exercises/p/two", "two", "pub fn double(x: i64) -> i64 {\n    todo!(\"double {x}\")\n}\n", two_tests);
    krate(root, "solutions/p/two", "two_solution", "pub fn double(x: i64) -> i64 {\n    2 * x\n}\n", "");
    for (dir, test, value) in [("one", "adds", "5"), ("one", "adds_negatives", "-5"), ("two", "doubles", "42")] {
        write(&root.join(format!("exercises/p/{dir}/tests/snapshots/check__{test}.snap")), &format!("---\nsource: tests/check.rs\nexpression: {test}\n---\n{value}\n"));
    }
    dir
}

/// Runs the xtask on the fixture course at `root`, with that fixture's target folder.
fn xtask(root: &Path, args: &[&str]) -> (bool, String) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("WORKBOOK_ROOT", root)
        .env("WORKBOOK_VENV", repo.join(".venv"))
        .env("CARGO_TARGET_DIR", root.parent().unwrap().join("target"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
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
    let course = fixture("check_stops_at_the_first_unsolved_exercise_then_moves_on");
    let root = course.as_path();
    let before = snapshot(root);

    let (ok, out) = xtask(root, &["check"]);
    assert!(!ok, "an unsolved course must fail:\n{out}");
    assert!(out.contains("Checking `one` (exercise 1/2"), "{out}");
    assert!(out.contains("✗ stage 1 `adds`"), "{out}");
    assert!(out.contains("│-5") && out.contains("│+-1"), "the diff is shown:\n{out}");
    assert!(out.contains("cargo xtask hint one"), "{out}");
    assert!(!out.contains("Checking `two`"), "check stops at the first unsolved exercise:\n{out}");
    assert!(out.contains("0/2 done"), "{out}");
    assert_eq!(before, snapshot(root), "a check must not write into the exercises");

    std::fs::copy(root.join("solutions/p/one/src/lib.rs"), root.join("exercises/p/one/src/lib.rs")).unwrap();
    let (ok, out) = xtask(root, &["check"]);
    assert!(!ok, "exercise two is still unsolved:\n{out}");
    assert!(out.contains("✓ stage 1 `adds`") && out.contains("✓ stage 2 `adds negatives`"), "{out}");
    assert!(out.contains("Checking `two` (exercise 2/2"), "{out}");
    assert!(out.contains("not yet implemented: double 21"), "{out}");
    assert!(out.contains("1/2 done"), "{out}");

    let (_, out) = xtask(root, &["list"]);
    assert!(out.contains("one") && out.contains("done") && out.contains("→ 2  two"), "{out}");

    let (_, out) = xtask(root, &["hint", "one"]);
    assert!(out.contains("Hint 1/2: Return the sum") && !out.contains("Hint 2/2"), "{out}");
    let (_, out) = xtask(root, &["hint", "one"]);
    assert!(out.contains("Hint 2/2: `a + b`"), "{out}");
}

#[test]
fn a_compile_error_is_shown_as_the_compiler_wrote_it() {
    let course = fixture("a_compile_error_is_shown_as_the_compiler_wrote_it");
    let root = course.as_path();
    write(&root.join("exercises/p/one/src/lib.rs"), "pub fn add(a: i64, b: i64) -> i64 {\n    a + \"b\"\n}\n");
    let (ok, out) = xtask(root, &["check", "one"]);
    assert!(!ok);
    assert!(out.contains("the crate does not compile"), "{out}");
    assert!(out.contains("error[E0277]"), "{out}");
}

#[test]
fn an_unknown_exercise_is_named_with_the_known_ones() {
    let course = fixture("an_unknown_exercise_is_named_with_the_known_ones");
    let (ok, out) = xtask(&course, &["check", "three"]);
    assert!(!ok);
    assert!(out.contains("no exercise is called `three`; the exercises are: one, two"), "{out}");
}
