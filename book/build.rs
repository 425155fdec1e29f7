//! Turns every Rust snippet of the book's pages into a test, through skeptic.
//!
//! Four things happen beside skeptic's own work:
//! - A Rust block whose body is an mdBook `{{#include ...}}` directive is left out: the
//!   included file belongs to a crate that compiles and tests it, and skeptic cannot expand
//!   the directive. Authors need not mark such blocks.
//! - Pages are copied under flattened names (`calling/kwargs.md` becomes
//!   `calling__kwargs.md`) so that pages with the same file name in different chapters
//!   cannot produce two tests with the same name.
//! - The interpreter's LIBDIR and venv are handed to the tests (`BOOK_PYTHON_LIBDIR`,
//!   `BOOK_PYTHON_VENV`), so that the snippets link and run without `cargo xtask`.
//! - Each generated test calls `snippet::run_test` (in `tests/skeptic.rs`) with the page's
//!   path and line, so a failure names the markdown file and line it comes from.
//! - A ```text block that follows a runnable Rust block with only blank lines between them
//!   is that snippet's printed output: its test calls `snippet::run_test_printing` with the
//!   text and its line, and fails when the snippet prints something else (`...` matches
//!   any text within a line; a line that is only `...`, any number of lines). The python
//!   blocks follow the same rule (`tests/python/mdblocks.py`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let src = manifest_dir.join("src");
    let pages_dir = out_dir.join("pages");
    let _ = fs::remove_dir_all(&pages_dir);
    fs::create_dir_all(&pages_dir).unwrap();
    println!("cargo:rerun-if-changed=src");

    // The snippets link libpython; the test runner needs the interpreter's LIBDIR to find
    // the same libpython at link time and at run time (FIELD-NOTES: skeptic runs a bare rustc).
    let config = pyo3_build_config::get();
    let lib_dir = config.lib_dir().unwrap_or_default();
    println!("cargo:rustc-env=BOOK_PYTHON_LIBDIR={lib_dir}");
    // The venv of that interpreter (`.venv/bin/python` -> `.venv`), for snippets that import
    // its packages when a plain `cargo test` runs them without `VIRTUAL_ENV`.
    let venv = config
        .executable()
        .map(Path::new)
        .and_then(|python| python.parent()?.parent())
        .filter(|venv| venv.join("pyvenv.cfg").is_file())
        .map(|venv| venv.display().to_string())
        .unwrap_or_default();
    println!("cargo:rustc-env=BOOK_PYTHON_VENV={venv}");
    // The target triple skeptic compiles for, for the tests of the output check itself.
    println!("cargo:rustc-env=BOOK_TARGET={}", std::env::var("TARGET").unwrap());

    // Flattened page name (the stem skeptic sees) -> the page's path under the repository.
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    // (sanitized stem, fence line) -> (output block's fence line, the output it shows).
    let mut outputs: BTreeMap<(String, usize), (usize, String)> = BTreeMap::new();
    let mut copies = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") || path.to_string_lossy().ends_with(".skt.md") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let flat = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("__");
        let text = fs::read_to_string(path).unwrap();
        let copy = pages_dir.join(format!("{flat}.md"));
        fs::write(&copy, without_include_blocks(&text)).unwrap();
        let skt = PathBuf::from(format!("{}.skt.md", path.display()));
        if skt.exists() {
            fs::copy(&skt, format!("{}.skt.md", copy.display())).unwrap();
        }
        for (fence, shown) in shown_outputs(&text) {
            outputs.insert((sanitize(&flat), fence), shown);
        }
        pages.insert(sanitize(&flat), format!("book/src/{}", relative.display()));
        copies.push(copy);
    }
    skeptic::generate_doc_tests(&copies);
    let generated = out_dir.join("skeptic-tests.rs");
    if !generated.exists() {
        // skeptic writes nothing for a book without pages; an empty suite is still a suite.
        fs::write(&generated, "").unwrap();
    }
    rewrite_runner_calls(&out_dir.join("skeptic-tests.rs"), &pages, &outputs);
}

