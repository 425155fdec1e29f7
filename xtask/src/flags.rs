//! The command line, parsed with clap's derive API: one variant per subcommand, each
//! implemented in its own file under `commands/`.

use clap::{Args, Parser, Subcommand};

/// Rust ⇄ Python: the workbook's tasks.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check exercises: with no name, every exercise in order up to the first unsolved one.
    Check(Check),
    /// Show the hints of an exercise, one more each time you ask.
    Hint(Hint),
    /// Show every exercise with its part and its progress.
    List(List),
    /// Build the book into target/book and print where it is.
    Book(Book),
    // Not in a students' repository (`cargo xtask class export`), nor are the others so marked.
    /// Prove the course (authors and CI): metadata, starters, solutions, snapshots, book, tests.
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    Verify(Verify),
    /// Regenerate an exercise's snapshots from its solution (authors only).
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    Bless(Bless),
    /// Show which Python the workbook uses and whether embedded Python really is that one.
    Doctor(Doctor),
    /// Grade a class's submissions into a gradebook, Gradescope results and feedback (instructors).
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    Grade(Grade),
    /// Run a benchmark that prints figures (and, for the book's tables, writes them).
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    Bench(Bench),
    /// Check the current exercise again each time you save it; move on when it passes.
    Watch(Watch),
    /// Restore an exercise's starter files, keeping a backup of yours.
    Reset(Reset),
    /// Write the archive to hand in: this repository without its build and cache folders.
    Pack(Pack),
    /// Scaffold a new exercise: starter, solution, tests, recorded answers, metadata, its page and solutions page, their SUMMARY.md lines and table row (authors).
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    New(New),
    /// Run a program confined with Landlock (the grader's wrapper around student code).
    #[command(hide = true)]
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    Confine(Confine),
    /// Make what a class needs: the students' repository, Gradescope's autograder (instructors).
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    Class(Class),
}

