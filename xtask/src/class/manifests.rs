//! The files of a students' repository that differ from the course's: the workspace's
//! `Cargo.toml`, the xtask's `Cargo.toml` and cargo alias (the students' edition of the
//! xtask), and `exercises/info.toml` cut down to the selected exercises.

use crate::course::Exercise;
use crate::workspace::XTASK_MANIFEST;
use anyhow::{Context, Result, bail};

/// The feature a students' repository's xtask is built with: no authors' commands at all.
pub const STUDENTS_FEATURE: &str = "students-edition";

/// The embedding probe `cargo xtask doctor` runs, the one crate of the xtask's folder in
/// the exercises' workspace.
const PROBE: &str = "xtask/probe";

/// The features of the xtask a students' repository keeps: the students' build and `book`.
const KEPT_FEATURES: &[&str] = &["book"];

/// The workspace `Cargo.toml` of a class kit: the root one with `members` reduced to the
/// embedding probe, the shared check crates and the selected exercises (and, for the
/// grader, their solutions), and `default-members` to the probe (no book crate). The
/// xtask stays a workspace of its own, as in the course.
///
/// # Errors
/// When the root `Cargo.toml` is not valid TOML or has no `[workspace]`.
pub fn workspace(original: &str, exercises: &[&Exercise], solutions: bool) -> Result<String> {
    let mut manifest: toml::Table = original.parse().context("the root Cargo.toml is not valid TOML")?;
    let Some(workspace) = manifest.get_mut("workspace").and_then(toml::Value::as_table_mut) else {
        bail!("the root Cargo.toml has no [workspace] table");
    };
    let shared = workspace
        .get("members")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(toml::Value::as_str)
        .filter(|m| m.starts_with("exercises/check-support") && !m.contains('*'))
        .map(str::to_string)
        .collect::<Vec<_>>();
    let mut members: Vec<toml::Value> = vec![toml::Value::from(PROBE)];
    members.extend(shared.into_iter().map(toml::Value::from));
    members.extend(exercises.iter().map(|e| toml::Value::from(e.dir.get_ref().as_str())));
    if solutions {
        members.extend(exercises.iter().map(|e| toml::Value::from(e.solution_dir().to_string_lossy().replace('\\', "/"))));
    }
    workspace.insert("members".into(), toml::Value::Array(members));
    workspace.insert("default-members".into(), toml::Value::Array(vec![PROBE.into()]));
    workspace.remove("exclude");
    let header = if solutions {
        "# The grader's workspace: the shared check crates, the exercises and their solutions.\n\
         # The xtask (`cargo xtask`) is a workspace of its own: xtask/Cargo.toml.\n"
    } else {
        "# The workspace: the shared check crates and your exercises. The xtask (`cargo xtask`)\n\
         # is a workspace of its own (xtask/Cargo.toml), so that it starts whatever happens here.\n\
         # Exercises are members but not default members: a starter fails its checks until you solve it.\n"
    };
    Ok(format!("{header}{}", toml::to_string(&manifest)?))
}