/// For every Rust block directly followed by a ```text block (only blank lines between):
/// the Rust block's 1-based fence line, the text block's fence line, and its body.
fn shown_outputs(page: &str) -> Vec<(usize, (usize, String))> {
    let lines: Vec<&str> = page.lines().collect();
    let closing = |from: usize| (from..lines.len()).find(|&k| lines[k].trim_start().starts_with("```"));
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(info) = lines[i].trim_start().strip_prefix("```") else {
            i += 1;
            continue;
        };
        let Some(end) = closing(i + 1) else { break };
        if info.trim().starts_with("rust") {
            let mut j = end + 1;
            while j < lines.len() && lines[j].trim().is_empty() {
                j += 1;
            }
            if j < lines.len() && lines[j].trim() == "```text" {
                if let Some(text_end) = closing(j + 1) {
                    // A block inside a list item is indented; its text is not (CommonMark).
                    let indent = lines[j].len() - lines[j].trim_start().len();
                    let body: Vec<&str> = lines[j + 1..text_end]
                        .iter()
                        .map(|l| &l[indent.min(l.len() - l.trim_start_matches(' ').len())..])
                        .collect();
                    found.push((i + 1, (j + 1, body.join("\n"))));
                }
            }
        }
        i = end + 1;
    }
    found
}

/// Replaces the info string of Rust blocks that only hold an mdBook include directive by
/// `text`, keeping every line where it was so that line numbers still match the page.
fn without_include_blocks(page: &str) -> String {
    let lines: Vec<&str> = page.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        if let Some(info) = line.strip_prefix("```") {
            let fence_start = i;
            let mut j = i + 1;
            while j < lines.len() && !lines[j].trim_start().starts_with("```") {
                j += 1;
            }
            let body = &lines[fence_start + 1..j.min(lines.len())];
            let includes = body.iter().any(|l| l.contains("{{#include") || l.contains("{{#rustdoc_include"));
            if info.starts_with("rust") && includes {
                out[fence_start] = lines[fence_start].replacen(info, "text", 1);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// skeptic's test-name sanitizer, so that a test name can be traced back to its page.
fn sanitize(s: &str) -> String {
    s.to_ascii_lowercase()
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Sends every generated test through `snippet::run_test`/`compile_test` with its page
/// and line, so that a failure names both; a snippet whose page shows its output goes
/// through `snippet::run_test_printing`, which also compares that output.
fn rewrite_runner_calls(
    generated: &Path,
    pages: &BTreeMap<String, String>,
    outputs: &BTreeMap<(String, usize), (usize, String)>,
) {
    let Ok(text) = fs::read_to_string(generated) else { return };
    let mut out = String::new();
    let mut current: Option<(String, String, Option<&(usize, String)>)> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("#[test] fn ") {
            let name = rest.split('(').next().unwrap_or_default();
            let stem = pages.keys().filter(|stem| name.starts_with(&format!("{stem}_"))).max_by_key(|s| s.len());
            let page = stem.map_or_else(|| "book/src".to_string(), |stem| pages[stem].clone());
            let line_no = name.rsplit("_line_").next().unwrap_or("0").to_string();
            let shown = stem.and_then(|stem| outputs.get(&(stem.clone(), line_no.parse().unwrap_or(0))));
            current = Some((page, line_no, shown));
        }
        let rewritten = match &current {
            Some((page, line_no, Some((output_line, shown)))) => line
                .replace(
                    "skeptic::rt::run_test(",
                    &format!("crate::snippet::run_test_printing({page:?}, {line_no}, {output_line}, {shown:?}, "),
                )
                .replace(
                    "skeptic::rt::compile_test(",
                    &format!("crate::snippet::compile_test({page:?}, {line_no}, "),
                ),
            Some((page, line_no, None)) => line
                .replace(
                    "skeptic::rt::run_test(",
                    &format!("crate::snippet::run_test({page:?}, {line_no}, "),
                )
                .replace(
                    "skeptic::rt::compile_test(",
                    &format!("crate::snippet::compile_test({page:?}, {line_no}, "),
                ),
            None => line.to_string(),
        };
        out.push_str(&rewritten);
        out.push('\n');
    }
    fs::write(generated, out).unwrap();
}
