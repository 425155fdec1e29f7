//! The authors' comfort, run as the real binary against the fixture course:
//! `cargo xtask new NAME --part P`.

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
    assert!(info.trim_end().ends_with("points = 1") && info.contains("name = \"fax_cover\"") && info.contains("tests = [\"first_stage\"]"), "{info}");
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
