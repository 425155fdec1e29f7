//! `cargo xtask grade`: grades a class's submissions, tamper-proof and bounded, into a
//! gradebook, Gradescope results, a JUnit report and per-student feedback.
//!
//! The flow: find the submissions (`submissions.rs`, archives via `unpack.rs`), keep this
//! shard's and, with `--resume`, the ungraded ones; build the pristine exercises once in
//! each job slot's sandbox (`sandbox.rs`); then for each submission and exercise lay the
//! student's editable files over the sandbox and run the stage tests within bounds
//! (`exercise.rs`, `bounded.rs`); score them (`score.rs`) and write the student's files
//! at once (`store.rs`); at the end write `grades.csv` and `junit.xml` for everyone
//! graded in the output folder. `grade merge` combines shards; `--gradescope` grades the
//! one submission of Gradescope's container; `grade demo` writes a made-up class's
//! outputs from data alone (`demo.rs`).

mod adjustments;
mod bounded;
pub mod confine;
mod demo;
mod exercise;
mod feedback;
mod gradebook;
mod results_json;
mod junit;
mod progress_bar;
mod report;
mod review;
mod roster;
pub mod sandbox;
mod run_json;
mod score;
mod store;
mod submissions;
pub mod unpack;

use crate::course::{Course, Exercise, HeldOut};
use crate::flags::{Grade, GradeAction, GradeMerge, GradePrepare};
use crate::stage::{Execution, Which};
use crate::workspace::Workspace;
use crate::{python, ui};
use anyhow::{Context, Result, bail};
use bounded::{Isolation, Limits};
use exercise::{Grader, HeldOutRun};
use sandbox::{Pristine, Sandbox};
use score::StudentGrade;
use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use submissions::{Source, Submission};

pub use score::{ExerciseGrade, Status};

/// Runs `cargo xtask grade` with its flags: one of its modes.
///
/// # Errors
/// When the course, the submissions folder or the output folder cannot be read or
/// written, or the pristine exercises do not build; a student's failure is a grade.
pub fn run(args: Grade) -> Result<ExitCode> {
    match &args.action {
        Some(GradeAction::Merge(merge_args)) => merge(merge_args),
        Some(GradeAction::Prepare(prepare_args)) => prepare(&args, prepare_args),
        Some(GradeAction::Demo(demo)) => demo.run(),
        None if args.gradescope => gradescope(&args),
        None => class(&args),
    }
}

/// The class mode: a folder of submissions into `--out`.
fn class(args: &Grade) -> Result<ExitCode> {
    let dir = args.submissions.clone().context("name the submissions folder")?;
    let out = args.out.clone().context("name the output folder with --out")?;
    check_folders(&dir, &out)?;
    let (found, notes) = submissions::discover(&dir)?;
    for note in notes {
        ui::note(&note);
    }
    grade_all(args, found, &out)
}

/// Gradescope's mode: the one submission of its container, into its `results.json`.
fn gradescope(args: &Grade) -> Result<ExitCode> {
    let root = &args.gradescope_root;
    let out = root.join("results").join("workbook");
    // The grader's own scratch output inside Gradescope's results folder: a local try of
    // the autograder run again starts from nothing (a class's `--out` is never emptied).
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("emptying {}", out.display()))?;
    }
    let code = grade_all(args, vec![gradescope_submission(&root.join("submission"))], &out)?;
    let results = out.join("students").join("submission").join("results.json");
    let target = root.join("results").join("results.json");
    std::fs::copy(&results, &target).with_context(|| format!("copying {} to {}", results.display(), target.display()))?;
    if let Ok(feedback) = std::fs::read_to_string(out.join("students").join("submission").join("feedback.md")) {
        ui::line(&feedback);
    }
    Ok(code)
}

/// `grade merge`: combines the output folders of several shards.
fn merge(args: &GradeMerge) -> Result<ExitCode> {
    let record = store::RunRecord {
        kind: "merge".into(),
        date: store::now(),
        course: Workspace::find().ok().and_then(|ws| store::CourseCommit::of(&ws.root)),
        options: None,
        confinement: None,
        graded: Vec::new(),
        regraded: Vec::new(),
        merged: Vec::new(),
    };
    let grades = store::merge(&args.dirs, &args.out, args.roster.as_deref(), args.adjustments.as_deref(), record)?;
    ui::line(&format!("Merged {} students into {}", grades.len(), args.out.display()));
    Ok(ExitCode::SUCCESS)
}