/// `cargo xtask confine --read DIR... --write DIR... -- PROGRAM ARGS...`: restricts itself
/// with the kernel's Landlock LSM, then runs the program as its child and exits with the
/// child's status (128 + N when signal N ended it). The grader's wrapper around student code.
#[derive(Debug, Args)]
pub struct Confine {
    /// A folder (or file) the program may read and execute from.
    #[arg(long)]
    pub read: Vec<std::path::PathBuf>,
    /// A folder the program may also write to.
    #[arg(long)]
    pub write: Vec<std::path::PathBuf>,
    /// Only say whether confinement works here: confine with no rule, then try to read `/`.
    #[arg(long)]
    pub probe: bool,
    /// Make every mount read-only but the `--write` folders first (in a mount namespace of
    /// its own, as `unshare --mount` makes).
    #[arg(long)]
    pub read_only_root: bool,
    /// The program and its arguments.
    #[arg(last = true)]
    pub program: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct Check {
    /// The exercise to check, by name (see `cargo xtask list`).
    pub exercise: Option<String>,
    /// Check the exercise's solution instead of your files (authors; records no progress).
    #[arg(long, requires = "exercise", conflicts_with = "answer")]
    pub solution: bool,
    /// Grade one recorded answer of the exercise, `wrong/CASE` or `right/CASE`, as `verify`
    /// does (authors; records no progress).
    #[arg(long, value_name = "wrong/CASE|right/CASE", requires = "exercise")]
    pub answer: Option<String>,
}

#[derive(Debug, Args)]
pub struct Hint {
    /// The exercise whose hints to show.
    pub exercise: String,
    /// Show every hint at once instead of one more than last time.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct List {}

#[derive(Debug, Args)]
pub struct Book {
    /// Open the built book in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Build the students' edition, without solution pages and instructor notes, into
    /// target/book-student.
    #[arg(long, conflicts_with = "serve")]
    pub student: bool,
    /// Serve the book on http://127.0.0.1:PORT with live reload (runs the `mdbook`
    /// binary, installed into .workbook/tools on first use).
    #[arg(long)]
    pub serve: bool,
    /// The port `--serve` listens on.
    #[arg(long, default_value_t = 3000, requires = "serve")]
    pub port: u16,
    /// Only install the `mdbook` binary `--serve` uses, into .workbook/tools (CI does it once).
    #[arg(long, conflicts_with_all = ["serve", "student", "open"])]
    pub install_mdbook: bool,
}

#[derive(Debug, Args)]
pub struct Verify {
    /// Verify only these exercises (comma-separated names); the book and tests still run.
    #[arg(long, value_delimiter = ',')]
    pub exercises: Vec<String>,
    /// What to verify. With `WORKBOOK_PYTHON=python3.12`, verify runs under that Python, in a
    /// venv and a target folder of its own.
    #[arg(long, value_enum, default_value_t = VerifyScope::All)]
    pub scope: VerifyScope,
}

/// The parts of the course `verify` proves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyScope {
    /// Everything: metadata, exercises, snapshots, the book, its tests and the browser tests.
    All,
    /// Metadata, every starter and solution, held-out inputs, snapshots, locked files and
    /// the recorded wrong answers.
    Exercises,
    /// As `exercises` without the recorded wrong answers (CI runs this under each extra
    /// Python: the wrong answers prove the checks once, on the default one).
    Solutions,
    /// The book alone: metadata and rule lists, the book and its students' edition, its
    /// snippets, its Python blocks and the browser tests (no exercise, no xtask test).
    Book,
}

#[derive(Debug, Args)]
pub struct Bless {
    /// The exercise whose snapshots to regenerate.
    pub exercise: String,
}

#[derive(Debug, Args)]
pub struct Doctor {}

/// `cargo xtask grade`: see `xtask/src/grade.rs` and the book's instructors' chapter.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Grade {
    #[command(subcommand)]
    pub action: Option<GradeAction>,
    /// The class's folder: one folder, `.zip` or `.tar.gz` per student (never written to).
    #[arg(required_unless_present = "gradescope")]
    pub submissions: Option<std::path::PathBuf>,
    /// Where the gradebook, the reports and the feedback go (created if missing).
    #[arg(long, required_unless_present = "gradescope")]
    pub out: Option<std::path::PathBuf>,
    /// Grade only these exercises (comma-separated names); default: every exercise.
    #[arg(long, value_delimiter = ',')]
    pub exercises: Vec<String>,
    /// How many submissions to grade at once, each in its own sandbox.
    #[arg(long, default_value_t = 1)]
    pub jobs: usize,
    /// Seconds an exercise's tests may run before their whole process tree is killed.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Seconds a student's crate may take to build before the build is killed.
    #[arg(long, default_value_t = 600)]
    pub build_timeout: u64,
    /// Memory cap per process (address space), in MiB.
    #[arg(long, default_value_t = 4096)]
    pub memory_mb: u64,
    /// Output cap per run (standard output plus standard error), in KiB; beyond it the run is killed.
    #[arg(long, default_value_t = 4096)]
    pub output_kb: usize,
    /// Skip the submissions already graded in `--out` (an interrupted run goes on where it stopped).
    #[arg(long)]
    pub resume: bool,
    /// Grade only part I of N of the submissions (sorted by id; `1/4` takes the 1st, 5th, 9th ...).
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
    /// Run inside Gradescope's container: read /autograder/submission, write /autograder/results/results.json.
    #[arg(long)]
    pub gradescope: bool,
    /// The seed held-out inputs are generated from (default: a new one, printed and kept
    /// in `run.json`, so that the grade can be reproduced).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Refuse to grade when student code cannot be confined (no Landlock) or cut from the
    /// network (no namespaces).
    #[arg(long)]
    pub require_isolation: bool,
    /// The Gradescope root folder (`/autograder`); tests point it elsewhere.
    #[arg(long, default_value = "/autograder", requires = "gradescope")]
    pub gradescope_root: std::path::PathBuf,
    /// The class list: one student id a line, or a CSV export (Canvas, Moodle) with an
    /// id, login or email column. Everyone on it gets a row in `grades.csv`, those who
    /// handed nothing in too ("not submitted"). Kept in `--out` for `--resume` and merges.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<std::path::PathBuf>,
    /// Points added to or taken from a student's grade, by hand: a CSV with the columns
    /// `student,exercise,points,reason` (`exercise` empty for the whole assignment).
    /// Kept in `--out`; a later run with this flag replaces the kept list.
    #[arg(long, value_name = "FILE")]
    pub adjustments: Option<std::path::PathBuf>,
    /// Grade these students again (comma-separated ids) in an `--out` that holds the run
    /// already, on its seed; the other students keep their grades. `run.json` records
    /// each regrade with the totals before and after.
    #[arg(long, value_delimiter = ',', value_name = "IDS", conflicts_with_all = ["shard", "gradescope"])]
    pub regrade: Vec<String>,
    /// Who sees each stage's result in Gradescope's `results.json`.
    #[arg(long, value_enum, default_value_t = Visibility::Visible)]
    pub visibility: Visibility,
}

