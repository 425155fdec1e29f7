//! `cargo xtask verify`: the authors' and CI's proof that the course holds together,
//! like rustlings' `dev check`, and more. Each step prints `✓` or `✗`; the last line is
//! `N passed, N failed`.
//!
//! Steps: the metadata is valid; each starter compiles and fails its first stage; each
//! solution passes every stage; every snapshot is used and none is pending; files a
//! student may not edit match between starter and solution; the book builds; the tests of
//! the xtask (both tiers: `--include-ignored` runs the slow one), the embedding probe and
//! the book's snippets (skeptic) pass; every python
//! block of the book runs; the built book passes the browser tests in Chromium.

mod exercise;

use crate::course::{Course, Exercise};
use crate::course::HeldOut;
#[cfg(unix)]
use crate::answers::{self, Side};
use crate::flags::{Verify, VerifyScope};
use crate::stage;
use crate::workspace::Workspace;
use crate::{booktests, disk, python, ui};
use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

/// The tally of steps, and how long each phase took.
struct Tally {
    passed: usize,
    failed: usize,
    /// Each phase finished so far, with its wall-clock time.
    phases: Vec<(&'static str, std::time::Duration)>,
    /// When the phase under way started.
    since: std::time::Instant,
    /// The target folder, whose disk a failed step may have filled.
    target: PathBuf,
    /// A failed step said the disk is full: the run stops at the next exercise.
    disk_full: bool,
}

impl Tally {
    fn new(ws: &Workspace) -> Tally {
        Tally { passed: 0, failed: 0, phases: Vec::new(), since: std::time::Instant::now(), target: ws.target_dir(), disk_full: false }
    }

    fn step(&mut self, ok: bool, what: &str, details: &[String]) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.disk_full |= details.iter().any(|d| disk::is_full(d, &self.target));
        }
        ui::line(&format!("{} {what}", ui::mark(ok)));
        for line in details {
            ui::line(&format!("    {}", line.replace('\n', "\n    ")));
        }
    }

    /// Records `step`, decided elsewhere (a worker thread, a lane of tests).
    fn record(&mut self, step: Step) {
        self.step(step.ok, &step.what, &step.details);
    }

    /// Ends the phase under way, named `name`, and starts the next.
    fn phase(&mut self, name: &'static str) {
        self.phases.push((name, self.since.elapsed()));
        self.since = std::time::Instant::now();
    }

    /// One line with each phase's time: where a run's minutes went.
    fn times(&self) -> String {
        let total: f64 = self.phases.iter().map(|(_, d)| d.as_secs_f64()).sum();
        let each: Vec<String> = self.phases.iter().map(|(name, d)| format!("{name} {}", minutes(d.as_secs_f64()))).collect();
        format!("Time: {} in all ({})", minutes(total), each.join(", "))
    }

    /// Stops the run once a step said the disk is full: every later build would fail the
    /// same way, with hundreds of lines that hide the cause.
    fn stop_if_disk_full(&self) -> Result<()> {
        if self.disk_full {
            bail!("{}", disk::full_message(&self.target));
        }
        Ok(())
    }
}