/// `grade prepare`: builds the grading sandbox, and the solutions that a grading run runs
/// on its held-out inputs, so that the first graded submission (on Gradescope, the only
/// one per container) compiles only the student's crates.
fn prepare(args: &Grade, prepare: &GradePrepare) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    crate::disk::warn_if_short(&ws.target_dir(), crate::disk::Need::Grading);
    python::ensure_venv(&ws, python::Packages::Students)?;
    let course = Course::load(&ws.root)?;
    let selected = course.select(&prepare.exercises)?;
    let pristine = Pristine::read(&ws, &course)?;
    let start = Instant::now();
    let _sandbox = warm(&ws, &pristine, &selected, 0, &limits(args, 3600))?;
    solve_held_out(&ws, &selected, new_seed())?;
    ui::line(&format!("The grading sandbox and the solutions' builds are ready ({:.0} s).", start.elapsed().as_secs_f64()));
    Ok(ExitCode::SUCCESS)
}

/// Grades `submissions` into `out`: the class mode and Gradescope's.
fn grade_all(args: &Grade, submissions: Vec<Submission>, out: &Path) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    crate::disk::warn_if_short(&ws.target_dir(), crate::disk::Need::Grading);
    python::ensure_venv(&ws, python::Packages::Students)?;
    let course = Course::load(&ws.root)?;
    // A resume or a regrade without --exercises goes on with the exercises of the run.
    let recorded = store::recorded(out).filter(|_| args.exercises.is_empty() && (args.resume || !args.regrade.is_empty()));
    let names: Vec<String> = match &recorded {
        Some(info) => info.exercises.iter().map(|(n, _)| n.clone()).collect(),
        None => args.exercises.clone(),
    };
    let selected = course.select(&names)?;
    let isolation = Isolation::probe();
    if args.require_isolation && !isolation.complete() {
        bail!("--require-isolation: {}", isolation.describe());
    }
    match isolation.complete() {
        true => ui::note(&isolation.describe()),
        false => ui::error(&isolation.describe()),
    }
    // A regrade goes on with the run in `out`, on its seed, like a resume.
    let regrade = !args.regrade.is_empty();
    let resume = args.resume || regrade;
    if regrade && store::recorded(out).is_none() {
        bail!("--regrade grades students again in a folder that holds a run; {} holds none", out.display());
    }
    let seed = args.seed.or_else(|| resume.then(|| store::recorded_seed(out)).flatten()).unwrap_or_else(new_seed);
    let seeded = selected.iter().any(|e| e.stages.get_ref().iter().any(|s| s.held_out() == HeldOut::Seeded));
    let info = store::RunInfo {
        exercises: selected.iter().map(|e| (e.name().to_string(), e.max_score())).collect(),
        seed: seeded.then_some(seed),
        runs: Vec::new(),
    };
    // The roster and the adjustments: given now, or kept by the run resumed.
    let submitted: BTreeSet<String> = submissions.iter().map(|s| s.id.clone()).collect();
    let roster = match &args.roster {
        Some(path) => Some(roster::read(path, &submitted)?),
        None => resume.then(|| store::kept_roster(out)).flatten(),
    };
    if let Some(roster) = &roster {
        let missing = roster.ids.iter().filter(|id| !submitted.contains(*id)).count();
        let column = roster.column.as_ref().map_or(String::new(), |c| format!(" (column `{c}`)"));
        ui::note(&format!("Roster{column}: {} student(s), {missing} with no submission", roster.ids.len()));
    }
    let mut students = submitted.clone();
    students.extend(roster.iter().flat_map(|r| r.ids.iter().cloned()));
    if resume {
        students.extend(store::load_all(out)?.into_iter().map(|g| g.student));
    }
    let adjustments = match &args.adjustments {
        Some(path) => Some(adjustments::read(path, &info.exercises, &students)?),
        None => None,
    };
    for id in &args.regrade {
        if !submitted.contains(id) {
            bail!("--regrade {id}: no submission `{id}` in {}", args.submissions.as_deref().unwrap_or(Path::new(".")).display());
        }
    }
    let total = submissions.len();
    let mut todo = match &args.shard {
        Some(text) => submissions::shard(submissions, submissions::parse_shard(text)?),
        None => submissions,
    };
    // A regraded student's total (adjustments included) before this run changes either.
    let total_of = |out: &Path, id: &str, adjustments: &[adjustments::Adjustment]| -> Option<f64> {
        let grade = store::load_all(out).ok()?.into_iter().find(|g| g.student == id)?;
        let adjusted: Vec<&adjustments::Adjustment> = adjustments.iter().filter(|a| a.student == id).collect();
        Some(adjustments::total(grade.score(), &adjusted))
    };
    let before = match regrade {
        true => {
            let kept = store::adjustments(out, &info)?;
            args.regrade.iter().map(|id| (id.clone(), total_of(out, id, &kept))).collect()
        }
        false => Vec::new(),
    };
    store::start(out, &info, resume)?;
    if let Some(roster) = &roster {
        store::keep_roster(out, roster)?;
    }
    if let Some((text, _)) = &adjustments {
        store::keep_adjustments(out, text)?;
    }
    let info = store::recorded(out).context("run.json was just written")?;
    let adjustments = store::adjustments(out, &info)?;
    if regrade {
        todo.retain(|s| args.regrade.contains(&s.id));
    } else if resume {
        todo.retain(|s| !store::is_graded(out, &s.id));
    }
    let mut record = store::RunRecord {
        kind: if args.gradescope { "gradescope" } else if regrade { "regrade" } else if args.resume { "resume" } else { "grade" }.into(),
        date: store::now(),
        course: store::CourseCommit::of(&ws.root),
        options: Some(store::Options {
            timeout_s: args.timeout,
            build_timeout_s: args.build_timeout,
            memory_mb: args.memory_mb,
            output_kb: args.output_kb,
            jobs: args.jobs,
            shard: args.shard.clone(),
            roster: args.roster.as_ref().map(|p| p.display().to_string()),
            adjustments: args.adjustments.as_ref().map(|p| p.display().to_string()),
            visibility: args.visibility.as_str().into(),
            require_isolation: args.require_isolation,
        }),
        confinement: Some(store::Confinement {
            network_cut: isolation.namespaces == bounded::Availability::Available,
            landlock: isolation.landlock == bounded::Availability::Available,
            description: isolation.describe(),
        }),
        graded: todo.iter().map(|s| s.id.clone()).collect(),
        regraded: Vec::new(),
        merged: Vec::new(),
    };
    ui::note(&format!(
        "{} submission(s) to grade of {total} found ({} exercise(s): {})",
        todo.len(),
        selected.len(),
        info.exercises.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")
    ));
    let held_out = solve_held_out(&ws, &selected, seed)?;
    let header = header(&isolation, args, info.seed);
    let pristine = Pristine::read(&ws, &course)?;
    let jobs = args.jobs.clamp(1, todo.len().max(1));
    let mut sandboxes = Vec::new();
    for k in 0..jobs {
        let start = Instant::now();
        ui::note(&format!("Building the pristine exercises in sandbox slot {k} (dependencies compile once; later runs reuse them)"));
        sandboxes.push(warm(&ws, &pristine, &selected, k, &limits(args, 3600))?);
        ui::note(&format!("Sandbox slot {k} ready in {:.0} s", start.elapsed().as_secs_f64()));
    }
    let confinement = confinement(&ws, &isolation)?;
    let grader = Grader {
        ws: &ws,
        pristine,
        isolation,
        confinement,
        build: limits(args, args.build_timeout),
        test: limits(args, args.timeout),
        held_out: vec![held_out],
        memo: Mutex::new(Default::default()),
    };
    bounded::install_interrupt_handler();
    let queue = Mutex::new(todo.into_iter().collect::<VecDeque<_>>());
    let progress = progress_bar::Progress::new(queue.lock().map(|q| q.len()).unwrap_or(0));
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for sandbox in &sandboxes {
            let (grader, queue, progress, failures, selected, header, adjustments) = (&grader, &queue, &progress, &failures, &selected, &header, &adjustments);
            scope.spawn(move || {
                // The queue's guard moves into the closure and is dropped before grading.
                while let Some(submission) = queue.lock().ok().and_then(|mut q| q.pop_front()) {
                    progress.started(&submission.id);
                    let adjusted: Vec<&adjustments::Adjustment> = adjustments.iter().filter(|a| a.student == submission.id).collect();
                    let saved = grade_one(grader, sandbox, selected, &submission, header)
                        .and_then(|(g, review)| store::save(out, &g, &review, &adjusted, args.visibility).map(|_| g));
                    match saved {
                        Ok(grade) => progress.finished(&submission.id, &format!("{}/{} ({:.0} s)", grade.score(), grade.max_score(), grade.seconds)),
                        Err(err) => {
                            progress.finished(&submission.id, &format!("NOT GRADED: {err:#}"));
                            failures.lock().unwrap_or_else(|e| e.into_inner()).push(format!("{}: {err:#}", submission.id));
                        }
                    }
                }
            });
        }
    });
    progress.done();
    let failures = failures.into_inner().unwrap_or_default();
    record.graded.retain(|id| store::is_graded(out, id) && !failures.iter().any(|f: &String| f.starts_with(&format!("{id}: "))));
    record.regraded = before.into_iter().map(|(student, before)| {
        let after = total_of(out, &student, &adjustments).unwrap_or(0.0);
        store::Regraded { student, before, after }
    }).collect();
    for r in &record.regraded {
        let before = r.before.map_or("none".to_string(), adjustments::format_points);
        ui::note(&format!("{} regraded: total {before} before, {} now (recorded in run.json)", r.student, adjustments::format_points(r.after)));
    }
    store::add_record(out, record)?;
    let info = store::recorded(out).context("run.json was just written")?;
    let grades = store::finish(out, &info)?;
    ui::line(&format!(
        "{} student(s) graded in {}: grades.csv, junit.xml, report.html, students/<id>/{{feedback.md,results.json,review.html}}",
        grades.len(),
        out.display()
    ));
    if !failures.is_empty() {
        ui::error(&format!("{} submission(s) could not be graded (run again with --resume):\n{}", failures.len(), failures.join("\n")));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// A set of editable files graded together, for some exercises: one round of recorded
/// recorded answers (`answers.rs`), graded as one submission would be.
pub struct Batch<'a> {
    pub exercises: Vec<&'a Exercise>,
    /// Every editable file of those exercises, by repository-relative path.
    pub files: std::collections::BTreeMap<PathBuf, Vec<u8>>,
}