/// Gradescope's visibility of a test in `results.json` ("Autograder Specifications").
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Visibility {
    /// Students see it at once.
    Visible,
    /// Students see it once the due date (or the late due date) has passed.
    #[value(alias = "after_due_date")]
    AfterDueDate,
    /// Students never see it; instructors do.
    Hidden,
}

impl Visibility {
    /// The value Gradescope reads.
    #[cfg(feature = "authoring")]
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Visible => "visible",
            Visibility::AfterDueDate => "after_due_date",
            Visibility::Hidden => "hidden",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum GradeAction {
    /// Combine the output folders of several shards into one gradebook.
    Merge(GradeMerge),
    /// Build the grading sandbox and the held-out solutions only (warm them up, e.g. in Gradescope's setup.sh).
    Prepare(GradePrepare),
    /// Write a made-up class's outputs (report.html, review pages, grades.csv) from data
    /// alone, nothing built or run: to see what grading gives before a class hands in.
    Demo(GradeDemo),
}

#[derive(Debug, Args)]
pub struct GradeDemo {
    /// Where the made-up class's outputs go (a new or empty folder).
    #[arg(long)]
    pub out: std::path::PathBuf,
    /// How many made-up students.
    #[arg(long, default_value_t = 40)]
    pub students: usize,
    /// Only these exercises (comma-separated names); default: every exercise.
    #[arg(long, value_delimiter = ',')]
    pub exercises: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GradeMerge {
    /// The shards' output folders.
    #[arg(required = true)]
    pub dirs: Vec<std::path::PathBuf>,
    /// Where the combined gradebook goes.
    #[arg(long)]
    pub out: std::path::PathBuf,
    /// The class list (as `grade --roster`); default: the one the shards kept, when they agree.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<std::path::PathBuf>,
    /// Adjustments (as `grade --adjustments`); default: the ones the shards kept, when they agree.
    #[arg(long, value_name = "FILE")]
    pub adjustments: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct GradePrepare {
    /// Prepare only these exercises (comma-separated names); default: every exercise.
    #[arg(long, value_delimiter = ',')]
    pub exercises: Vec<String>,
}

/// `cargo xtask bench <what>`: benchmarks that print figures (`commands/bench/`).
#[derive(Debug, Args)]
pub struct Bench {
    #[command(subcommand)]
    pub command: BenchCommand,
}

/// The benchmarks: each prints its figures and writes the table the book includes.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Calls per second of one small function from Python: pure Python, PyO3, ctypes, cffi.
    Overhead(BenchOverhead),
    /// Word frequencies: pure Python, Rust holding the GIL, Rust releasing it across threads.
    Gil(BenchGil),
    /// Grading throughput: the shared warm build against a fresh `cargo test` per submission.
    Grade(BenchGrade),
    /// A warm `cargo xtask check` of each kind of exercise, after a one-line edit and with none, step by step.
    Check(BenchCheck),
    /// First runs: the class export, a student's first `book` and first `check`, each in a fresh clone.
    FirstRun(BenchFirstRun),
    /// The grader's class report: how long it takes to load in Chromium, for a few class sizes.
    Report(BenchReport),
}

#[derive(Debug, Args)]
pub struct BenchReport {
    /// The class sizes, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [30, 300, 1000])]
    pub students: Vec<usize>,
    /// Loads of each class's report; the table gives their median and the slowest.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
}

#[derive(Debug, Args)]
pub struct BenchFirstRun {
    /// The exercise whose first check is measured.
    #[arg(long, default_value = "hello_module")]
    pub exercise: String,
    /// Which cargo registry the fresh clones build from.
    #[arg(long, value_enum, default_value_t = Registry::Shared)]
    pub registry: Registry,
}

/// The cargo registry a measured first run starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Registry {
    /// This machine's (`CARGO_HOME`): crates already downloaded are not downloaded again.
    Shared,
    /// An empty one of the run's own: every crate is downloaded, as on a new machine.
    Empty,
}

#[derive(Debug, Args)]
pub struct BenchOverhead {
    /// Print the table without writing book/src/c-abi/overhead-table.md.
    #[arg(long)]
    pub no_write: bool,
}

#[derive(Debug, Args)]
pub struct BenchCheck {
    /// Runs per exercise and change; each figure is their median.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Print the table without writing book/src/getting-started/check-times-table.md.
    #[arg(long)]
    pub no_write: bool,
}

#[derive(Debug, Args)]
pub struct BenchGrade {
    /// How many submissions of the full course to grade with the shared warm build.
    #[arg(long, default_value_t = 20)]
    pub submissions: usize,
    /// How many of them to grade the naive way (copy and cold build each); the rest is extrapolated. 0: none.
    #[arg(long, default_value_t = 1)]
    pub naive: usize,
    /// How many submissions the grader takes at once (`grade --jobs`).
    #[arg(long, default_value_t = 2)]
    pub jobs: usize,
    /// Every N-th submission has a compile error in one exercise (0: none).
    #[arg(long, default_value_t = 5)]
    pub compile_error_every: usize,
}

/// `cargo xtask pack [--out FILE]`: the students' archive to hand in (`commands/pack.rs`).
#[derive(Debug, Args)]
pub struct Pack {
    /// Where the archive goes, a `.zip` (default: `target/hand-in.zip`). Name it as your
    /// instructor asks, e.g. your student id: `--out alice.zip`.
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct Watch {
    /// Start with this exercise instead of the first unsolved one.
    pub exercise: Option<String>,
}

#[derive(Debug, Args)]
pub struct Reset {
    /// The exercise to restore.
    pub exercise: String,
    /// Which of its files to restore.
    #[arg(long, value_enum, default_value_t = ResetFiles::All)]
    pub files: ResetFiles,
}

/// The files `cargo xtask reset` puts back as git has them (`commands/reset.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResetFiles {
    /// The files you edit, back to the starter, and every other file of the exercise
    /// that is missing or changed.
    All,
    /// Only the files of the exercise you do not edit (its `Cargo.toml`, tests, data)
    /// that are missing or changed; your own files stay as they are.
    Course,
}

#[derive(Debug, Args)]
pub struct New {
    /// The new exercise's name, in snake_case (it is also its crate's name).
    pub name: String,
    /// The part it belongs to, one of the `[[parts]]` ids of exercises/info.toml.
    #[arg(long)]
    pub part: String,
    /// How its code meets Python; the scaffold follows the course's model exercise of that kind.
    #[arg(long, value_enum, default_value_t = NewKind::Embedding)]
    pub kind: NewKind,
}

/// The kinds of exercise `new` scaffolds, as `kind` is spelled in exercises/info.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NewKind {
    /// Rust embeds the interpreter (model: `call_function`).
    Embedding,
    /// Python imports a `#[pymodule]` (model: `errors_enum`).
    ExtensionModule,
    /// Python loads a `cdylib` through ctypes (model: `add_numbers`).
    CAbi,
}

