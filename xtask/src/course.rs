//! The course's metadata: `exercises/info.toml`, read into typed structs and validated.
//!
//! The format follows rustlings' `info.toml` (`format_version = 1`, one `[[exercises]]`
//! table per exercise, in the order students take them), with parts, a kind per
//! exercise, the files a student may edit, and stages with points for grading.
//! Every error names the file, the line and the field, and says how to fix it.

use anyhow::{Result, bail};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Where the metadata lives, relative to the repository root.
pub const INFO_TOML: &str = "exercises/info.toml";

/// The only format this xtask reads.
pub const FORMAT_VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Must be [`FORMAT_VERSION`].
    pub format_version: Spanned<u32>,
    /// The parts of the course, in the book's order.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// Every exercise, in the order students take them.
    #[serde(default)]
    pub exercises: Vec<Exercise>,
}

/// A part of the course: a group of chapters and the exercises that end it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The part's identifier and folder name under `exercises/` and `solutions/`.
    pub id: Spanned<String>,
    /// The part's title, as in the book.
    pub title: String,
}

/// How an exercise's code meets Python, which also decides how it is checked.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Rust embeds the interpreter (`Python::attach`); checked with `cargo test`.
    Embedding,
    /// Python imports a Rust extension module (`#[pymodule]`).
    ExtensionModule,
    /// Python loads a `cdylib` through ctypes or cffi (`extern "C"`).
    CAbi,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Embedding => "embedding",
            Kind::ExtensionModule => "extension module",
            Kind::CAbi => "C ABI",
        })
    }
}

/// One exercise: a starter crate under `exercises/`, its solution under `solutions/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Unique name, also the starter's package name (`<name>_solution` for the solution).
    pub name: Spanned<String>,
    /// The starter's folder, relative to the root: `exercises/<part>/<name>`.
    pub dir: Spanned<String>,
    /// The part it ends, one of `[[parts]]`' ids.
    pub part: Spanned<String>,
    /// How its code meets Python.
    pub kind: Kind,
    /// The files a student may edit, relative to the root, inside `dir`. Grading takes
    /// these files, and only these, from a submission.
    pub editable: Spanned<Vec<Spanned<String>>>,
    /// Hints, from a nudge to nearly the answer; `cargo xtask hint` shows one more each time.
    pub hints: Spanned<Vec<String>>,
    /// The stages, in order; each is a group of tests in `tests/check.rs`.
    pub stages: Spanned<Vec<Stage>>,
    #[cfg_attr(all(not(feature = "book"), feature = "students-edition"), allow(dead_code, reason = "read by the book's generated rule lists only"))]
    /// The exercise's page in the book, under `book/src/`; by default
    /// `<part>/exercises/<name>.md` ([`Exercise::page`]).
    #[serde(default)]
    pub page: Option<Spanned<String>>,
    #[cfg_attr(not(feature = "authoring"), allow(dead_code, reason = "read by `verify` only"))]
    /// The exercise's solutions page, under `book/src/`; by default
    /// `solutions/<part>/<name>.md` ([`Exercise::solution_page`]).
    #[serde(default)]
    pub solution_page: Option<Spanned<String>>,
}

