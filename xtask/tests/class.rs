//! End-to-end tests of `cargo xtask class`: the students' repository is exported, cloned
//! and used with the students' commands (its own xtask, built in the clone); it holds no
//! solution text; its GitHub Classroom workflow is read back and its commands run; and
//! Gradescope's autograder archive is unpacked into a folder laid out like Gradescope's
//! and graded with its own `run_autograder`.
//!
//! To stay cheap, the kits hold one exercise (`call_function`); the clone builds into the
//! target directory's `fixtures/class-kit` folder and shares the repository's venv
//! (`WORKBOOK_VENV`), so only the first run compiles pyo3, the xtask and mdBook there.
#![cfg(unix)]

use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod fixture;
use fixture::repository::{read, repo, solution, starter};

const CALL: &str = "exercises/python-from-rust/call_function";

/// The target directory the tests' xtask binary was built in.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_xtask")).parent().and_then(Path::parent).unwrap().to_path_buf()
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// The repository's xtask (the one under test), run at the repository.
fn xtask(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).env("WORKBOOK_ROOT", repo()).env("NO_COLOR", "1").output().unwrap();
    assert!(out.status.success(), "xtask {args:?}:\n{}", text(&out));
    out
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git").current_dir(dir).args(args).output().unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A command in the students' clone, with the environment a student has (no
/// `WORKBOOK_ROOT`), the repository's venv and the fixtures' target folder.
fn in_clone(clone: &Path, program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(clone)
        .env_remove("WORKBOOK_ROOT")
        .env("WORKBOOK_VENV", repo().join(".venv"))
        .env("CARGO_TARGET_DIR", target_dir().join("fixtures/class-kit"))
        .env("NO_COLOR", "1");
    cmd
}

/// `cargo xtask ARGS` in the students' clone: its own xtask, through its own alias.
fn student(clone: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = in_clone(clone, &cargo).arg("xtask").args(args).output().unwrap();
    eprintln!("cargo xtask {args:?}:\n{}", text(&out));
    out
}

/// Every file under `dir` (but `.git`), relative.
fn files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect()
}

/// The exercises of `exercises/info.toml`: (dir, editable files, points per stage).
fn course() -> Vec<(String, Vec<String>, Vec<i64>)> {
    let info: toml::Table = read("exercises/info.toml").parse().unwrap();
    info["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let editable = e["editable"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_string()).collect();
            let points = e["stages"].as_array().unwrap().iter().map(|s| s["points"].as_integer().unwrap()).collect();
            (e["dir"].as_str().unwrap().to_string(), editable, points)
        })
        .collect()
}

/// Lines of the solutions' editable files found nowhere else in the repository but in
/// `solutions/`, the solution pages, the instructors' pages and the recorded wrong
/// answers (which are solutions with one lesson skipped): text only a solution gives.
fn solution_only_lines() -> HashSet<String> {
    let private = |p: &str| {
        p.starts_with("solutions/") || p.starts_with("book/src/solutions/") || p.starts_with("book/src/instructors/") || p.contains("/tests/wrong/") || p.contains("/tests/right/")
    };
    let tracked = git(&repo(), &["ls-files"]);
    let mut public = HashSet::new();
    for path in tracked.lines().filter(|p| !private(p)) {
        if let Ok(text) = std::fs::read_to_string(repo().join(path)) {
            public.extend(text.lines().map(|l| l.trim().to_string()));
        }
    }
    let mut only = HashSet::new();
    for (_, editable, _) in course() {
        for file in editable {
            let text = read(file.replacen("exercises/", "solutions/", 1));
            only.extend(text.lines().map(|l| l.trim().to_string()).filter(|l| l.len() >= 12 && !public.contains(l)));
        }
    }
    only
}