impl Verify {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        disk::warn_if_short(&ws.target_dir(), if self.scope == VerifyScope::All { disk::Need::FullVerify } else { disk::Need::Solutions });
        python::ensure_venv(&ws, python::Packages::Students)?;
        let mut tally = Tally::new(&ws);
        let untracked = untracked_course_files(&ws);
        if !untracked.is_empty() {
            ui::note(&format!(
                "Files of the course that git does not track (the class kit and a fresh clone leave them out: `git add` them): {}",
                untracked.join(", ")
            ));
        }
        let mut mdbook = None;
        let course = match Course::load(&ws.root) {
            Ok(course) => {
                let stages: usize = course.exercises.iter().map(|e| e.stages.get_ref().len()).sum();
                tally.step(
                    true,
                    &format!("metadata: {} exercises, {stages} stages, {} parts", course.exercises.len(), course.parts.len()),
                    &[],
                );
                Some(course)
            }
            Err(err) => {
                tally.step(false, "metadata", &[format!("{err:#}")]);
                None
            }
        };
        tally.phase("venv and metadata");
        if let Some(course) = &course
            && self.scope == VerifyScope::Book
        {
            for exercise in &course.exercises {
                let problems = crate::rule_pages::problems(&ws, exercise);
                tally.step(problems.is_empty(), &format!("`{}`: its stage rules name book sections and show on its page", exercise.name()), &problems);
                tally.record(exercise::pages_step(&ws, exercise));
            }
        }
        if let Some(course) = &course
            && self.scope != VerifyScope::Book
        {
            // A name that is no exercise's stops verify before it proves nothing.
            let selected: Vec<&Exercise> = course.select(&self.exercises)?;
            // The xtask's own tests run `book --serve`, which needs the mdbook binary. Its
            // install (a release build, about two minutes of both cores) runs beside the
            // exercises and the book, whose processes leave the cores idle part of the
            // time, and the tests wait for it.
            if self.scope == VerifyScope::All && crate::tools::find_mdbook(&ws).is_none() {
                let ws = ws.clone();
                mdbook = Some(std::thread::spawn(move || crate::tools::mdbook(&ws)));
            }
            ui::note(&format!("Building {} starters and solutions", selected.len()));
            prebuild(&ws, &selected);
            for (part, count) in count_by_part(course, &selected) {
                ui::note(&format!("{count} exercise(s) in part `{part}`"));
            }
            exercise::verify_all(&ws, &selected, &mut tally)?;
            held_out_summary(&selected);
            tally.phase("starters and solutions");
            if self.scope != VerifyScope::Solutions {
                verify_recorded_answers(&ws, course, &selected, &mut tally)?;
                tally.stop_if_disk_full()?;
                tally.phase("recorded answers");
            }
        }
        let pending = pending_snapshots(&ws);
        tally.step(pending.is_empty(), "no pending snapshots (.snap.new, .pending-snap)", &pending);
        if matches!(self.scope, VerifyScope::All | VerifyScope::Book) {
            verify_book(&ws, &mut tally)?;
        }
        if self.scope == VerifyScope::All {
            verify_tests(&ws, mdbook, &mut tally)?;
        }
        ui::line(&tally.times());
        ui::line(&format!("{} passed, {} failed ({})", tally.passed, tally.failed, python_used(&ws)));
        Ok(if tally.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
    }
}

/// `Python 3.12.1 (.workbook/python-3.12/.venv)`: the interpreter the run used.
fn python_used(ws: &Workspace) -> String {
    let version = python::describe(ws, &ws.venv_python())
        .map(|i| i.version.split_whitespace().next().unwrap_or("?").to_string())
        .unwrap_or_else(|_| "?".to_string());
    let venv = ws.venv();
    format!("Python {version}, {}", venv.strip_prefix(&ws.root).unwrap_or(&venv).display())
}

