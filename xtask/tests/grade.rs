//! End-to-end tests of `cargo xtask grade`: a fixture class built from the real
//! exercises (`call_function`, `keyword_arguments`), graded by the real xtask binary, its
//! outputs parsed back. Each student covers one way a submission goes right or wrong.
#![cfg(unix)]

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

mod fixture;
use fixture::repository::{read, repo, solution, starter};

const CALL: &str = "exercises/python-from-rust/call_function";
const KWARGS: &str = "exercises/python-from-rust/keyword_arguments";



/// Writes `files` (repository-relative path, text) under `dir`.
fn folder(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A tar entry with a raw name, so that unsafe names (`..`, absolute) get into the archive.
fn tar_entry(tar: &mut tar::Builder<impl Write>, name: &str, kind: tar::EntryType, link: Option<&str>, data: &[u8]) {
    let mut header = tar::Header::new_gnu();
    header.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name.as_bytes());
    header.set_entry_type(kind);
    header.set_size(data.len() as u64);
    header.set_mode(0o644);
    if let Some(link) = link {
        header.as_gnu_mut().unwrap().linkname[..link.len()].copy_from_slice(link.as_bytes());
    }
    header.set_cksum();
    tar.append(&header, data).unwrap();
}

/// SHA-256 of every file (and link target) under `dir`, by path.
fn checksums(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut sums = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let bytes = if entry.file_type().is_symlink() {
            std::fs::read_link(entry.path()).unwrap().to_string_lossy().into_owned().into_bytes()
        } else if entry.file_type().is_file() {
            std::fs::read(entry.path()).unwrap()
        } else {
            b"folder".to_vec()
        };
        let hex: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        sums.insert(entry.path().to_path_buf(), hex);
    }
    sums
}

fn xtask(args: &[&str]) -> std::process::Output {
    // Variables that must never reach student code: insta's overrides and a secret.
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("WORKBOOK_ROOT", repo())
        .env("NO_COLOR", "1")
        .env("INSTA_UPDATE", "always")
        .env("INSTA_FORCE_PASS", "1")
        .env("GRADER_SECRET", "hunter2")
        .output()
        .unwrap();
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    out
}

