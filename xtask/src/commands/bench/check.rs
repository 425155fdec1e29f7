//! `cargo xtask bench check`: how long a warm `cargo xtask check` takes, for one exercise
//! of each kind, after a one-line edit and with nothing changed, split into its steps.
//! Prints the table and writes it into `book/src/getting-started/check-times-table.md`,
//! which the setup page includes.
//!
//! Each run is `cargo xtask check NAME --solution`, started as a student starts a check
//! (the alias, through `cargo run`), with [`check_report::timing::TIMINGS_VAR`] set: the
//! xtask and the test process write the time of each step there (`stage/run.rs`,
//! `stage/wheel.rs`, `check_support::maturin`). The edit appends a comment line, a new
//! one each run, to the solution's first editable file, and the file's bytes are put
//! back after the run; a copy of them waits in `target/bench-check/` meanwhile, and a
//! bench stopped half-way puts it back when it starts again. Python's start and pytest's
//! start and collection are timed apart (probes: `python -c pass`, `pytest
//! --collect-only` on the same files, with the same environment), since they happen
//! inside the pytest run. Each figure is the median of `--runs` runs.

use crate::course::{Course, Exercise, to_solution_path};
use crate::flags::BenchCheck;
use crate::workspace::{Workspace, run_quiet};
use crate::{python, ui};
use anyhow::{Context, Result, bail};
use check_report::timing::{TIMINGS_VAR, Timing};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The generated table, relative to the root.
const TABLE: &str = "book/src/getting-started/check-times-table.md";

/// One exercise of each kind of check, and how the table names that kind.
const KINDS: &[(&str, &str)] = &[
    ("call_function", "embedding"),
    ("hello_module", "extension module, maturin and pytest"),
    ("errors_enum", "extension module, embedded interpreter"),
    ("add_numbers", "C ABI"),
    ("fix_dwights_algorithm", "capstone, embedding"),
];

/// The steps of the table, in its order: the name a timing is recorded under (or a
/// probe's), and the column's title.
const STEPS: &[(&str, &str)] = &[
    ("cargo run", "xtask start (`cargo run`)"),
    ("cargo build", "cargo build"),
    ("link", "test binary: compile + link"),
    ("maturin", "maturin build + pack"),
    ("wheel install", "wheel install"),
    ("test binary", "test binary runs"),
    ("python start", "Python start"),
    ("pytest collection", "pytest start + collection"),
    ("pytest tests", "pytest's tests"),
];

/// Whether a run changes a file first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// A comment line appended to the solution's first editable file.
    OneLineEdit,
    /// Nothing: the check right after another.
    Nothing,
}

impl Change {
    fn label(self) -> &'static str {
        match self {
            Change::OneLineEdit => "one-line edit",
            Change::Nothing => "no change",
        }
    }
}

/// The medians of one exercise and one change: the total and each step's seconds
/// (`None` where the step does not happen for this kind).
struct Row {
    exercise: String,
    kind: &'static str,
    change: Change,
    total: f64,
    steps: Vec<Option<f64>>,
}

pub fn run(args: &BenchCheck) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    python::ensure_venv(&ws, python::Packages::Students)?;
    restore_backups(&ws)?;
    let course = Course::load(&ws.root)?;
    let runs = args.runs.max(1);
    let load_before = super::load_average();
    let mut rows = Vec::new();
    for (name, kind) in KINDS {
        let exercise = course.exercise(name)?;
        ui::note(&format!("Timing `cargo xtask check {name} --solution`, {runs} runs after a one-line edit and {runs} with no change"));
        // A first run makes every later one warm.
        one_run(&ws, exercise, Change::Nothing, 0)?;
        let probes = if crate::stage::builds_a_wheel(&ws.root, exercise) { Some(Probes::new(&ws, exercise)?) } else { None };
        for change in [Change::OneLineEdit, Change::Nothing] {
            // Putting an edited file back gives it a new time, so cargo builds once more:
            // that build is no run of "no change".
            if change == Change::Nothing {
                one_run(&ws, exercise, Change::Nothing, 0)?;
            }
            let mut measured = Vec::new();
            for i in 1..=runs {
                let mut timings = one_run(&ws, exercise, change, i)?;
                if let Some(probes) = &probes {
                    timings.extend(probes.measure(&ws)?);
                }
                measured.push(timings);
            }
            rows.push(row(name, kind, change, &measured));
        }
    }
    let table = table(&rows, runs, &super::machine(), &format!("{load_before} before, {} after", super::load_average()), &python_version(&ws));
    ui::line(&table);
    if !args.no_write {
        fs_err::write(ws.path(TABLE), &table).with_context(|| format!("writing {TABLE}"))?;
        ui::note(&format!("Wrote {TABLE}; the book includes it on the setup page"));
    }
    Ok(ExitCode::SUCCESS)
}