/// Grades each batch exactly as `grade` grades a submission with the default limits:
/// in sandbox slot 0 (shared with `grade`, so its warm build serves both; a grader that
/// holds it is waited for), confined as student code is, and judged on the held-out
/// inputs of every seed of `seeds` as well (one build, one test run per seed; a stage
/// passes when it passes on all). Returns one grade per exercise of each batch, in order.
///
/// # Errors
/// When the pristine exercises or a solution do not build, or the sandbox cannot be
/// written.
pub fn grade_batches(ws: &Workspace, course: &Course, batches: &[Batch<'_>], seeds: &[u64]) -> Result<Vec<Vec<ExerciseGrade>>> {
    let mut selected: Vec<&Exercise> = Vec::new();
    for exercise in batches.iter().flat_map(|b| &b.exercises) {
        if !selected.iter().any(|e| e.name() == exercise.name()) {
            selected.push(exercise);
        }
    }
    let isolation = Isolation::probe();
    let held_out = seeds.iter().map(|&seed| solve_held_out(ws, &selected, seed)).collect::<Result<Vec<_>>>()?;
    let pristine = Pristine::read(ws, course)?;
    let build = Limits { timeout: Duration::from_secs(600), output_bytes: 4096 << 10, memory_bytes: 4096 << 20 };
    let test = Limits { timeout: Duration::from_secs(60), ..build };
    let sandbox = warm(ws, &pristine, &selected, 0, &Limits { timeout: Duration::from_secs(3600), ..build })?;
    let confinement = confinement(ws, &isolation)?;
    let grader = Grader { ws, pristine, isolation, confinement, build, test, held_out, memo: Mutex::new(Default::default()) };
    let mut out = Vec::new();
    for batch in batches {
        let collected = submissions::Collected { files: batch.files.clone(), notes: Vec::new(), rejected: None };
        out.push(grader.grade(&sandbox, &batch.exercises, &collected)?);
    }
    Ok(out)
}

/// The Landlock rules student code runs under, where Landlock is available (with the
/// read-only mounts of its own mount namespace where namespaces are too); `None` elsewhere.
fn confinement(ws: &Workspace, isolation: &Isolation) -> Result<Option<confine::Confinement>> {
    Ok(match isolation.landlock {
        bounded::Availability::Available => {
            let own_mounts = isolation.namespaces == bounded::Availability::Available;
            Some(confine::Confinement::new(&ws.venv(), &ws.venv_python(), &sandbox::grading_dir(ws), own_mounts)?)
        }
        bounded::Availability::Unavailable { .. } => None,
    })
}

/// A fresh seed for held-out inputs (the standard library's per-process random keys).
fn new_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos());
    hasher.finish() % 1_000_000_000
}

