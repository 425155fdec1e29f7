//! The instructor's records around the grades, end to end with the real xtask binary and
//! a tiny class of `call_function`: a roster (with a student who handed nothing in), an
//! adjustment, a resumed run, a regrade, a merge; then the gradebook, the feedback,
//! `results.json`, `junit.xml`, `report.html`, the review pages and `run.json`. And the
//! Gradescope kit's seed, visibility and pinned Rust.
#![cfg(unix)]

use serde_json::Value;
use std::path::Path;
use std::process::Command;

mod fixture;
use fixture::repository::{repo, solution, starter};

const CALL: &str = "exercises/python-from-rust/call_function";

fn xtask(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).env("WORKBOOK_ROOT", repo()).env("NO_COLOR", "1").output().unwrap();
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rows(csv: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv.as_bytes()).records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn a_class_with_a_roster_and_adjustments_survives_resume_regrade_and_merge() {
    let tmp = tempfile::tempdir().unwrap();
    let subs = tmp.path().join("class");
    let lib = format!("{CALL}/src/lib.rs");
    write(&subs.join("angela").join(&lib), &solution(CALL));
    write(&subs.join("kevin").join(&lib), &starter(CALL));
    write(&subs.join("meredith").join(&lib), &format!("{}\nfn broken() -> u32 {{ \"not a number\" }}\n", solution(CALL)));
    // Canvas's export: the submissions are named by login; oscar handed nothing in.
    let roster = tmp.path().join("roster.csv");
    let canvas = "Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n";
    let people = [("Martin, Angela", 11, "angela"), ("Malone, Kevin", 12, "kevin"), ("Palmer, Meredith", 13, "meredith"), ("Martinez, Oscar", 14, "oscar")];
    write(&roster, &(canvas.to_string() + &people.map(|(n, id, login)| format!("\"{n}\",{id},S{id},{login},A\n")).concat()));
    let adjustments = tmp.path().join("adjustments.csv");
    let out = tmp.path().join("graded");
    let grade = |extra: &[&str]| {
        let mut args = vec!["grade", subs.to_str().unwrap(), "--out", out.to_str().unwrap(), "--exercises", "call_function", "--timeout", "30"];
        args.extend(extra);
        xtask(&args)
    };

    // A line naming nobody of the class stops the run before anything is written.
    write(&adjustments, "student,exercise,points,reason\nkevin,call_function,2,ok\nstanley,,1,\"pretzel day\"\n");
    let refused = grade(&["--roster", roster.to_str().unwrap(), "--adjustments", adjustments.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success() && stderr.contains(&format!("{}:3: no student `stanley`", adjustments.display())), "{stderr}");
    assert!(!out.join("run.json").exists());

    // First half of the class, with the roster and a (now right) adjustment.
    write(&adjustments, "student,exercise,points,reason\nkevin,call_function,2,\"stage 1 was right on paper, graded by hand\"\n");
    let first = grade(&["--shard", "1/2", "--seed", "5", "--roster", roster.to_str().unwrap(), "--adjustments", adjustments.to_str().unwrap()]);
    assert!(first.status.success());
    assert!(out.join("students/angela/grade.json").exists() && !out.join("students/kevin").exists());
    // The rest, resumed: the kept roster and adjustments apply without their flags.
    let resumed = grade(&["--resume"]);
    assert!(resumed.status.success());

    let csv = read(&out.join("grades.csv"));
    assert_eq!(
        rows(&csv),
        [
            ["angela", "5", "0", "5", "5", "graded"],
            ["kevin", "0", "2", "2", "5", "unchanged starter"],
            ["meredith", "0", "0", "0", "5", "does not compile"],
            ["oscar", "0", "0", "0", "5", "not submitted"],
        ]
        .map(|r| r.map(String::from).to_vec())
    );
    assert!(csv.starts_with("student,call_function,adjustments,total,max,call_function status\n"), "{csv}");
    let feedback = read(&out.join("students/kevin/feedback.md"));
    assert!(feedback.contains("**Score: 2/5** (0 from the checks, +2 adjusted by your instructor)"), "{feedback}");
    assert!(feedback.contains("+2 point(s), `call_function`: stage 1 was right on paper, graded by hand"), "{feedback}");
    let results: Value = serde_json::from_str(&read(&out.join("students/kevin/results.json"))).unwrap();
    assert_eq!(results["score"].as_f64(), Some(2.0));
    assert_eq!(results["extra_data"]["adjustments"][0]["points"].as_f64(), Some(2.0));

    // One failure for an exercise that does not compile; one per missing exercise.
    let junit = read(&out.join("junit.xml"));
    assert!(junit.contains("message=\"0/5 points: does not compile\""), "{junit}");
    assert!(junit.contains("<testcase name=\"call_function\" classname=\"oscar.call_function\""), "{junit}");
    assert_eq!(junit.matches("classname=\"meredith.call_function\"").count(), 1, "{junit}");

    // The report and the review pages.
    let report = read(&out.join("report.html"));
    assert!(report.contains("4 student(s) in the gradebook, 3 graded, 1 with nothing handed in"), "{report}");
    assert!(report.contains("5 (<code>--seed 5</code>"), "{report}");
    assert!(report.contains("<a href=\"#failed-call_function-1\">3</a>"), "{report}");
    assert!(report.contains("<li>oscar (not submitted)</li>") && report.contains("<a href=\"students/kevin/review.html\">kevin</a>"), "{report}");
    assert!(report.contains("<dt>Confinement</dt>") && !report.contains("<script"), "{report}");
    let review = read(&out.join("students/meredith/review.html"));
    assert!(review.contains("<span class=\"add\">+fn broken() -&gt; u32 { &quot;not a number&quot; }</span>") || review.contains("+fn broken() -&gt; u32"), "{review}");
    assert!(review.contains("does not compile") && review.contains("mismatched types"), "{review}");
    assert!(read(&out.join("students/kevin/review.html")).contains("Unchanged from the starter."));

    // run.json: both runs, dated, with the course's commit, options and confinement.
    let run: Value = serde_json::from_str(&read(&out.join("run.json"))).unwrap();
    let runs = run["runs"].as_array().unwrap();
    assert_eq!(runs.iter().map(|r| r["kind"].as_str().unwrap()).collect::<Vec<_>>(), ["grade", "resume"]);
    assert!(runs[0]["date"].as_str().unwrap().ends_with('Z'), "{run}");
    assert_eq!(runs[0]["options"]["shard"], "1/2");
    assert_eq!(runs[0]["graded"], serde_json::json!(["angela", "meredith"]));
    assert_eq!(runs[1]["graded"], serde_json::json!(["kevin"]));
    assert!(runs[0]["confinement"]["description"].is_string() && runs[0]["options"]["timeout_s"] == 30, "{run}");
    if Command::new("git").arg("-C").arg(repo()).args(["rev-parse", "HEAD"]).output().is_ok_and(|o| o.status.success()) {
        assert_eq!(runs[0]["course"]["commit"].as_str().unwrap().len(), 40, "{run}");
    }

    // A regrade of one student with a changed adjustment: recorded with its totals.
    write(&adjustments, "student,exercise,points,reason\nkevin,call_function,3,\"stages 1 and 2 right on paper\"\n");
    let regrade = grade(&["--regrade", "kevin", "--adjustments", adjustments.to_str().unwrap()]);
    assert!(regrade.status.success());
    let run: Value = serde_json::from_str(&read(&out.join("run.json"))).unwrap();
    let last = run["runs"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "regrade");
    assert_eq!(last["regraded"], serde_json::json!([{"student": "kevin", "before": 2.0, "after": 3.0}]), "{run}");
    assert_eq!(rows(&read(&out.join("grades.csv")))[1], ["kevin", "0", "3", "3", "5", "unchanged starter"]);

    // A merge keeps the roster and the adjustments.
    let merged = tmp.path().join("merged");
    assert!(xtask(&["grade", "merge", out.to_str().unwrap(), "--out", merged.to_str().unwrap()]).status.success());
    assert_eq!(read(&merged.join("grades.csv")), read(&out.join("grades.csv")));
    assert_eq!(read(&merged.join("students/kevin/feedback.md")), read(&out.join("students/kevin/feedback.md")));
    assert!(merged.join("report.html").exists() && merged.join("students/meredith/review.html").exists());
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn the_gradescope_kit_fixes_the_seed_the_visibility_and_rust() {
    let tmp = tempfile::tempdir().unwrap();
    let kit = tmp.path().join("kit.zip");
    let made = xtask(&["class", "gradescope", kit.to_str().unwrap(), "--exercises", "call_function", "--seed", "77", "--visibility", "after-due-date"]);
    assert!(made.status.success());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&kit).unwrap()).unwrap();
    let mut text = |name: &str| std::io::read_to_string(zip.by_name(name).unwrap()).unwrap();
    let run = text("run_autograder");
    assert!(run.contains("--exercises call_function --seed 77 --visibility after-due-date"), "{run}");
    let version = String::from_utf8(Command::new("rustc").arg("--version").output().unwrap().stdout).unwrap();
    let release = version.split_whitespace().nth(1).unwrap();
    let setup = text("setup.sh");
    if !release.contains('-') {
        assert!(setup.contains(&format!("rustup default {release}")) && setup.contains(&format!("--default-toolchain {release}")), "{setup}");
    }
}
