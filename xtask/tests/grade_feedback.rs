//! `cargo xtask grade` on the fixture course (plain Rust crates, no pyo3): each student's
//! `feedback.md` is compared whole with its snapshot in `tests/snapshots/` (folders,
//! times and the seed redacted; the lines on how the machine confines student code,
//! which depend on the kernel, are redacted too).
#![cfg(unix)]

mod fixture;

use fixture::{Fixture, solved_lib, starter_lib, text};

/// A submission of `files` (repository-relative path, text) in the class folder `subs`.
fn submission(subs: &std::path::Path, id: &str, files: &[(&str, String)]) {
    for (path, text) in files {
        let path = subs.join(id).join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn each_students_feedback_reads_whole() {
    let f = Fixture::new();
    let subs = f.target().join("submissions");
    let out = f.target().join("graded");
    for dir in [&subs, &out] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }
    let (one, two) = ("exercises/p/one/src/lib.rs", "exercises/p/two/src/lib.rs");
    submission(&subs, "solved", &[(one, solved_lib()), (two, solved_lib())]);
    submission(&subs, "partial", &[(one, solved_lib()), (two, starter_lib("two"))]);
    submission(&subs, "broken", &[(one, format!("{}\nfn broken() -> u32 {{ \"not a number\" }}\n", solved_lib())), (two, solved_lib())]);
    let graded = f.run(&["grade", subs.to_str().unwrap(), "--out", out.to_str().unwrap(), "--seed", "7"]);
    assert!(graded.status.success(), "{}", text(&graded));
    for id in ["solved", "partial", "broken"] {
        let feedback = std::fs::read_to_string(out.join("students").join(id).join("feedback.md")).unwrap();
        let mut settings = fixture::settings(&f);
        settings.add_filter(&regex::escape(&subs.display().to_string()), "[submissions]");
        // How student code was confined depends on the kernel (Landlock, namespaces).
        settings.add_filter(r"(?m)^Student code .*?Limits: ", "[isolation] Limits: ");
        settings.bind(|| insta::assert_snapshot!(format!("feedback_{id}"), feedback));
    }
}
