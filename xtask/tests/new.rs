//! The authors' comfort, run as the real binary against the fixture course:
//! `cargo xtask new NAME --part P [--kind K]`.

mod fixture;

use fixture::{Fixture, text};

#[test]
fn new_scaffolds_an_unfinished_exercise_everywhere_it_belongs() {
    let f = Fixture::new();
    let out = f.run(&["new", "fax_cover", "--part", "p"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    // The files it wrote and changed, what is left to do, and what to `git add`.
    fixture::assert_output!("new_checklist", &f, said.clone());
    for file in [
        "exercises/p/fax_cover/Cargo.toml",
        "exercises/p/fax_cover/build.rs",
        "exercises/p/fax_cover/src/lib.rs",
        "exercises/p/fax_cover/tests/check.rs",
        "solutions/p/fax_cover/Cargo.toml",
        "solutions/p/fax_cover/src/lib.rs",
        "solutions/p/fax_cover/tests/check.rs",
        "book/src/p/exercises/fax_cover.md",
        "book/src/solutions/p/fax_cover.md",
    ] {
        assert!(f.path(file).is_file(), "{file} is missing:\n{said}");
    }
    let info = f.read("exercises/info.toml");
    assert!(info.contains("name = \"fax_cover\"") && info.contains("tests = [\"first_stage\"]"), "{info}");
    // The stage comes with a rule to write, and the page with its generated list.
    assert!(info.trim_end().ends_with("read = \"p/overview.md\"") && info.contains("[[exercises.stages.rules]]\nsays = \"TODO (author)"), "{info}");
    assert!(f.read("book/src/p/exercises/fax_cover.md").contains("{{#include rules/fax_cover.md}}"));
    assert!(f.read("book/src/p/exercises/rules/fax_cover.md").contains("1. *TODO (author): the first stage* (1 point)"));
    let summary = f.read("book/src/SUMMARY.md");
    assert!(summary.contains("  - [two](p/exercises/two.md)\n  - [fax_cover](p/exercises/fax_cover.md)\n"), "{summary}");
    assert!(summary.contains("  - [two](solutions/p/two.md)\n  - [fax_cover](solutions/p/fax_cover.md)\n"), "{summary}");
    assert!(f.read("book/src/solutions/p.md").ends_with("- [two](p/two.md)\n- [fax_cover](p/fax_cover.md)\n"));
    // The part's table gets the row, and its time sentence counts the new page's 20 minutes.
    let list = f.read("book/src/p/exercises.md");
    assert!(list.contains("*Time: about 60 minutes for the three exercises.*"), "{list}");
    assert!(list.ends_with("| 2 | [two](exercises/two.md) | an answer | 1 |\n| 3 | [fax_cover](exercises/fax_cover.md) | TODO (author): what it practises | 1 |\n"), "{list}");
    let solution_page = f.read("book/src/solutions/p/fax_cover.md");
    assert!(solution_page.contains("{{#include ../../../../solutions/p/fax_cover/src/lib.rs:solution}}") && solution_page.contains("[The exercise](../../p/exercises/fax_cover.md)"), "{solution_page}");
    assert!(f.read("exercises/p/fax_cover/tests/check.rs").contains("fn first_stage()"));
    assert!(f.read("solutions/p/fax_cover/src/lib.rs").contains("todo!(\"author: write the solution of `fax_cover` here"));
    assert!(f.read("solutions/p/fax_cover/Cargo.toml").contains("name = \"fax_cover_solution\""));
    assert!(f.read("book/src/p/exercises/fax_cover.md").contains("{{#include ../../../../exercises/p/fax_cover/src/lib.rs:exercise}}"));
    assert!(!f.path("exercises/p/fax_cover/tests/snapshots").exists(), "no snapshot until the author blesses one");

    // The metadata reads back, and the new exercise is listed, unsolved.
    let list = f.run(&["list"]);
    assert!(list.status.success() && text(&list).contains("fax_cover"), "{}", text(&list));
    // The book still builds with the new page.
    let book = f.run(&["book"]);
    assert!(book.status.success() && f.path("target/book/p/exercises/fax_cover.html").is_file(), "{}", text(&book));
    assert!(f.path("target/book/solutions/p/fax_cover.html").is_file(), "{}", text(&book));

    let twice = f.run(&["new", "fax_cover", "--part", "p"]);
    assert!(!twice.status.success() && text(&twice).contains("already exists"));
    let bad = f.run(&["new", "Fax-Cover", "--part", "p"]);
    assert!(!bad.status.success() && text(&bad).contains("must be snake_case"));
    let no_part = f.run(&["new", "memo", "--part", "q"]);
    assert!(!no_part.status.success() && text(&no_part).contains("`q` is not a part"));
}

#[test]
fn new_scaffolds_each_kind_after_its_model_with_a_wrong_answer_to_write() {
    let f = Fixture::new();
    for (name, kind) in [("memo_module", "extension-module"), ("fax_library", "c-abi")] {
        let out = f.run(&["new", name, "--part", "p", "--kind", kind]);
        assert!(out.status.success(), "{}", text(&out));
        let info = f.read("exercises/info.toml");
        assert!(info.contains(&format!("name = \"{name}\"\ndir = \"exercises/p/{name}\"\npart = \"p\"\nkind = \"{kind}\"")), "{info}");
        let wrong = f.read(&format!("exercises/p/{name}/tests/wrong/todo_skips_the_lesson/wrong.toml"));
        assert!(wrong.contains("fails = \"TODO (author): the first stage\""), "{wrong}");
        let wrong_lib = f.read(&format!("exercises/p/{name}/tests/wrong/todo_skips_the_lesson/src/lib.rs"));
        assert!(wrong_lib.contains("compile_error!"), "an unwritten wrong answer must not build, or verify would count it: {wrong_lib}");
        assert!(f.read(&format!("book/src/p/exercises/{name}.md")).contains("## References"));
    }
    // An extension module: a `#[pymodule]` in a cdylib, a pyproject.toml for maturin, and
    // checks that import it.
    let lib = f.read("exercises/p/memo_module/src/lib.rs");
    assert!(lib.contains("#[pymodule]") && lib.contains("#[pyfunction]"), "{lib}");
    assert!(f.read("exercises/p/memo_module/Cargo.toml").contains("crate-type = [\"cdylib\", \"rlib\"]"));
    assert!(f.read("solutions/p/memo_module/pyproject.toml").contains("module-name = \"memo_module\""));
    assert!(f.read("exercises/p/memo_module/tests/check.rs").contains("wrap_pymodule!(memo_module::memo_module)"));
    // A C ABI library: no pyo3, an `extern "C"` function, ctypes bindings the student edits
    // too, and a script the checks run.
    let cargo = f.read("exercises/p/fax_library/Cargo.toml");
    assert!(!cargo.contains("pyo3") && cargo.contains("c-abi-support"), "{cargo}");
    assert!(f.read("exercises/p/fax_library/src/lib.rs").contains("pub extern \"C\" fn first_step"));
    assert!(f.read("solutions/p/fax_library/python/bindings.py").contains("lib.first_step.restype = ctypes.c_int32"));
    assert!(f.path("exercises/p/fax_library/tests/check_fax_library.py").is_file());
    assert!(f.read("exercises/info.toml").contains("\"exercises/p/fax_library/python/bindings.py\""));
    let list = f.run(&["list"]);
    assert!(list.status.success() && text(&list).contains("fax_library"), "{}", text(&list));
}

#[test]
fn new_stops_before_writing_when_the_part_has_no_table() {
    let f = Fixture::new();
    f.write("book/src/p/exercises.md", "# Exercises\n\n- [one](exercises/one.md)\n");
    let out = f.run(&["new", "memo", "--part", "p"]);
    assert!(!out.status.success());
    fixture::assert_output!("new_without_a_table", &f, text(&out));
    assert!(!f.path("exercises/p/memo").exists() && !f.read("exercises/info.toml").contains("memo"), "nothing is written");
}

#[test]
fn verify_names_each_missing_page_line_and_row_with_the_file_to_edit() {
    let f = Fixture::new();
    std::fs::remove_file(f.path("book/src/solutions/p/two.md")).unwrap();
    let summary = f.read("book/src/SUMMARY.md").replace("  - [two](p/exercises/two.md)\n", "");
    f.write("book/src/SUMMARY.md", &summary);
    let list = f.read("book/src/p/exercises.md").replace("| 2 | [two](exercises/two.md) | an answer | 1 |\n", "");
    f.write("book/src/p/exercises.md", &list);
    let out = f.run(&["verify", "--scope", "solutions", "--exercises", "two"]);
    assert!(!out.status.success());
    let said = text(&out);
    // The whole of verify's output holds build and phase times that vary: its step on the pages is compared whole.
    let mut lines = said.lines().skip_while(|l| !l.contains("its page, solutions page"));
    let step: Vec<&str> = lines.next().into_iter().chain(lines.take_while(|l| l.starts_with("    "))).collect();
    let step = step.join("\n");
    fixture::assert_output!("verify_missing_pages", &f, step);
    // `one` has every piece: verify passes its step.
    let said = text(&f.run(&["verify", "--scope", "solutions", "--exercises", "one"]));
    assert!(said.contains("✓ `one`: its page, solutions page, SUMMARY.md lines and table row exist"), "{said}");
}

/// The worked example of the book's page "Adding an exercise", `tests/fixture/adding/`,
/// relative to the xtask's folder.
const EXAMPLE: &str = "tests/fixture/adding";

/// Copies the example's folder `from` (relative to [`EXAMPLE`]) over `to` in the course.
fn fill(f: &Fixture, from: &str, to: &str) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE).join(from);
    for entry in walkdir::WalkDir::new(&from).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(&from).unwrap();
        f.write(&format!("{to}/{}", rel.display()), &std::fs::read_to_string(entry.path()).unwrap());
    }
}