/// One check of `exercise`'s solution through the students' alias, after `change`
/// (edit number `i`): the wall time as `total`, `cargo run`'s share, and every step the
/// xtask and the test process recorded (summed by step).
///
/// # Errors
/// When the check cannot run, does not pass (a failing solution is no fair measure), or
/// the edited file cannot be put back.
fn one_run(ws: &Workspace, exercise: &Exercise, change: Change, i: usize) -> Result<Vec<Timing>> {
    let scratch = tempfile::Builder::new().prefix("bench-check-").tempdir_in(ws.target_dir()).context("making a scratch folder")?;
    let timings_file = scratch.path().join("timings.jsonl");
    let edit = match change {
        Change::OneLineEdit => Some(Edit::new(ws, exercise, i)?),
        Change::Nothing => None,
    };
    let mut cmd = students_cargo(ws);
    cmd.args(["xtask", "check", exercise.name(), "--solution"]).env(TIMINGS_VAR, &timings_file);
    let start = Instant::now();
    let out = cmd.output();
    let wall = start.elapsed().as_secs_f64();
    // Put back first, whatever the run gave.
    if let Some(edit) = edit {
        edit.restore()?;
    }
    let out = out.context("running cargo xtask check")?;
    if !out.status.success() {
        bail!("`cargo xtask check {} --solution` failed, so its times would mean nothing:\n{}{}", exercise.name(), String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    }
    let mut timings: Vec<Timing> = Vec::new();
    for line in std::fs::read_to_string(&timings_file).unwrap_or_default().lines() {
        let timing: Timing = serde_json::from_str(line).with_context(|| format!("{}: not a timing: {line}", timings_file.display()))?;
        match timings.iter_mut().find(|t| t.step == timing.step) {
            Some(same) => same.seconds += timing.seconds,
            None => timings.push(timing),
        }
    }
    let xtask = timings.iter().find(|t| t.step == "xtask").map(|t| t.seconds).context("the xtask recorded no time: is it built from this tree?")?;
    timings.push(Timing { step: "cargo run".into(), seconds: wall - xtask });
    timings.push(Timing { step: "total".into(), seconds: wall });
    Ok(timings)
}

/// `cargo` at the root as a student's shell runs it: the variables cargo set for this
/// bench's own `cargo run` removed, so that the nested one sees none of them.
fn students_cargo(ws: &Workspace) -> std::process::Command {
    let mut cmd = std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(&ws.root);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if key.starts_with("CARGO_") && key != "CARGO_HOME" && key != "CARGO_TARGET_DIR" {
            cmd.env_remove(key.as_ref());
        }
    }
    cmd
}

/// A one-line edit of a solution's file, undone by [`Edit::restore`]. The original
/// bytes wait in `target/bench-check/backup/<path>` until then.
struct Edit {
    file: PathBuf,
    backup: PathBuf,
    original: Vec<u8>,
}