#[test]
fn the_full_export_holds_no_solution_no_wrong_answer_and_no_authors_command() {
    let tmp = tempfile::tempdir().unwrap();
    let export = tmp.path().join("course");
    let said = text(&xtask(&["class", "export", export.to_str().unwrap()]));
    assert!(said.contains("The students' repository is in"), "{said}");
    let all = files(&export);
    for path in &all {
        let p = path.to_string_lossy();
        assert!(!p.starts_with("solutions/") && !p.contains("/tests/wrong/") && !p.contains("/tests/right/"), "{p} is handed out");
        assert!(!p.starts_with("book/src/solutions/") && !p.starts_with("book/src/instructors/"), "{p} is handed out");
        assert!(!p.starts_with("xtask/src/grade") && !p.starts_with("xtask/src/class") && !p.starts_with("xtask/tests/"), "{p} is handed out");
        for authors in ["verify.rs", "bless.rs", "new.rs", "bench.rs", "grade.rs", "class.rs"] {
            assert!(!p.ends_with(&format!("commands/{authors}")), "{p} is handed out");
        }
    }
    for (dir, _, _) in course() {
        assert!(export.join(&dir).join("tests/check.rs").is_file(), "{dir} is exported");
    }

    let only = solution_only_lines();
    assert!(only.len() > 100, "the solutions have lines of their own: {}", only.len());
    for path in &all {
        let Ok(text) = std::fs::read_to_string(export.join(path)) else { continue };
        for line in text.lines() {
            assert!(!only.contains(line.trim()), "{} holds a line of a solution: {line:?}", path.display());
        }
        if path.starts_with("book/src") {
            assert!(!text.contains("Instructor notes"), "{} keeps instructor notes", path.display());
            for line in text.lines().filter(|l| l.contains("{{#include")) {
                assert!(!line.contains("solutions/"), "{} includes a solution: {line}", path.display());
            }
            assert!(!text.contains("](../solutions/") && !text.contains("](../../solutions/"), "{} links to a solution page", path.display());
        }
    }
    let summary = std::fs::read_to_string(export.join("book/src/SUMMARY.md")).unwrap();
    assert!(!summary.contains("# Solutions") && !summary.contains("# For instructors"), "{summary}");
    let refused = Command::new(env!("CARGO_BIN_EXE_xtask")).args(["class", "export", export.to_str().unwrap()]).env("WORKBOOK_ROOT", repo()).output().unwrap();
    assert!(!refused.status.success() && text(&refused).contains("is not empty"), "{}", text(&refused));
    let readme = std::fs::read_to_string(export.join("README.md")).unwrap();
    assert!(readme.contains("cargo xtask check") && !readme.contains("cargo xtask verify") && !readme.contains("cargo xtask grade"), "{readme}");
    assert!(readme.contains("cargo xtask pack"), "the README says how to make the archive to hand in");
    // The stages' review notes are the instructor's: the course has them, the export not.
    let review = |info: &str| info.lines().filter(|l| l.trim_start().starts_with("review =")).count();
    assert!(review(&read("exercises/info.toml")) > 4, "the course has review notes");
    let info = std::fs::read_to_string(export.join("exercises/info.toml")).unwrap();
    assert_eq!(review(&info), 0, "no review note is handed out");
    assert!(export.join("xtask/src/commands/pack.rs").is_file() && export.join("xtask/src/handin.rs").is_file(), "pack is a students' command");
}

#[test]
fn a_part_is_a_weeks_assignment_and_unknown_names_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let export = tmp.path().join("c-abi");
    xtask(&["class", "export", export.to_str().unwrap(), "--part", "c-abi"]);
    let info = std::fs::read_to_string(export.join("exercises/info.toml")).unwrap();
    let names: Vec<String> = info.lines().filter_map(|l| l.strip_prefix("name = \"")).map(|n| n.trim_end_matches('"').to_string()).collect();
    assert!(names.contains(&"add_numbers".to_string()) && !names.contains(&"call_function".to_string()), "{names:?}");
    assert!(export.join("exercises/c-abi/add_numbers/Cargo.toml").is_file() && !export.join(CALL).exists());
    assert!(export.join("book/src/c-abi/exercises/add_numbers.md").is_file(), "the part's exercise pages stay");
    assert!(!export.join("book/src/python-from-rust/exercises/call_function.md").exists(), "other exercises' pages go");
    let summary = std::fs::read_to_string(export.join("book/src/SUMMARY.md")).unwrap();
    assert!(summary.contains("(c-abi/exercises/add_numbers.md)") && !summary.contains("call_function"), "{summary}");

    for (args, says) in [
        (vec!["--part", "nope"], "no part is called `nope`"),
        (vec!["--exercises", "nope"], "no exercise is called `nope`"),
    ] {
        let dir = tmp.path().join("refused");
        let out = Command::new(env!("CARGO_BIN_EXE_xtask")).args(["class", "export", dir.to_str().unwrap()]).args(&args).env("WORKBOOK_ROOT", repo()).output().unwrap();
        assert!(!out.status.success() && text(&out).contains(says) && !dir.exists(), "{args:?}: {}", text(&out));
    }
}

