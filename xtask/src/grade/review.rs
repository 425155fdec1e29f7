//! `students/<id>/review.html`: what an instructor reads to review one student, written
//! when the student is graded (the only time the submitted files are at hand): per
//! exercise, the diff of each editable file against the starter (the `similar` crate),
//! then each stage's result, its rules with ✓ or ✗, and the evidence the feedback shows.
//! Self-contained: inline CSS, no script.

use super::gradebook;
use super::report::{STYLE, esc};
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
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Review: {id}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<p><a href=\"../../report.html\">Class report</a> · <a href=\"feedback.md\">feedback.md</a></p>\n<h1>Review: {id}</h1>\n<p>{}/{} from the checks (adjustments are in <code>grades.csv</code> and the feedback).</p>\n",
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
        }
    }
    if !grade.header.is_empty() {
        let _ = writeln!(out, "<h2>How this was graded</h2>\n<p>{}</p>", esc(&grade.header));
    }
    out.push_str("</body>\n</html>\n");
    out
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

    #[test]
    fn the_diff_marks_removed_and_added_lines_escaped() {
        let html = diff("fn a() {\n    todo!()\n}\n", "fn a() {\n    1 < 2\n}\n");
        assert!(html.contains("<span class=\"del\">-    todo!()</span>"), "{html}");
        assert!(html.contains("<span class=\"add\">+    1 &lt; 2</span>"), "{html}");
        assert!(html.contains(" fn a() {"));
    }
}