impl Edit {
    /// Appends a comment line naming edit `i` to `exercise`'s solution's first editable
    /// file, after keeping a copy of its bytes.
    fn new(ws: &Workspace, exercise: &Exercise, i: usize) -> Result<Edit> {
        let relative = exercise.editable().into_iter().map(|p| to_solution_path(&p)).find(|p| p.extension().is_some_and(|e| e == "rs")).context("the exercise has no editable Rust file")?;
        let file = ws.path(&relative);
        let backup = backups(ws).join(&relative);
        let original = fs_err::read(&file)?;
        fs_err::create_dir_all(backup.parent().context("a backup has a parent folder")?)?;
        fs_err::write(&backup, &original)?;
        let mut edited = original.clone();
        edited.extend(format!("\n// bench check: edit {i}, {:?}\n", std::time::SystemTime::now()).as_bytes());
        fs_err::write(&file, edited)?;
        Ok(Edit { file, backup, original })
    }

    /// Puts the file's bytes back and removes the copy.
    fn restore(self) -> Result<()> {
        fs_err::write(&self.file, &self.original)?;
        fs_err::remove_file(&self.backup)?;
        Ok(())
    }
}

/// Where the copies of edited files wait.
fn backups(ws: &Workspace) -> PathBuf {
    ws.target_dir().join("bench-check").join("backup")
}

/// Puts back every file a stopped bench left edited, from its copy.
fn restore_backups(ws: &Workspace) -> Result<()> {
    let dir = backups(ws);
    for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
        let relative = entry.path().strip_prefix(&dir)?;
        ui::note(&format!("Putting back {} as it was before a bench that stopped half-way", relative.display()));
        fs_err::copy(entry.path(), ws.path(relative))?;
        fs_err::remove_file(entry.path())?;
    }
    Ok(())
}

/// The probes of an exercise checked through pytest: its wheel, built and unpacked once
/// into a scratch folder, for the environment of the timed Python starts.
struct Probes {
    _scratch: tempfile::TempDir,
    site: PathBuf,
    tests_dir: PathBuf,
}

impl Probes {
    fn new(ws: &Workspace, exercise: &Exercise) -> Result<Probes> {
        let scratch = tempfile::Builder::new().prefix("bench-check-").tempdir_in(ws.target_dir()).context("making a scratch folder")?;
        let wheels = scratch.path().join("wheels");
        let site = scratch.path().join("site");
        let crate_dir = ws.path(exercise.solution_dir());
        run_quiet(ws.command(ws.venv_bin().join("maturin")).args(crate::stage::wheel_args(&crate_dir, &ws.target_dir().join("maturin"), &wheels)), "building the wheel for the probes")?;
        let wheel = fs_err::read_dir(&wheels)?.flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == "whl")).context("maturin wrote no wheel")?;
        run_quiet(ws.command(ws.venv_python()).args(["-B", "-m", "zipfile", "-e"]).arg(&wheel).arg(&site), "unpacking the wheel for the probes")?;
        Ok(Probes { _scratch: scratch, site, tests_dir: ws.path(exercise.dir()) })
    }

    /// Python's start, and pytest's start and collection, each timed once; pytest's
    /// tests are what its run took beyond that, once the run's `pytest` is known.
    fn measure(&self, ws: &Workspace) -> Result<Vec<Timing>> {
        let python = |args: &[&str]| -> Result<f64> {
            let mut cmd = ws.command(ws.venv_python());
            cmd.args(args).current_dir(&self.tests_dir).env("PYTHONPATH", &self.site).envs(check_report::PYTEST_ENV.iter().copied());
            let start = Instant::now();
            run_quiet(&mut cmd, "a timed Python start")?;
            Ok(start.elapsed().as_secs_f64())
        };
        let mut collect: Vec<&str> = check_report::PYTEST_ARGS.to_vec();
        collect.insert(collect.len() - 1, "--collect-only");
        Ok(vec![Timing { step: "python start".into(), seconds: python(&["-c", "pass"])? }, Timing { step: "pytest collection".into(), seconds: python(&collect)? }])
    }
}

