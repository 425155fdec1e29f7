//! What students hand in, end to end with the real xtask binary: `cargo xtask pack` in a
//! student's repository that holds a `target/`, a `.venv` and Python caches, then the
//! grader on that archive and on a 400 MB archive of a whole repository whose `target/`
//! alone is past the grader's 64 MiB cap. Both get every point of `call_function`.
#![cfg(unix)]

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::Command;

mod fixture;
use fixture::repository::{repo, solution};

const CALL: &str = "exercises/python-from-rust/call_function";

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// The xtask run in the repository at `root` (a student's, or the course's).
fn xtask(root: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).env("WORKBOOK_ROOT", root).env("NO_COLOR", "1").output().unwrap();
    eprintln!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    out
}

/// A student's repository after some work: the course's `call_function` with the
/// solution as the student's file, and what a first `check` and an editor leave behind.
fn students_repository(root: &Path) {
    write(&root.join("exercises/info.toml"), &std::fs::read(repo().join("exercises/info.toml")).unwrap());
    for entry in walkdir::WalkDir::new(repo().join(CALL)).into_iter().filter_entry(|e| e.file_name() != "target").flatten().filter(|e| e.file_type().is_file()) {
        let relative = entry.path().strip_prefix(repo()).unwrap();
        write(&root.join(relative), &std::fs::read(entry.path()).unwrap());
    }
    write(&root.join(CALL).join("src/lib.rs"), solution(CALL).as_bytes());
    write(&root.join("README.md"), b"# Rust and Python\n");
    // 80 MB of build output (sparse), a venv, caches, git's folder, the workbook's state.
    let big = root.join("target/debug/deps/libpyo3.rlib");
    write(&big, b"");
    std::fs::File::options().write(true).open(&big).unwrap().set_len(80 << 20).unwrap();
    write(&root.join(".venv/bin/python"), b"#!/bin/sh\n");
    write(&root.join(CALL).join("tests/__pycache__/helper.cpython-311.pyc"), b"\x00");
    write(&root.join(".git/HEAD"), b"ref: refs/heads/main\n");
    write(&root.join(".workbook/progress.json"), b"{}");
    std::os::unix::fs::symlink("/etc/passwd", root.join("exercises/passwords")).unwrap();
}

fn zip_names(path: &Path) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    archive.file_names().map(|n| n.unwrap().into_owned()).collect()
}

/// A zip of a whole repository, as a file manager makes it: `jim-repo/` holding the
/// solution and a `target/` of 400 MB of zeros, stored as they are, so that the archive
/// itself weighs 400 MB.
fn whole_repository_zip(path: &Path) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let chunk = vec![0u8; 1 << 20];
    for part in 0..4 {
        zip.start_file(format!("jim-repo/target/debug/deps/part{part}.rlib"), stored).unwrap();
        for _ in 0..100 {
            zip.write_all(&chunk).unwrap();
        }
    }
    zip.start_file(format!("jim-repo/{CALL}/src/lib.rs"), stored).unwrap();
    zip.write_all(solution(CALL).as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn a_packed_repository_and_a_400_mb_archive_with_target_are_graded() {
    let tmp = tempfile::tempdir().unwrap();
    let class = tmp.path().join("class");
    std::fs::create_dir_all(&class).unwrap();

    // dwight packs his repository as the students' README says.
    let dwight = tmp.path().join("dwight-repo");
    students_repository(&dwight);
    let packed = class.join("dwight.zip");
    let out = xtask(&dwight, &["pack", "--out", packed.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Left out exercises/passwords: a symbolic link"), "{stdout}");
    let names = zip_names(&packed);
    assert!(names.contains(&format!("{CALL}/src/lib.rs")) && names.contains(&"README.md".to_string()), "the course's files at the top: {names:?}");
    for left_out in ["target/", ".venv/", "__pycache__/", ".git/", ".workbook/", "passwords"] {
        assert!(!names.iter().any(|n| n.contains(left_out)), "{left_out} is left out: {names:?}");
    }
    assert!(std::fs::metadata(&packed).unwrap().len() < 1 << 20, "80 MB of target/ stayed out");
    // The default archive lands in the repository's target/, which is never packed.
    assert!(xtask(&dwight, &["pack"]).status.success());
    assert!(!zip_names(&dwight.join("target/hand-in.zip")).iter().any(|n| n.contains("hand-in")));

    // jim zipped his whole repository, target/ and all: 400 MB.
    let jim = class.join("jim.zip");
    whole_repository_zip(&jim);
    assert!(std::fs::metadata(&jim).unwrap().len() > 400 << 20);

    let graded = tmp.path().join("graded");
    let out = xtask(&repo(), &["grade", class.to_str().unwrap(), "--out", graded.to_str().unwrap(), "--exercises", "call_function", "--timeout", "30", "--seed", "3"]);
    assert!(out.status.success());
    std::fs::remove_file(&jim).unwrap();
    let max = |grade: &Value| grade["exercises"][0]["max_score"].as_u64().unwrap();
    for student in ["dwight", "jim"] {
        let grade: Value = serde_json::from_str(&std::fs::read_to_string(graded.join("students").join(student).join("grade.json")).unwrap()).unwrap();
        assert_eq!(grade["exercises"][0]["status"], "graded", "{student}: {grade}");
        assert_eq!(grade["exercises"][0]["score"].as_u64(), Some(max(&grade)), "{student} gets every point: {grade}");
    }
    let feedback = std::fs::read_to_string(graded.join("students/jim/feedback.md")).unwrap();
    assert!(feedback.contains("left out 4 entries of build and cache folders"), "{feedback}");
}

#[test]
fn pack_refuses_an_archive_the_grader_would_refuse_and_names_the_biggest_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("repo");
    students_repository(&root);
    // 70 MB outside the build folders: past the grader's cap.
    let video = root.join("lecture.mp4");
    write(&video, b"");
    std::fs::File::options().write(true).open(&video).unwrap().set_len(70 << 20).unwrap();
    let archive = tmp.path().join("out.zip");
    let out = xtask(&root, &["pack", "--out", archive.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("at most 20000 files, 64 MiB") && stderr.contains("lecture.mp4 (70.0 MiB)"), "{stderr}");
    assert!(!archive.exists() && !tmp.path().join("out.zip.tmp").exists(), "nothing written");
    let out = xtask(&root, &["pack", "--out", tmp.path().join("out.tar").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("name it FILE.zip"));
}