/// `info` with the `[[exercises]]` entry of `name` (up to the next entry or section
/// comment) replaced by `entry`.
fn with_entry_replaced(info: &str, name: &str, entry: &str) -> String {
    let lines: Vec<&str> = info.lines().collect();
    let named = lines.iter().position(|l| *l == format!("name = \"{name}\"")).expect("the scaffolded entry");
    let start = named - 1;
    assert_eq!(lines[start], "[[exercises]]");
    let end = (named..lines.len()).find(|&i| lines[i] == "[[exercises]]" || lines[i].starts_with("# ")).unwrap_or(lines.len());
    let mut out: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    out.push(entry.trim_end().to_string());
    if end < lines.len() {
        out.push(String::new());
    }
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

/// The recipe of the book's page "Adding an exercise", done as an author does it, in a
/// copy of the course: scaffold, verify fails; write the starter, tests, solution, rule,
/// recorded answers; write the rule list and bless; each recorded answer checked alone;
/// the narrow verify passes.
#[test]
#[ignore = "slow: builds pyo3 and grades in the sandbox; `cargo xtask verify` runs it (or `-- --include-ignored`)"]
fn adding_an_exercise_by_the_books_recipe_passes_the_narrow_verify() {
    let f = Fixture::repository_copy();
    let (starter, solution) = ("exercises/python-from-rust/tally_votes", "solutions/python-from-rust/tally_votes");
    let run = |args: &[&str]| {
        let out = f.run(args);
        (out.status.success(), text(&out))
    };
    let (ok, said) = run(&["new", "tally_votes", "--part", "python-from-rust"]);
    assert!(ok, "{said}");
    f.commit("Scaffold tally_votes");
    let verify = ["verify", "--scope", "exercises", "--exercises", "tally_votes"];
    let (ok, said) = run(&verify);
    assert!(!ok, "the unfilled scaffold must fail the narrow verify:\n{said}");
    assert!(said.contains("✗ solution `tally_votes` passes 0/1 stages"), "{said}");

    for scaffolded in ["tests/wrong/todo_skips_the_lesson", "tests/right/todo_another_style"] {
        std::fs::remove_dir_all(f.path(&format!("{starter}/{scaffolded}"))).unwrap();
    }
    fill(&f, "exercise", starter);
    fill(&f, "solution", solution);
    let entry = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE).join("entry.toml")).unwrap();
    f.write("exercises/info.toml", &with_entry_replaced(&f.read("exercises/info.toml"), "tally_votes", &entry));
    let (ok, said) = run(&["book"]);
    assert!(ok, "the book builds and its rule lists are written:\n{said}");
    let (ok, said) = run(&["bless", "tally_votes"]);
    assert!(ok, "{said}");
    let snapshot = f.read(&format!("{starter}/tests/snapshots/check__counts_votes.snap"));
    assert!(snapshot.ends_with("[('Jim', 2), ('Pam', 1), ('Dwight', 1)]\n"), "{snapshot}");
    let (ok, said) = run(&["check", "tally_votes", "--solution"]);
    assert!(ok, "{said}");
    let (ok, said) = run(&["check", "tally_votes", "--answer", "wrong/sorts_by_name"]);
    // A wrong answer that fails its stage proves its check: that is a success.
    assert!(ok && said.contains("✗ stage 1 `count with collections.Counter`") && said.contains("✓ the answer proves its check"), "{said}");
    let (ok, said) = run(&["check", "tally_votes", "--answer", "right/counter_in_eval"]);
    assert!(ok, "{said}");
    f.commit("tally_votes, written");
    let (ok, said) = run(&verify);
    assert!(ok, "the written exercise must pass the narrow verify:\n{said}");
    assert!(said.contains("✓ wrong answer `tally_votes/sorts_by_name` fails stage `count with collections.Counter`"), "{said}");
}