impl NewKind {
    /// The `kind` value of exercises/info.toml.
    #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
    pub fn id(self) -> &'static str {
        match self {
            NewKind::Embedding => "embedding",
            NewKind::ExtensionModule => "extension-module",
            NewKind::CAbi => "c-abi",
        }
    }
}

#[derive(Debug, Args)]
pub struct BenchGil {
    /// Number of documents in the corpus.
    #[arg(long, default_value_t = 64)]
    pub documents: usize,
    /// Words per document.
    #[arg(long, default_value_t = 20_000)]
    pub words: usize,
    /// Runs per variant; the best time counts.
    #[arg(long, default_value_t = 5)]
    pub repeats: usize,
    /// Print the figures only; leave the book's table alone.
    #[arg(long)]
    pub no_write: bool,
}

/// `cargo xtask class`: what an instructor hands out and grades with (`xtask/src/class.rs`).
#[derive(Debug, Args)]
pub struct Class {
    #[command(subcommand)]
    pub action: ClassAction,
}

#[derive(Debug, Subcommand)]
pub enum ClassAction {
    /// Write the students' repository into DIR: exercises, assets, the book's students'
    /// edition, the students' xtask and README; no solutions, no grading commands.
    Export(ClassExport),
    /// Write Gradescope's autograder archive (setup.sh, run_autograder and the course).
    Gradescope(ClassGradescope),
}