/// The class: one student per case of the list.
/// `port` is a port the test listens on at 127.0.0.1: a student's code tries to reach it.
fn build_class(subs: &Path, outside: &Path, port: u16) {
    let call_lib = format!("{CALL}/src/lib.rs");
    let kw_lib = format!("{KWARGS}/src/lib.rs");
    let (call_ok, kw_ok) = (solution(CALL), solution(KWARGS));
    folder(&subs.join("correct"), &[(&call_lib, &call_ok), (&kw_lib, &kw_ok)]);
    // Stage 1 solved; stage 2 computed in Rust, never calling Python's `sum`: its check sees it.
    let partial = call_ok.replace("builtins.getattr(\"sum\")?.call1((sales,))?.extract()", "let _ = builtins;\n    Ok(sales.iter().sum())");
    assert_ne!(partial, call_ok);
    folder(&subs.join("partial"), &[(&call_lib, &partial), (&kw_lib, &starter(KWARGS))]);
    // Tests rewritten to pass and snapshots rewritten to the starter's output: ignored.
    let fake_check = "#[test]\nfn shout_calls_strip_and_upper() {}\n#[test]\nfn total_sales_calls_sum() {}\n";
    let fake_snap = "---\nsource: tests/check.rs\nexpression: report\n---\n\"Michael Scott\" -> \"michael scott\"\n";
    folder(
        &subs.join("tampered_tests"),
        &[
            (&call_lib, &starter(CALL)),
            (&format!("{CALL}/tests/check.rs"), fake_check),
            (&format!("{CALL}/tests/snapshots/check__shout_calls_strip_and_upper.snap"), fake_snap),
            (&kw_lib, &kw_ok),
        ],
    );
    // A build script that would leave a mark, and a manifest that would use it: ignored.
    let marker = outside.join("build-script-ran");
    let build_rs = format!("fn main() {{ std::fs::write({:?}, \"pwned\").unwrap(); }}\n", marker.display().to_string());
    let manifest = read(format!("{CALL}/Cargo.toml")).replace("[dependencies]", "build = \"evil.rs\"\n\n[dependencies]\nno-such-crate-anywhere = \"9\"");
    folder(
        &subs.join("build_script"),
        &[
            (&call_lib, &call_ok),
            (&format!("{CALL}/build.rs"), &build_rs),
            (&format!("{CALL}/evil.rs"), &build_rs),
            (&format!("{CALL}/Cargo.toml"), &manifest),
            (&kw_lib, &kw_ok),
        ],
    );
    // An endless loop in stage 1 (and a child process that would outlive it).
    let looping = call_ok.replacen(
        "pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {",
        "pub fn shout(name: &Bound<'_, PyString>) -> PyResult<String> {\n    let _child = std::process::Command::new(\"sleep\").arg(\"600\").spawn();\n    loop { std::hint::spin_loop(); }",
        1,
    );
    assert_ne!(looping, call_ok);
    folder(&subs.join("looping"), &[(&call_lib, &looping), (&kw_lib, &kw_ok)]);
    let panicking = call_ok.replacen(
        "pub fn total_sales(py: Python<'_>, sales: Vec<i64>) -> PyResult<i64> {",
        &format!(
            "pub fn total_sales(py: Python<'_>, sales: Vec<i64>) -> PyResult<i64> {{\n    let network = std::net::TcpStream::connect(\"127.0.0.1:{port}\").is_ok();\n    panic!(\"the shredder ate the sales report; secret={{:?}}; network={{network}}\", std::env::var(\"GRADER_SECRET\").ok());"
        ),
        1,
    );
    assert_ne!(panicking, call_ok);
    folder(&subs.join("panicking"), &[(&call_lib, &panicking), (&kw_lib, &kw_ok)]);
    folder(&subs.join("compile_error"), &[(&call_lib, &format!("{call_ok}\nfn broken() -> u32 {{ \"not a number\" }}\n")), (&kw_lib, &kw_ok)]);
    folder(&subs.join("missing_file"), &[(&kw_lib, &kw_ok)]);
    // Compiling the solution in from outside the exercise: refused.
    let stolen = format!(
        "#[path = {:?}]\nmod stolen;\npub use stolen::*;\n",
        repo().join("solutions/python-from-rust/call_function/src/lib.rs").display().to_string()
    );
    folder(&subs.join("include_solution"), &[(&call_lib, &stolen), (&kw_lib, &kw_ok)]);
    // A .tar.gz with `..`, an absolute path and a symbolic link out, inside a wrapping folder.
    let file = std::fs::File::create(subs.join("hostile.tar.gz")).unwrap();
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(file, flate2::Compression::default()));
    tar_entry(&mut tar, "../escaped-by-tar.txt", tar::EntryType::Regular, None, b"out");
    let absolute = outside.join("absolute-by-tar.txt");
    tar_entry(&mut tar, &absolute.display().to_string(), tar::EntryType::Regular, None, b"out");
    tar_entry(&mut tar, &format!("rust-python/{call_lib}"), tar::EntryType::Symlink, Some("/etc/hostname"), b"");
    tar_entry(&mut tar, &format!("rust-python/{kw_lib}"), tar::EntryType::Regular, None, kw_ok.as_bytes());
    tar.into_inner().unwrap().finish().unwrap();
    // A .zip with `..` and an absolute path, and the right files.
    let mut zip = zip::ZipWriter::new(std::fs::File::create(subs.join("zipped.zip")).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [("../escaped-by-zip.txt", "out"), (&*outside.join("absolute-by-zip.txt").display().to_string(), "out"), (&*call_lib, &*call_ok), (&*kw_lib, &*kw_ok)] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// Whether this machine is expected to isolate student code (network namespaces and
/// Landlock): on Linux, unless `WORKBOOK_TEST_ISOLATION=unavailable` says the machine
/// cannot (a container without user namespaces, a kernel without Landlock).
fn isolation_expected() -> bool {
    cfg!(target_os = "linux") && std::env::var("WORKBOOK_TEST_ISOLATION").as_deref() != Ok("unavailable")
}

fn student<'a>(grades: &'a BTreeMap<String, Value>, id: &str) -> &'a Value {
    grades.get(id).unwrap_or_else(|| panic!("no grade for {id}"))
}

/// The stages' pass marks of `exercise` in a `grade.json`.
fn passes(grade: &Value, exercise: &str) -> Vec<bool> {
    let ex = grade["exercises"].as_array().unwrap().iter().find(|e| e["exercise"] == exercise).unwrap();
    ex["stages"].as_array().unwrap().iter().map(|s| s["passed"].as_bool().unwrap()).collect()
}

