//! The students' comforts, run as the real binary against the fixture course:
//! `cargo xtask watch` and `cargo xtask reset`.
//!
//! These tests assert fragments of outputs, not whole outputs: `watch` prints as it runs,
//! so what a read has seen depends on timing, and `reset` names backup folders after the
//! time (`.workbook/backups/<exercise>-<UTC time>`). The whole outputs of `check`, `list`
//! and `hint` are snapshots in `check_walkthrough.rs`.

mod fixture;

use fixture::{Fixture, solved_lib, starter_lib, text};
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Reads lines from `rx` until one contains `needle`; returns everything read. Panics,
/// with what was read, after `timeout`.
fn wait_for(rx: &mpsc::Receiver<String>, seen: &mut String, needle: &str, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    loop {
        if seen.contains(needle) {
            return;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                seen.push_str(&line);
                seen.push('\n');
            }
            Err(_) => panic!("no {needle:?} within {timeout:?}; the watch printed:\n{seen}"),
        }
    }
}

/// The lines `child` prints on stdout and stderr, as they come.
fn lines_of(child: &mut std::process::Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    for stream in [Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>, Box::new(child.stderr.take().unwrap())] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    rx
}

#[test]
fn watch_rechecks_on_save_survives_compile_errors_and_moves_on() {
    let f = Fixture::new();
    let mut child = f.xtask().arg("watch").stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let rx = lines_of(&mut child);
    let mut seen = String::new();
    let long = Duration::from_secs(180);
    wait_for(&rx, &mut seen, "Watching exercises/p/one/src/lib.rs for changes", long);
    assert!(seen.contains("Checking `one`") && seen.contains("✗ stage 1 `the answer`"), "{seen}");

    seen.clear();
    f.write("exercises/p/one/src/lib.rs", "pub fn answer() -> u32 { not rust }\n");
    wait_for(&rx, &mut seen, "Watching exercises/p/one/src/lib.rs", long);
    assert!(seen.contains("does not compile"), "a compile error is shown, and the watch goes on:\n{seen}");

    seen.clear();
    f.write("exercises/p/one/src/lib.rs", &solved_lib());
    wait_for(&rx, &mut seen, "Watching exercises/p/two/src/lib.rs", long);
    assert!(seen.contains("✓ stage 1 `the answer`") && seen.contains("`one` passes. Next: `two`."), "{seen}");
    let progress = f.read(".workbook/progress.json");
    assert!(progress.contains("\"one\"") && progress.contains("passed_fingerprint"), "{progress}");

    // Ctrl-C: the terminal sends SIGINT; the watch stops.
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the watch did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn reset_restores_the_starter_keeps_a_backup_and_clears_progress() {
    let f = Fixture::new();
    let mine = "pub fn answer() -> u32 {\n    41 // my attempt\n}\n";
    f.write("exercises/p/one/src/lib.rs", mine);
    f.write(
        ".workbook/progress.json",
        r#"{"exercises": {"one": {"stages_passed": 0, "stages_total": 1, "hints_shown": 1}, "two": {"stages_passed": 1, "stages_total": 1, "hints_shown": 0}}}"#,
    );
    let out = f.run(&["reset", "one"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), starter_lib("one"), "the starter is back");

    let backups: Vec<_> = std::fs::read_dir(f.path(".workbook/backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let backup = &backups[0];
    let folder = backup.file_name().unwrap().to_string_lossy().into_owned();
    assert!(folder.starts_with("one-20") && folder.ends_with('Z') && folder.len() == "one-20261122T035000Z".len(), "{folder}");
    assert_eq!(std::fs::read_to_string(backup.join("exercises/p/one/src/lib.rs")).unwrap(), mine, "the student's work is kept");
    assert!(said.contains(&format!("saved in {}", backup.display())), "the command says where:\n{said}");

    let progress = f.read(".workbook/progress.json");
    assert!(!progress.contains("\"one\"") && progress.contains("\"two\""), "only one's progress is cleared: {progress}");

    let again = f.run(&["reset", "one"]);
    assert!(again.status.success(), "{}", text(&again));
    assert_eq!(std::fs::read_dir(f.path(".workbook/backups")).unwrap().count(), 2, "a second reset gets its own backup");

    let unknown = f.run(&["reset", "three"]);
    assert!(!unknown.status.success() && text(&unknown).contains("no exercise is called `three`; the exercises are: one, two"));
}

#[test]
fn a_deleted_file_is_named_by_check_and_restored_by_reset() {
    let f = Fixture::new();
    std::fs::remove_dir_all(f.path("exercises/p/one/src")).unwrap();
    let out = f.run(&["check", "one"]);
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("exercises/p/one/src/lib.rs is missing. `cargo xtask reset one` brings back the starter's files"),
        "{said}"
    );
    let out = f.run(&["reset", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), starter_lib("one"));

    f.write("exercises/p/one/src/lib.rs", "");
    let out = f.run(&["reset", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), starter_lib("one"), "an emptied file comes back too");
}

#[test]
fn a_damaged_manifest_is_named_and_reset_files_course_restores_it_and_keeps_the_students_work() {
    let f = Fixture::new();
    let shipped = f.read("exercises/p/two/Cargo.toml");
    let mine = "pub fn answer() -> u32 {\n    41 // my attempt\n}\n";
    f.write("exercises/p/one/src/lib.rs", mine);
    for (damage, problem) in [
        (None, "exercises/p/two/Cargo.toml is missing"),
        (Some("[package\n"), "exercises/p/two/Cargo.toml is not valid TOML (line 1: "),
        (Some(""), "exercises/p/two/Cargo.toml no longer says `[package] name = \"two\"`"),
    ] {
        match damage {
            None => std::fs::remove_file(f.path("exercises/p/two/Cargo.toml")).unwrap(),
            Some(text) => f.write("exercises/p/two/Cargo.toml", text),
        }
        // Another exercise's check names it: cargo could build none.
        let out = f.run(&["check", "one"]);
        let said = text(&out);
        assert!(!out.status.success() && said.contains(problem), "{said}");
        assert!(said.contains("`cargo xtask reset two --files course` restores"), "{said}");
        let out = f.run(&["reset", "two", "--files", "course"]);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(f.read("exercises/p/two/Cargo.toml"), shipped, "the manifest is back");
    }
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), mine, "the student's own files are untouched");
    let out = f.run(&["reset", "two", "--files", "course"]);
    assert!(out.status.success() && text(&out).contains("nothing to restore"), "{}", text(&out));

    // A changed test file is mentioned (the check runs it as it is) and restored.
    let tests = f.read("exercises/p/one/tests/check.rs");
    f.write("exercises/p/one/tests/check.rs", &format!("{tests}// mine\n"));
    let out = f.run(&["check", "one"]);
    assert!(text(&out).contains("exercises/p/one/tests/check.rs differ(s) from the course's"), "{}", text(&out));
    let out = f.run(&["reset", "one", "--files", "course"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/tests/check.rs"), tests);
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), mine, "the student's own files are untouched");

    std::fs::remove_dir_all(f.path("exercises/p/one")).unwrap();
    let out = f.run(&["check", "two"]);
    assert!(!out.status.success() && text(&out).contains("exercises/p/one (the exercise's folder) is missing"), "{}", text(&out));
    let out = f.run(&["reset", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), starter_lib("one"), "a deleted exercise comes back whole");
    assert!(f.path("exercises/p/one/Cargo.toml").is_file() && f.path("exercises/p/one/tests/check.rs").is_file());
}