/// The workflow's YAML (block mappings and sequences, every scalar JSON) as JSON.
fn parse_workflow(text: &str) -> Value {
    let lines: Vec<(usize, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| (l.len() - l.trim_start().len(), l.trim_start().to_string()))
        .collect();
    let mut at = 0;
    let value = block(&mut lines.clone(), &mut at, 0);
    assert_eq!(at, lines.len(), "the workflow has lines this reader did not take: {:?}", &lines[at..]);
    value
}

fn block(lines: &mut Vec<(usize, String)>, at: &mut usize, indent: usize) -> Value {
    if lines[*at].1.starts_with("- ") {
        let mut items = Vec::new();
        while *at < lines.len() && lines[*at].0 == indent && lines[*at].1.starts_with("- ") {
            let rest = lines[*at].1[2..].to_string();
            let key_first = rest.split_once(": ").is_some_and(|(k, _)| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                || rest.ends_with(':');
            if key_first {
                lines[*at] = (indent + 2, rest);
                items.push(block(lines, at, indent + 2));
            } else {
                items.push(serde_json::from_str(&rest).unwrap_or_else(|e| panic!("{rest}: {e}")));
                *at += 1;
            }
        }
        return Value::Array(items);
    }
    let mut map = serde_json::Map::new();
    while *at < lines.len() && lines[*at].0 == indent && !lines[*at].1.starts_with("- ") {
        let line = lines[*at].1.clone();
        // A key is plain (`runs-on`) or a JSON string (`"on"`).
        let (key, rest) = if line.starts_with('"') {
            let end = line.find("\":").unwrap_or_else(|| panic!("not a key: {line}")) + 1;
            (serde_json::from_str::<String>(&line[..end]).unwrap(), line[end + 1..].trim().to_string())
        } else {
            let (key, rest) = line.split_once(':').unwrap_or_else(|| panic!("not a key: {line}"));
            assert!(key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "a plain key: {key}");
            (key.to_string(), rest.trim().to_string())
        };
        let rest = rest.as_str();
        *at += 1;
        let value = if rest.is_empty() { block(lines, at, lines[*at].0) } else { serde_json::from_str(rest).unwrap_or_else(|e| panic!("{rest}: {e}")) };
        map.insert(key, value);
    }
    Value::Object(map)
}

/// Checks the workflow against GitHub Classroom's autograding format; returns the script
/// of the step that checks the exercises and each test's (command, max-score).
fn classroom_tests(workflow: &Value, points: &[i64]) -> (String, Vec<(String, i64)>) {
    assert_eq!(workflow["name"], "Autograding Tests");
    assert!(workflow["on"].as_array().unwrap().contains(&Value::from("push")));
    assert_eq!(workflow["permissions"]["checks"], "write");
    let job = &workflow["jobs"]["run-autograding-tests"];
    assert_eq!(job["runs-on"], "ubuntu-latest");
    let steps = job["steps"].as_array().unwrap();
    assert_eq!(steps[0]["uses"], "actions/checkout@v4");
    let script = steps.iter().find(|s| s["name"] == "Check every exercise").unwrap()["run"].as_str().unwrap().to_string();
    let graders: Vec<&Value> = steps.iter().filter(|s| s["uses"] == "classroom-resources/autograding-command-grader@v1").collect();
    let reporter = steps.last().unwrap();
    assert_eq!(reporter["uses"], "classroom-resources/autograding-grading-reporter@v1");
    let ids: Vec<&str> = graders.iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(reporter["with"]["runners"].as_str().unwrap(), ids.join(","));
    let mut tests = Vec::new();
    for (grader, points) in graders.iter().zip(points) {
        let id = grader["id"].as_str().unwrap();
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{id}");
        assert_eq!(reporter["env"][format!("{}_RESULTS", id.to_uppercase())], format!("${{{{steps.{id}.outputs.result}}}}"));
        let with = &grader["with"];
        assert!(with["test-name"].is_string() && with["timeout"].as_i64().unwrap() >= 1, "{with}");
        assert_eq!(with["max-score"].as_i64(), Some(*points), "each stage is worth its points: {with}");
        tests.push((with["command"].as_str().unwrap().to_string(), *points));
    }
    assert_eq!(graders.len(), points.len(), "one test per stage");
    (script, tests)
}

/// Runs the workflow's checking step, then each test's command; returns the points won.
fn run_classroom(clone: &Path, script: &str, tests: &[(String, i64)]) -> i64 {
    let out = in_clone(clone, "bash").args(["-c", script]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    tests.iter().filter(|(command, _)| in_clone(clone, "bash").args(["-c", command]).status().unwrap().success()).map(|(_, p)| p).sum()
}

#[test]
#[ignore = "slow: builds pyo3 and the xtask in a clone; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn a_clone_of_the_export_runs_the_students_commands_and_the_classroom_workflow() {
    let tmp = tempfile::tempdir().unwrap();
    let export = tmp.path().join("export");
    xtask(&["class", "export", export.to_str().unwrap(), "--exercises", "call_function", "--classroom"]);
    git(&export, &["init", "--quiet"]);
    git(&export, &["add", "."]);
    git(&export, &["-c", "user.name=Instructor", "-c", "user.email=instructor@example.com", "commit", "--quiet", "-m", "The course"]);
    let clone = tmp.path().join("clone");
    git(tmp.path(), &["clone", "--quiet", export.to_str().unwrap(), clone.to_str().unwrap()]);
    let info = std::fs::read_to_string(clone.join("exercises/info.toml")).unwrap();
    assert!(info.contains("name = \"call_function\"") && !info.contains("name = \"keyword_arguments\""), "{info}");

    let out = student(&clone, &["list"]);
    assert!(out.status.success() && text(&out).contains("call_function") && text(&out).contains("0/1 done"), "{}", text(&out));
    let out = student(&clone, &["hint", "call_function"]);
    assert!(out.status.success() && text(&out).contains("Hint 1/"), "{}", text(&out));
    for authors in ["verify", "grade", "bless", "bench", "new", "class"] {
        let out = student(&clone, &[authors, "--help"]);
        assert!(!out.status.success() && text(&out).contains("unrecognized subcommand"), "`{authors}` is not a students' command:\n{}", text(&out));
    }

    // The starter fails, in the checker and in the Classroom's tests.
    let points = course().into_iter().find(|(d, _, _)| d == CALL).unwrap().2;
    let out = student(&clone, &["check", "call_function"]);
    assert!(!out.status.success() && text(&out).contains(&format!("0/{} stages pass", points.len())), "{}", text(&out));
    let workflow = std::fs::read_to_string(clone.join(".github/workflows/classroom.yml")).unwrap();
    let (script, tests) = classroom_tests(&parse_workflow(&workflow), &points);
    assert_eq!(run_classroom(&clone, &script, &tests), 0, "the starter wins no point");

    // The solved exercise passes, and wins every point.
    let lib = clone.join(CALL).join("src/lib.rs");
    std::fs::write(&lib, solution(CALL)).unwrap();
    assert_eq!(run_classroom(&clone, &script, &tests), points.iter().sum::<i64>(), "the solution wins every point");
    let report = std::fs::read_to_string(clone.join(".workbook/classroom/call_function.txt")).unwrap();
    assert!(report.contains("✓ stage 2"), "{report}");

    // The archive to hand in, as the README says: the solved file, no build or state folder.
    assert!(std::fs::read_to_string(clone.join("README.md")).unwrap().contains("cargo xtask pack"));
    let out = student(&clone, &["pack"]);
    assert!(out.status.success(), "{}", text(&out));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(clone.join("target/hand-in.zip")).unwrap()).unwrap();
    let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert!(!names.iter().any(|n| n.starts_with(".workbook/") || n.starts_with(".git/") || n.starts_with("target/")), "{names:?}");
    let mut packed = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(&format!("{CALL}/src/lib.rs")).unwrap(), &mut packed).unwrap();
    assert_eq!(packed, solution(CALL), "the student's own file is handed in");

    let out = student(&clone, &["reset", "call_function"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(std::fs::read_to_string(&lib).unwrap(), starter(CALL), "reset brings back the starter from the clone's git");

    // Whatever a student does to an exercise's manifest, `cargo xtask` starts, `check`
    // names the file, and `reset --files course` restores it and keeps their own files.
    let manifest = clone.join(CALL).join("Cargo.toml");
    let shipped = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&lib, "// my work\n").unwrap();
    for damage in [None, Some("[package\n"), Some("")] {
        match damage {
            None => std::fs::remove_file(&manifest).unwrap(),
            Some(text) => std::fs::write(&manifest, text).unwrap(),
        }
        let out = student(&clone, &["list"]);
        assert!(out.status.success(), "{}", text(&out));
        let out = student(&clone, &["check", "call_function"]);
        let said = text(&out);
        assert!(!out.status.success() && said.contains(&format!("{CALL}/Cargo.toml")) && said.contains("reset call_function --files course"), "{said}");
        let out = student(&clone, &["reset", "call_function", "--files", "course"]);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(std::fs::read_to_string(&manifest).unwrap(), shipped, "the manifest is back");
    }
    assert_eq!(std::fs::read_to_string(&lib).unwrap(), "// my work\n", "the student's file is as they left it");
    let out = student(&clone, &["reset", "call_function"]);
    assert!(out.status.success(), "{}", text(&out));

    let out = student(&clone, &["doctor"]);
    assert!(out.status.success() && text(&out).contains("Embedded Python"), "{}", text(&out));

    // The book ships rendered: `book` shows it without building anything.
    let out = student(&clone, &["book"]);
    assert!(out.status.success() && text(&out).contains(&format!("{}/index.html", clone.join("book/html").display())), "{}", text(&out));
    assert!(!clone.join("target/book").exists(), "the shipped book is not built again");
    // Once a page changes, `book` builds it into target/book.
    let page = clone.join("book/src/python-from-rust/exercises/call_function.md");
    let shipped_page = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{shipped_page}\nA note of my own.\n")).unwrap();
    let out = student(&clone, &["book"]);
    assert!(out.status.success() && text(&out).contains("target/book/index.html"), "{}", text(&out));
    std::fs::write(&page, shipped_page).unwrap();
    for book in [clone.join("book/html"), clone.join("target/book")] {
        assert!(book.join("python-from-rust/exercises/call_function.html").is_file(), "the exercise's page is in {}", book.display());
        assert!(!book.join("solutions").exists() && !book.join("instructors").exists(), "no solution or instructors' page in {}", book.display());
    }
    let built = std::fs::read_to_string(clone.join("target/book/python-from-rust/exercises/call_function.html")).unwrap();
    assert!(built.contains("A note of my own."), "the rebuilt book has the changed page");

    // Builds, checks and the progress file leave the clone's tracked files as they were.
    assert_eq!(git(&clone, &["status", "--porcelain"]), "", "the clone is unchanged (Cargo.lock included)");
}