/// A stage: one behaviour of the exercise, checked by some tests and worth some points.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// A short name a student reads: "call a method".
    pub name: Spanned<String>,
    /// The names of the test functions in `tests/check.rs` that make up the stage.
    pub tests: Spanned<Vec<String>>,
    /// The points the stage is worth when all its tests pass (grading's `max_score`).
    pub points: Spanned<u32>,
    /// `"seeded"` when the stage's tests also run, at grading time, on inputs generated
    /// from the run's seed (`check_support::observe_held_out!`), judged against the
    /// solution on the same inputs.
    #[serde(default)]
    pub held_out: Option<Spanned<String>>,
    /// Why the stage can have no held-out inputs (a packaging file has one right content).
    #[serde(default)]
    pub no_held_out: Option<Spanned<String>>,
    /// What the stage requires, one rule each (`[[exercises.stages.rules]]`): the
    /// specification a check compares and nothing more. The exercise's book page shows
    /// them (`rule_pages.rs` writes it) and a failing check prints each with ✓ or ✗.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Review notes: what a human reviewer should look at in a submission that the checks
    /// cannot judge ("is the GIL released around the whole loop, or only around each
    /// item?"), one sentence each, in the instructor's terms. Optional. The grader's review
    /// page (`students/<id>/review.html`) shows them under the stage; students never see
    /// them (`cargo xtask class export` leaves them out of the students' `info.toml`).
    #[cfg_attr(not(feature = "authoring"), allow(dead_code, reason = "read by the grader's review pages only"))]
    #[serde(default)]
    pub review: Vec<Spanned<String>>,
}

/// One rule of a stage: a sentence in the student's terms, the book section that teaches
/// it, and the tests that observe it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// One sentence: "`shout` calls Python's `str.strip`, then `str.upper`". Where the
    /// rule leaves a choice to the student, it says so ("the message is yours").
    pub says: Spanned<String>,
    /// The book section that teaches it: a page under `book/src/` and the id of one of
    /// its headings, `python-from-rust/calling.md#calling-a-method` (`verify` checks both).
    pub read: Spanned<String>,
    /// The stage's tests that observe it; all of the stage's tests when left out.
    #[serde(default)]
    pub tests: Option<Spanned<Vec<String>>>,
}

impl Rule {
    /// The tests that observe the rule, within `stage`.
    pub fn tests<'a>(&'a self, stage: &'a Stage) -> &'a [String] {
        match &self.tests {
            Some(tests) => tests.get_ref(),
            None => stage.tests.get_ref(),
        }
    }
}

#[cfg(feature = "authoring")]
/// Whether a stage is judged on held-out inputs at grading time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldOut {
    /// Its tests also run on inputs generated from the grading seed.
    Seeded,
    /// It can have none; `no_held_out` says why.
    Impossible,
    /// Not decided yet: only its public inputs are judged.
    Undecided,
}

impl Stage {
    #[cfg(feature = "authoring")]
    /// How the stage is judged beyond its public inputs.
    pub fn held_out(&self) -> HeldOut {
        match (&self.held_out, &self.no_held_out) {
            (Some(_), _) => HeldOut::Seeded,
            (None, Some(_)) => HeldOut::Impossible,
            (None, None) => HeldOut::Undecided,
        }
    }
}

impl Exercise {
    #[cfg(any(feature = "book", not(feature = "students-edition")))]
    /// The exercise's page in the book, relative to `book/src/`.
    pub fn page(&self) -> PathBuf {
        match &self.page {
            Some(page) => PathBuf::from(page.get_ref()),
            None => default_page(self.part.get_ref(), self.name()),
        }
    }

    #[cfg(feature = "authoring")]
    /// The exercise's solutions page in the book, relative to `book/src/`.
    pub fn solution_page(&self) -> PathBuf {
        match &self.solution_page {
            Some(page) => PathBuf::from(page.get_ref()),
            None => default_solution_page(self.part.get_ref(), self.name()),
        }
    }

    /// The exercise's name.
    pub fn name(&self) -> &str {
        self.name.get_ref()
    }

    /// The starter's package name.
    pub fn package(&self) -> String {
        self.name().to_string()
    }

    /// The solution's package name.
    pub fn solution_package(&self) -> String {
        format!("{}_solution", self.name())
    }

    /// The starter's folder, relative to the root.
    pub fn dir(&self) -> PathBuf {
        PathBuf::from(self.dir.get_ref())
    }

    /// The solution's folder, relative to the root: `dir` with `exercises/` replaced by
    /// `solutions/`.
    pub fn solution_dir(&self) -> PathBuf {
        to_solution_path(Path::new(self.dir.get_ref()))
    }

