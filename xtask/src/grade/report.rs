//! `report.html`: the class at a glance, from the rows of `grades.csv` (`gradebook.rs`):
//! how the run graded (date, course commit, seed, limits, confinement), a histogram of
//! the totals, each stage's pass rate with a link to the students who failed it and the
//! rule they failed most, and the gradebook with a link to each student's review page.
//! One self-contained page: inline CSS and SVG, no script, no request off the machine.

use super::adjustments::format_points;
use super::gradebook::{self, Class};
use super::score::Status;
use super::run_json::RunInfo;
use std::collections::BTreeMap;
use std::fmt::Write;

/// `text` escaped for HTML text and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// The page's style, shared with the review pages. `.lazy` wraps the long parts of the
/// report (the gradebook, each stage's list of who failed it): the browser lays them out
/// only when they scroll into view (CSS `content-visibility: auto`; a link to an anchor
/// inside still lands on it), so that a class of hundreds on a whole course opens at
/// once (measured in Chromium: 300 students on 34 exercises, about 1.2 to 1.6 s to the
/// `load` event without it, 0.2 to 0.5 s with it, at a load average of 5 on two cores).
pub const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}\
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:.5em 0}th,td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right}pre{background:#f6f6f6;padding:.6em;overflow:auto;font-size:13px}.pass{color:#1a7f37}.fail{color:#c62828}\
.del{background:#ffebe9}.add{background:#e6ffec}.hunk{color:#666}dt{font-weight:600}dd{margin:0 0 .4em 1.5em}.review{border-left:4px solid #b58900;background:#fdf6e3;padding:.2em .8em;margin:.4em 0}svg text{font:12px system-ui,sans-serif}\
.lazy{content-visibility:auto;contain-intrinsic-size:auto 30em}";

/// The start of the grader's pages, to the opening `<body>`: `title` (escaped here), the
/// shared [`STYLE`], and an empty icon, so that a browser showing a page served over
/// HTTP asks the server for nothing (not even `/favicon.ico`, a 404 and a console error).
pub fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    )
}

/// The anchor of the list of students who failed stage `n` (from 1) of `exercise`.
fn failed_anchor(exercise: &str, n: usize) -> String {
    format!("failed-{exercise}-{n}")
}

/// The report of `class`, graded as `info` records; `has_review` says whether a student
/// has a review page (those who handed nothing in have none).
pub fn render(class: &Class<'_>, info: &RunInfo, has_review: impl Fn(&str) -> bool) -> String {
    let mut out = String::new();
    let student_link = |id: &str| match has_review(id) {
        true => format!("<a href=\"students/{0}/review.html\">{0}</a>", esc(id)),
        false => esc(id),
    };
    out.push_str(&head("Grading report"));
    out.push_str("<h1>Grading report</h1>\n");
    let submitted = class.rows.iter().filter(|r| r.grade.is_some()).count();
    let mut totals: Vec<f64> = class.rows.iter().map(|r| r.total()).collect();
    totals.sort_by(f64::total_cmp);
    let median = if totals.is_empty() { 0.0 } else { totals[totals.len() / 2] };
    let mean = if totals.is_empty() { 0.0 } else { totals.iter().sum::<f64>() / totals.len() as f64 };
    let _ = writeln!(
        out,
        "<p>{} student(s) in the gradebook, {submitted} graded, {} with nothing handed in. Totals out of {}: median {}, mean {:.1}.</p>",
        class.rows.len(),
        class.rows.len() - submitted,
        class.max(),
        format_points(median),
        mean
    );
    if !class.not_on_roster.is_empty() {
        let _ = writeln!(out, "<p class=\"fail\">Graded but not on the roster: {}.</p>", class.not_on_roster.iter().map(|s| esc(s)).collect::<Vec<_>>().join(", "));
    }
    run_section(&mut out, class, info);
    histogram(&mut out, class, &totals);
    stages(&mut out, class, &student_link);
    // The gradebook itself.
    let _ = write!(out, "<h2 id=\"students\">Students</h2>\n<div class=\"lazy\">\n<table>\n<tr><th>student</th>");
    for (name, max) in class.exercises {
        let _ = write!(out, "<th class=\"n\">{} ({max})</th>", esc(name));
    }
    let _ = writeln!(out, "<th class=\"n\">adjustments</th><th class=\"n\">total</th></tr>");
    for row in &class.rows {
        let _ = write!(out, "<tr><td>{}</td>", student_link(&row.student));
        for (name, _) in class.exercises {
            let grade = row.exercise(name);
            let status = gradebook::status(grade);
            let shown = if status == "graded" { String::new() } else { format!(" <small>{status}</small>") };
            let _ = write!(out, "<td class=\"n\">{}{shown}</td>", grade.map_or(0, |e| e.score));
        }
        let _ = writeln!(out, "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>", format_points(row.adjustment()), format_points(row.total()));
    }
    out.push_str("</table>\n</div>\n</body>\n</html>\n");
    out
}

