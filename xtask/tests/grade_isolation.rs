//! A submission's grade depends only on its own files, the exercises chosen and the seed:
//! one class graded in order, in reverse order, with two jobs, as two shards merged, and
//! each submission alone gives every submission the same gradebook row, the same
//! `feedback.md` and the same `results.json` (but for its measured time).
//!
//! The class breaks each kind of exercise in one submission (a compile error in an
//! extension module, an embedding, a C ABI library and the capstone; a panic at import, a
//! timeout, an abort, a process left running, a missing exercise) beside correct ones, so
//! that a classmate's failure graded just before, in the same sandbox slot, would show.
#![cfg(target_os = "linux")]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

mod fixture;
use fixture::repository::{read, repo};

const HELLO: &str = "exercises/rust-from-python/hello_module/src/lib.rs";
const CALL: &str = "exercises/python-from-rust/call_function/src/lib.rs";
const ADD: &str = "exercises/c-abi/add_numbers/src/lib.rs";
const ADD_PY: &str = "exercises/c-abi/add_numbers/python/bindings.py";
const DWIGHT: &str = "exercises/round-trip/fix_dwights_algorithm/src/lib.rs";
const DWIGHT_PY: &str = "exercises/round-trip/fix_dwights_algorithm/python/fixed_algorithms.py";
const EXERCISES: &str = "hello_module,call_function,add_numbers,fix_dwights_algorithm";
/// Seconds the tests of one exercise may run: the timeout case costs this much in each of
/// the five runs that grade it, and a correct exercise must finish well within it on a busy
/// machine (graded alone at a load average of 2.6 on two cores, each of the four took
/// 0.6 to 1.5 s, its share of the build included).
const TIMEOUT: &str = "20";

/// A compile error, appended to a file.
const BROKEN: &str = "\nfn broken( {\n";

/// The solution's copy of the editable file `path`.
fn solved(path: &str) -> String {
    read(path.replacen("exercises", "solutions", 1))
}

/// `path` solved, with `statement` inserted after the line `after`.
fn solved_with(path: &str, after: &str, statement: &str) -> String {
    let text = solved(path);
    assert!(text.contains(after), "{path} has no line `{after}`");
    text.replacen(after, &format!("{after}\n    {statement}"), 1)
}

