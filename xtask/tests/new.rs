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
    for file in [
        "exercises/p/fax_cover/Cargo.toml",
        "exercises/p/fax_cover/build.rs",
        "exercises/p/fax_cover/src/lib.rs",
        "exercises/p/fax_cover/tests/check.rs",
        "solutions/p/fax_cover/Cargo.toml",
        "solutions/p/fax_cover/src/lib.rs",
        "solutions/p/fax_cover/tests/check.rs",
        "book/src/p/exercises/fax_cover.md",
    ] {
        assert!(f.path(file).is_file(), "{file} is missing:\n{said}");
    }
    let info = f.read("exercises/info.toml");
    assert!(info.contains("name = \"fax_cover\"") && info.contains("tests = [\"first_stage\"]"), "{info}");
    // The stage comes with a rule to write, and the page with its generated list.
    assert!(info.trim_end().ends_with("read = \"p/overview.md\"") && info.contains("[[exercises.stages.rules]]\nsays = \"TODO (author)"), "{info}");
    assert!(f.read("book/src/p/exercises/fax_cover.md").contains("{{#include rules/fax_cover.md}}"));
    assert!(f.read("book/src/p/exercises/rules/fax_cover.md").contains("1. *TODO (author): the first stage* (1 point)"));
    assert!(f.read("book/src/SUMMARY.md").contains("  - [one](p/exercises/one.md)\n  - [fax_cover](p/exercises/fax_cover.md)\n"));
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