/// How the run graded: its records in `run.json`.
fn run_section(out: &mut String, class: &Class<'_>, info: &RunInfo) {
    out.push_str("<h2>The run</h2>\n<dl>\n");
    let names: Vec<String> = class.exercises.iter().map(|(n, m)| format!("{} ({m})", esc(n))).collect();
    let _ = writeln!(out, "<dt>Exercises</dt><dd>{}</dd>", names.join(", "));
    let seed = info.seed.map_or("none (no stage has held-out inputs)".to_string(), |s| format!("{s} (<code>--seed {s}</code> grades on the same inputs)"));
    let _ = writeln!(out, "<dt>Held-out seed</dt><dd>{seed}</dd>");
    if let Some(o) = info.options() {
        let _ = writeln!(
            out,
            "<dt>Limits</dt><dd>tests {} s and build {} s per exercise, {} MiB of memory per process, {} KiB of output; {} job(s)</dd>",
            o.timeout_s, o.build_timeout_s, o.memory_mb, o.output_kb, o.jobs
        );
    }
    if let Some(c) = info.runs.iter().rev().find_map(|r| r.confinement.as_ref()) {
        let mark = if c.network_cut && c.landlock { "pass" } else { "fail" };
        let _ = writeln!(out, "<dt>Confinement</dt><dd class=\"{mark}\">{}</dd>", esc(&c.description));
    }
    for run in &info.runs {
        let course = run.course.as_ref().map_or("course not in git".to_string(), |c| {
            format!("course {}{}", esc(&c.commit[..c.commit.len().min(12)]), if c.uncommitted_changes { " with uncommitted changes" } else { "" })
        });
        let mut what = Vec::new();
        if let Some(shard) = run.options.as_ref().and_then(|o| o.shard.as_ref()) {
            what.push(format!("shard {}", esc(shard)));
        }
        if !run.graded.is_empty() {
            what.push(format!("{} student(s) graded", run.graded.len()));
        }
        for r in &run.regraded {
            let before = r.before.map_or("none".to_string(), format_points);
            what.push(format!("{} regraded: {before} → {}", esc(&r.student), format_points(r.after)));
        }
        if !run.merged.is_empty() {
            what.push(format!("{} shard(s) merged", run.merged.len()));
        }
        let _ = writeln!(out, "<dt>{} {}</dt><dd>{course}{}{}</dd>", esc(&run.kind), esc(&run.date), if what.is_empty() { "" } else { "; " }, what.join("; "));
    }
    out.push_str("</dl>\n");
}