fn exercise<'a>(grade: &'a Value, name: &str) -> &'a Value {
    grade["exercises"].as_array().unwrap().iter().find(|e| e["exercise"] == name).unwrap()
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn a_class_is_graded_end_to_end() {
    let tmp = tempfile::tempdir().unwrap();
    let subs = tmp.path().join("class");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    // Reachable from the grader; not from a run in its own network namespace.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    build_class(&subs, &outside, listener.local_addr().unwrap().port());
    let before = checksums(&subs);
    let out = tmp.path().join("graded");
    let args = ["grade", subs.to_str().unwrap(), "--out", out.to_str().unwrap(), "--exercises", "call_function,keyword_arguments", "--timeout", "20"];
    let run = xtask(&args);
    assert!(run.status.success(), "grade failed: {}", String::from_utf8_lossy(&run.stdout));

    // Submissions are read-only to the grader, and nothing escaped an archive.
    assert_eq!(before, checksums(&subs), "a submission changed");
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0, "something was written outside");
    for name in ["escaped-by-tar.txt", "escaped-by-zip.txt"] {
        assert!(!std::env::temp_dir().join(name).exists() && !tmp.path().join(name).exists(), "{name} escaped");
    }

    let mut grades = BTreeMap::new();
    for entry in std::fs::read_dir(out.join("students")).unwrap() {
        let dir = entry.unwrap().path();
        let grade: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("grade.json")).unwrap()).unwrap();
        grades.insert(grade["student"].as_str().unwrap().to_string(), grade);
    }
    let ids: Vec<&str> = grades.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        ["build_script", "compile_error", "correct", "hostile", "include_solution", "looping", "missing_file", "panicking", "partial", "tampered_tests", "zipped"]
    );
    let full = [true, true, true];
    assert_eq!(passes(student(&grades, "correct"), "call_function"), [true, true, true]);
    assert_eq!(passes(student(&grades, "correct"), "keyword_arguments"), full);
    assert_eq!(passes(student(&grades, "partial"), "call_function"), [true, false, true]);
    assert_eq!(passes(student(&grades, "tampered_tests"), "call_function"), [false, false, false]);
    assert_eq!(passes(student(&grades, "build_script"), "call_function"), [true, true, true]);
    assert!(!outside.join("build-script-ran").exists(), "the submitted build script ran");
    let looping = exercise(student(&grades, "looping"), "call_function");
    assert_eq!((looping["status"].as_str(), looping["score"].as_u64()), (Some("timed_out"), Some(0)));
    assert_eq!(passes(student(&grades, "looping"), "keyword_arguments"), full, "the batch goes on after a timeout");
    assert_eq!(passes(student(&grades, "panicking"), "call_function"), [true, false, true]);
    let panic = &exercise(student(&grades, "panicking"), "call_function")["stages"][1]["output"];
    let panic = panic.as_str().unwrap();
    assert!(panic.contains("the shredder ate the sales report; secret=None"), "{panic}");
    let feedback = std::fs::read_to_string(out.join("students/panicking/feedback.md")).unwrap();
    let isolated = feedback.contains("ran without network access") && feedback.contains("confined with Landlock");
    assert_eq!(isolated, isolation_expected(), "isolation expected here but missing (or the reverse):\n{feedback}");
    assert!(panic.contains(&format!("network={}", !isolated)), "{panic}");
    drop(listener);
    let broken = exercise(student(&grades, "compile_error"), "call_function");
    assert_eq!(broken["status"], "build_failed");
    assert!(broken["message"].as_str().unwrap().contains("mismatched types"), "{}", broken["message"]);
    let stolen = exercise(student(&grades, "include_solution"), "call_function");
    assert_eq!((stolen["status"].as_str(), stolen["score"].as_u64()), (Some("build_failed"), Some(0)));
    // Confined, the compiler may not read the file; unconfined, the dependency list shows it.
    let why = if isolation_expected() { "Permission denied" } else { "outside the exercise" };
    assert!(stolen["message"].as_str().unwrap().contains(why), "{}", stolen["message"]);
    let missing = exercise(student(&grades, "missing_file"), "call_function");
    assert_eq!(missing["status"], "not_submitted");
    assert!(missing["message"].as_str().unwrap().contains("file not submitted"));
    assert_eq!(passes(student(&grades, "missing_file"), "keyword_arguments"), full);
    let hostile = student(&grades, "hostile");
    let notes = hostile["notes"].to_string();
    assert!(notes.contains("`..`") && notes.contains("absolute") && notes.contains("/etc/hostname"), "{notes}");
    assert_eq!(exercise(hostile, "call_function")["status"], "not_submitted");
    assert_eq!(passes(hostile, "keyword_arguments"), full);
    assert_eq!(passes(student(&grades, "zipped"), "call_function"), [true, true, true]);

    // The gradebook: one row per student, a column per exercise, adjustments, total and
    // max, then each exercise's status.
    let mut csv = csv::Reader::from_path(out.join("grades.csv")).unwrap();
    assert_eq!(
        csv.headers().unwrap().iter().collect::<Vec<_>>(),
        ["student", "call_function", "keyword_arguments", "adjustments", "total", "max", "call_function status", "keyword_arguments status"]
    );
    let mut statuses = BTreeMap::new();
    let rows: BTreeMap<String, Vec<u32>> = csv
        .records()
        .map(|r| {
            let r = r.unwrap();
            statuses.insert(r[0].to_string(), (r[6].to_string(), r[7].to_string()));
            (r[0].to_string(), r.iter().skip(1).take(5).map(|v| v.parse().unwrap()).collect())
        })
        .collect();
    assert_eq!(rows.len(), 11);
    assert_eq!(rows["correct"], [5, 4, 0, 9, 9]);
    assert_eq!(rows["partial"][0], 3);
    assert_eq!(rows["looping"], [0, 4, 0, 4, 9]);
    assert_eq!(rows["missing_file"], [0, 4, 0, 4, 9]);
    assert_eq!(rows["compile_error"][0], 0);
    let status = |id: &str| statuses[id].0.as_str();
    assert_eq!([status("correct"), status("looping"), status("missing_file"), status("compile_error"), status("tampered_tests")], ["graded", "timed out", "not submitted", "does not compile", "unchanged starter"]);

    // Gradescope's results.json, field by field as documented.
    let results: Value = serde_json::from_str(&std::fs::read_to_string(out.join("students/partial/results.json")).unwrap()).unwrap();
    assert_gradescope(&results);
    assert_eq!(results["score"].as_f64(), Some(f64::from(rows["partial"][3])));
    assert_eq!(results["tests"].as_array().unwrap().len(), 6);
    assert_eq!(results["tests"][0]["status"], "passed");
    assert_eq!(results["tests"][1]["status"], "failed");

    // The JUnit report: a suite per student, a case per stage, failures where stages
    // failed; an exercise that scored 0 as a whole is one case, with one failure.
    let (suites, cases, failures) = junit_counts(&std::fs::read_to_string(out.join("junit.xml")).unwrap());
    let exercises: Vec<&Value> = grades.values().flat_map(|g| g["exercises"].as_array().unwrap()).collect();
    let graded = |e: &&&Value| e["status"] == "graded";
    let whole_zeros = exercises.iter().filter(|e| !graded(e)).count();
    let stages = |e: &&Value| e["stages"].as_array().unwrap().clone();
    let graded_stages: Vec<Value> = exercises.iter().filter(graded).flat_map(stages).collect();
    assert!(whole_zeros >= 4, "timed out, not submitted (twice), does not compile");
    assert_eq!((suites, cases), (11, graded_stages.len() + whole_zeros));
    assert_eq!(failures, graded_stages.iter().filter(|s| s["passed"] == false).count() + whole_zeros);

    // The feedback shows the diff of a failed snapshot and says why an exercise got 0.
    let feedback = std::fs::read_to_string(out.join("students/partial/feedback.md")).unwrap();
    assert!(feedback.contains("-expected +observed") && feedback.contains("✗ failed"), "{feedback}");
    let feedback = std::fs::read_to_string(out.join("students/looping/feedback.md")).unwrap();
    assert!(feedback.contains("Killed at the time limit"), "{feedback}");

    // A resumed run grades nothing again and keeps everything.
    let csv_before = std::fs::read_to_string(out.join("grades.csv")).unwrap();
    let mut resume = args.to_vec();
    resume.push("--resume");
    let again = xtask(&resume);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 submission(s) to grade of 11"));
    assert_eq!(std::fs::read_to_string(out.join("grades.csv")).unwrap(), csv_before);
}