#[test]
fn reset_moves_a_folder_or_symlink_in_a_files_place_to_the_backup_and_never_writes_through_a_symlink() {
    let f = Fixture::new();
    let backup_of = |path: &str| -> std::path::PathBuf {
        let newest = std::fs::read_dir(f.path(".workbook/backups")).unwrap().map(|e| e.unwrap().path()).max().unwrap();
        newest.join(path)
    };
    // A folder where the editable file was, holding the student's work.
    std::fs::remove_file(f.path("exercises/p/one/src/lib.rs")).unwrap();
    f.write("exercises/p/one/src/lib.rs/mine.rs", "// my work\n");
    let out = f.run(&["check", "one"]);
    assert!(!out.status.success() && text(&out).contains("exercises/p/one/src/lib.rs is missing"), "{}", text(&out));
    let out = f.run(&["reset", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), starter_lib("one"));
    assert_eq!(std::fs::read_to_string(backup_of("exercises/p/one/src/lib.rs/mine.rs")).unwrap(), "// my work\n", "kept");

    // A symlink loop, then a symlink to the student's own file elsewhere: that file is kept.
    std::fs::remove_file(f.path("exercises/p/one/src/lib.rs")).unwrap();
    std::os::unix::fs::symlink("lib.rs", f.path("exercises/p/one/src/lib.rs")).unwrap();
    let out = f.run(&["reset", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), starter_lib("one"));
    let mine = "pub fn answer() -> u32 {\n    41\n}\n";
    f.write("elsewhere/lib.rs", mine);
    std::fs::remove_file(f.path("exercises/p/one/src/lib.rs")).unwrap();
    std::os::unix::fs::symlink(f.path("elsewhere/lib.rs"), f.path("exercises/p/one/src/lib.rs")).unwrap();
    let out = f.run(&["reset", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), starter_lib("one"));
    assert!(!std::fs::symlink_metadata(f.path("exercises/p/one/src/lib.rs")).unwrap().file_type().is_symlink());
    assert_eq!(f.read("elsewhere/lib.rs"), mine, "reset does not write through a symlink");

    // A file where a folder was (`tests`), with `--files course`: the student's lib.rs stays.
    f.write("exercises/p/one/src/lib.rs", mine);
    std::fs::remove_dir_all(f.path("exercises/p/one/tests")).unwrap();
    f.write("exercises/p/one/tests", "not a folder\n");
    let out = f.run(&["reset", "one", "--files", "course"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(f.path("exercises/p/one/tests/check.rs").is_file());
    assert_eq!(std::fs::read_to_string(backup_of("exercises/p/one/tests")).unwrap(), "not a folder\n");
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), mine);
}