    /// The editable files, relative to the root.
    pub fn editable(&self) -> Vec<PathBuf> {
        self.editable.get_ref().iter().map(|p| PathBuf::from(p.get_ref())).collect()
    }

    /// The sum of the stages' points.
    pub fn max_score(&self) -> u32 {
        self.stages.get_ref().iter().map(|s| *s.points.get_ref()).sum()
    }
}

/// The solution's counterpart of a path under `exercises/`.
pub fn to_solution_path(path: &Path) -> PathBuf {
    match path.strip_prefix("exercises") {
        Ok(rest) => Path::new("solutions").join(rest),
        Err(_) => path.to_path_buf(),
    }
}

impl Course {
    /// Reads and validates `exercises/info.toml` under `root`.
    ///
    /// # Errors
    /// A message naming the file, the line and the field, with the fix.
    pub fn load(root: &Path) -> Result<Course> {
        let path = root.join(INFO_TOML);
        let text = fs_err::read_to_string(&path)
            .map_err(|e| anyhow::anyhow!("{INFO_TOML}: cannot read it: {e}"))?;
        Course::parse(root, &text)
    }

    /// Parses and validates metadata `text` for the course at `root`.
    ///
    /// # Errors
    /// A message naming the file, the line and the field, with the fix.
    pub fn parse(root: &Path, text: &str) -> Result<Course> {
        let course: Course = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            anyhow::anyhow!("{INFO_TOML}:{line}: {}", e.message().trim_end())
        })?;
        let problems = course.problems(root, text);
        if !problems.is_empty() {
            bail!("{} problem(s) in the course metadata:\n{}", problems.len(), problems.join("\n"));
        }
        Ok(course)
    }

    /// The exercise called `name`.
    ///
    /// # Errors
    /// When there is none, listing the names there are.
    pub fn exercise(&self, name: &str) -> Result<&Exercise> {
        self.exercises.iter().find(|e| e.name() == name).ok_or_else(|| {
            let names: Vec<&str> = self.exercises.iter().map(|e| e.name()).collect();
            anyhow::anyhow!("no exercise is called `{name}`; the exercises are: {}", names.join(", "))
        })
    }

    #[cfg(feature = "authoring")]
    /// The exercises named in `names`, in the course's order; every exercise when `names`
    /// is empty. The one way every command that takes `--exercises` picks them.
    ///
    /// # Errors
    /// When a name is no exercise's: the message lists the exercises.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Exercise>> {
        for name in names {
            self.exercise(name)?;
        }
        Ok(self.exercises.iter().filter(|e| names.is_empty() || names.iter().any(|n| n == e.name())).collect())
    }

    /// The title of the part `id`.
    pub fn part_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.parts.iter().find(|p| p.id.get_ref() == id).map(|p| p.title.as_str()).unwrap_or(id)
    }

    /// Every rule of the format that `self` breaks, one message each.
    fn problems(&self, root: &Path, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut say = |span: std::ops::Range<usize>, field: &str, message: String| {
            out.push(format!("{INFO_TOML}:{}: `{field}`: {message}", line_of(text, span.start)));
        };
        if *self.format_version.get_ref() != FORMAT_VERSION {
            say(
                self.format_version.span(),
                "format_version",
                format!("this xtask reads format_version = {FORMAT_VERSION}; update the file or the xtask"),
            );
        }
        let part_ids: Vec<&str> = self.parts.iter().map(|p| p.id.get_ref().as_str()).collect();
        let mut names = HashSet::new();
        for exercise in &self.exercises {
            let name = exercise.name();
            if !names.insert(name) {
                say(exercise.name.span(), "name", format!("`{name}` is used twice; give each exercise its own name"));
            }
            if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') || name.is_empty() {
                say(exercise.name.span(), "name", format!("`{name}` must be snake_case (it is a crate name)"));
            }
            if !part_ids.contains(&exercise.part.get_ref().as_str()) {
                say(
                    exercise.part.span(),
                    "part",
                    format!("`{}` is not a part; use one of: {}", exercise.part.get_ref(), part_ids.join(", ")),
                );
            }
            let expected_dir = format!("exercises/{}/{}", exercise.part.get_ref(), name);
            if exercise.dir.get_ref() != &expected_dir {
                say(exercise.dir.span(), "dir", format!("expected \"{expected_dir}\" (exercises/<part>/<name>)"));
            }
            // Not the starter's manifest: a student may delete or break it, and every command
            // must still load the course (`damage.rs` names it, `reset` restores it). A
            // students' repository (`cargo xtask class export`) has no solutions.
            if !cfg!(feature = "students-edition") && !root.join(exercise.solution_dir()).join("Cargo.toml").is_file() {
                say(exercise.dir.span(), "dir", format!("the solution crate {}/Cargo.toml does not exist", exercise.solution_dir().display()));
            }
            if exercise.editable.get_ref().is_empty() {
                say(exercise.editable.span(), "editable", "list at least one file the student edits".into());
            }
            for file in exercise.editable.get_ref() {
                let path = Path::new(file.get_ref());
                if !path.starts_with(exercise.dir.get_ref()) || path.components().any(|c| c == std::path::Component::ParentDir) {
                    say(file.span(), "editable", format!("`{}` must be a path inside `{}`", file.get_ref(), exercise.dir.get_ref()));
                } else {
                    // Only the solution's copy: a student may delete the starter's, and every
                    // command must still load the course (`check` names it, `reset` restores it).
                    let solution = to_solution_path(path);
                    if !cfg!(feature = "students-edition") && !root.join(&solution).is_file() {
                        say(file.span(), "editable", format!("{} does not exist", solution.display()));
                    }
                }
            }
            if exercise.hints.get_ref().is_empty() || exercise.hints.get_ref().iter().any(|h| h.trim().is_empty()) {
                say(exercise.hints.span(), "hints", format!("exercise `{name}` needs at least one hint, and no empty hint"));
            }
            if exercise.stages.get_ref().is_empty() {
                say(exercise.stages.span(), "stages", format!("exercise `{name}` needs at least one [[exercises.stages]]"));
            }
            let mut tests = HashSet::new();
            for stage in exercise.stages.get_ref() {
                if stage.tests.get_ref().is_empty() {
                    say(stage.tests.span(), "tests", format!("stage `{}` names no test", stage.name.get_ref()));
                }
                for test in stage.tests.get_ref() {
                    if !tests.insert(test.as_str()) {
                        say(stage.tests.span(), "tests", format!("test `{test}` belongs to two stages"));
                    }
                }
                if let Some(value) = &stage.held_out
                    && value.get_ref() != "seeded"
                {
                    say(value.span(), "held_out", format!("stage `{}`: `held_out` takes only \"seeded\"; to say a stage can have no held-out inputs, write `no_held_out = \"why\"`", stage.name.get_ref()));
                }
                if let (Some(_), Some(reason)) = (&stage.held_out, &stage.no_held_out) {
                    say(reason.span(), "no_held_out", format!("stage `{}` has both `held_out` and `no_held_out`: keep one", stage.name.get_ref()));
                }
                if stage.no_held_out.as_ref().is_some_and(|r| r.get_ref().trim().is_empty()) {
                    say(stage.name.span(), "no_held_out", format!("stage `{}`: `no_held_out` must say why", stage.name.get_ref()));
                }
                for rule in &stage.rules {
                    if rule.says.get_ref().trim().is_empty() || rule.says.get_ref().contains('\n') {
                        say(rule.says.span(), "says", format!("stage `{}`: a rule is one sentence on one line", stage.name.get_ref()));
                    }
                    if !rule.read.get_ref().contains(".md") {
                        say(rule.read.span(), "read", format!("stage `{}`: `read` names a page under book/src/ and a heading: \"part/page.md#heading-id\"", stage.name.get_ref()));
                    }
                    if let Some(tests) = &rule.tests {
                        for test in tests.get_ref().iter().filter(|t| !stage.tests.get_ref().contains(t)) {
                            say(tests.span(), "tests", format!("rule of stage `{}` names `{test}`, which is not one of the stage's tests ({})", stage.name.get_ref(), stage.tests.get_ref().join(", ")));
                        }
                    }
                }
                if !stage.rules.is_empty() {
                    for test in stage.tests.get_ref().iter().filter(|t| !stage.rules.iter().any(|r| r.tests(stage).contains(t))) {
                        say(stage.tests.span(), "rules", format!("stage `{}`: test `{test}` observes no rule; name it in a rule's `tests`, or drop it", stage.name.get_ref()));
                    }
                }
                for note in stage.review.iter().filter(|note| note.get_ref().trim().is_empty() || note.get_ref().contains('\n')) {
                    say(note.span(), "review", format!("stage `{}`: a review note is one sentence on one line, never empty", stage.name.get_ref()));
                }
                if *stage.points.get_ref() == 0 {
                    say(stage.points.span(), "points", format!("stage `{}` must be worth at least 1 point", stage.name.get_ref()));
                }
            }
        }
        out
    }
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The one builder of test courses, shared with the integration tests.
#[cfg(test)]
#[path = "../tests/fixture/course.rs"]
mod test_course;