/// Runs the solution of every selected exercise with seeded stages on the held-out
/// inputs of `seed`, here in the repository's workspace (the course's own code, never a
/// student's), and keeps what it reported.
///
/// # Errors
/// When a solution does not build, or a test of a seeded stage reports no single
/// held-out value (`cargo xtask verify` finds that too).
fn solve_held_out(ws: &Workspace, selected: &[&Exercise], seed: u64) -> Result<HeldOutRun> {
    let mut run = HeldOutRun { seed, solutions: Default::default() };
    let seeded: Vec<&&Exercise> = selected.iter().filter(|e| e.stages.get_ref().iter().any(|s| s.held_out() == HeldOut::Seeded)).collect();
    if seeded.is_empty() {
        return Ok(run);
    }
    ui::note(&format!("Held-out inputs from seed {seed} (`--seed {seed}` reproduces them): running {} solution(s) on them", seeded.len()));
    // One solution per core at a time: each run is mostly cargo's freshness check and the
    // test binary's processes.
    let observed = crate::parallel::map(&seeded, |exercise| {
        let ran = match crate::stage::execute(ws, exercise, Which::Solution, Some(seed))? {
            Execution::Ran(ran) => ran,
            Execution::BuildFailed { output } => bail!("the solution of `{}` does not build; fix the course first (`cargo xtask verify`):\n{output}", exercise.name()),
        };
        for stage in exercise.stages.get_ref().iter().filter(|s| s.held_out() == HeldOut::Seeded) {
            for test in stage.tests.get_ref() {
                if ran.observations.held_out.get(test).map(Vec::len) != Some(1) {
                    bail!(
                        "the solution of `{}` reported no single held-out value for test `{test}` ({}); fix the course first (`cargo xtask verify`):\n{}",
                        exercise.name(),
                        ran.ending.describe(),
                        ran.stderr
                    );
                }
            }
        }
        Ok((exercise.name().to_string(), ran.observations))
    })?;
    run.solutions.extend(observed);
    Ok(run)
}

