// Stage checks for `plugin_loader`; the solution runs this same file.
//
// tests/plugins/ holds three folders of plug-ins: `ok` (all fine, one named like a
// standard module), `broken` (three fail to load) and `failing` (two fail to stamp).
// When grading, stage 1 runs again on a folder of plug-ins generated from the seed, and
// stages 2 and 3 on papers generated from it.

use check_support::{Inputs, Rng, attach};
use plugin_loader::{Plugin, PluginError, load_plugins, stamp_all};
use pyo3::prelude::*;
use std::path::PathBuf;

/// One folder of tests/plugins (the solution's crate sits at the same depth).
fn plugins(folder: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../exercises/python-from-rust/plugin_loader/tests/plugins");
    root.canonicalize().unwrap_or(root).join(folder)
}

/// A folder of plug-ins generated from `seed` in this run's temporary folder: each
/// `<word>_<n>.py` appends its own tag; a few notes that are not plug-ins lie beside them.
fn generated_plugins(seed: u64) -> std::io::Result<PathBuf> {
    let mut rng = Rng::with_seed(seed);
    let folder = std::env::temp_dir().join(format!("plugin-loader-{}-{seed}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let words = ["urgent", "copy", "draft", "signed", "filed", "faxed", "void", "paid"];
    for _ in 0..rng.usize(2..6) {
        let word = words[rng.usize(..words.len())];
        let stem = format!("{word}_{}", rng.u32(1..999));
        let code = format!("def stamp(text):\n    return text + \" [{word} {}]\"\n", rng.u32(1..99));
        std::fs::write(folder.join(format!("{stem}.py")), code)?;
    }
    std::fs::write(folder.join("notes.txt"), "def stamp(text):\n    return 'not a plug-in'\n")?;
    std::fs::write(folder.join("backup.py.bak"), "def stamp(text):\n    return 'not a plug-in'\n")?;
    Ok(folder)
}

/// A paper to stamp: `public`, or one generated from the seed.
fn paper(inputs: Inputs, public: &str) -> String {
    let Some(seed) = inputs.seed() else { return public.to_string() };
    let mut rng = Rng::with_seed(seed ^ 7);
    let papers = ["the lease", "Ryan's expense report", "pretzel day", "buy Dwight's beets", "a birthday card for Meredith", "beets, bears, Battlestar Galactica"];
    papers[rng.usize(..papers.len())].to_string()
}

/// `err` as the report shows it: its `Display`, with Python's traceback, except for the
/// two errors Python raises no exception for, whose words are the student's: a plug-in
/// without `stamp` (an `AttributeError`) and a `stamp` that returned no `str` (a
/// `TypeError`). For those, raised from no Python frame (no `Traceback` header), only the
/// exception's type is shown.
fn shown(err: &PluginError) -> String {
    let text = err.to_string();
    let (PluginError::Load { traceback, .. } | PluginError::Stamp { traceback, .. }) = err else { return text };
    let last = traceback.trim_end().lines().last().unwrap_or_default();
    let free = ["AttributeError", "TypeError"].into_iter().find(|kind| last.starts_with(&format!("{kind}:")) || last == *kind);
    match free {
        Some(kind) if !traceback.contains("Traceback (most recent call last)") => {
            let head = text.lines().next().unwrap_or_default();
            format!("{head}
{kind} (the message is the student's)")
        }
        _ => text,
    }
}

/// One line per load result, and the loaded plug-ins.
fn load(py: Python<'_>, folder: &str, lines: &mut Vec<String>) -> PyResult<Vec<Plugin>> {
    load_from(py, &plugins(folder), lines)
}

/// [`load`], from any folder.
fn load_from(py: Python<'_>, folder: &std::path::Path, lines: &mut Vec<String>) -> PyResult<Vec<Plugin>> {
    let mut loaded = Vec::new();
    for result in load_plugins(py, folder)? {
        match result {
            Ok(plugin) => {
                lines.push(format!("loaded {}", plugin.file));
                loaded.push(plugin);
            }
            Err(err) => lines.push(format!("error: {}", shown(&err))),
        }
    }
    Ok(loaded)
}

/// Rule: every `.py` file loads in name order as `plugin_<stem>`, and `stamp_all` runs each `stamp` on the previous text.
#[test]
fn plugins_stamp_a_paper_in_order() {
    check_support::observe_held_out!("plugins_stamp_a_paper_in_order", |inputs: Inputs| attach(|py| {
        let mut lines = Vec::new();
        let loaded = match inputs.seed() {
            None => load(py, "ok", &mut lines)?,
            Some(seed) => {
                let folder = generated_plugins(seed)?;
                let loaded = load_from(py, &folder, &mut lines)?;
                let _ = std::fs::remove_dir_all(&folder);
                loaded
            }
        };
        let (text, errors) = stamp_all(py, &loaded, "do not shred");
        lines.push(format!("stamped: {text}"));
        lines.push(format!("errors: {errors:?}"));
        let json = py.import("json")?;
        lines.push(format!("json is still the standard library's: {}", json.hasattr("JSONDecoder")?));
        let sys_modules = py.import("sys")?.getattr("modules")?;
        let first = loaded.first().map(|plugin| plugin.file.trim_end_matches(".py").to_string()).unwrap_or_default();
        lines.push(format!("plugin_{first} in sys.modules: {}", sys_modules.contains(format!("plugin_{first}"))?));
        Ok(lines.join("\n"))
    }));
}

/// Rule: a file that fails to load, or has no `stamp`, is a `Load` error naming it with Python's traceback; the others still load.
#[test]
fn load_errors_name_the_file() {
    check_support::observe_held_out!("load_errors_name_the_file", |inputs| attach(|py| {
        let mut lines = Vec::new();
        let loaded = load(py, "broken", &mut lines)?;
        let (text, errors) = stamp_all(py, &loaded, &paper(inputs, "the quarterly report"));
        lines.push(format!("stamped by {} plug-in(s): {text} ({} error(s))", loaded.len(), errors.len()));
        let missing = load_plugins(py, &plugins("no-such-folder")).map(|_| ()).map_err(|err| err.kind());
        lines.push(format!("a missing folder: {missing:?}"));
        Ok(lines.join("\n"))
    }));
}

/// Rule: a `stamp` that raises or returns no `str` is a `Stamp` error; the text goes on unchanged to the next plug-in.
#[test]
fn stamp_errors_are_collected_and_skipped() {
    check_support::observe_held_out!("stamp_errors_are_collected_and_skipped", |inputs| attach(|py| {
        let mut lines = Vec::new();
        let loaded = load(py, "failing", &mut lines)?;
        for paper in [paper(inputs, "pretzel day"), "buy Dwight's beets".to_string()] {
            let (text, errors) = stamp_all(py, &loaded, &paper);
            lines.push(format!("{paper:?} -> {text:?}"));
            for err in &errors {
                let variant = match err {
                    PluginError::Stamp { .. } => "Stamp",
                    PluginError::Load { .. } => "Load",
                    PluginError::Unreadable { .. } => "Unreadable",
                };
                lines.push(format!("  {variant} error: {}", shown(err)));
            }
        }
        Ok(lines.join("\n"))
    }));
}
