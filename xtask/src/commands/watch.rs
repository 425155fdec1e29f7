//! `cargo xtask watch [EXERCISE]`: rustlings' watch mode. Checks the current exercise (the
//! first unsolved one, or EXERCISE), then checks it again each time one of its editable
//! files is saved; when it passes, moves on to the next unsolved exercise. A file that
//! does not compile is just a failed check: the watch goes on. Ctrl-C stops it; progress
//! is saved after every check.

use super::check::check_one;
use crate::course::{Course, Exercise};
use crate::flags::Watch;
use crate::progress::Progress;
use crate::workspace::Workspace;
use crate::{python, ui};
use anyhow::{Context, Result};
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

/// How long the files must stay quiet after a change before the check runs, so that an
/// editor's burst of writes (temporary file, rename, metadata) causes one check.
const DEBOUNCE: Duration = Duration::from_millis(300);

impl Watch {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let venv = python::start_venv(&ws, python::Packages::Students)?;
        ctrl_c_stops();
        let mut progress = Progress::load(&ws);
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx).context("starting the file watcher")?;
        let mut watched: Option<PathBuf> = None;
        let mut current = match &self.exercise {
            Some(name) => Some(course.exercise(name)?),
            None => next_unsolved(&ws, &course, &progress),
        };
        while let Some(exercise) = current {
            let passed = check_one(&ws, &course, exercise, &mut progress, &venv)?;
            progress.save(&ws)?;
            if passed {
                current = next_unsolved(&ws, &course, &progress);
                if let Some(next) = current {
                    ui::line(&ui::paint(ui::PASS, format!("`{}` passes. Next: `{}`.", exercise.name(), next.name())));
                }
                continue;
            }
            // The folder stays watched while the exercise is current, so that a save made
            // during a check is not lost: it triggers the next check at once.
            // A student may have deleted the folder: watch the nearest folder that is left,
            // so that `reset` in another terminal brings the check back.
            let dir = ws.path(exercise.dir()).ancestors().find(|d| d.is_dir()).unwrap_or(&ws.root).to_path_buf();
            if watched.as_ref() != Some(&dir) {
                if let Some(old) = watched.take() {
                    let _ = watcher.unwatch(&old);
                }
                watcher.watch(&dir, RecursiveMode::Recursive).with_context(|| format!("watching {}", dir.display()))?;
                watched = Some(dir);
            }
            let files = exercise.editable();
            ui::line(&ui::paint(
                ui::NOTE,
                format!("Watching {} for changes; save to check again, Ctrl-C to stop.", list(&files)),
            ));
            wait_for_change(&rx, &files.iter().map(|f| ws.path(f)).collect::<Vec<_>>())?;
        }
        let done = course.exercises.iter().filter(|e| progress.is_done(&ws, e)).count();
        ui::line(&format!("{done}/{} done", course.exercises.len()));
        ui::line(&ui::paint(ui::PASS, "Every exercise passes. Congratulations!"));
        Ok(ExitCode::SUCCESS)
    }
}

/// The first exercise, in order, that has not passed with its current files.
fn next_unsolved<'a>(ws: &Workspace, course: &'a Course, progress: &Progress) -> Option<&'a Exercise> {
    course.exercises.iter().find(|e| !progress.is_done(ws, e))
}

/// Blocks until one of `files` was created, changed or renamed into place, then until the
/// events stop for [`DEBOUNCE`].
fn wait_for_change(rx: &mpsc::Receiver<notify::Result<notify::Event>>, files: &[PathBuf]) -> Result<()> {
    // A folder of a file created (a deleted exercise's folder brought back by `reset`)
    // counts too: the files written into it at once may come before its watch.
    let relevant = |event: &notify::Event| {
        let created = matches!(event.kind, EventKind::Create(_));
        matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_))
            && event.paths.iter().any(|p| files.iter().any(|f| p == f || p.ends_with(f) || (created && f.starts_with(p))))
    };
    loop {
        match rx.recv().context("the file watcher stopped")? {
            Ok(event) if relevant(&event) => break,
            Ok(_) => {}
            Err(err) => ui::note(&format!("file watcher: {err}")),
        }
    }
    while rx.recv_timeout(DEBOUNCE).is_ok() {}
    Ok(())
}

fn list(files: &[PathBuf]) -> String {
    files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// Makes Ctrl-C (SIGINT) end the watch whatever the process inherited: a program started
/// in the background by a non-interactive shell starts with SIGINT ignored, and the watch
/// would then only stop with a harder signal. Nothing is lost when it stops: each check's
/// progress is saved as soon as the check ends.
fn ctrl_c_stops() {
    #[cfg(unix)]
    // SAFETY: `signal` with `SIG_DFL` installs no handler code; it only restores the
    // default action, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
}
