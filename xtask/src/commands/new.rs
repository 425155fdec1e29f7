//! `cargo xtask new NAME --part PART [--kind KIND]`: scaffolds an exercise for an author.
//!
//! It writes the starter crate `exercises/PART/NAME` and its solution crate (as
//! `layout.rs` wants them: same files, the solution's `Cargo.toml` and `tests/check.rs`
//! mechanical), a `tests/check.rs` with one stage test, the `[[exercises]]` entry at the end
//! of PART's section of `exercises/info.toml`, the book page
//! `book/src/PART/exercises/NAME.md`, its solutions page, their lines in `SUMMARY.md`,
//! the solutions page's line in the part's solutions index, a row in the part's exercise
//! table (with the list's time sentence counting the new exercise), and a recorded wrong
//! and right answer to write. Where each page lives is `exercise_pages.rs`'s. `--kind`
//! picks the crate's shape (`new/scaffold.rs` holds the files of each kind); every scaffold is unfinished on purpose, so that `verify` fails until
//! the author fills it in.

use crate::course::{Course, INFO_TOML};
use crate::exercise_pages::{self, BOOK_SRC, SUMMARY};
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
        let page = Path::new(BOOK_SRC).join(exercise_pages::default_page(part, name));
        let solution_page = Path::new(BOOK_SRC).join(exercise_pages::default_solution_page(part, name));
        for path in [&starter, &solution, &page, &solution_page] {
            if ws.path(path).exists() {
                bail!("{} already exists; pick another name or remove it", path.display());
            }
        }
        // Every page is read and every edit prepared before anything is written, so that a
        // course the scaffold cannot fit stops it with nothing half done.
        let read = |rel: &Path| fs_err::read_to_string(ws.path(rel)).with_context(|| format!("reading {}", rel.display()));
        let src = Path::new(BOOK_SRC);
        let summary = read(Path::new(SUMMARY))?;
        let list_path = src.join(exercise_pages::part_list(part));
        let index_path = src.join(exercise_pages::solutions_index(part));
        let info = read(Path::new(INFO_TOML))?;
        let summary = with_summary_line(&summary, part, name);
        let summary = with_solutions_summary_line(&summary, part, name).with_context(|| format!("{SUMMARY} has no line linking solutions/{part}.md (the part's solutions index): add it under `# Solutions` first"))?;
        let list = read(&list_path).with_context(|| format!("the part's exercise list {} is missing: write it, with its table, first", list_path.display()))?;
        let list = with_table_row(&list, name).with_context(|| format!("{} has no exercise table (`| 1 | [name](exercises/name.md) | ... |` rows): add it first", list_path.display()))?;
        let list = with_one_more_exercise(&list, scaffold::MINUTES)
            .with_context(|| format!("{}: no sentence `*Time: about N minutes for the N exercises.*` to count the new exercise in: add it first", list_path.display()))?;
        let index = read(&index_path).with_context(|| format!("the part's solutions index {} is missing: write it first", index_path.display()))?;
        let index = with_index_line(&index, part, name);

        let names = scaffold::Names { name, part, kind: self.kind };
        let files = scaffold::files(&names);
        let mut new_files: Vec<PathBuf> = Vec::new();
        for (path, text) in &files {
            write(&ws.path(path), text)?;
            ui::line(&format!("  new      {}", path.display()));
            new_files.push(path.clone());
        }
        let mut changed: Vec<PathBuf> = Vec::new();
        for (path, text) in [
            (PathBuf::from(INFO_TOML), with_entry(&info, part, &scaffold::entry(&names))),
            (PathBuf::from(SUMMARY), summary),
            (list_path, list),
            (index_path, index),
        ] {
            fs_err::write(ws.path(&path), text)?;
            ui::line(&format!("  changed  {}", path.display()));
            changed.push(path);
        }
        let course = Course::load(&ws.root).context("the new entry does not read back: fix exercises/info.toml by hand")?;
        // The page includes its generated list of stage rules.
        for path in crate::rule_pages::write_pages(&ws, &course)? {
            ui::line(&format!("  new      {}", path.display()));
            new_files.push(path);
        }
        ui::line(&format!("\nThe exercise `{name}` is scaffolded; `cargo xtask verify --scope exercises --exercises {name}` fails until you:"));
        let list_shown = src.join(exercise_pages::part_list(part));
        for step in [
            format!("write the starter's editable files in {} (it must compile and fail stage 1; keep the ANCHOR lines)", starter.display()),
            format!("write the solution in {} (replace its todo!())", solution.display()),
            format!("write the stage tests in {}/tests/ and the stages, hints and points in {INFO_TOML}", starter.display()),
            format!("write each stage's rules in {INFO_TOML} (`[[exercises.stages.rules]]`: one sentence and the book section that teaches it)"),
            format!("write at least one recorded wrong answer per stage in {}/tests/wrong/ (start from todo_skips_the_lesson/)", starter.display()),
            format!("write at least two recorded right answers in {}/tests/right/, from the rules alone (start from todo_another_style/)", starter.display()),
            format!("run `cargo xtask bless {name}` and read every snapshot it writes"),
            format!("write the page {} and the solutions page {} (every TODO)", page.display(), solution_page.display()),
            format!("say what `{name}` practises in its row of {}; its time counts in that page's time sentence already", list_shown.display()),
            "git add every file below and commit them (`verify` and the class kit see only what git tracks)".to_string(),
            format!("check it: `cargo xtask check {name} --solution`, then `cargo xtask verify --scope exercises --exercises {name}`, then `cargo xtask verify --scope book` (it prints the sentences of the part's overview and the introduction that count the course's time)"),
        ] {
            ui::line(&format!("  - {step}"));
        }
        // Every new file outside the two crates, and the files changed: one command that
        // stages all of it (`verify` and the class kit see only what git tracks).
        let mut add: Vec<String> = new_files.iter().filter(|p| !p.starts_with(&starter) && !p.starts_with(&solution)).map(|p| p.display().to_string()).collect();
        add.sort();
        add.extend(changed.iter().map(|p| p.display().to_string()));
        ui::line(&format!("\nWhat to `git add` (new, then changed):\n  git add {} {} {}", starter.display(), solution.display(), add.join(" ")));
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