#[test]
fn a_stray_folder_or_a_copy_of_an_exercise_where_cargo_looks_is_named_with_the_advice_to_move_it() {
    let f = Fixture::new();
    f.write("exercises/p/notes/todo.txt", "my notes\n");
    let out = f.run(&["check", "one"]);
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("exercises/p/notes is a folder without a Cargo.toml: cargo takes every folder there"), "{said}");
    assert!(said.contains("Move it out of the repository"), "{said}");
    let out = f.run(&["doctor"]);
    assert!(text(&out).contains("exercises/p/notes is a folder without a Cargo.toml"), "{}", text(&out));
    std::fs::remove_dir_all(f.path("exercises/p/notes")).unwrap();

    f.write("exercises/p/one_copy/Cargo.toml", &f.read("exercises/p/one/Cargo.toml"));
    let out = f.run(&["check", "two"]);
    assert!(!out.status.success() && text(&out).contains("exercises/p/one_copy is a copy of the package `one`"), "{}", text(&out));
    // A plain file there is ignored, as cargo does.
    std::fs::remove_dir_all(f.path("exercises/p/one_copy")).unwrap();
    f.write("exercises/p/README.txt", "mine\n");
    let out = f.run(&["check", "one"]);
    assert!(!text(&out).contains("README"), "{}", text(&out));
}