/// A histogram of the totals: one bar per point up to 20 points, else ten bins.
fn histogram(out: &mut String, class: &Class<'_>, totals: &[f64]) {
    let max = class.max().max(1);
    let (bins, width) = if max <= 20 { (max as usize + 1, 1.0) } else { (10, f64::from(max + 1) / 10.0) };
    let mut counts = vec![0usize; bins];
    for t in totals {
        counts[((t / width).floor().max(0.0) as usize).min(bins - 1)] += 1;
    }
    let tallest = counts.iter().copied().max().unwrap_or(0).max(1);
    let (w, h, bar) = (640.0, 180.0, 640.0 / bins as f64);
    let _ = writeln!(out, "<h2>Totals</h2>\n<svg role=\"img\" aria-label=\"Histogram of the totals\" width=\"{w}\" height=\"{}\" viewBox=\"0 0 {w} {}\">", h + 40.0, h + 40.0);
    for (i, &count) in counts.iter().enumerate() {
        let lo = (i as f64 * width).ceil();
        let hi = ((i + 1) as f64 * width).ceil() - 1.0;
        let label = if width == 1.0 || lo >= hi { format_points(lo) } else { format!("{}–{}", format_points(lo), format_points(hi)) };
        let height = h * count as f64 / tallest as f64;
        let x = i as f64 * bar;
        let _ = writeln!(
            out,
            "<g><title>{label} points: {count} student(s)</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{height:.1}\" fill=\"#4a78c2\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text><text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{label}</text></g>",
            x + 2.0,
            h + 18.0 - height,
            bar - 4.0,
            x + bar / 2.0,
            h + 14.0 - height,
            x + bar / 2.0,
            h + 34.0
        );
    }
    out.push_str("</svg>\n");
}

/// A bar per stage with its pass rate and the most common failing rule; then the
/// students who failed each stage.
fn stages(out: &mut String, class: &Class<'_>, student_link: &dyn Fn(&str) -> String) {
    let everyone = class.rows.len().max(1);
    let _ = writeln!(out, "<h2>Stages</h2>\n<p>Pass rates over the {} student(s) of the gradebook (nothing handed in fails every stage).</p>", class.rows.len());
    out.push_str("<table>\n<tr><th>stage</th><th>passed</th><th></th><th>failed</th><th>the rule failed most</th></tr>\n");
    let mut lists = String::new();
    for (name, _) in class.exercises {
        let stage_names: Vec<String> = class.rows.iter().find_map(|r| r.exercise(name).filter(|e| !e.stages.is_empty())).map(|e| e.stages.iter().map(|s| s.name.clone()).collect()).unwrap_or_default();
        for (i, stage) in stage_names.iter().enumerate() {
            let mut failed = Vec::new();
            let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
            for row in &class.rows {
                let grade = row.exercise(name);
                let this = grade.and_then(|e| e.stages.get(i));
                if this.is_some_and(|s| s.passed) {
                    continue;
                }
                failed.push((row.student.as_str(), gradebook::status(grade)));
                if let (Some(e), Some(s)) = (grade, this)
                    && e.status == Status::Graded
                {
                    for rule in s.rules.iter().filter(|r| !r.passed) {
                        *rules.entry(rule.says.as_str()).or_default() += 1;
                    }
                }
            }
            let passed = class.rows.len() - failed.len();
            let rate = passed as f64 / everyone as f64;
            let anchor = failed_anchor(name, i + 1);
            let top = rules.iter().max_by_key(|(says, n)| (**n, std::cmp::Reverse(*says)));
            let rule = top.map_or(String::new(), |(says, n)| format!("{} <small>({n} student(s))</small>", esc(says)));
            let failed_cell = if failed.is_empty() { "0".to_string() } else { format!("<a href=\"#{anchor}\">{}</a>", failed.len()) };
            let _ = writeln!(
                out,
                "<tr><td>{} — stage {}: {}</td><td class=\"n\">{passed}/{} ({:.0}%)</td><td><svg width=\"160\" height=\"14\" role=\"img\" aria-label=\"{:.0}% passed\"><rect width=\"160\" height=\"14\" fill=\"#eee\"/><rect width=\"{:.1}\" height=\"14\" fill=\"#1a7f37\"/></svg></td><td class=\"n\">{failed_cell}</td><td>{rule}</td></tr>",
                esc(name),
                i + 1,
                esc(stage),
                class.rows.len(),
                rate * 100.0,
                rate * 100.0,
                rate * 160.0
            );
            if !failed.is_empty() {
                let _ = write!(lists, "<div class=\"lazy\">\n<h3 id=\"{anchor}\">{} — stage {}: {}, failed by {}</h3>\n<ul>\n", esc(name), i + 1, esc(stage), failed.len());
                for (id, status) in failed {
                    let why = if status == "graded" || status == "unchanged starter" { String::new() } else { format!(" ({status})") };
                    let _ = writeln!(lists, "<li>{}{why}</li>", student_link(id));
                }
                lists.push_str("</ul>\n</div>\n");
            }
        }
    }
    out.push_str("</table>\n");
    if !lists.is_empty() {
        out.push_str("<h2>Who failed what</h2>\n");
        out.push_str(&lists);
    }
}

