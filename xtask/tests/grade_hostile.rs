//! The hostile class: one submission per way student code could forge a verdict or
//! reach outside its sandbox, each with the exact score it must get, graded with one job
//! and with two (each slot builds, installs and imports only its own student's code, so
//! both gradebooks are the same).
#![cfg(target_os = "linux")]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

mod fixture;
use fixture::repository::{repo, solution, starter};

const CALL: &str = "exercises/python-from-rust/call_function";
const HELLO: &str = "exercises/rust-from-python/hello_module";


/// The solution of `call_function` with `shout`, `total_sales` and `apply_discount`
/// starting with the given statements.
fn call_function(shout: &str, total: &str, discount: &str) -> String {
    let text = solution(CALL)
        .replacen(
            "pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {",
            &format!("pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {{\n{shout}"),
            1,
        )
        .replacen(
            "pub fn total_sales(py: Python<'_>, sales: Vec<i64>) -> PyResult<i64> {",
            &format!("pub fn total_sales(py: Python<'_>, sales: Vec<i64>) -> PyResult<i64> {{\n{total}"),
            1,
        )
        .replacen(
            "pub fn apply_discount(rule: &Bound<'_, PyAny>, price: f64) -> PyResult<f64> {",
            &format!("pub fn apply_discount(rule: &Bound<'_, PyAny>, price: f64) -> PyResult<f64> {{\n{discount}"),
            1,
        );
    assert!(text.contains(shout) && text.contains(total) && text.contains(discount));
    text
}

/// Wrong answers, after whatever the attack did.
const WRONG_SHOUT: &str = "    return Ok(name.to_string().to_lowercase());";
const WRONG_TOTAL: &str = "    return Ok(sales.len() as i64);";
const WRONG_DISCOUNT: &str = "    return Ok(price);";

/// Prints libtest's status lines and lines of the check's report, on both streams.
const PRINTS: &str = r#"    for t in ["apply_discount_calls_the_rule", "shout_calls_strip_and_upper", "total_sales_calls_sum"] { println!("test {t} ... ok"); eprintln!("test {t} ... ok"); println!("{{\"test\":\"{t}\",\"inputs\":\"public\",\"value\":\"\"}}"); }"#;

/// Writes one public value of 200 000 lines for `shout_calls_strip_and_upper` into the report, then
/// leaves before the test reports.
const FLOOD: &str = r#"    if let Some(path) = std::env::var_os("CHECK_REPORT") { let value: String = (0..200_000).map(|i| format!("line {i}\n")).collect(); let line = format!("{{\"test\":\"shout_calls_strip_and_upper\",\"inputs\":\"public\",\"value\":{:?}}}\n", value); let _ = std::fs::write(path, line); } std::process::exit(0);"#;