/// The book, its students' edition, its snippets, and its Python and browser suites.
fn verify_book(ws: &Workspace, tally: &mut Tally) -> Result<()> {
    match crate::mdbook::build(&ws.path("book")) {
        Ok(index) => tally.step(true, &format!("the book builds: {}", index.display()), &[]),
        Err(err) => tally.step(false, "the book builds", &[format!("{err:#}")]),
    }
    match crate::students_edition::build(ws) {
        Ok(index) => tally.step(true, &format!("the students' edition builds: {}", index.display()), &[]),
        Err(err) => tally.step(false, "the students' edition builds (`cargo xtask book --student`)", &[format!("{err:#}")]),
    }
    python_blocks(ws, tally)?;
    // The book's snippets compile and run (rustc, busy) beside the browser tests (mostly
    // Chromium and Python waiting on each other).
    let (browser, snippets) = std::thread::scope(|scope| {
        let snippets = scope.spawn(|| cargo_tests(ws, "the book's snippets", &["--package", "book"]));
        let browser = browser_suite(ws, tally);
        (browser, snippets.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the run of the book's snippet tests panicked"))))
    });
    browser?;
    tally.record(snippets?);
    tally.phase("the book");
    Ok(())
}

/// The tests of the xtask, the embedding probe and the C ABI support crates, and a plain
/// `cargo test` at the root, in two lanes at the same time (`test_lanes`), each lane's
/// steps one after the other.
///
/// `mdbook` is the install of the mdbook binary that `book --serve`'s test needs when
/// `verify` started one (`tools::mdbook`: the README promises that this command installs
/// what it needs); without one, it is found or installed now.
fn verify_tests(ws: &Workspace, mdbook: Option<std::thread::JoinHandle<Result<PathBuf>>>, tally: &mut Tally) -> Result<()> {
    let installed = match mdbook {
        Some(install) => install.join().unwrap_or_else(|_| Err(anyhow::anyhow!("its install panicked"))),
        None => crate::tools::mdbook(ws),
    };
    if let Err(err) = installed {
        tally.step(false, "mdbook for `book --serve`", &[format!("{err:#}")]);
    }
    ui::note("Running the tests of the xtask, the embedding probe and the C ABI support crates, in two lanes");
    let xtask_manifest = ws.path(crate::workspace::XTASK_MANIFEST).display().to_string();
    let (grading, others) = test_lanes(&ws.path("xtask/tests"))?;
    // Every test binary of the xtask is built first, once, so that the lanes only run them
    // (and a compile error is one step, not two).
    let built = cargo_tests(ws, "the xtask's tests build", &["--no-run", "--manifest-path", &xtask_manifest])?;
    if !built.ok {
        tally.record(built);
        tally.phase("the xtask's and support crates' tests");
        return Ok(());
    }
    let with_tests = |tests: &[String]| -> Vec<String> {
        let mut args: Vec<String> = ["--manifest-path", &xtask_manifest].map(String::from).to_vec();
        for test in tests {
            args.extend(["--test".to_string(), test.clone()]);
        }
        args
    };
    // Both tiers of the xtask's tests: the fast one a plain `cargo test` runs, and the
    // slow one (`#[ignore = "slow: ..."]`: the tests that build pyo3, grade in the sandbox
    // or build a students' clone).
    let both_tiers = ["--", "--include-ignored"].map(String::from);
    let mut grading_args = with_tests(&grading);
    grading_args.extend(both_tiers.clone());
    let mut others_args = with_tests(&others);
    others_args.push("--bins".to_string());
    others_args.extend(both_tiers);
    // Lane one: the grading tests, then a plain `cargo test` at the root; lane two: the
    // other tests of the xtask, then the probe's and the C ABI support's. In CI on two
    // cores, the grading tests took 6 min 50 s and the other tests 8 min 7 s.
    let (first, second) = std::thread::scope(|scope| {
        let lane = scope.spawn(|| {
            [
                cargo_tests(ws, "xtask: the grading tests", &strs(&grading_args)),
                // The root's default members as a plain `cargo test` runs them: the probe,
                // the book's snippets and every solution against its snapshots through
                // insta (the checks' fallback without the xtask), which ARCHITECTURE.md
                // promises green.
                cargo_tests(ws, "a plain `cargo test` at the root", &[]),
            ]
        });
        let second = [
            cargo_tests(ws, "xtask: the other tests", &strs(&others_args)),
            cargo_tests(ws, "probe, C ABI support", &["--package", "embed-probe", "--package", "c-abi-support", "--package", "tagged-allocator"]),
        ];
        let panicked = || Err(anyhow::anyhow!("the lane of the grading tests panicked"));
        (lane.join().unwrap_or_else(|_| [panicked(), panicked()]), second)
    });
    for step in first.into_iter().chain(second) {
        tally.record(step?);
    }
    tally.phase("the xtask's and support crates' tests");
    Ok(())
}

/// The xtask's integration tests (`xtask/tests/*.rs`, by name) in two lanes: those that
/// grade in the sandbox (`grade*.rs`: they take the grading slots' locks in turn, and
/// spend much of their time waiting on time limits) and the others (which build in other
/// target folders), so that one lane's waits are the other's working time.
///
/// # Errors
/// When `dir` (`xtask/tests`) cannot be read.
fn test_lanes(dir: &std::path::Path) -> Result<(Vec<String>, Vec<String>)> {
    let mut names: Vec<String> = fs_err::read_dir(dir)?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".rs")).map(str::to_string))
        .collect();
    names.sort();
    Ok(names.into_iter().partition(|name| name.starts_with("grade")))
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// One step decided away from the tally (an exercise's worker, a lane of tests): whether
/// it passed, what it was, and, when it failed, why (the compiler's messages, the tests'
/// output, the problems found).
struct Step {
    ok: bool,
    what: String,
    details: Vec<String>,
}