/// The class: each submission's id and files (every editable file solved, then changed).
fn class() -> Vec<(&'static str, BTreeMap<&'static str, String>)> {
    let all = || BTreeMap::from([HELLO, CALL, ADD, ADD_PY, DWIGHT, DWIGHT_PY].map(|p| (p, solved(p))));
    let with = |changes: &[(&'static str, String)]| {
        let mut files = all();
        files.extend(changes.iter().cloned());
        files
    };
    let hello_fn = "fn hello_module(m: &Bound<'_, PyModule>) -> PyResult<()> {";
    let shout_fn = "pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {";
    let add_fn = "pub extern \"C\" fn add_numbers(a: i32, b: i32) -> i32 {";
    let mut missing = all();
    missing.remove(HELLO);
    vec![
        ("a_compile_error_extension_module", with(&[(HELLO, solved(HELLO) + BROKEN)])),
        ("b_correct", all()),
        ("c_compile_error_embedding", with(&[(CALL, solved(CALL) + BROKEN)])),
        ("d_compile_error_c_abi", with(&[(ADD, solved(ADD) + BROKEN)])),
        ("e_compile_error_capstone", with(&[(DWIGHT, solved(DWIGHT) + BROKEN)])),
        (
            "f_fails_at_run_time",
            with(&[
                (HELLO, solved_with(HELLO, hello_fn, "panic!(\"the module refuses to load\");")),
                (CALL, solved_with(CALL, shout_fn, "loop { std::thread::sleep(std::time::Duration::from_secs(1)); }")),
                (ADD, solved_with(ADD, add_fn, "std::process::abort();")),
            ]),
        ),
        ("g_leaves_a_process_running", {
            let mut files = with(&[(ADD, solved_with(ADD, add_fn, "let _ = std::process::Command::new(\"sleep\").arg(\"120\").spawn();"))]);
            files.remove(HELLO);
            files
        }),
        ("h_correct", all()),
    ]
}

/// Writes the class into `dir`, each submission in a folder named `prefix(i)` + its id.
fn write_class(dir: &Path, class: &[(&str, BTreeMap<&str, String>)], prefix: impl Fn(usize) -> String) {
    for (i, (id, files)) in class.iter().enumerate() {
        for (path, text) in files {
            let path = dir.join(format!("{}{id}", prefix(i))).join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }
}

fn grade(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).env("WORKBOOK_ROOT", repo()).env("NO_COLOR", "1").output().unwrap();
    assert!(out.status.success(), "grade {args:?} failed:\n{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

fn grade_class(class: &Path, out: &Path, more: &[&str]) {
    let mut args = vec!["grade", class.to_str().unwrap(), "--out", out.to_str().unwrap(), "--exercises", EXERCISES, "--seed", "7", "--timeout", TIMEOUT];
    args.extend(more);
    grade(&args);
}

/// Each student's row, feedback and results (without the measured time), by id with the
/// folder prefix `strip` removed.
fn results(out: &Path, strip: usize) -> BTreeMap<String, (String, String, Value)> {
    let csv = std::fs::read_to_string(out.join("grades.csv")).unwrap();
    let mut all = BTreeMap::new();
    for row in csv.lines().skip(1) {
        let (folder, marks) = row.split_once(',').unwrap();
        let id = &folder[strip..];
        let student = out.join("students").join(folder);
        let feedback = std::fs::read_to_string(student.join("feedback.md")).unwrap().replacen(&format!("`{folder}`"), &format!("`{id}`"), 1);
        let mut results: Value = serde_json::from_str(&std::fs::read_to_string(student.join("results.json")).unwrap()).unwrap();
        without_times(&mut results);
        all.insert(id.to_string(), (marks.to_string(), feedback, results));
    }
    all
}

/// `value` without Gradescope's `execution_time` fields, which measure the run.
fn without_times(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("execution_time");
            map.values_mut().for_each(without_times);
        }
        Value::Array(items) => items.iter_mut().for_each(without_times),
        _ => {}
    }
}

/// The section of `feedback` about `exercise`.
fn section<'a>(feedback: &'a str, exercise: &str) -> &'a str {
    let start = feedback.find(&format!("## `{exercise}`")).unwrap_or_else(|| panic!("no section for {exercise}:\n{feedback}"));
    let rest = &feedback[start..];
    &rest[..rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3)]
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn a_grade_is_the_same_alone_first_last_with_two_jobs_and_in_shards() {
    let tmp = tempfile::tempdir().unwrap();
    let class = class();
    let n = class.len();
    let ordered = tmp.path().join("class");
    write_class(&ordered, &class, |_| String::new());
    // Folder names that sort the other way round: `z-`, `y-`, ... before the id.
    let reversed = tmp.path().join("class-reversed");
    write_class(&reversed, &class, |i| format!("{}-", (b'z' - i as u8) as char));

    let out = |name: &str| tmp.path().join(name);
    grade_class(&ordered, &out("in-order"), &[]);
    let reference = results(&out("in-order"), 0);
    assert_eq!(reference.len(), n);

    let mut runs = vec![("reverse order", results(&{
        grade_class(&reversed, &out("reversed"), &[]);
        out("reversed")
    }, 2))];
    grade_class(&ordered, &out("two-jobs"), &["--jobs", "2"]);
    runs.push(("two jobs", results(&out("two-jobs"), 0)));
    for shard in ["1/2", "2/2"] {
        grade_class(&ordered, &out(&format!("shard-{}", &shard[..1])), &["--shard", shard]);
    }
    grade(&["grade", "merge", out("shard-1").to_str().unwrap(), out("shard-2").to_str().unwrap(), "--out", out("merged").to_str().unwrap()]);
    runs.push(("two shards merged", results(&out("merged"), 0)));
    let mut alone = BTreeMap::new();
    for (id, files) in &class {
        let dir = tmp.path().join("alone").join(id);
        write_class(&dir, &[(id, files.clone())], |_| String::new());
        let graded = tmp.path().join("alone-out").join(id);
        grade_class(&dir, &graded, &[]);
        alone.extend(results(&graded, 0));
    }
    runs.push(("each alone", alone));
    for (how, run) in &runs {
        for (id, expected) in &reference {
            assert_eq!(run.get(id), Some(expected), "{id}: graded {how}, its grade differs from the grade in order");
        }
    }

    // A failure costs only its own exercise: every other exercise of the submission has
    // full marks, and the feedback quotes only its own compiler errors.
    let full = |id: &str, exercise: &str| {
        let feedback = &reference[id].1;
        let section = section(feedback, exercise);
        let (got, max) = section.lines().next().unwrap().rsplit_once(": ").unwrap().1.split_once('/').unwrap();
        assert_eq!(got, max, "{id}: {exercise} lost points:\n{section}");
    };
    for exercise in EXERCISES.split(',') {
        full("b_correct", exercise);
        full("h_correct", exercise);
    }
    for (id, broken, package) in [
        ("a_compile_error_extension_module", "hello_module", "hello_module"),
        ("c_compile_error_embedding", "call_function", "call_function"),
        ("d_compile_error_c_abi", "add_numbers", "add_numbers"),
        ("e_compile_error_capstone", "fix_dwights_algorithm", "fix_dwights_algorithm"),
    ] {
        let feedback = &reference[id].1;
        assert!(section(feedback, broken).contains("The code does not compile") && section(feedback, broken).contains("fn broken("), "{id}:\n{feedback}");
        for other in EXERCISES.split(',').filter(|e| *e != broken) {
            full(id, other);
            assert!(!section(feedback, other).contains(package), "{id}: the feedback of {other} names {package}:\n{feedback}");
        }
        let others: Vec<&str> = EXERCISES.split(',').filter(|e| *e != package).collect();
        assert!(others.iter().all(|p| !section(feedback, broken).contains(&format!("compile `{p}`"))), "{id}:\n{feedback}");
    }
    let failing = &reference["f_fails_at_run_time"].1;
    assert!(section(failing, "hello_module").contains("the module refuses to load"), "{failing}");
    assert!(section(failing, "call_function").contains("Killed at the time limit"), "{failing}");
    assert!(section(failing, "add_numbers").contains("SIGABRT"), "{failing}");
    full("f_fails_at_run_time", "fix_dwights_algorithm");
    let lingering = &reference["g_leaves_a_process_running"].1;
    assert!(section(lingering, "hello_module").contains("File not submitted"), "{lingering}");
    assert!(section(lingering, "add_numbers").contains("a process the tests started was still running when they ended"), "{lingering}");
    assert!(!section(lingering, "add_numbers").contains("Killed at the time limit"), "{lingering}");
    full("g_leaves_a_process_running", "call_function");
    full("g_leaves_a_process_running", "fix_dwights_algorithm");
}
