// Stage checks for `plugin_loader`; the solution runs this same file.
//
// tests/plugins/ holds three folders of plug-ins: `ok` (all fine, one named like a
// standard module), `broken` (three fail to load) and `failing` (two fail to stamp).

use check_support::attach;
use plugin_loader::{Plugin, PluginError, load_plugins, stamp_all};
use pyo3::prelude::*;
use std::path::PathBuf;

/// One folder of tests/plugins (the solution's crate sits at the same depth).
fn plugins(folder: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../exercises/python-from-rust/plugin_loader/tests/plugins");
    root.canonicalize().unwrap_or(root).join(folder)
}

/// One line per load result, and the loaded plug-ins.
fn load(py: Python<'_>, folder: &str, lines: &mut Vec<String>) -> PyResult<Vec<Plugin>> {
    let mut loaded = Vec::new();
    for result in load_plugins(py, &plugins(folder))? {
        match result {
            Ok(plugin) => {
                lines.push(format!("loaded {}", plugin.file));
                loaded.push(plugin);
            }
            Err(err) => lines.push(format!("error: {err}")),
        }
    }
    Ok(loaded)
}

#[test]
fn plugins_stamp_a_paper_in_order() {
    let report = attach(|py| {
        let mut lines = Vec::new();
        let loaded = load(py, "ok", &mut lines)?;
        let (text, errors) = stamp_all(py, &loaded, "do not shred");
        lines.push(format!("stamped: {text}"));
        lines.push(format!("errors: {errors:?}"));
        let json = py.import("json")?;
        lines.push(format!("json is still the standard library's: {}", json.hasattr("JSONDecoder")?));
        let sys_modules = py.import("sys")?.getattr("modules")?;
        lines.push(format!("plugin_shout in sys.modules: {}", sys_modules.contains("plugin_shout")?));
        Ok(lines.join("\n"))
    });
    check_support::observe!("plugins_stamp_a_paper_in_order", report);
}

#[test]
fn load_errors_name_the_file() {
    let report = attach(|py| {
        let mut lines = Vec::new();
        let loaded = load(py, "broken", &mut lines)?;
        let (text, errors) = stamp_all(py, &loaded, "the quarterly report");
        lines.push(format!("stamped by {} plug-in(s): {text} ({} error(s))", loaded.len(), errors.len()));
        let missing = load_plugins(py, &plugins("no-such-folder")).map(|_| ()).map_err(|err| err.kind());
        lines.push(format!("a missing folder: {missing:?}"));
        Ok(lines.join("\n"))
    });
    check_support::observe!("load_errors_name_the_file", report);
}

#[test]
fn stamp_errors_are_collected_and_skipped() {
    let report = attach(|py| {
        let mut lines = Vec::new();
        let loaded = load(py, "failing", &mut lines)?;
        for paper in ["pretzel day", "buy Dwight's beets"] {
            let (text, errors) = stamp_all(py, &loaded, paper);
            lines.push(format!("{paper:?} -> {text:?}"));
            for err in &errors {
                let variant = match err {
                    PluginError::Stamp { .. } => "Stamp",
                    PluginError::Load { .. } => "Load",
                    PluginError::Unreadable { .. } => "Unreadable",
                };
                lines.push(format!("  {variant} error: {err}"));
            }
        }
        Ok(lines.join("\n"))
    });
    check_support::observe!("stamp_errors_are_collected_and_skipped", report);
}
