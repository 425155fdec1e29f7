//! `students/<id>/review.html`: what an instructor reads to review one student, written
//! when the student is graded (the only time the submitted files are at hand): per
//! exercise, the diff of each editable file against the starter (the `similar` crate),
//! then each stage's result, its rules with ✓ or ✗, the evidence the feedback shows, and
//! the stage's review notes from `exercises/info.toml` (`Stage::review`: what a human
//! should look at that the checks cannot). Self-contained: inline CSS, no script.

use super::gradebook;
use super::report::{esc, head};
use super::score::{Status, StudentGrade};
use crate::course::Exercise;
use similar::{ChangeTag, TextDiff};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

/// The review page of `grade`, for the exercises `selected` whose editable files are
/// `files` (as submitted) and `starter` (a path's starter bytes).
pub fn render<'a>(grade: &StudentGrade, selected: &[&Exercise], files: &BTreeMap<PathBuf, Vec<u8>>, starter: impl Fn(&std::path::Path) -> Option<&'a [u8]>) -> String {
    let id = esc(&grade.student);
    let mut out = format!(
        "{}<p><a href=\"../../report.html\">Class report</a> · <a href=\"feedback.md\">feedback.md</a></p>\n<h1>Review: {id}</h1>\n<p>{}/{} from the checks (adjustments are in <code>grades.csv</code> and the feedback).</p>\n",
        head(&format!("Review: {}", grade.student)),
        grade.score(),
        grade.max_score()
    );
    if !grade.notes.is_empty() {
        out.push_str("<h2>About the submission</h2>\n<ul>\n");
        for note in &grade.notes {
            let _ = writeln!(out, "<li>{}</li>", esc(note));
        }
        out.push_str("</ul>\n");
    }
    for exercise in selected {
        let Some(graded) = grade.exercises.iter().find(|e| e.exercise == exercise.name()) else { continue };
        let _ = writeln!(out, "<h2 id=\"{0}\"><code>{0}</code>: {1}/{2} <small>({3})</small></h2>", esc(exercise.name()), graded.score, graded.max_score, gradebook::status(Some(graded)));
        for path in exercise.editable() {
            let _ = writeln!(out, "<h3><code>{}</code></h3>", esc(&path.display().to_string()));
            let old = starter(&path).map(String::from_utf8_lossy).unwrap_or_default();
            match files.get(&path) {
                None => out.push_str("<p class=\"fail\">Not submitted.</p>\n"),
                Some(bytes) => {
                    let new = String::from_utf8_lossy(bytes);
                    if new == old {
                        out.push_str("<p>Unchanged from the starter.</p>\n");
                    } else {
                        out.push_str(&diff(&old, &new));
                    }
                }
            }
        }
        if graded.status != Status::Graded {
            let _ = writeln!(out, "<p class=\"fail\">0 points for this exercise ({}):</p>\n<pre>{}</pre>", gradebook::status(Some(graded)), esc(&graded.message));
            for stage in exercise.stages.get_ref().iter().filter(|s| !s.review.is_empty()) {
                let _ = writeln!(out, "<h4>Stage — {}</h4>", esc(stage.name.get_ref()));
                review_notes(&mut out, &stage.review);
            }
            continue;
        }
        out.push_str("<h3>Stages</h3>\n");
        for (i, stage) in graded.stages.iter().enumerate() {
            let (class, mark) = if stage.passed { ("pass", "✓") } else { ("fail", "✗") };
            let _ = writeln!(out, "<h4 class=\"{class}\">{mark} Stage {} — {}: {}/{}</h4>", i + 1, esc(&stage.name), stage.score, stage.max_score);
            if !stage.rules.is_empty() {
                out.push_str("<ul>\n");
                for rule in &stage.rules {
                    let (class, mark) = if rule.passed { ("pass", "✓") } else { ("fail", "✗") };
                    let _ = writeln!(out, "<li class=\"{class}\">{mark} {}</li>", esc(&rule.says));
                }
                out.push_str("</ul>\n");
            }
            if !stage.passed && !stage.output.is_empty() {
                let _ = writeln!(out, "<pre>{}</pre>", esc(&stage.output));
            }
            if let Some(course_stage) = exercise.stages.get_ref().iter().find(|s| s.name.get_ref() == &stage.name) {
                review_notes(&mut out, &course_stage.review);
            }
        }
    }
    if !grade.header.is_empty() {
        let _ = writeln!(out, "<h2>How this was graded</h2>\n<p>{}</p>", esc(&grade.header));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A stage's review notes (`Stage::review`), when it has any, as a list for the reviewer.
fn review_notes(out: &mut String, notes: &[toml::Spanned<String>]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<div class=\"review\"><p>For the reviewer (the checks cannot judge this):</p>\n<ul>\n");
    for note in notes {
        let _ = writeln!(out, "<li>{}</li>", esc(note.get_ref()));
    }
    out.push_str("</ul></div>\n");
}

/// The unified diff of `old` (the starter) against `new` (the student's), three lines
/// of context, as a `<pre>` with removed and added lines marked.
fn diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_lines(old, new);
    let mut out = String::from("<pre class=\"diff\">");
    for group in diff.grouped_ops(3) {
        let first = &group[0];
        let _ = writeln!(
            out,
            "<span class=\"hunk\">@@ starter line {}, submitted line {} @@</span>",
            first.old_range().start + 1,
            first.new_range().start + 1
        );
        for op in &group {
            for change in diff.iter_changes(op) {
                let (class, sign) = match change.tag() {
                    ChangeTag::Delete => ("del", '-'),
                    ChangeTag::Insert => ("add", '+'),
                    ChangeTag::Equal => ("", ' '),
                };
                let line = esc(change.value().trim_end_matches('\n'));
                match class {
                    "" => {
                        let _ = writeln!(out, "{sign}{line}");
                    }
                    class => {
                        let _ = writeln!(out, "<span class=\"{class}\">{sign}{line}</span>");
                    }
                }
            }
        }
    }
    out.push_str("</pre>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::score::{ExerciseGrade, StageGrade};

    /// A course of one exercise, `one`, whose two stages are `first` (with review notes)
    /// and `second` (without).
    fn course() -> (tempfile::TempDir, crate::course::Course) {
        let dir = tempfile::tempdir().unwrap();
        for side in ["exercises", "solutions"] {
            let krate = dir.path().join(side).join("p/one");
            fs_err::create_dir_all(krate.join("src")).unwrap();
            fs_err::write(krate.join("Cargo.toml"), "").unwrap();
            fs_err::write(krate.join("src/lib.rs"), "").unwrap();
        }
        let text = r#"
format_version = 1
[[parts]]
id = "p"
title = "P"
[[exercises]]
name = "one"
dir = "exercises/p/one"
part = "p"
kind = "embedding"
editable = ["exercises/p/one/src/lib.rs"]
hints = ["h"]
[[exercises.stages]]
name = "first"
tests = ["a"]
points = 1
review = ["Is the GIL released around the <whole> loop?"]
[[exercises.stages]]
name = "second"
tests = ["b"]
points = 1
"#;
        let course = crate::course::Course::parse(dir.path(), text).unwrap();
        (dir, course)
    }

    fn grade(status: Status) -> StudentGrade {
        let stage = |name: &str, passed: bool| StageGrade { name: name.into(), passed, score: u32::from(passed), max_score: 1, output: String::new(), rules: Vec::new() };
        let graded = status == Status::Graded;
        StudentGrade {
            student: "ann".into(),
            exercises: vec![ExerciseGrade {
                exercise: "one".into(),
                status,
                score: u32::from(graded),
                max_score: 2,
                message: if graded { String::new() } else { "error[E0308]".into() },
                stages: if graded { vec![stage("first", true), stage("second", false)] } else { Vec::new() },
                unchanged: false,
                digest: String::new(),
                seconds: 0.0,
            }],
            notes: Vec::new(),
            seconds: 0.0,
            header: String::new(),
        }
    }

    #[test]
    fn a_stages_review_notes_are_shown_under_it_escaped() {
        let (_dir, course) = course();
        let selected: Vec<&Exercise> = course.exercises.iter().collect();
        let files = BTreeMap::from([(PathBuf::from("exercises/p/one/src/lib.rs"), b"fn f() {}\n".to_vec())]);
        let note = "<li>Is the GIL released around the &lt;whole&gt; loop?</li>";
        let html = render(&grade(Status::Graded), &selected, &files, |_| Some(&b""[..]));
        let first = html.find("Stage 1 — first").unwrap();
        let second = html.find("Stage 2 — second").unwrap();
        let at = html.find(note).unwrap_or_else(|| panic!("{html}"));
        assert!(first < at && at < second, "the note is under its own stage: {html}");
        assert_eq!(html.matches("class=\"review\"").count(), 1, "the stage without notes shows none");
        // An exercise that did not build still shows what a reviewer should look at.
        let html = render(&grade(Status::BuildFailed), &selected, &files, |_| Some(&b""[..]));
        assert!(html.contains(note) && html.contains("error[E0308]"), "{html}");
    }

    #[test]
    fn the_diff_marks_removed_and_added_lines_escaped() {
        let html = diff("fn a() {\n    todo!()\n}\n", "fn a() {\n    1 < 2\n}\n");
        assert!(html.contains("<span class=\"del\">-    todo!()</span>"), "{html}");
        assert!(html.contains("<span class=\"add\">+    1 &lt; 2</span>"), "{html}");
        assert!(html.contains(" fn a() {"));
    }
}
