//! The stage rules' list on each exercise's book page: generated from
//! `exercises/info.toml`, written by `cargo xtask book`, checked by `verify`.

use crate::course::{Course, Exercise};
use crate::workspace::Workspace;
use std::path::PathBuf;

/// The folder of the generated rule lists, beside each exercise's page.
const RULES_DIR: &str = "rules";

/// Where the rule list of `exercise` is written, relative to the repository root:
/// `rules/<name>.md` beside its page (`book/src/<part>/exercises/rules/<name>.md` for most).
/// Its page includes it with `{{#include rules/<name>.md}}`.
pub fn page_path(exercise: &Exercise) -> PathBuf {
    let page = PathBuf::from("book/src").join(exercise.page());
    page.parent().unwrap_or(&page).join(RULES_DIR).join(format!("{}.md", exercise.name()))
}

/// The generated Markdown list of `exercise`'s stages, each with its points and rules, each
/// rule linking the section that teaches it (links relative to the including page, the
/// exercise's page). `headings` gives the text of a `read` target.
pub fn page(exercise: &Exercise, headings: impl Fn(&str) -> Option<String>) -> String {
    let up = "../".repeat(exercise.page().parent().map_or(0, |p| p.components().count()));
    let mut out = "<!-- Generated from exercises/info.toml by `cargo xtask book`: edit the rules there. -->\n\n\
         **Stages**, each with the rules its check compares (and nothing more):\n\n"
        .to_string();
    for (i, stage) in exercise.stages.get_ref().iter().enumerate() {
        let points = *stage.points.get_ref();
        out.push_str(&format!("{}. *{}* ({points} point{})\n", i + 1, stage.name.get_ref(), if points == 1 { "" } else { "s" }));
        for rule in &stage.rules {
            let read = rule.read.get_ref();
            let title = headings(read).unwrap_or_else(|| read.clone());
            out.push_str(&format!("   - {} *Read:* [{title}]({up}{read}).\n", rule.says.get_ref().trim()));
        }
    }
    out
}

/// The text of the heading `read` (`part/page.md#id`) names, from the book's sources under
/// `ws`, or the page's first heading when `read` has no `#id`; `None` when the page or the
/// heading does not exist.
pub fn heading(ws: &Workspace, read: &str) -> Option<String> {
    let (page, id) = match read.split_once('#') {
        Some((page, id)) => (page, Some(id)),
        None => (read, None),
    };
    let text = std::fs::read_to_string(ws.path("book/src").join(page)).ok()?;
    let headings = headings_of(&text);
    match id {
        Some(id) => headings.into_iter().find(|(h, _)| h == id).map(|(_, text)| text),
        None => headings.into_iter().next().map(|(_, text)| text),
    }
}

/// Each heading of a Markdown page, outside code fences, as (id, text): the id mdBook
/// gives it (an explicit `{#id}`, else the text lower-cased, spaces as `-`, other
/// characters than letters, digits, `-` and `_` dropped).
fn headings_of(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let Some(rest) = line.strip_prefix('#') else { continue };
        if fenced {
            continue;
        }
        let title = rest.trim_start_matches('#').trim();
        if let Some((text, id)) = title.strip_suffix('}').and_then(|t| t.rsplit_once("{#")) {
            out.push((id.trim().to_string(), text.trim().to_string()));
            continue;
        }
        let plain: String = title.replace('`', "");
        let id: String = plain
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_lowercase().next().unwrap_or(c)),
                _ => None,
            })
            .collect();
        out.push((id, plain.trim().to_string()));
    }
    out
}

/// Writes the rule list of every exercise of `course` whose generated text differs from
/// the file's; returns the paths written.
///
/// # Errors
/// When a file cannot be written.
pub fn write_pages(ws: &Workspace, course: &Course) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for exercise in &course.exercises {
        let path = ws.path(page_path(exercise));
        let text = page(exercise, |read| heading(ws, read));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs_err::create_dir_all(path.parent().expect("a page has a folder"))?;
            fs_err::write(&path, text)?;
            written.push(page_path(exercise));
        }
    }
    Ok(written)
}

#[cfg(feature = "authoring")]
/// What `verify` requires of the rules of `exercise`, one message per problem: every
/// stage has rules, every `read` names an existing page and heading, the generated list
/// is up to date, and the exercise's page includes it.
pub fn problems(ws: &Workspace, exercise: &Exercise) -> Vec<String> {
    let mut out = Vec::new();
    for stage in exercise.stages.get_ref() {
        if stage.rules.is_empty() {
            out.push(format!("stage `{}` states no rule: add `[[exercises.stages.rules]]` in exercises/info.toml", stage.name.get_ref()));
        }
        for rule in &stage.rules {
            if heading(ws, rule.read.get_ref()).is_none() {
                out.push(format!(
                    "stage `{}`: `read = \"{}\"` names no page under book/src/ with that heading (ids are mdBook's: lower case, spaces as `-`)",
                    stage.name.get_ref(),
                    rule.read.get_ref()
                ));
            }
        }
    }
    let path = page_path(exercise);
    let text = page(exercise, |read| heading(ws, read));
    if std::fs::read_to_string(ws.path(&path)).ok().as_deref() != Some(text.as_str()) {
        out.push(format!("{} is not the list info.toml gives: run `cargo xtask book` to write it again", path.display()));
    }
    let exercise_page = PathBuf::from("book/src").join(exercise.page());
    let include = format!("{{{{#include {RULES_DIR}/{}.md}}}}", exercise.name());
    if !std::fs::read_to_string(ws.path(&exercise_page)).is_ok_and(|t| t.contains(&include)) {
        out.push(format!("{} does not show the stage rules: add the line `{include}`", exercise_page.display()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_follow_mdbook() {
        let text = "# Eval and run\n\n## Running statements: `py.run`\n\n```python\n# not a heading\n```\n\n### Custom {#own-id}\n";
        let ids: Vec<String> = headings_of(text).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["eval-and-run", "running-statements-pyrun", "own-id"]);
    }
}