/// The students' `xtask/Cargo.toml`: the features `students-edition` (on by default) and
/// `book`, and only the dependencies those need; no tests, no `authoring` feature.
///
/// # Errors
/// When the xtask's `Cargo.toml` is not valid TOML or lacks a feature kept here.
pub fn xtask(original: &str) -> Result<String> {
    let mut manifest: toml::Table = original.parse().context("xtask/Cargo.toml is not valid TOML")?;
    let features = manifest.get("features").and_then(toml::Value::as_table).context("xtask/Cargo.toml has no [features]")?;
    let mut kept = toml::Table::new();
    kept.insert("default".into(), toml::Value::Array(vec![STUDENTS_FEATURE.into()]));
    let mut needed = Vec::new();
    for name in KEPT_FEATURES {
        let list = features.get(*name).and_then(toml::Value::as_array).with_context(|| format!("xtask/Cargo.toml has no feature `{name}`"))?;
        needed.extend(list.iter().filter_map(toml::Value::as_str).filter_map(|d| d.strip_prefix("dep:")).map(str::to_string));
        kept.insert((*name).into(), toml::Value::Array(list.clone()));
    }
    kept.insert(STUDENTS_FEATURE.into(), toml::Value::Array(Vec::new()));
    manifest.insert("features".into(), toml::Value::Table(kept));
    let keep_dep = |name: &str, spec: &toml::Value| {
        !spec.get("optional").and_then(toml::Value::as_bool).unwrap_or(false) || needed.iter().any(|n| n == name)
    };
    if let Some(deps) = manifest.get_mut("dependencies").and_then(toml::Value::as_table_mut) {
        deps.retain(|name, spec| keep_dep(name, spec));
    }
    if let Some(targets) = manifest.get_mut("target").and_then(toml::Value::as_table_mut) {
        for (_, target) in targets.iter_mut() {
            if let Some(deps) = target.get_mut("dependencies").and_then(toml::Value::as_table_mut) {
                deps.retain(|name, spec| keep_dep(name, spec));
            }
        }
        targets.retain(|_, t| t.get("dependencies").and_then(toml::Value::as_table).is_some_and(|d| !d.is_empty()));
    }
    if manifest.get("target").and_then(toml::Value::as_table).is_some_and(toml::Table::is_empty) {
        manifest.remove("target");
    }
    manifest.remove("dev-dependencies");
    // The sources still name the feature `authoring`, which this manifest does not have.
    let mut check_cfg = toml::Table::new();
    check_cfg.insert("level".into(), "warn".into());
    check_cfg.insert("check-cfg".into(), toml::Value::Array(vec!["cfg(feature, values(\"authoring\"))".into()]));
    let mut rust = toml::Table::new();
    rust.insert("unexpected_cfgs".into(), toml::Value::Table(check_cfg));
    let mut lints = toml::Table::new();
    lints.insert("rust".into(), toml::Value::Table(rust));
    manifest.insert("lints".into(), toml::Value::Table(lints));
    if let Some(package) = manifest.get_mut("package").and_then(toml::Value::as_table_mut) {
        package.insert(
            "description".into(),
            "The workbook's one entry point: `cargo xtask check`, `watch`, `hint`, `list`, `reset`, `doctor`, `book`.".into(),
        );
    }
    Ok(format!(
        "# The students' xtask. Feature `students-edition`: the students' commands only;\n\
         # feature `book`: `cargo xtask book` (mdBook), built on its first use.\n{}",
        toml::to_string(&manifest)?
    ))
}

/// The students' `.cargo/config.toml`: an `xtask` alias that builds the students'
/// edition, then the course's tables after its own `[alias]` (`[build]`, `[env]`).
///
/// # Errors
/// When the course's file does not start with its `[alias]` table followed by others.
pub fn cargo_config(original: &str) -> Result<String> {
    let rest = original.strip_prefix("[alias]\n").and_then(|after| after.find("\n[").map(|i| i + "[alias]\n".len()));
    let Some(env) = rest else {
        bail!(".cargo/config.toml does not start with its [alias] table followed by others; update xtask/src/class/manifests.rs with its new layout");
    };
    Ok(format!(
        "[alias]\n\
         # `cargo xtask`: the students' commands; `cargo xtask book` builds the book's feature on\n\
         # first use (see xtask/Cargo.toml).\n\
         # Run it at the repository's root: the xtask is a workspace of its own.\n\
         xtask = \"run --quiet --manifest-path {XTASK_MANIFEST} --no-default-features --features {STUDENTS_FEATURE} --\"\n{}",
        &original[env..]
    ))
}

/// `exercises/info.toml` with only the `[[exercises]]` blocks of `exercises` and the
/// `[[parts]]` they belong to; comments and order are kept.
///
/// # Errors
/// When the result does not list exactly the selected exercises (a block this function
/// could not cut).
pub fn info(original: &str, exercises: &[&Exercise]) -> Result<String> {
    let names: Vec<&str> = exercises.iter().map(|e| e.name()).collect();
    let parts: Vec<&str> = exercises.iter().map(|e| e.part.get_ref().as_str()).collect();
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in original.lines() {
        if line.trim() == "[[exercises]]" || line.trim() == "[[parts]]" {
            // Comments and blank lines just above a block belong to it.
            let last = blocks.last_mut().expect("one block at least");
            let keep = last.iter().rposition(|l| !(l.trim().is_empty() || l.trim_start().starts_with('#'))).map_or(0, |i| i + 1);
            let moved = last.split_off(keep);
            blocks.push(moved);
        }
        blocks.last_mut().expect("one block at least").push(line);
    }
    let value = |block: &[&str], key: &str| {
        block.iter().find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
        })
    };
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        let header = block.iter().find(|l| l.trim().starts_with("[["));
        let keep = match header.map(|h| h.trim()) {
            _ if i == 0 => true,
            Some("[[parts]]") => value(block, "id").is_some_and(|id| parts.contains(&id.as_str())),
            Some("[[exercises]]") => value(block, "name").is_some_and(|n| names.contains(&n.as_str())),
            _ => true,
        };
        if keep {
            for line in block {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let parsed: toml::Table = out.parse().context("the students' exercises/info.toml is not valid TOML")?;
    let listed: Vec<&str> = parsed
        .get("exercises")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("name").and_then(toml::Value::as_str))
        .collect();
    if listed != names {
        bail!("cutting exercises/info.toml gave the exercises {listed:?} instead of {names:?}");
    }
    Ok(out)
}