#[test]
fn a_missing_course_file_stops_the_check_and_another_exercises_changed_manifest_is_named_when_cargo_fails() {
    let f = Fixture::new();
    let mine = "pub fn answer() -> u32 {\n    41 // my attempt\n}\n";
    f.write("exercises/p/one/src/lib.rs", mine);
    std::fs::remove_file(f.path("exercises/p/one/tests/check.rs")).unwrap();
    std::fs::remove_file(f.path("exercises/p/one/tests/snapshots/check__answer_is_42.snap")).unwrap();
    let out = f.run(&["check", "one"]);
    let said = text(&out);
    assert!(!out.status.success() && !said.contains("does not compile"), "cargo does not run:\n{said}");
    assert!(
        said.contains(
            "exercises/p/one/tests/check.rs, exercises/p/one/tests/snapshots/check__answer_is_42.snap are missing: the check needs the course's files. \
             `cargo xtask reset one --files course` restores them"
        ),
        "{said}"
    );
    let out = f.run(&["reset", "one", "--files", "course"]);
    assert!(out.status.success() && f.path("exercises/p/one/tests/check.rs").is_file(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/one/src/lib.rs"), mine);

    // A dependency added to `two`'s manifest stops cargo for `one` too.
    let manifest = f.read("exercises/p/two/Cargo.toml");
    f.write("exercises/p/two/Cargo.toml", &format!("{manifest}\n[dependencies.nowhere]\npath = \"../nowhere\"\n"));
    let out = f.run(&["check", "one"]);
    let said = text(&out);
    assert!(said.contains("does not compile"), "{said}");
    assert!(
        said.contains("exercises/p/two/Cargo.toml differs from the course's (changed or missing), and cargo reads it for every exercise: if the error above names it, `cargo xtask reset two --files course` restores it"),
        "{said}"
    );
}

#[test]
fn reset_restores_a_file_whose_deletion_the_student_committed() {
    let f = Fixture::new();
    std::fs::remove_file(f.path("exercises/p/two/Cargo.toml")).unwrap();
    std::fs::remove_file(f.path("exercises/p/two/src/lib.rs")).unwrap();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git").current_dir(f.root()).args(args).status().unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&["-c", "user.name=Student", "-c", "user.email=student@example.com", "commit", "--quiet", "-am", "my work"]);
    let out = f.run(&["check", "one"]);
    assert!(text(&out).contains("exercises/p/two/Cargo.toml is missing"), "{}", text(&out));
    let out = f.run(&["reset", "two", "--files", "course"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(f.read("exercises/p/two/Cargo.toml").contains("name = \"two\""));
    let out = f.run(&["reset", "two"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(f.read("exercises/p/two/src/lib.rs"), starter_lib("two"));

    // The whole folder gone: the message says the plain reset, which brings back all of it.
    std::fs::remove_dir_all(f.path("exercises/p/two")).unwrap();
    let out = f.run(&["check", "one"]);
    assert!(text(&out).contains("exercises/p/two (the exercise's folder) is missing: cargo needs every exercise's folder, so no exercise can be checked. `cargo xtask reset two` brings back its starter files."), "{}", text(&out));
}

#[test]
fn an_emptied_editable_file_is_named_with_the_reset_that_brings_it_back() {
    let f = Fixture::new();
    f.write("exercises/p/one/src/lib.rs", "\n");
    let out = f.run(&["check", "one"]);
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("exercises/p/one/src/lib.rs is empty. If that is not what you meant, `cargo xtask reset one` brings back"), "{said}");
}

#[test]
fn watch_survives_a_deleted_exercise_folder_and_checks_again_when_reset_brings_it_back() {
    let f = Fixture::new();
    std::fs::remove_dir_all(f.path("exercises/p/one")).unwrap();
    let mut child = f.xtask().args(["watch", "one"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let rx = lines_of(&mut child);
    let mut seen = String::new();
    wait_for(&rx, &mut seen, "Watching exercises/p/one/src/lib.rs for changes", Duration::from_secs(60));
    assert!(seen.contains("exercises/p/one (the exercise's folder) is missing"), "{seen}");
    seen.clear();
    let out = f.run(&["reset", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    wait_for(&rx, &mut seen, "Checking `one`", Duration::from_secs(30));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn reset_says_when_the_student_committed_a_broken_manifest_and_how_to_get_an_older_one() {
    let f = Fixture::new();
    f.write("exercises/p/two/Cargo.toml", "[package\n");
    let status = std::process::Command::new("git")
        .current_dir(f.root())
        .args(["-c", "user.name=Student", "-c", "user.email=student@example.com", "commit", "--quiet", "-am", "my work"])
        .status()
        .unwrap();
    assert!(status.success());
    let out = f.run(&["reset", "two", "--files", "course"]);
    let said = text(&out);
    assert!(
        said.contains("exercises/p/two/Cargo.toml is not valid TOML (line 1: ")
            && said.contains("in your last commit too, so reset cannot repair it: `git log -- exercises/p/two/Cargo.toml` lists its versions"),
        "{said}"
    );
}

#[test]
fn a_changed_or_missing_shared_file_is_named_with_the_command_that_restores_it() {
    let f = Fixture::new();
    let info = f.read("exercises/info.toml");
    f.write("exercises/info.toml", &format!("{info}# mine\n"));
    let report = f.read("exercises/check-support/report/src/lib.rs");
    f.write("exercises/check-support/report/src/lib.rs", &format!("{report}// mine\n"));
    let said = text(&f.run(&["check", "one"]));
    assert!(
        said.contains("exercises/check-support/report/src/lib.rs, exercises/info.toml differ from the course's: every exercise uses them")
            && said.contains("`git checkout HEAD -- exercises/check-support/report/src/lib.rs exercises/info.toml` restores them; if you did (an author adding an exercise), commit them."),
        "{said}"
    );
    std::fs::remove_file(f.path("exercises/check-support/report/src/lib.rs")).unwrap();
    let said = text(&f.run(&["check", "one"]));
    assert!(said.contains("are missing or differ from the course's"), "{said}");
}