/// The default page of the exercise `name` of `part`, relative to `book/src/`:
/// `PART/exercises/NAME.md` (`page` in `info.toml` overrides it).
#[cfg(any(feature = "book", not(feature = "students-edition")))]
pub fn default_page(part: &str, name: &str) -> PathBuf {
    PathBuf::from(part).join("exercises").join(format!("{name}.md"))
}

/// The default solutions page of the exercise `name` of `part`, relative to `book/src/`:
/// `solutions/PART/NAME.md` (`solution_page` in `info.toml` overrides it).
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
pub fn default_solution_page(part: &str, name: &str) -> PathBuf {
    PathBuf::from("solutions").join(part).join(format!("{name}.md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::test_course;

    /// One exercise `one` in part `p`, one stage `first` of tests `a` and `b`, 2 points.
    fn spec() -> test_course::Course {
        let test = |name: &str| test_course::Test { name: name.to_string(), expression: "0".to_string(), expected: "0".to_string() };
        let mut course = test_course::Course::standard();
        course.parts[0].1 = "A part".to_string();
        course.exercises.truncate(1);
        course.exercises[0].hints = vec!["Look closer.".to_string()];
        course.exercises[0].stages = vec![test_course::Stage { name: "first".to_string(), points: 2, tests: vec![test("a"), test("b")] }];
        course
    }

    /// The course's `info.toml`, with the exercise's crates written under a temporary folder.
    fn fixture() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let spec = spec();
        spec.write_crates(dir.path(), test_course::Report::CourseCopy);
        (dir, spec.info_toml())
    }

    /// The 1-based line of `info` that starts with `text`.
    fn line(info: &str, text: &str) -> usize {
        info.lines().position(|l| l.starts_with(text)).unwrap_or_else(|| panic!("no line {text:?} in:\n{info}")) + 1
    }

    #[test]
    fn reads_a_valid_file() {
        let (dir, good) = fixture();
        let course = Course::parse(dir.path(), &good).unwrap();
        let one = course.exercise("one").unwrap();
        assert_eq!(one.max_score(), 2);
        assert_eq!(one.solution_dir(), PathBuf::from("solutions/p/one"));
        assert_eq!(one.kind, Kind::Embedding);
    }

    #[test]
    fn a_syntax_error_names_file_and_line() {
        let (dir, good) = fixture();
        let err = Course::parse(dir.path(), &good.replace("points = 2", "points = two")).unwrap_err();
        assert!(err.to_string().starts_with(&format!("exercises/info.toml:{}:", line(&good, "points = 2"))), "{err}");
    }

    #[test]
    fn held_out_is_seeded_impossible_with_a_reason_or_undecided() {
        let (dir, good) = fixture();
        let stage = |text: &str| Course::parse(dir.path(), &good.replace("points = 2", &format!("{text}\npoints = 2")));
        let held_out = |text: &str| stage(text).unwrap().exercises[0].stages.get_ref()[0].held_out();
        assert_eq!(held_out(""), HeldOut::Undecided);
        assert_eq!(held_out("held_out = \"seeded\""), HeldOut::Seeded);
        assert_eq!(held_out("no_held_out = \"one right content\""), HeldOut::Impossible);
        let err = stage("held_out = \"yes\"").unwrap_err().to_string();
        assert!(err.contains(&format!("info.toml:{}:", line(&good, "points = 2"))) && err.contains("takes only \"seeded\""), "{err}");
        let err = stage("held_out = \"seeded\"\nno_held_out = \"why\"").unwrap_err().to_string();
        assert!(err.contains("keep one"), "{err}");
    }

    #[test]
    fn review_notes_are_optional_and_one_line_each() {
        let (dir, good) = fixture();
        let with = |text: &str| good.replace("points = 2", &format!("{text}\npoints = 2"));
        let stage = |text: &str| Course::parse(dir.path(), &with(text));
        assert!(stage("").unwrap().exercises[0].stages.get_ref()[0].review.is_empty());
        let notes = stage("review = [\"Is the GIL released around the loop?\", \"Any `unwrap` on Python's input?\"]").unwrap();
        assert_eq!(notes.exercises[0].stages.get_ref()[0].review.len(), 2);
        for bad in ["review = [\" \"]", "review = \"not a list\""] {
            let err = stage(bad).unwrap_err().to_string();
            assert!(err.contains(&format!("info.toml:{}:", line(&with(bad), "review = "))), "{bad}: {err}");
        }
        let err = stage("review = [\" \"]").unwrap_err().to_string();
        assert!(err.contains("`review`") && err.contains("one sentence on one line"), "{err}");
    }

    #[test]
    fn an_unknown_field_is_named() {
        let (dir, good) = fixture();
        let err = Course::parse(dir.path(), &good.replace("hints =", "hint =")).unwrap_err().to_string();
        assert!(err.contains("unknown field `hint`") && err.contains(&format!(":{}:", line(&good, "hints ="))), "{err}");
    }

    #[test]
    fn semantic_problems_name_line_and_field() {
        let (dir, good) = fixture();
        let bad = good
            .replace("part = \"p\"", "part = \"q\"")
            .replace("exercises/p/one/src/lib.rs", "exercises/p/one/src/missing.rs")
            .replace("points = 2", "points = 0");
        let err = Course::parse(dir.path(), &bad).unwrap_err().to_string();
        assert!(err.contains(&format!("exercises/info.toml:{}: `part`: `q` is not a part", line(&good, "part = "))), "{err}");
        let editable = line(&good, "editable = ");
        assert!(err.contains(&format!("exercises/info.toml:{editable}: `editable`: solutions/p/one/src/missing.rs does not exist")), "{err}");
        assert!(err.contains(&format!("exercises/info.toml:{}: `points`", line(&good, "points = 2"))), "{err}");
    }

    #[test]
    fn a_starter_file_the_student_deleted_does_not_stop_loading() {
        let (dir, good) = fixture();
        fs_err::remove_file(dir.path().join("exercises/p/one/src/lib.rs")).unwrap();
        let course = Course::parse(dir.path(), &good).unwrap();
        assert_eq!(course.exercise("one").unwrap().editable(), vec![PathBuf::from("exercises/p/one/src/lib.rs")]);
    }
}