fn assert_gradescope(results: &Value) {
    assert!(results["score"].is_number() && results["execution_time"].is_number() && results["output"].is_string());
    for test in results["tests"].as_array().unwrap() {
        assert!(test["name"].is_string() && test["output"].is_string());
        assert!(test["score"].as_f64().unwrap() <= test["max_score"].as_f64().unwrap());
        assert!(["passed", "failed"].contains(&test["status"].as_str().unwrap()));
        assert!(["hidden", "after_due_date", "after_published", "visible"].contains(&test["visibility"].as_str().unwrap()));
    }
}

/// Counts `<testsuite>`, `<testcase>` and `<failure>` elements, and checks the counts
/// the root element declares.
fn junit_counts(xml: &str) -> (usize, usize, usize) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut suites, mut cases, mut failures) = (0, 0, 0);
    let mut declared = (0, 0);
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().into_inner() {
                    "testsuites" => {
                        let attr = |n: &str| e.try_get_attribute(n).unwrap().unwrap().value.parse::<usize>().unwrap();
                        declared = (attr("tests"), attr("failures"));
                    }
                    "testsuite" => suites += 1,
                    "testcase" => cases += 1,
                    "failure" => failures += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(declared, (cases, failures));
    (suites, cases, failures)
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn shards_merge_and_gradescope_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let subs = tmp.path().join("class");
    let call_lib = format!("{CALL}/src/lib.rs");
    folder(&subs.join("angela"), &[(&call_lib, &solution(CALL))]);
    folder(&subs.join("kevin"), &[(&call_lib, &starter(CALL))]);
    folder(&subs.join("oscar"), &[("notes.txt", "nothing here")]);
    // The grader never writes into the submissions, not even its output.
    let before = checksums(&subs);
    let inside = subs.join("graded");
    let refused = xtask(&["grade", subs.to_str().unwrap(), "--out", inside.to_str().unwrap(), "--exercises", "call_function"]);
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("inside the submissions folder"));
    assert_eq!(before, checksums(&subs));
    let mut dirs = Vec::new();
    // Shards of one class share the seed of their held-out inputs.
    for shard in ["1/2", "2/2"] {
        let out = tmp.path().join(format!("shard-{}", &shard[..1]));
        let run = xtask(&["grade", subs.to_str().unwrap(), "--out", out.to_str().unwrap(), "--exercises", "call_function", "--shard", shard, "--seed", "1129"]);
        assert!(run.status.success());
        dirs.push(out);
    }
    // Sorted ids angela, kevin, oscar: shard 1 takes angela and oscar, shard 2 kevin.
    assert!(dirs[0].join("students/oscar/grade.json").exists() && dirs[1].join("students/kevin/grade.json").exists());
    let merged = tmp.path().join("merged");
    let run = xtask(&["grade", "merge", dirs[0].to_str().unwrap(), dirs[1].to_str().unwrap(), "--out", merged.to_str().unwrap()]);
    assert!(run.status.success());
    let csv = std::fs::read_to_string(merged.join("grades.csv")).unwrap();
    assert_eq!(
        csv,
        "student,call_function,adjustments,total,max,call_function status\nangela,5,0,5,5,graded\nkevin,0,0,0,5,unchanged starter\noscar,0,0,0,5,unreadable\n"
    );
    let twice = tmp.path().join("merged-twice");
    let refused = xtask(&["grade", "merge", dirs[0].to_str().unwrap(), dirs[0].to_str().unwrap(), "--out", twice.to_str().unwrap()]);
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("is graded in both"));
    assert!(!twice.exists(), "a refused merge wrote into its --out");
    // A second run into a used folder is refused and changes nothing.
    let before = std::fs::read(merged.join("grades.csv")).unwrap();
    let again = xtask(&["grade", subs.to_str().unwrap(), "--out", merged.to_str().unwrap(), "--exercises", "call_function"]);
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("holds a grading run already"), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(before, std::fs::read(merged.join("grades.csv")).unwrap());
    // Shards graded on other held-out seeds are not merged, and the message says why.
    let other_seed = tmp.path().join("shard-other-seed");
    assert!(xtask(&["grade", subs.to_str().unwrap(), "--out", other_seed.to_str().unwrap(), "--exercises", "call_function", "--shard", "2/2", "--seed", "7"]).status.success());
    let mixed = tmp.path().join("merged-mixed");
    let refused = xtask(&["grade", "merge", dirs[0].to_str().unwrap(), other_seed.to_str().unwrap(), "--out", mixed.to_str().unwrap()]);
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("held-out seeds differ (1129 against 7)"), "{}", String::from_utf8_lossy(&refused.stderr));
    assert!(!mixed.exists(), "a refused merge wrote into its --out");

    // Gradescope's layout: /autograder/submission in, /autograder/results/results.json out.
    let root = tmp.path().join("autograder");
    folder(&root.join("submission"), &[(&call_lib, &solution(CALL))]);
    std::fs::create_dir_all(root.join("results")).unwrap();
    let run = xtask(&["grade", "--gradescope", "--gradescope-root", root.to_str().unwrap(), "--exercises", "call_function"]);
    assert!(run.status.success());
    let results: Value = serde_json::from_str(&std::fs::read_to_string(root.join("results/results.json")).unwrap()).unwrap();
    assert_gradescope(&results);
    assert_eq!(results["score"].as_f64(), Some(5.0));
}