/// `summary` with a line for the new solutions page after the last solutions page of
/// `part`, indented as they are, or under the part's solutions index; `None` when
/// `summary` has no line for that index.
fn with_solutions_summary_line(summary: &str, part: &str, name: &str) -> Option<String> {
    let lines: Vec<&str> = summary.lines().collect();
    let target = format!("solutions/{part}/{name}.md");
    let (at, indent) = match lines.iter().rposition(|l| l.contains(&format!("](solutions/{part}/"))) {
        Some(i) => (i + 1, lines[i].chars().take_while(|c| c.is_whitespace()).collect::<String>()),
        None => {
            let i = lines.iter().position(|l| l.contains(&format!("](solutions/{part}.md)")))?;
            (i + 1, lines[i].chars().take_while(|c| c.is_whitespace()).collect::<String>() + "  ")
        }
    };
    let mut out: Vec<String> = lines[..at].iter().map(|l| l.to_string()).collect();
    out.push(format!("{indent}- [{name}]({target})"));
    out.extend(lines[at..].iter().map(|l| l.to_string()));
    Some(out.join("\n") + "\n")
}

/// The part's solutions index `index` with a line for the new solutions page after the
/// last line that links one, or at the end.
fn with_index_line(index: &str, part: &str, name: &str) -> String {
    let lines: Vec<&str> = index.lines().collect();
    let at = lines.iter().rposition(|l| l.trim_start().starts_with("- [") && l.contains(&format!("]({part}/"))).map_or(lines.len(), |i| i + 1);
    let mut out: Vec<String> = lines[..at].iter().map(|l| l.to_string()).collect();
    if at == lines.len() && out.last().is_some_and(|l| !l.trim().is_empty() && !l.trim_start().starts_with("- [")) {
        out.push(String::new());
    }
    out.push(format!("- [{name}]({part}/{name}.md)"));
    out.extend(lines[at..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// The part's exercise list `list` with a row for the new exercise after the table's
/// last row, numbered after it, with one stage; `None` when `list` has no table.
fn with_table_row(list: &str, name: &str) -> Option<String> {
    let lines: Vec<&str> = list.lines().collect();
    let number = |line: &str| line.strip_prefix("| ")?.split_once(" | [")?.0.trim().parse::<usize>().ok();
    let last = lines.iter().rposition(|l| number(l).is_some())?;
    let row = format!("{} TODO (author): what it practises | 1 |", exercise_pages::table_row_start(number(lines[last])? + 1, name));
    let mut out: Vec<String> = lines[..=last].iter().map(|l| l.to_string()).collect();
    out.push(row);
    out.extend(lines[last + 1..].iter().map(|l| l.to_string()));
    Some(out.join("\n") + "\n")
}

/// Numbers as the exercise lists spell them (`book/tests/python/test_course_times.py`'s `WORDS`).
const WORDS: [&str; 31] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", "twenty-one", "twenty-two", "twenty-three", "twenty-four", "twenty-five", "twenty-six", "twenty-seven",
    "twenty-eight", "twenty-nine", "thirty",
];

/// The exercise list `list` with its time sentence, `*Time: about <duration> for the
/// <count> exercises.*`, counting one more exercise of `minutes`; `None` when it has no
/// such sentence or the sentence does not read. Durations are spelt as the book's test
/// spells them (`duration` in `test_course_times.py`): `105 minutes` below two hours,
/// else `6 hours 10 minutes`.
fn with_one_more_exercise(list: &str, minutes: u32) -> Option<String> {
    let start = list.find("*Time: about ")?;
    let end = start + list[start..].find(" exercises.*")? + " exercises.*".len();
    let sentence = &list[start..end];
    let inner = sentence.strip_prefix("*Time: about ")?.strip_suffix(" exercises.*")?;
    let (duration, count) = inner.rsplit_once(" for the ")?;
    let count = WORDS.iter().position(|w| *w == count)?;
    let words: Vec<&str> = duration.split_whitespace().collect();
    let mut total = 0;
    for pair in words.chunks(2) {
        let n: u32 = pair.first()?.parse().ok()?;
        total += match *pair.get(1)? {
            "hour" | "hours" => n * 60,
            "minute" | "minutes" => n,
            _ => return None,
        };
    }
    let total = total + minutes;
    let duration = if total < 120 {
        format!("{total} minutes")
    } else if total % 60 == 0 {
        format!("{} hours", total / 60)
    } else {
        format!("{} hours {} minutes", total / 60, total % 60)
    };
    let sentence = format!("*Time: about {duration} for the {} exercises.*", WORDS.get(count + 1)?);
    Some(format!("{}{sentence}{}", &list[..start], &list[end..]))
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
        let out = with_solutions_summary_line(summary, "p", "two").unwrap();
        assert!(out.ends_with("- [P](solutions/p.md)\n  - [two](solutions/p/two.md)\n"), "{out}");
        let out = with_solutions_summary_line(&out, "p", "three").unwrap();
        assert!(out.ends_with("  - [two](solutions/p/two.md)\n  - [three](solutions/p/three.md)\n"), "{out}");
        assert!(with_solutions_summary_line(summary, "q", "three").is_none(), "no index of q's solutions");
    }

    #[test]
    fn the_table_gets_a_numbered_row_and_the_time_sentence_counts_it() {
        let list = "# Ex\n\n*Time: about 105 minutes for the four exercises.*\n\n| # | exercise | practises | stages |\n| --- | --- | --- | --- |\n| 4 | [d](exercises/d.md) | x | 3 |\n\nAfter.\n";
        let out = with_table_row(list, "e").unwrap();
        assert!(out.contains("| 4 | [d](exercises/d.md) | x | 3 |\n| 5 | [e](exercises/e.md) | TODO (author): what it practises | 1 |\n\nAfter."), "{out}");
        assert!(with_table_row("# Ex\n\n- [d](exercises/d.md)\n", "e").is_none());
        let out = with_one_more_exercise(list, 20).unwrap();
        assert!(out.contains("*Time: about 2 hours 5 minutes for the five exercises.*"), "{out}");
        let out = with_one_more_exercise(&out, 55).unwrap();
        assert!(out.contains("*Time: about 3 hours for the six exercises.*"), "{out}");
        let out = with_one_more_exercise("*Time: about 40 minutes for the two exercises.*", 20).unwrap();
        assert_eq!(out, "*Time: about 60 minutes for the three exercises.*");
        assert!(with_one_more_exercise("*Time: about a while for the two exercises.*", 20).is_none());
    }
}