/// Which exercises a class kit holds: all by default, or a week's assignment.
#[derive(Debug, Clone, Args)]
pub struct ClassSelection {
    /// Only these exercises (comma-separated names, see `cargo xtask list`).
    #[arg(long, value_delimiter = ',', conflicts_with = "part")]
    pub exercises: Vec<String>,
    /// Only the exercises of this part (one of the `[[parts]]` ids of exercises/info.toml).
    #[arg(long)]
    pub part: Option<String>,
}

#[derive(Debug, Args)]
pub struct ClassExport {
    /// The folder to write (created; it must be missing or empty).
    pub dir: std::path::PathBuf,
    #[command(flatten)]
    pub selection: ClassSelection,
    /// Also write the GitHub Classroom workflow (`.github/workflows/classroom.yml`): it runs
    /// `cargo xtask check` on each push and reports each stage's points.
    #[arg(long)]
    pub classroom: bool,
}

#[derive(Debug, Args)]
pub struct ClassGradescope {
    /// The archive to write (`.zip`), to upload as the assignment's autograder (with
    /// `--try`, by default `target/gradescope-try/autograder.zip`).
    #[arg(required_unless_present = "try_submission")]
    pub out: Option<std::path::PathBuf>,
    /// Try the kit on one submission here, as Gradescope would run it: a folder, or a
    /// `.zip` (Gradescope unpacks a zip upload), graded by the kit's `run_autograder` in
    /// `target/gradescope-try/` (Gradescope's `source/`, `submission/`, `results/`); then
    /// print the summary of `results.json`.
    #[arg(long = "try", value_name = "SUBMISSION")]
    pub try_submission: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub selection: ClassSelection,
    /// The seed of the held-out inputs every submission of the assignment is graded on
    /// (default: a new one, printed); `run_autograder` passes it to `grade`.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Who sees each stage's result on Gradescope.
    #[arg(long, value_enum, default_value_t = Visibility::Visible)]
    pub visibility: Visibility,
}
