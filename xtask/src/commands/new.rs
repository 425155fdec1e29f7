//! `cargo xtask new NAME --part PART [--kind KIND]`: scaffolds an exercise for an author.
//!
//! It writes the starter crate `exercises/PART/NAME` and its solution crate (as
//! `layout.rs` wants them: same files, the solution's `Cargo.toml` and `tests/check.rs`
//! mechanical), a `tests/check.rs` with one stage test, the `[[exercises]]` entry at the end
//! of PART's section of `exercises/info.toml`, the book page
//! `book/src/PART/exercises/NAME.md` and its line in `SUMMARY.md`, and a recorded wrong
//! answer to write. `--kind` picks the crate's shape (`new/scaffold.rs` holds the files
//! of each kind); every scaffold is unfinished on purpose, so that `verify` fails until
//! the author fills it in.

use crate::course::{Course, INFO_TOML};
use crate::flags::New;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod scaffold;

impl New {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let (name, part) = (self.name.as_str(), self.part.as_str());
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            bail!("`{name}` must be snake_case: lower-case letters, digits and `_` (it is a crate name)");
        }
        if course.exercises.iter().any(|e| e.name() == name) {
            bail!("an exercise called `{name}` already exists in {INFO_TOML}");
        }
        if !course.parts.iter().any(|p| p.id.get_ref() == part) {
            let ids: Vec<&str> = course.parts.iter().map(|p| p.id.get_ref().as_str()).collect();
            bail!("`{part}` is not a part of {INFO_TOML}; use one of: {}, or add a [[parts]] entry first", ids.join(", "));
        }
        let manifest = fs_err::read_to_string(ws.path("Cargo.toml")).context("reading the root Cargo.toml")?;
        for glob in [format!("exercises/{part}/*"), format!("solutions/{part}/*")] {
            if !manifest.contains(&format!("\"{glob}\"")) {
                bail!("the root Cargo.toml does not list \"{glob}\" in [workspace] members: add it (and the solutions' glob to default-members) first");
            }
        }
        let starter = PathBuf::from(format!("exercises/{part}/{name}"));
        let solution = PathBuf::from(format!("solutions/{part}/{name}"));
        let page = PathBuf::from(format!("book/src/{part}/exercises/{name}.md"));
        for path in [&starter, &solution, &page] {
            if ws.path(path).exists() {
                bail!("{} already exists; pick another name or remove it", path.display());
            }
        }
        let summary_path = ws.path("book/src/SUMMARY.md");
        let summary = fs_err::read_to_string(&summary_path).context("reading book/src/SUMMARY.md")?;
        let info = fs_err::read_to_string(ws.path(INFO_TOML)).with_context(|| format!("reading {INFO_TOML}"))?;

        let names = scaffold::Names { name, part, kind: self.kind };
        let files = scaffold::files(&names);
        for (path, text) in &files {
            write(&ws.path(path), text)?;
            ui::line(&format!("  new      {}", path.display()));
        }
        fs_err::write(ws.path(INFO_TOML), with_entry(&info, part, &scaffold::entry(&names)))?;
        ui::line(&format!("  changed  {INFO_TOML}"));
        fs_err::write(&summary_path, with_summary_line(&summary, part, name))?;
        ui::line("  changed  book/src/SUMMARY.md");
        let course = Course::load(&ws.root).context("the new entry does not read back: fix exercises/info.toml by hand")?;
        // The page includes its generated list of stage rules.
        for path in crate::rule_pages::write_pages(&ws, &course)? {
            ui::line(&format!("  new      {}", path.display()));
        }
        ui::line(&format!("\nThe exercise `{name}` is scaffolded; `cargo xtask verify` fails until you:"));
        for step in [
            format!("write the starter's editable files in {} (it must compile and fail stage 1; keep the ANCHOR lines)", starter.display()),
            format!("write the solution in {} (replace its todo!())", solution.display()),
            format!("write the stage tests in {}/tests/ and the stages, hints and points in {INFO_TOML}", starter.display()),
            format!("write each stage's rules in {INFO_TOML} (`[[exercises.stages.rules]]`: one sentence and the book section that teaches it)"),
            format!("write at least one recorded wrong answer per stage in {}/tests/wrong/ (start from todo_skips_the_lesson/)", starter.display()),
            format!("write at least two recorded right answers in {}/tests/right/, from the rules alone (start from todo_another_style/)", starter.display()),
            format!("run `cargo xtask bless {name}` and read every snapshot it writes"),
            format!("write the page {} (every TODO), then `cargo xtask verify --exercises {name}`", page.display()),
        ] {
            ui::line(&format!("  - {step}"));
        }
        Ok(ExitCode::SUCCESS)
    }
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs_err::create_dir_all(path.parent().context("a file has a folder")?)?;
    fs_err::write(path, text).with_context(|| format!("writing {}", path.display()))
}