impl Step {
    fn new(ok: bool, what: String, details: Vec<String>) -> Step {
        Step { ok, what, details }
    }
}

/// `cargo test --no-fail-fast` with `args`, one step named `what`. Without `VIRTUAL_ENV`
/// and the venv on `PATH`, as a plain `cargo test` at the root runs them: they must pass
/// that way too.
///
/// # Errors
/// When cargo cannot start.
fn cargo_tests(ws: &Workspace, what: &str, args: &[&str]) -> Result<Step> {
    let mut cmd = ws.cargo();
    // `--no-fail-fast`: every test binary runs, so that one failure does not hide others.
    cmd.args(["test", "--no-fail-fast"]).args(args).env_remove("VIRTUAL_ENV");
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    let start = std::time::Instant::now();
    let output = cmd.output().context("running cargo test")?;
    // Each lane's own time: the phase's time is the longest lane's.
    let took = minutes(start.elapsed().as_secs_f64());
    let summary = test_summary(&String::from_utf8_lossy(&output.stdout));
    Ok(if output.status.success() {
        Step { ok: true, what: format!("workspace tests ({what}): {summary}, in {took}"), details: Vec::new() }
    } else {
        let details = vec![stage::compiler_messages(&String::from_utf8_lossy(&output.stderr)), String::from_utf8_lossy(&output.stdout).into_owned()];
        Step { ok: false, what: format!("workspace tests ({what}), in {took}"), details }
    })
}

/// `4 min 10 s`, or `35 s` under a minute.
fn minutes(seconds: f64) -> String {
    let seconds = seconds.round() as u64;
    if seconds < 60 { format!("{seconds} s") } else { format!("{} min {} s", seconds / 60, seconds % 60) }
}