/// The class: (id, `call_function`'s lib.rs, whether each of its three stages passes).
fn attacks(outside: &Path) -> Vec<(&'static str, String, [bool; 3])> {
    let solution_file = repo().join("solutions/python-from-rust/call_function/src/lib.rs");
    let secret = outside.join("secret.txt");
    vec![
        ("correct", solution(CALL), [true, true, true]),
        ("starter", starter(CALL), [false, false, false]),
        (
            // insta's overrides and no report: insta would let anything pass.
            "sets_insta_env",
            call_function(
                &format!("    unsafe {{ std::env::set_var(\"INSTA_FORCE_PASS\", \"1\"); std::env::set_var(\"INSTA_UPDATE\", \"always\"); std::env::remove_var(\"CHECK_REPORT\"); }}\n{WRONG_SHOUT}"),
                &format!("    unsafe {{ std::env::set_var(\"INSTA_FORCE_PASS\", \"1\"); std::env::remove_var(\"CHECK_REPORT\"); }}\n{WRONG_TOTAL}"),
                WRONG_DISCOUNT,
            ),
            [false, false, false],
        ),
        (
            // libtest's status lines, and report lines, printed everywhere.
            "prints_status_lines",
            call_function(&format!("{PRINTS}\n{WRONG_SHOUT}"), &format!("    println!(\"\\ntest result: ok. 3 passed; 0 failed\");\n{WRONG_TOTAL}"), WRONG_DISCOUNT),
            [false, false, false],
        ),
        ("exits_early", call_function("    std::process::exit(0);", "    std::process::exit(0);", "    std::process::exit(0);"), [false, false, false]),
        ("crashes", call_function("    std::process::abort();", "    std::process::abort();", "    std::process::abort();"), [false, false, false]),
        (
            // Right answers only when the solution or a file outside the sandbox can be read.
            "reads_outside",
            call_function(
                &format!("    if std::fs::read({:?}).is_err() {{ {WRONG_SHOUT} }}", solution_file.display().to_string()),
                &format!("    if std::fs::read({:?}).is_err() {{ {WRONG_TOTAL} }}", secret.display().to_string()),
                &format!("    if std::fs::read({:?}).is_err() {{ {WRONG_DISCOUNT} }}", secret.display().to_string()),
            ),
            [false, false, false],
        ),
        (
            // Right answers; the writes must not happen.
            "writes_outside",
            call_function(
                &format!("    let _ = std::fs::write(\"/tmp/workbook-hostile-class-wrote\", \"x\"); let _ = std::fs::write({:?}, \"x\");", outside.join("written").display().to_string()),
                "",
                "",
            ),
            [true, true, true],
        ),
        (
            // Right answers; the slot's compiled code must stay as it was.
            "poisons_the_build_cache",
            call_function(
                "    if let Ok(exe) = std::env::current_exe() { for dir in exe.ancestors().skip(1).take(3) { let _ = std::fs::write(dir.join(\"poisoned-by-student\"), \"x\"); } }",
                "",
                "",
            ),
            [true, true, true],
        ),
        (
            // Right answers; every file of the slot's build dated 2100, so that cargo would
            // take the next student's crate for fresh and run this one's tests again.
            "a_touches_the_build",
            call_function(
                "    if let Ok(exe) = std::env::current_exe() { if let Some(debug) = exe.ancestors().nth(2) { for entry in walkdir(debug) { let later = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(4_102_444_800); if let Ok(file) = std::fs::File::open(&entry) { let _ = file.set_times(std::fs::FileTimes::new().set_modified(later).set_accessed(later)); } } } }",
                "",
                "",
            ) + "\nfn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> { let mut out = Vec::new(); if let Ok(entries) = std::fs::read_dir(dir) { for entry in entries.flatten() { let path = entry.path(); if path.is_dir() { out.extend(walkdir(&path)); } else { out.push(path); } } } out }\n",
            [true, true, true],
        ),
        ("zz_does_not_compile", "compile_error!(\"this crate never compiles\");\n".to_string(), [false, false, false]),
        (
            // Another file copied into the compiler's message.
            "leaks_a_file_through_the_compiler",
            format!("compile_error!(include_str!({:?}));\n", solution_file.display().to_string()),
            [false, false, false],
        ),
        (
            // Right answers; a file outside, which it cannot read, made setuid and dated 2001.
            "changes_modes_and_times",
            call_function(
                &format!(
                    "    use std::os::unix::fs::PermissionsExt; let _ = std::fs::set_permissions({victim:?}, std::fs::Permissions::from_mode(0o4777)); if let Ok(file) = std::fs::File::open({victim:?}) {{ let _ = file.set_modified(std::time::SystemTime::UNIX_EPOCH); }}",
                    victim = outside.join("victim").display().to_string()
                ),
                "",
                "",
            ),
            [true, true, true],
        ),
        (
            // Right answers only when the grader's secret is found in /proc.
            "reads_the_graders_environment",
            call_function(
                &format!("    let found = std::fs::read_dir(\"/proc\").into_iter().flatten().flatten().any(|p| std::fs::read(p.path().join(\"environ\")).is_ok_and(|e| String::from_utf8_lossy(&e).contains(\"GRADER_SECRET=hunter2\"))); if !found {{ {WRONG_SHOUT} }}"),
                &format!("    let found = std::fs::read_dir(\"/proc\").into_iter().flatten().flatten().any(|p| std::fs::read(p.path().join(\"environ\")).is_ok_and(|e| String::from_utf8_lossy(&e).contains(\"GRADER_SECRET=hunter2\"))); if !found {{ {WRONG_TOTAL} }}"),
                &format!("    let found = std::fs::read_dir(\"/proc\").into_iter().flatten().flatten().any(|p| std::fs::read(p.path().join(\"environ\")).is_ok_and(|e| String::from_utf8_lossy(&e).contains(\"GRADER_SECRET=hunter2\"))); if !found {{ {WRONG_DISCOUNT} }}"),
            ),
            [false, false, false],
        ),
        (
            // Right answers; a file in shared memory, to pass notes to another student.
            "writes_shared_memory",
            call_function("    let _ = std::fs::write(\"/dev/shm/workbook-hostile-class\", \"notes\");", "", ""),
            [true, true, true],
        ),
        (
            // A report of 200 000 lines for one test, then an early exit: a grade that
            // would take the grader hours to diff.
            "floods_the_report",
            call_function(
                FLOOD,
                // Without the GIL, so that shout can run meanwhile.
                "    py.detach(|| std::thread::sleep(std::time::Duration::from_secs(5))); std::process::exit(0);",
                "    rule.py().detach(|| std::thread::sleep(std::time::Duration::from_secs(5))); std::process::exit(0);",
            ),
            [false, false, false],
        ),
        (
            // The public inputs' answers typed in: held-out inputs find them out.
            "hard_codes_public_outputs",
            call_function(
                // Python is called, as the public check wants to see, and its answer ignored.
                "    let _ = name.call_method0(\"strip\")?.call_method0(\"upper\")?;\n    return Ok(match name.to_string().as_str() { \"Michael Scott\" => \"MICHAEL SCOTT\", \"  dwight k. schrute \" => \"DWIGHT K. SCHRUTE\", \"\\tZoë Ångström\\n\" => \"ZOË ÅNGSTRÖM\", \"\\u{1f}Pam Beesly\\u{1f}\" => \"PAM BEESLY\", other => other }.to_string());",
                "    let _ = py.import(\"builtins\")?.getattr(\"sum\")?.call1((sales.clone(),))?;\n    return Ok(match sales.as_slice() { [12] => 12, [3, 4, 5] => 12, [-7, 7, 1_000_000_000_000] => 1_000_000_000_000, _ => 0 });",
                "",
            ),
            [false, false, true],
        ),
    ]
}