/// `info.toml`'s `text` without the stages' review notes (`review = [...]`, see
/// `course::Stage::review`): they are for the instructor who reviews a submission, and a
/// students' repository leaves them out as its book leaves out the instructor notes.
///
/// # Errors
/// When a `review` array does not close (the file would not be valid TOML either).
pub fn without_review_notes(text: &str) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let value = line.split_once('=').filter(|(key, _)| key.trim() == "review").map(|(_, v)| v.trim());
        match value {
            None => {
                out.push_str(line);
                out.push('\n');
            }
            Some(value) if value.starts_with('[') && !value.trim_end().ends_with(']') => {
                if !lines.any(|(_, l)| l.trim_start().starts_with(']')) {
                    bail!("exercises/info.toml:{}: the `review` array is not closed with `]`", i + 1);
                }
            }
            Some(_) => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_notes_are_left_out_of_the_students_info() {
        let text = "[[exercises.stages]]\nname = \"s\"\npoints = 1\nreview = [\n  \"Is the GIL released? [once]\",\n  \"Two\",\n]\n\n[[exercises.stages.rules]]\nsays = \"review = no\"\n[[exercises.stages]]\nname = \"t\"\nreview = [\"One line\"]\npoints = 2\n";
        let students = without_review_notes(text).unwrap();
        assert_eq!(students, "[[exercises.stages]]\nname = \"s\"\npoints = 1\n\n[[exercises.stages.rules]]\nsays = \"review = no\"\n[[exercises.stages]]\nname = \"t\"\npoints = 2\n");
        let err = without_review_notes("review = [\n  \"open\",\n").unwrap_err().to_string();
        assert!(err.contains("info.toml:1:"), "{err}");
    }

    #[test]
    fn the_students_xtask_keeps_only_the_book_and_its_dependencies() {
        let original = "[package]\nname = \"xtask\"\n\n[features]\ndefault = [\"authoring\"]\nauthoring = [\"book\", \"dep:zip\"]\nbook = [\"dep:regex\"]\nstudents-edition = []\n\n[dependencies]\nanyhow = \"1\"\nregex = { version = \"1\", optional = true }\nzip = { version = \"9\", optional = true }\n\n[target.'cfg(target_os = \"linux\")'.dependencies]\nlandlock = { version = \"0.4\", optional = true }\n";
        let students: toml::Table = xtask(original).unwrap().parse().unwrap();
        let features = students["features"].as_table().unwrap();
        assert_eq!(features.keys().collect::<Vec<_>>(), ["book", "default", "students-edition"]);
        assert_eq!(features["default"].as_array().unwrap(), &[toml::Value::from(STUDENTS_FEATURE)]);
        let deps = students["dependencies"].as_table().unwrap();
        assert!(deps.contains_key("anyhow") && deps.contains_key("regex") && !deps.contains_key("zip"));
        assert!(!students.contains_key("target"), "landlock goes, and its empty table with it");
    }

    #[test]
    fn the_alias_builds_the_students_edition() {
        let config = cargo_config("[alias]\nxtask = \"run --no-default-features --\"\n\n[build]\ntarget-dir = \"t\"\n\n[env]\nPYO3_PYTHON = \"x\"\n").unwrap();
        assert!(config.contains("--manifest-path xtask/Cargo.toml --no-default-features --features students-edition --\""), "{config}");
        assert!(config.ends_with("\n[build]\ntarget-dir = \"t\"\n\n[env]\nPYO3_PYTHON = \"x\"\n"), "{config}");
        assert_eq!(config.matches("[alias]").count(), 1, "{config}");
        assert!(cargo_config("[alias]\n").is_err());
        assert!(cargo_config("[env]\nPYO3_PYTHON = \"x\"\n").is_err());
    }
}