/// The files under the course's folders that git does not track and does not ignore:
/// an author's new exercise, page or snapshot not yet added. Empty outside a git checkout.
fn untracked_course_files(ws: &Workspace) -> Vec<String> {
    let output = std::process::Command::new("git")
        .args(["ls-files", "--others", "--exclude-standard", "--", "exercises", "solutions", "book/src", "assets", "xtask/src"])
        .current_dir(&ws.root)
        .output();
    match output {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The book's python blocks (`booktests.rs`).
fn python_blocks(ws: &Workspace, tally: &mut Tally) -> Result<()> {
    ui::note("Running the python blocks of the book");
    let blocks = booktests::run(ws, booktests::PYTHON_BLOCKS)?;
    tally.step(blocks.passed, &format!("python blocks of the book: {}", blocks.summary), &blocks.details);
    Ok(())
}

/// The browser tests (`booktests.rs`), which need Chromium: without it the step fails and
/// gives the install command.
fn browser_suite(ws: &Workspace, tally: &mut Tally) -> Result<()> {
    let chromium = booktests::chromium();
    if !chromium.exists() {
        booktests::install_chromium();
    }
    if !chromium.exists() {
        let fix = format!("{} is missing: install it with `{}` (or set WORKBOOK_CHROMIUM)", chromium.display(), booktests::CHROMIUM_INSTALL);
        tally.step(false, "browser tests", &[fix]);
        return Ok(());
    }
    ui::note("Running the browser tests (Chromium, under a minute)");
    let browser = booktests::run(ws, booktests::BROWSER)?;
    tally.step(browser.passed, &format!("browser tests: {}", browser.summary), &browser.details);
    Ok(())
}

/// Builds every selected starter's and solution's tests in one cargo run, so that the
/// crates compile in parallel; failures show up again, per exercise, in the steps.
fn prebuild(ws: &Workspace, exercises: &[&Exercise]) {
    let mut cmd = ws.cargo();
    cmd.args(["test", "--no-run", "--quiet"]);
    for exercise in exercises {
        cmd.args(["--package", &exercise.package(), "--package", &exercise.solution_package()]);
    }
    let _ = cmd.output();
}

fn count_by_part<'a>(course: &'a Course, exercises: &[&'a Exercise]) -> Vec<(&'a str, usize)> {
    course
        .parts
        .iter()
        .map(|p| (p.id.get_ref().as_str(), exercises.iter().filter(|e| e.part.get_ref() == p.id.get_ref()).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Grades every recorded answer of `exercises` (`answers.rs`) as `grade` would, in
/// rounds (the first case of each exercise together, then the second...: one build per
/// round): each wrong answer must fail its stage and only from there, on the held-out
/// seed [`answers::WRONG_ANSWER_SEED`]; each right answer must earn full marks on the public
/// inputs and the held-out inputs of [`answers::RIGHT_ANSWER_SEEDS`].
#[cfg(unix)]
fn verify_recorded_answers(ws: &Workspace, course: &Course, exercises: &[&Exercise], tally: &mut Tally) -> Result<()> {
    for side in [Side::Wrong, Side::Right] {
        let mut by_exercise = Vec::new();
        for exercise in exercises {
            match answers::load(ws, exercise, side) {
                Ok(cases) if cases.is_empty() => {}
                Ok(cases) => by_exercise.push(cases),
                Err(err) => tally.step(false, &format!("recorded {} answers of `{}` can be read", side_word(side), exercise.name()), &[format!("{err:#}")]),
            }
        }
        summary(exercises, &by_exercise, side);
        let rounds = by_exercise.iter().map(Vec::len).max().unwrap_or(0);
        if rounds == 0 {
            continue;
        }
        let mut answers: Vec<Vec<&answers::Answer<'_>>> = vec![Vec::new(); rounds];
        for cases in &by_exercise {
            for (round, case) in cases.iter().enumerate() {
                answers[round].push(case);
            }
        }
        let batches: Vec<crate::grade::Batch<'_>> = answers
            .iter()
            .map(|round| crate::grade::Batch {
                exercises: round.iter().map(|a| a.exercise).collect(),
                files: round.iter().flat_map(|a| a.files.clone()).collect(),
            })
            .collect();
        let seeds: &[u64] = match side {
            Side::Wrong => &[answers::WRONG_ANSWER_SEED],
            Side::Right => &answers::RIGHT_ANSWER_SEEDS,
        };
        let total: usize = by_exercise.iter().map(Vec::len).sum();
        let seeds_shown = seeds.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
        ui::note(&format!("Grading {total} recorded {} answers in {rounds} round(s), as `cargo xtask grade` would (held-out seeds {seeds_shown})", side_word(side)));
        let graded = crate::grade::grade_batches(ws, course, &batches, seeds)?;
        for (round, grades) in answers.iter().zip(&graded) {
            for (answer, grade) in round.iter().zip(grades) {
                let problems = answers::problems(answer, grade);
                tally.step(problems.is_empty(), &answer.claim(), &problems);
            }
        }
    }
    Ok(())
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Wrong => "wrong",
        Side::Right => "right",
    }
}

#[cfg(not(unix))]
fn verify_recorded_answers(_: &Workspace, _: &Course, _: &[&Exercise], tally: &mut Tally) -> Result<()> {
    tally.step(false, "recorded answers", &["they are graded in the grader's sandbox, which needs Linux or macOS".to_string()]);
    Ok(())
}


/// One line on how many stages have a recorded wrong answer, or how many exercises
/// have two right answers.
#[cfg(unix)]
fn summary(exercises: &[&Exercise], by_exercise: &[Vec<answers::Answer<'_>>], side: Side) {
    let cases: usize = by_exercise.iter().map(Vec::len).sum();
    match side {
        Side::Wrong => {
            let stages: usize = exercises.iter().map(|e| e.stages.get_ref().len()).sum();
            let covered: BTreeSet<(String, usize)> = by_exercise
                .iter()
                .flatten()
                .filter_map(|a| match a.expect {
                    answers::Expect::Fails { stage, .. } => Some((a.exercise.name().to_string(), stage)),
                    answers::Expect::FullMarks { .. } => None,
                })
                .collect();
            ui::note(&format!(
                "Recorded wrong answers: {cases} in {} of {} exercises; {} of {stages} stages have at least one",
                by_exercise.len(),
                exercises.len(),
                covered.len()
            ));
        }
        Side::Right => {
            let two = by_exercise.iter().filter(|cases| cases.len() >= 2).count();
            ui::note(&format!("Recorded right answers: {cases} in {} of {} exercises; {two} have at least two", by_exercise.len(), exercises.len()));
        }
    }
}

/// One line on how the stages of `exercises` are judged beyond their public inputs.
fn held_out_summary(exercises: &[&Exercise]) {
    let stages: Vec<HeldOut> = exercises.iter().flat_map(|e| e.stages.get_ref()).map(|s| s.held_out()).collect();
    let count = |kind: HeldOut| stages.iter().filter(|s| **s == kind).count();
    ui::note(&format!(
        "Held-out inputs: {} of {} stages are seeded, {} say why they cannot be (`no_held_out`), {} have neither yet",
        count(HeldOut::Seeded),
        stages.len(),
        count(HeldOut::Impossible),
        count(HeldOut::Undecided)
    ));
}

/// Files insta leaves when a snapshot does not match and writing was on.
fn pending_snapshots(ws: &Workspace) -> Vec<String> {
    let mut out = Vec::new();
    for top in ["exercises", "solutions", "book"] {
        for entry in walkdir::WalkDir::new(ws.path(top)).into_iter().filter_entry(|e| e.file_name() != "target").flatten() {
            let name = entry.file_name().to_string_lossy();
            if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
                out.push(format!("{}: review it, then delete it (only `cargo xtask bless` writes snapshots)", entry.path().display()));
            }
        }
    }
    out
}

/// The harness's totals, summed over every test binary: "N passed, N failed, N ignored".
fn test_summary(stdout: &str) -> String {
    let mut totals = [0usize; 3];
    for line in stdout.lines().filter(|l| l.starts_with("test result: ")) {
        for (i, key) in [" passed", " failed", " ignored"].iter().enumerate() {
            if let Some(n) = line.split(';').find(|p| p.ends_with(key)).and_then(|p| p.trim().rsplit(' ').nth(1)?.parse::<usize>().ok()) {
                totals[i] += n;
            }
        }
    }
    format!("{} passed, {} failed, {} ignored", totals[0], totals[1], totals[2])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_grading_tests_run_in_a_lane_of_their_own_and_every_other_test_in_the_other() {
        let dir = tempfile::tempdir().unwrap();
        for file in ["grade.rs", "grade_isolation.rs", "class.rs", "student.rs"] {
            std::fs::write(dir.path().join(file), "").unwrap();
        }
        // A test's helper module is a folder, not a test binary.
        std::fs::create_dir(dir.path().join("fixture")).unwrap();
        std::fs::write(dir.path().join("fixture/mod.rs"), "").unwrap();
        let (grading, others) = super::test_lanes(dir.path()).unwrap();
        assert_eq!(grading, ["grade", "grade_isolation"]);
        assert_eq!(others, ["class", "student"]);
    }
}