fn xtask(args: &[&str]) -> std::process::Output {
    // A secret in the grader's environment: student code must not find it anywhere.
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).env("WORKBOOK_ROOT", repo()).env("NO_COLOR", "1").env("GRADER_SECRET", "hunter2").output().unwrap();
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Every student's stage marks, by exercise, from an output folder.
fn marks(out: &Path) -> BTreeMap<String, BTreeMap<String, Vec<bool>>> {
    let mut all = BTreeMap::new();
    for entry in std::fs::read_dir(out.join("students")).unwrap() {
        let grade: Value = serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path().join("grade.json")).unwrap()).unwrap();
        let exercises = grade["exercises"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["exercise"].as_str().unwrap().to_string(), e["stages"].as_array().unwrap().iter().map(|s| s["passed"].as_bool().unwrap()).collect()))
            .collect();
        all.insert(grade["student"].as_str().unwrap().to_string(), exercises);
    }
    all
}

fn stage_output(out: &Path, student: &str, stage: usize) -> String {
    let grade: Value = serde_json::from_str(&std::fs::read_to_string(out.join("students").join(student).join("grade.json")).unwrap()).unwrap();
    let call = grade["exercises"].as_array().unwrap().iter().find(|e| e["exercise"] == "call_function").unwrap();
    call["stages"][stage]["output"].as_str().unwrap().to_string()
}