fn limits(args: &Grade, seconds: u64) -> Limits {
    Limits { timeout: Duration::from_secs(seconds), output_bytes: args.output_kb << 10, memory_bytes: args.memory_mb << 20 }
}

/// Refuses an output folder inside the submissions (the grader never writes there) and
/// a submissions folder that is not one.
fn check_folders(submissions: &Path, out: &Path) -> Result<()> {
    let subs = std::fs::canonicalize(submissions).with_context(|| format!("the submissions folder {} does not exist", submissions.display()))?;
    let resolved = resolve(out)?;
    if resolved.starts_with(&subs) {
        bail!("--out {} is inside the submissions folder {}: the grader never writes there; pick another folder", out.display(), subs.display());
    }
    if subs.starts_with(&resolved) {
        bail!("the submissions folder {} is inside --out {}; pick another output folder", subs.display(), out.display());
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating the output folder {}", out.display()))?;
    Ok(())
}

/// `path` made absolute with its existing part's links resolved, without creating it.
fn resolve(path: &Path) -> Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name().map(|n| n.to_os_string()).unwrap_or_default());
        existing = existing.parent().context("a path with no existing folder")?;
    }
    let mut resolved = std::fs::canonicalize(existing)?;
    resolved.extend(rest.iter().rev());
    Ok(resolved)
}

