//! `cargo xtask class export DIR [--exercises a,b | --part P] [--classroom]`: the
//! students' repository.
//!
//! Every file comes from the files git tracks, as they are in the working tree, and is
//! either copied, rewritten (`manifests.rs`, `book.rs`) or left out. Left out: `solutions/`,
//! the recorded answers (`exercises/<part>/<name>/tests/wrong/` and `tests/right/`), the exercises not
//! selected, the book's crate and tests, the solution pages and instructor notes, the
//! xtask's authors' and instructors' commands and tests, the Python packages only they
//! need (`assets/requirements-authors.txt`), the stages' review notes in `info.toml`, and
//! the repository's own CI and architecture notes. Added: a README for students and, with
//! `--classroom`, the GitHub Classroom workflow, and the students' book rendered into
//! `book/html/` (`rendered_book.rs`). Finally cargo prunes `Cargo.lock` to the crates that
//! remain.

use super::book::StudentsBook;
use crate::rendered_book;
use super::{classroom, manifests, select};
use crate::course::{Course, Exercise};
use crate::flags::ClassExport;
use crate::workspace::Workspace;
use crate::ui;
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The README students get (`{{EXERCISES}}` becomes the list of their exercises).
const README: &str = include_str!("templates/README.md");

/// Files and folders of the xtask that only authors and instructors use.
const AUTHORS_XTASK: &[&str] = &[
    "xtask/tests/",
    "xtask/bench-overhead/",
    "xtask/src/grade.rs",
    "xtask/src/grade/",
    "xtask/src/class.rs",
    "xtask/src/class/",
    "xtask/src/booktests.rs",
    "xtask/src/commands/bench.rs",
    "xtask/src/commands/bench/",
    "xtask/src/commands/bless.rs",
    "xtask/src/commands/class.rs",
    "xtask/src/commands/grade.rs",
    "xtask/src/commands/new.rs",
    "xtask/src/commands/new/",
    "xtask/src/answers.rs",
    "xtask/src/commands/verify.rs",
];

/// Top-level files and folders copied as they are (when git tracks them).
const COPIED: &[&str] = &["assets/", "exercises/check-support/", ".config/", ".gitignore", "Cargo.lock", "book/book.toml"];