/// Empties `root`, but for `root/source/target`.
fn fresh_but_the_build(root: &Path) {
    std::fs::create_dir_all(root.join("source")).unwrap();
    for entry in std::fs::read_dir(root).unwrap().flatten() {
        if entry.file_name() != "source" {
            remove(&entry.path());
        }
    }
    for entry in std::fs::read_dir(root.join("source")).unwrap().flatten() {
        if entry.file_name() != "target" {
            remove(&entry.path());
        }
    }
}

fn remove(path: &Path) {
    if path.is_dir() && !path.is_symlink() {
        std::fs::remove_dir_all(path).unwrap();
    } else {
        std::fs::remove_file(path).unwrap();
    }
}

#[test]
#[ignore = "slow: builds pyo3 and the xtask in a clone; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn the_gradescope_archive_grades_a_submission_in_gradescopes_layout() {
    let tmp = tempfile::tempdir().unwrap();
    let zip_path = tmp.path().join("autograder.zip");
    xtask(&["class", "gradescope", zip_path.to_str().unwrap(), "--exercises", "call_function"]);

    // Gradescope's layout: the archive in source/, run_autograder copied beside it. The
    // layout lives in the fixtures' folder of the target directory, where source/target,
    // the grading sandbox's build (which setup.sh warms on Gradescope), is kept between
    // runs; everything else is made afresh.
    let root = target_dir().join("fixtures/class-kit-gradescope");
    fresh_but_the_build(&root);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    archive.extract(root.join("source")).unwrap();
    for script in ["setup.sh", "run_autograder"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(root.join("source").join(script)).unwrap().permissions().mode();
        assert!(mode & 0o100 != 0, "{script} is executable: {mode:o}");
    }
    let setup = std::fs::read_to_string(root.join("source/setup.sh")).unwrap();
    assert!(setup.contains("python3-dev") && setup.contains("rustup") && setup.contains("cargo xtask grade prepare --exercises call_function"), "{setup}");
    assert!(!root.join("source/solutions/python-from-rust/keyword_arguments").exists(), "only the assignment's exercises");
    assert!(root.join("source/solutions/python-from-rust/call_function/src/lib.rs").is_file(), "the grader has the solution");
    std::fs::copy(root.join("source/run_autograder"), root.join("run_autograder")).unwrap();
    let submission = root.join("submission").join(CALL).join("src");
    std::fs::create_dir_all(&submission).unwrap();
    std::fs::write(submission.join("lib.rs"), solution(CALL)).unwrap();
    std::fs::create_dir_all(root.join("results")).unwrap();
    let out = Command::new("bash")
        .arg(root.join("run_autograder"))
        .env("WORKBOOK_XTASK", env!("CARGO_BIN_EXE_xtask"))
        .env("WORKBOOK_VENV", repo().join(".venv"))
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("WORKBOOK_ROOT")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    eprintln!("{}", text(&out));
    assert!(out.status.success(), "{}", text(&out));

    // Gradescope's documented schema for results.json.
    let results: Value = serde_json::from_str(&std::fs::read_to_string(root.join("results/results.json")).unwrap()).unwrap();
    let points = course().into_iter().find(|(d, _, _)| d == CALL).unwrap().2;
    assert!(results["execution_time"].is_number() && results["output"].is_string(), "{results}");
    let tests = results["tests"].as_array().unwrap();
    assert_eq!(tests.len(), points.len(), "one test per stage: {results}");
    let mut total = 0.0;
    for (test, points) in tests.iter().zip(&points) {
        assert!(test["name"].is_string() && test["output"].is_string(), "{test}");
        assert_eq!(test["max_score"].as_f64(), Some(*points as f64), "{test}");
        assert_eq!(test["status"], "passed", "the solution passes: {test}");
        assert!(["hidden", "after_due_date", "after_published", "visible"].contains(&test["visibility"].as_str().unwrap()), "{test}");
        total += test["score"].as_f64().unwrap();
    }
    assert_eq!(results["score"].as_f64(), Some(total), "{results}");
    assert_eq!(total, points.iter().sum::<i64>() as f64, "the solution gets every point");
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn the_gradescope_kit_is_tried_here_on_a_zip_and_on_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    // A zip upload, as Gradescope unpacks it: the starter, which compiles and fails.
    let zip_path = tmp.path().join("kevin.zip");
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        zip.start_file(format!("{CALL}/src/lib.rs"), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(starter(CALL).as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    let kit = tmp.path().join("kit.zip");
    let try_kit = |submission: &Path| xtask(&["class", "gradescope", kit.to_str().unwrap(), "--exercises", "call_function", "--seed", "7", "--visibility", "after-due-date", "--try", submission.to_str().unwrap()]);
    let points: i64 = course().into_iter().find(|(d, _, _)| d == CALL).unwrap().2.iter().sum();
    let out = try_kit(&zip_path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout.contains(&format!("results.json: score 0 of {points}")) && stdout.contains("✗ call_function: stage 1"), "{stdout}");
    assert!(stdout.contains("(after_due_date)"), "the kit's visibility reaches results.json: {stdout}");
    // A folder, with a target/ that an upload would not carry: the solution gets every point.
    let folder = tmp.path().join("angela");
    std::fs::create_dir_all(folder.join(CALL).join("src")).unwrap();
    std::fs::write(folder.join(CALL).join("src/lib.rs"), solution(CALL)).unwrap();
    std::fs::create_dir_all(folder.join("target/debug")).unwrap();
    let out = try_kit(&folder);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout.contains(&format!("results.json: score {points} of {points}")), "{stdout}");
    let results: Value = serde_json::from_str(&std::fs::read_to_string(target_dir().join("gradescope-try/results/results.json")).unwrap()).unwrap();
    assert_eq!(results["score"].as_f64(), Some(points as f64), "{results}");
    assert!(!target_dir().join("gradescope-try/submission/target").exists(), "build folders stay behind");
    // What Gradescope would not take stops before anything is made.
    let tar = tmp.path().join("oscar.tar.gz");
    std::fs::write(&tar, b"").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["class", "gradescope", "--exercises", "call_function", "--try", tar.to_str().unwrap()])
        .env("WORKBOOK_ROOT", repo())
        .output()
        .unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("only a .zip upload"), "{}", text(&out));
}