/// The medians of `measured` (one list of timings per run) for the table.
fn row(exercise: &str, kind: &'static str, change: Change, measured: &[Vec<Timing>]) -> Row {
    let of = |step: &str| -> Option<f64> {
        let values: Vec<f64> = measured.iter().filter_map(|run| run.iter().find(|t| t.step == step).map(|t| t.seconds)).collect();
        median(values)
    };
    let pytest_tests = median(
        measured
            .iter()
            .filter_map(|run| {
                let total = run.iter().find(|t| t.step == "pytest")?.seconds;
                let collection = run.iter().find(|t| t.step == "pytest collection")?.seconds;
                Some((total - collection).max(0.0))
            })
            .collect(),
    );
    let steps = STEPS.iter().map(|(step, _)| if *step == "pytest tests" { pytest_tests } else { of(step) }).collect();
    Row { exercise: exercise.to_string(), kind, change, total: of("total").unwrap_or_default(), steps }
}

/// The median of `values`; `None` when there are none.
fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 })
}

/// The generated page: a header saying how to regenerate it, the table, and a caption
/// naming the machine, its load and the runs.
fn table(rows: &[Row], runs: usize, machine: &str, load: &str, python: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<!-- generated by `cargo xtask bench check`; do not edit -->");
    let _ = write!(out, "| exercise (kind) | change | total |");
    for (_, title) in STEPS {
        let _ = write!(out, " {title} |");
    }
    let _ = write!(out, "\n| --- | --- | ---: |");
    for _ in STEPS {
        let _ = write!(out, " ---: |");
    }
    out.push('\n');
    for row in rows {
        let _ = write!(out, "| `{}` ({}) | {} | **{:.2} s** |", row.exercise, row.kind, row.change.label(), row.total);
        for step in &row.steps {
            match step {
                Some(s) => {
                    let _ = write!(out, " {s:.2} |");
                }
                None => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\n*Measured by `cargo xtask bench check` on {machine} (load average {load}), with {python}: \
         `cargo xtask check NAME --solution`, warm, the median of {runs} runs per row. cargo's build \
         and maturin's run side by side, and the test binary's time includes the wheel's install \
         and pytest when the test process does them, so the steps do not add up to the total. \
         Python's start is part of pytest's start; \"–\": the step does not happen for this kind.*"
    );
    out
}

/// `CPython 3.11.7`, the venv's interpreter.
fn python_version(ws: &Workspace) -> String {
    run_quiet(ws.command(ws.venv_python()).args(["-c", "import platform; print(platform.python_implementation(), platform.python_version())"]), "asking Python its version")
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|_| "Python".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timing(step: &str, seconds: f64) -> Timing {
        Timing { step: step.into(), seconds }
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }

    #[test]
    fn a_row_takes_each_steps_median_and_pytests_tests_beyond_collection() {
        let runs = vec![
            vec![timing("total", 1.0), timing("cargo build", 0.2), timing("pytest", 0.5), timing("pytest collection", 0.3)],
            vec![timing("total", 3.0), timing("cargo build", 0.4), timing("pytest", 0.9), timing("pytest collection", 0.4)],
            vec![timing("total", 2.0), timing("cargo build", 0.3), timing("pytest", 0.7), timing("pytest collection", 0.5)],
        ];
        let row = row("hello_module", "extension module", Change::Nothing, &runs);
        assert_eq!(row.total, 2.0);
        let step = |name: &str| row.steps[STEPS.iter().position(|(s, _)| *s == name).unwrap()];
        assert_eq!(step("cargo build"), Some(0.3));
        assert_eq!(step("maturin"), None);
        assert!((step("pytest tests").unwrap() - 0.2).abs() < 1e-9);
        let text = table(&[row], 3, "a CPU, 2 cores", "1.00 0.50 0.25 before, 1.10 0.60 0.30 after", "CPython 3.11.7");
        assert!(text.starts_with("<!-- generated by `cargo xtask bench check`; do not edit -->\n"), "{text}");
        assert!(text.contains("| `hello_module` (extension module) | no change | **2.00 s** | – | 0.30 |"), "{text}");
        assert!(text.contains("on a CPU, 2 cores (load average 1.00 0.50 0.25 before, 1.10 0.60 0.30 after), with CPython 3.11.7"), "{text}");
    }
}
