//! Recorded wrong answers (`tests/wrong/<case>/`), run as the real binary against the
//! fixture course: `verify` grades each and requires it to fail its stage, and says so
//! when one passes, fails too early, or is malformed.
//!
//! They assert the lines on the recorded answers, not verify's whole output: that holds
//! each phase's time and the fixture's own failing steps (its crates break the layout
//! rules of real ones), which are not the point here.

mod fixture;

use fixture::{Fixture, text};

/// Writes the case `case` of exercise `one`: `wrong.toml` and a `src/lib.rs` returning `answer`.
fn case(f: &Fixture, case: &str, fails: &str, answer: &str) {
    let dir = format!("exercises/p/one/tests/wrong/{case}");
    f.write(&format!("{dir}/wrong.toml"), &format!("skips = \"Returns {answer}.\"\nfails = \"{fails}\"\n"));
    f.write(&format!("{dir}/src/lib.rs"), &format!("pub fn answer() -> u32 {{\n    {answer}\n}}\n"));
}

#[test]
fn verify_grades_each_wrong_answer_and_requires_its_stage_to_fail() {
    let f = Fixture::new();
    case(&f, "off_by_one", "the answer", "41");
    // (The fixture's crates break the layout rules of real ones, so verify's own verdict
    // is not the point: its lines on the wrong answers are.)
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("✓ wrong answer `one/off_by_one` fails stage `the answer` (Returns 41.)"), "{said}");
    assert!(said.contains("Recorded wrong answers: 1 in 1 of 1 exercises; 1 of 1 stages have at least one"), "{said}");

    // A "wrong" answer the check accepts is a check that misses its lesson: verify fails.
    case(&f, "right_after_all", "the answer", "42");
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("✗ wrong answer `one/right_after_all` fails stage `the answer`"), "{said}");
    assert!(said.contains("stage `the answer` passes: its check does not notice an answer that returns 42."), "{said}");
    // ...and `--scope solutions` leaves wrong answers out.
    let said = text(&f.run(&["verify", "--scope", "solutions", "--exercises", "one"]));
    assert!(said.contains("✓ solution `one` passes") && !said.contains("wrong answer"), "{said}");
    std::fs::remove_dir_all(f.path("exercises/p/one/tests/wrong/right_after_all")).unwrap();

    // One that does not build proves nothing.
    f.write("exercises/p/one/tests/wrong/off_by_one/src/lib.rs", "pub fn answer() -> u32 { \"41\" }\n");
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("it was not graded (BuildFailed): a wrong answer must build and run"), "{said}");

    // Malformed cases name their file and the fix.
    case(&f, "off_by_one", "the question", "41");
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("exercises/p/one/tests/wrong/off_by_one/wrong.toml: `fails = \"the question\"` names no stage of `one`; its stages are: the answer"), "{said}");
    case(&f, "off_by_one", "the answer", "41");
    f.write("exercises/p/one/tests/wrong/off_by_one/Cargo.toml", "[package]\n");
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("exercises/p/one/tests/wrong/off_by_one/Cargo.toml replaces no editable file of `one`"), "{said}");
}

/// Writes the right answer `case` of exercise `one`: `right.toml` and a `src/lib.rs` whose
/// `answer` has `body`.
fn right(f: &Fixture, case: &str, style: &str, body: &str) {
    let dir = format!("exercises/p/one/tests/right/{case}");
    f.write(&format!("{dir}/right.toml"), &format!("style = \"{style}\"\n"));
    f.write(&format!("{dir}/src/lib.rs"), &format!("pub fn answer() -> u32 {{\n    {body}\n}}\n"));
}

#[test]
fn verify_requires_full_marks_of_each_right_answer() {
    let f = Fixture::new();
    right(&f, "from_a_constant", "Keeps the answer in a constant.", "const ANSWER: u32 = 6 * 7;\n    ANSWER");
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("✓ right answer `one/from_a_constant` earns full marks (Keeps the answer in a constant.)"), "{said}");
    assert!(said.contains("Recorded right answers: 1 in 1 of 1 exercises; 0 have at least two"), "{said}");
    // One answer, or the solution, checked alone, as an author does while writing them.
    let said = text(&f.run(&["check", "one", "--answer", "right/from_a_constant"]));
    assert!(said.contains("✓ the answer proves its check"), "{said}");
    let said = text(&f.run(&["check", "one", "--answer", "right/missing"]));
    assert!(said.contains("`one` has no recorded answer `right/missing`; its tests/right answers are: from_a_constant"), "{said}");
    let said = text(&f.run(&["check", "one", "--solution"]));
    assert!(said.contains("Checking the solution of `one`") && said.contains("✓ stage 1"), "{said}");

    // A right answer the check rejects is a check that compares more than its rules state.
    right(&f, "rejected", "Returns 41, which the check must reject.", "41");
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("✗ right answer `one/rejected` earns full marks"), "{said}");
    assert!(said.contains("stage `the answer` fails: its check rejects an answer that keeps its rules"), "{said}");
    std::fs::remove_dir_all(f.path("exercises/p/one/tests/right/rejected")).unwrap();

    // A right answer takes only `style`.
    f.write("exercises/p/one/tests/right/from_a_constant/right.toml", "style = \"A constant.\"\nfails = \"the answer\"\n");
    let said = text(&f.run(&["verify", "--scope", "exercises", "--exercises", "one"]));
    assert!(said.contains("exercises/p/one/tests/right/from_a_constant/right.toml: a right answer takes only `style"), "{said}");
}