/// `info` with `entry` after the last exercise of `part` (before the comments that open
/// the next section), or at the end when the part has none yet.
fn with_entry(info: &str, part: &str, entry: &str) -> String {
    let lines: Vec<&str> = info.lines().collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].trim() == "[[exercises]]").collect();
    let part_line = format!("part = \"{part}\"");
    let mut insert_at = None;
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        if lines[start..end].iter().any(|l| l.trim() == part_line) {
            insert_at = starts.get(k + 1).copied();
            if insert_at.is_none() {
                insert_at = Some(lines.len());
            }
        }
    }
    let mut at = insert_at.unwrap_or(lines.len());
    while at > 0 && at < lines.len() && (lines[at - 1].trim().starts_with('#') || lines[at - 1].trim().is_empty()) {
        at -= 1;
    }
    let mut out: Vec<String> = lines[..at].iter().map(|l| l.to_string()).collect();
    if out.last().is_some_and(|l| !l.trim().is_empty()) {
        out.push(String::new());
    }
    out.extend(entry.lines().map(str::to_string));
    if at < lines.len() {
        out.push(String::new());
    }
    out.extend(lines[at..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// `summary` with a line for the new page after the last line of `part`'s exercise pages
/// (or of any `part` page), or a new section before "# Solutions" when the part has none.
fn with_summary_line(summary: &str, part: &str, name: &str) -> String {
    let lines: Vec<&str> = summary.lines().collect();
    let target = format!("{part}/exercises/{name}.md");
    let last_exercise = lines.iter().rposition(|l| l.contains(&format!("]({part}/exercises/")));
    let last_page = lines.iter().rposition(|l| l.contains(&format!("]({part}/")));
    let (at, new_lines) = match (last_exercise, last_page) {
        (Some(i), _) => {
            let indent: String = lines[i].chars().take_while(|c| c.is_whitespace()).collect();
            (i + 1, vec![format!("{indent}- [{name}]({target})")])
        }
        (None, Some(i)) => (i + 1, vec![format!("- [{name}]({target})")]),
        (None, None) => {
            let at = lines.iter().position(|l| l.trim() == "# Solutions").unwrap_or(lines.len());
            (at, vec![format!("# {part}"), String::new(), format!("- [{name}]({target})"), String::new()])
        }
    };
    let mut out: Vec<String> = lines[..at].iter().map(|l| l.to_string()).collect();
    out.extend(new_lines);
    out.extend(lines[at..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_goes_at_the_end_of_its_part() {
        let info = "format_version = 1\n\n# -- a\n\n[[exercises]]\nname = \"x\"\npart = \"a\"\n\n# -- b\n\n[[exercises]]\nname = \"y\"\npart = \"b\"\n";
        let out = with_entry(info, "a", "[[exercises]]\nname = \"new\"\npart = \"a\"\n");
        let new = out.find("name = \"new\"").unwrap();
        assert!(out.find("name = \"x\"").unwrap() < new && new < out.find("# -- b").unwrap(), "{out}");
        let out = with_entry(info, "b", "[[exercises]]\nname = \"new\"\n");
        assert!(out.trim_end().ends_with("name = \"new\""), "{out}");
    }

    #[test]
    fn the_summary_line_goes_after_the_parts_exercises() {
        let summary = "# P\n\n- [Ex](p/exercises.md)\n  - [one](p/exercises/one.md)\n\n# Solutions\n\n- [P](solutions/p.md)\n";
        let out = with_summary_line(summary, "p", "two");
        assert!(out.contains("  - [one](p/exercises/one.md)\n  - [two](p/exercises/two.md)\n\n# Solutions"), "{out}");
        let out = with_summary_line(summary, "q", "three");
        assert!(out.contains("# q\n\n- [three](q/exercises/three.md)\n\n# Solutions"), "{out}");
    }
}