#[cfg(test)]
mod tests {
    use super::super::adjustments::Adjustment;
    use super::super::score::{ExerciseGrade, StageGrade, StudentGrade};
    use super::*;
    use crate::stage::RuleVerdict;

    /// A class of `n` students on two exercises of three stages each, some failing.
    fn grades(n: usize) -> Vec<StudentGrade> {
        (0..n)
            .map(|k| {
                let exercise = |name: &str, fails: usize| {
                    let stages: Vec<StageGrade> = (0..3)
                        .map(|s| {
                            let passed = (k + s) % fails != 0;
                            let rule = |says: &str, ok: bool| RuleVerdict { says: says.into(), read: String::new(), passed: ok, tests: Vec::new() };
                            StageGrade {
                                name: format!("stage<{s}>"),
                                passed,
                                score: if passed { 2 } else { 0 },
                                max_score: 2,
                                output: String::new(),
                                rules: vec![rule("calls <sum>", passed || k % 2 == 0), rule("strips", passed || k % 2 == 1 || k % 3 == 0)],
                            }
                        })
                        .collect();
                    ExerciseGrade {
                        exercise: name.into(),
                        status: if k % 17 == 5 { Status::BuildFailed } else { Status::Graded },
                        score: stages.iter().map(|s| s.score).sum(),
                        max_score: 6,
                        message: String::new(),
                        stages,
                        unchanged: false,
                        digest: String::new(),
                        seconds: 1.0,
                    }
                };
                StudentGrade { student: format!("s{k:03}"), exercises: vec![exercise("a", 3), exercise("b", 5)], notes: Vec::new(), seconds: 1.0, header: String::new() }
            })
            .collect()
    }

    #[test]
    fn the_report_links_each_stage_to_who_failed_it() {
        let names = vec![("a".to_string(), 6), ("b".to_string(), 6)];
        let grades = grades(6);
        let roster = super::super::roster::Roster { ids: vec!["zoe".into()], column: None };
        let adjustments = vec![Adjustment { student: "s001".into(), exercise: None, points: -1.0, reason: "late".into() }];
        let class = gradebook::class(&names, &grades, Some(&roster), &adjustments);
        let info = RunInfo { exercises: names.clone(), seed: Some(42), runs: Vec::new() };
        let html = render(&class, &info, |id| id != "zoe");
        assert!(html.contains("<a href=\"#failed-a-1\">"), "{html}");
        assert!(html.contains("<h3 id=\"failed-a-1\">"));
        assert!(html.contains("<li><a href=\"students/s000/review.html\">s000</a></li>"));
        assert!(html.contains("<li>zoe (not submitted)</li>"));
        assert!(html.contains("calls &lt;sum&gt;"), "rules are escaped");
        assert!(html.contains("42 (<code>--seed 42</code>"));
        assert!(!html.contains("<script") && !html.contains("http"), "no script, no request off the machine");
        // Every link to an anchor has its target.
        for href in html.split("href=\"#").skip(1).map(|s| &s[..s.find('"').unwrap()]) {
            assert!(html.contains(&format!("id=\"{href}\"")), "{href}");
        }
    }

    #[test]
    fn a_class_of_hundreds_links_every_student() {
        // How fast its page loads is a figure `cargo xtask bench report` prints.
        let names = vec![("a".to_string(), 6), ("b".to_string(), 6)];
        let grades = grades(400);
        let class = gradebook::class(&names, &grades, None, &[]);
        let info = RunInfo { exercises: names.clone(), seed: None, runs: Vec::new() };
        let html = render(&class, &info, |_| true);
        for k in [0, 199, 399] {
            assert!(html.contains(&format!("<a href=\"students/s{k:03}/review.html\">s{k:03}</a>")), "s{k:03}");
        }
    }
}