/// The files `poisons_the_build_cache` leaves under `dir` when it is not stopped.
fn poison(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir).into_iter().flatten().filter(|e| e.file_name() == "poisoned-by-student").map(|e| e.path().to_path_buf()).collect()
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn the_hostile_class_gets_exactly_its_scores_with_one_job_and_two() {
    let tmp = tempfile::tempdir().unwrap();
    let (subs, outside) = (tmp.path().join("class"), tmp.path().join("outside"));
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "the grader's secret").unwrap();
    std::fs::write(outside.join("victim"), "not yours").unwrap();
    let victim_before = std::fs::metadata(outside.join("victim")).unwrap();
    let _ = std::fs::remove_file("/tmp/workbook-hostile-class-wrote");
    let _ = std::fs::remove_file("/dev/shm/workbook-hostile-class");
    for file in poison(&repo().join("target/grading")) {
        std::fs::remove_file(file).unwrap();
    }
    let class = attacks(&outside);
    let mut expected = BTreeMap::new();
    for (i, (id, call_lib, call_marks)) in class.iter().enumerate() {
        // Every other student hands in hello_module solved: with two jobs, a starter graded
        // beside a solution must still fail.
        let hello_solved = i % 2 == 0;
        let hello = if hello_solved { solution(HELLO) } else { starter(HELLO) };
        for (path, text) in [(format!("{CALL}/src/lib.rs"), call_lib), (format!("{HELLO}/src/lib.rs"), &hello)] {
            let path = subs.join(id).join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let hello_marks = vec![hello_solved; 2];
        expected.insert(id.to_string(), BTreeMap::from([("call_function".to_string(), call_marks.to_vec()), ("hello_module".to_string(), hello_marks)]));
    }
    // Slot 1 new, as when the cross-slot import happened.
    let _ = std::fs::remove_dir_all(repo().join("target/grading/slot-1"));
    let mut gradebooks = Vec::new();
    for jobs in ["1", "2"] {
        let out = tmp.path().join(format!("out-{jobs}"));
        let args = ["grade", subs.to_str().unwrap(), "--out", out.to_str().unwrap(), "--exercises", "call_function,hello_module", "--jobs", jobs, "--seed", "42", "--timeout", "60"];
        let run = xtask(&args);
        assert!(run.status.success(), "grade --jobs {jobs} failed: {}", String::from_utf8_lossy(&run.stdout));
        assert_eq!(marks(&out), expected, "--jobs {jobs}");
        assert!(stage_output(&out, "crashes", 0).contains("crashed: SIGABRT"), "{}", stage_output(&out, "crashes", 0));
        assert!(stage_output(&out, "exits_early", 0).contains("stopped early (exit status 0)"), "{}", stage_output(&out, "exits_early", 0));
        assert!(stage_output(&out, "hard_codes_public_outputs", 0).contains("held-out inputs (seed 42)"), "{}", stage_output(&out, "hard_codes_public_outputs", 0));
        let flood = stage_output(&out, "floods_the_report", 0);
        assert!(flood.contains("200000 lines") && flood.contains("too long to show"), "{flood}");
        let leaked = std::fs::read_to_string(out.join("students/leaks_a_file_through_the_compiler/feedback.md")).unwrap();
        assert!(!leaked.contains("getattr(\"sum\")"), "the solution leaked through the compiler:\n{leaked}");
        gradebooks.push(std::fs::read_to_string(out.join("grades.csv")).unwrap());
        assert_eq!(serde_json::from_str::<Value>(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap()["seed"], 42);
    }
    assert_eq!(gradebooks[0], gradebooks[1]);
    assert!(!Path::new("/tmp/workbook-hostile-class-wrote").exists(), "student code wrote into /tmp");
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 2, "student code wrote outside its sandbox");
    assert!(!Path::new("/dev/shm/workbook-hostile-class").exists(), "student code wrote into shared memory");
    let victim_after = std::fs::metadata(outside.join("victim")).unwrap();
    assert_eq!(
        (victim_after.permissions(), victim_after.modified().unwrap()),
        (victim_before.permissions(), victim_before.modified().unwrap()),
        "student code changed the mode or times of a file outside"
    );
    let poisoned = poison(&repo().join("target/grading"));
    assert!(poisoned.is_empty(), "student code wrote into a slot's build: {poisoned:?}");
}