/// Gradescope's submission folder, or the one archive a student uploaded into it.
fn gradescope_submission(dir: &Path) -> Submission {
    let archives: Vec<(PathBuf, unpack::Format)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            unpack::Format::of(&name).map(|(format, _)| (e.path(), format))
        })
        .collect();
    let source = match archives.as_slice() {
        [(path, format)] if !dir.join("exercises").exists() => Source::Archive(path.clone(), *format),
        _ => Source::Folder(dir.to_path_buf()),
    };
    Submission { id: "submission".into(), source }
}

/// Opens slot `k` and builds the pristine starters' tests there, so that grading a
/// student rebuilds only their crate.
fn warm(ws: &Workspace, pristine: &Pristine, selected: &[&Exercise], k: usize, limits: &Limits) -> Result<Sandbox> {
    let sandbox = Sandbox::open(ws, pristine, k)?;
    // A slot warmed for this very tree, toolchain and venv has every dependency built: a
    // warm-up again would only build back to the starters the crates the last run graded,
    // which a submission's build rebuilds anyway. Only the wheels not built yet are.
    let key = pristine.warm_key(ws)?;
    let (mut warmed, fresh) = match sandbox.warmed_for() {
        Some(warmed) if warmed.key == key => (warmed, true),
        _ => (sandbox::Warmed { key, ..Default::default() }, false),
    };
    let mut done = None;
    if !fresh {
        sandbox.forget_warmed()?;
        done = Some(bounded::run(exercise::course_build(ws, &sandbox, pristine.packages()), limits)?);
    }
    // maturin compiles into the slot's own target too: build each wheel exercise's
    // pristine starter once, so that a student's build compiles only their crate.
    let unbuilt: Vec<&&Exercise> = selected.iter().filter(|e| crate::stage::builds_a_wheel(&sandbox.root, e) && !warmed.wheels.contains(e.name())).collect();
    for exercise in unbuilt {
        let scratch = crate::stage::Scratch::new(&sandbox.root)?;
        let built = bounded::run(exercise::course_wheel(ws, &sandbox, &sandbox.root.join(exercise.dir()), &scratch.wheels()), limits)?;
        if built.end != (bounded::End::Exited { success: true }) {
            bail!("maturin cannot build the pristine `{}` in the grading sandbox {}; fix the course first (`cargo xtask verify`):\n{}", exercise.name(), sandbox.root.display(), built.stderr);
        }
        warmed.wheels.insert(exercise.name().to_string());
    }
    if let Some(done) = done
        && done.end != (bounded::End::Exited { success: true })
    {
        bail!(
            "the pristine exercises do not build in the grading sandbox {} ({:?}); fix the course first (`cargo xtask verify`):\n{}",
            sandbox.root.display(),
            done.end,
            crate::stage::Builds::read(&done.stdout).failure_of(None, &done.stderr)
        );
    }
    sandbox.mark_warmed(&warmed)?;
    Ok(sandbox)
}

/// Grades every selected exercise of one submission: its grade, and its review page.
fn grade_one(grader: &Grader, sandbox: &Sandbox, selected: &[&Exercise], submission: &Submission, header: &str) -> Result<(StudentGrade, String)> {
    let start = Instant::now();
    let wanted: Vec<PathBuf> = selected.iter().flat_map(|e| e.editable()).collect();
    let collected = submissions::collect(submission, &wanted);
    let mut notes = collected.notes.clone();
    if let Some(why) = &collected.rejected {
        notes.push(why.clone());
    }
    let exercises = grader.grade(sandbox, selected, &collected)?;
    let grade = StudentGrade { student: submission.id.clone(), exercises, notes, seconds: start.elapsed().as_secs_f64(), header: header.to_string() };
    let review = review::render(&grade, selected, &collected.files, |p| grader.pristine.get(p));
    Ok((grade, review))
}

/// The lines every feedback file starts with: how the grading ran.
fn header(isolation: &Isolation, args: &Grade, seed: Option<u64>) -> String {
    let held_out = match seed {
        Some(seed) => format!(" Stages marked held-out also ran on inputs generated from seed {seed}, judged against the solution on the same inputs."),
        None => String::new(),
    };
    format!(
        "{}{held_out} Limits: tests {} s and build {} s per exercise, {} MiB of memory per process, {} KiB of output.",
        isolation.describe(),
        args.timeout,
        args.build_timeout,
        args.memory_mb,
        args.output_kb
    )
}