/// Runs `cargo xtask class export`.
///
/// # Errors
/// When `DIR` exists and is not empty, the selection names no exercise, or a file cannot
/// be read or written.
pub fn run(args: &ClassExport) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    let course = Course::load(&ws.root)?;
    let exercises = select::exercises(&course, &args.selection)?;
    let files = students_files(&ws, &exercises)?;
    let dir = &args.dir;
    if dir.exists() && fs_err::read_dir(dir)?.next().is_some() {
        bail!("{} is not empty: name a new or empty folder for the students' repository", dir.display());
    }
    for (relative, bytes) in &files {
        let path = dir.join(relative);
        fs_err::create_dir_all(path.parent().context("a file with no folder")?)?;
        fs_err::write(&path, bytes)?;
    }
    if args.classroom {
        let path = dir.join(classroom::WORKFLOW);
        fs_err::create_dir_all(path.parent().context("a file with no folder")?)?;
        fs_err::write(&path, classroom::workflow(&exercises))?;
    }
    for manifest in ["Cargo.toml", crate::workspace::XTASK_MANIFEST] {
        prune_lock(&ws, &dir.join(manifest))?;
    }
    let book = render_book(dir)?;
    let names: Vec<&str> = exercises.iter().map(|e| e.name()).collect();
    ui::line(&format!("The students' repository is in {} ({} files, and the book rendered into {}).", dir.display(), files.len() + usize::from(args.classroom), book.display()));
    ui::line(&format!("Exercises: {}.", names.join(", ")));
    if args.classroom {
        ui::line(&format!("GitHub Classroom's autograding workflow: {}.", classroom::WORKFLOW));
    }
    ui::line(&format!(
        "Next: cd {} && git init && git add . && git commit -m \"The course\", then push it where your students clone from.",
        dir.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Renders the students' book of the repository in `dir` into its `book/html/` and
/// stamps it with its sources' digest (`rendered_book.rs`): a student reads it before
/// anything is built, and `cargo xtask book` shows it without compiling mdBook. Returns
/// the folder, relative to `dir`.
///
/// # Errors
/// mdBook's error, or when the stamp cannot be written.
fn render_book(dir: &Path) -> Result<PathBuf> {
    let rendered = dir.join(rendered_book::DIR);
    crate::mdbook::build_into(&dir.join("book"), &rendered).with_context(|| format!("rendering the students' book into {}", rendered.display()))?;
    rendered_book::stamp(&dir.join("book"), &rendered)?;
    Ok(PathBuf::from(rendered_book::DIR))
}

/// Every file of the students' repository (relative path, content), but the workflow.
///
/// # Errors
/// When a file cannot be read or a manifest cannot be rewritten.
pub fn students_files(ws: &Workspace, exercises: &[&Exercise]) -> Result<BTreeMap<PathBuf, Vec<u8>>> {
    let tracked = select::tracked_files(ws)?;
    let read = |p: &Path| fs_err::read(ws.path(p));
    let read_text = |p: &str| fs_err::read_to_string(ws.path(p));
    let mut out = BTreeMap::new();
    for path in &tracked {
        let text = path.to_string_lossy().replace('\\', "/");
        let copied = (COPIED.iter().any(|c| text == *c || (c.ends_with('/') && text.starts_with(c))) && text != crate::python::AUTHORS_REQUIREMENTS)
            || (text.starts_with("xtask/") && !AUTHORS_XTASK.iter().any(|a| text == *a || (a.ends_with('/') && text.starts_with(a))))
            || exercises.iter().any(|e| exercise_file(e, &text));
        if copied {
            out.insert(path.clone(), read(path)?);
        }
    }
    out.insert("Cargo.toml".into(), manifests::workspace(&read_text("Cargo.toml")?, exercises, false)?.into_bytes());
    out.insert("xtask/Cargo.toml".into(), manifests::xtask(&read_text("xtask/Cargo.toml")?)?.into_bytes());
    out.insert(".cargo/config.toml".into(), manifests::cargo_config(&read_text(".cargo/config.toml")?)?.into_bytes());
    let info = manifests::info(&read_text("exercises/info.toml")?, exercises)?;
    out.insert("exercises/info.toml".into(), manifests::without_review_notes(&info)?.into_bytes());
    let list: String = exercises.iter().map(|e| format!("- `{}` ({} points)\n", e.name(), e.max_score())).collect();
    out.insert("README.md".into(), README.replace("{{EXERCISES}}", list.trim_end()).into_bytes());

    // The book: pages whose includes all stay, minus what gives answers away.
    let mut pages = Vec::new();
    for path in tracked.iter().filter(|p| p.starts_with("book/src")) {
        let page = path.strip_prefix("book/src")?.to_path_buf();
        let bytes = read(path)?;
        pages.push((page, bytes));
    }
    let texts: Vec<(&Path, String)> = pages
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|x| x == "md"))
        .map(|(p, b)| (p.as_path(), String::from_utf8_lossy(b).into_owned()))
        .collect();
    let exported_before_book: Vec<PathBuf> = out.keys().cloned().collect();
    let book = StudentsBook::new(texts.iter().map(|(p, t)| (*p, t.as_str())), |file| {
        exported_before_book.iter().any(|f| f == file) || (file.starts_with("book/src") && !crate::students_edition::left_out(file.strip_prefix("book/src").unwrap_or(file)))
    });
    for (page, bytes) in &pages {
        if book.is_gone(page) {
            continue;
        }
        let content = match texts.iter().find(|(p, _)| *p == page.as_path()) {
            Some((_, text)) => book.page(page, text).into_bytes(),
            None => bytes.clone(),
        };
        out.insert(Path::new("book/src").join(page), content);
    }
    Ok(out)
}

/// Whether the repository-relative `path` is a file of `exercise` that students get: any
/// file of its folder but its recorded answers, wrong and right (a right answer is a
/// solution).
pub fn exercise_file(exercise: &Exercise, path: &str) -> bool {
    let dir = format!("{}/", exercise.dir.get_ref());
    path.strip_prefix(&dir).is_some_and(|rest| !rest.starts_with("tests/wrong/") && !rest.starts_with("tests/right/"))
}

/// Lets cargo drop from the `Cargo.lock` of the workspace whose root is `manifest` (in
/// the students' repository: the exercises' one at the root, the xtask's own) the crates
/// it no longer uses, keeping every other version as it is, so that a fresh clone does
/// not start with a changed lock file. Offline first (every crate is usually downloaded
/// already), then with the network.
///
/// # Errors
/// When the workspace does not load (cargo's message says why).
pub fn prune_lock(ws: &Workspace, manifest: &Path) -> Result<()> {
    let dir = manifest.parent().context("a manifest with no folder")?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut last = None;
    for offline in [true, false] {
        let mut cmd = std::process::Command::new(&cargo);
        cmd.args(["metadata", "--format-version", "1", "--manifest-path"]).arg(manifest);
        if offline {
            cmd.arg("--offline");
        }
        let out = cmd
            .current_dir(dir)
            .env_remove("CARGO_TARGET_DIR")
            .env("PYO3_PYTHON", ws.venv_python())
            .output()
            .with_context(|| format!("running `cargo metadata --manifest-path {}`", manifest.display()))?;
        if out.status.success() {
            return Ok(());
        }
        last = Some(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    bail!("the workspace of {} does not load: {}", manifest.display(), last.unwrap_or_default())
}
