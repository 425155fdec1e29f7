//! GitHub Classroom's autograding workflow for a students' repository
//! (`cargo xtask class export --classroom`).
//!
//! Classroom's format (the workflow it writes itself for an assignment with tests): one
//! step per test, `classroom-resources/autograding-command-grader@v1`, whose command
//! passes or fails and is worth `max-score` points, then
//! `classroom-resources/autograding-grading-reporter@v1`, which reads each test's result
//! from the variable `<ID>_RESULTS` and reports the total to Classroom.
//!
//! Here one step first runs `cargo xtask check <exercise>` for each exercise (the build is
//! the slow part, done once) into `.workbook/classroom/<exercise>.txt`; then each stage of
//! each exercise is one test, worth the stage's points, that passes when that report
//! marks the stage passed (`✓ stage N `, as `stage/show.rs` prints it). Students see their score
//! on each push. The workflow is written as YAML block mappings whose every scalar is a
//! JSON string or number, which YAML reads the same way.

use crate::course::Exercise;

/// Where the workflow goes in the students' repository.
pub const WORKFLOW: &str = ".github/workflows/classroom.yml";

/// The folder, in the students' repository, of the reports the grading steps read.
pub const REPORTS: &str = ".workbook/classroom";

/// Minutes a stage's test may take (it only reads a report).
const STAGE_MINUTES: u32 = 1;

/// The step that installs what the runner lacks and checks every exercise once.
fn check_script(exercises: &[&Exercise]) -> String {
    let mut script = format!("mkdir -p {REPORTS}\n");
    for exercise in exercises {
        let name = exercise.name();
        script.push_str(&format!("NO_COLOR=1 cargo xtask check {name} > {REPORTS}/{name}.txt 2>&1 || true\n"));
        script.push_str(&format!("cat {REPORTS}/{name}.txt\n"));
    }
    script
}

/// The command that passes when stage `number` of `exercise` passed.
pub fn stage_command(exercise: &Exercise, number: usize) -> String {
    format!("grep -qF '✓ stage {number} `' {REPORTS}/{}.txt", exercise.name())
}

/// The runner id of stage `number` of `exercise`: letters, digits, `_` and `-`.
fn runner_id(exercise: &Exercise, number: usize) -> String {
    format!("{}-stage-{number}", exercise.name().replace('_', "-"))
}

/// A YAML value, in the order it is written.
enum Yaml {
    Map(Vec<(&'static str, Yaml)>),
    Seq(Vec<Yaml>),
    Str(String),
    Num(u32),
}

fn map(entries: Vec<(&'static str, Yaml)>) -> Yaml {
    Yaml::Map(entries)
}

fn text(value: impl Into<String>) -> Yaml {
    Yaml::Str(value.into())
}

/// The workflow's text.
pub fn workflow(exercises: &[&Exercise]) -> String {
    let mut steps = vec![
        map(vec![("name", text("Checkout code")), ("uses", text("actions/checkout@v4"))]),
        map(vec![
            ("name", text("Install Python's linkable library (python3-dev) and venv")),
            ("run", text("sudo apt-get update -qq && sudo apt-get install -y -qq python3-dev python3-venv")),
        ]),
        map(vec![("name", text("Check every exercise")), ("run", text(check_script(exercises))), ("timeout-minutes", Yaml::Num(60))]),
    ];
    let mut runners = Vec::new();
    let mut env = Vec::new();
    for exercise in exercises {
        for (i, stage) in exercise.stages.get_ref().iter().enumerate() {
            let number = i + 1;
            let id = runner_id(exercise, number);
            let name = format!("{} stage {number}: {}", exercise.name(), stage.name.get_ref());
            steps.push(map(vec![
                ("name", text(name.clone())),
                ("id", text(id.clone())),
                ("uses", text("classroom-resources/autograding-command-grader@v1")),
                (
                    "with",
                    map(vec![
                        ("test-name", text(name)),
                        ("setup-command", text("")),
                        ("command", text(stage_command(exercise, number))),
                        ("timeout", Yaml::Num(STAGE_MINUTES)),
                        ("max-score", Yaml::Num(*stage.points.get_ref())),
                    ]),
                ),
            ]));
            env.push((format!("{}_RESULTS", id.to_uppercase()), format!("${{{{steps.{id}.outputs.result}}}}")));
            runners.push(id);
        }
    }
    let mut out = String::from(
        "# GitHub Classroom's autograding: on each push, `cargo xtask check` checks every exercise\n\
         # once, then each stage is one test worth its points. Made by `cargo xtask class export\n\
         # --classroom`; the instructors' chapter of the book explains it. Every value is\n\
         # written as a JSON string or number, which YAML reads the same way.\n",
    );
    let mut reporter = String::new();
    write(&Yaml::Seq(steps), 6, &mut reporter);
    out.push_str(
        "name: \"Autograding Tests\"\n\
         \"on\":\n  - \"push\"\n  - \"repository_dispatch\"\n\
         permissions:\n  checks: \"write\"\n  actions: \"read\"\n  contents: \"read\"\n\
         jobs:\n  run-autograding-tests:\n    runs-on: \"ubuntu-latest\"\n\
         \x20   if: \"github.actor != 'github-classroom[bot]'\"\n    steps:\n",
    );
    out.push_str(&reporter);
    out.push_str("      - name: \"Autograding Reporter\"\n        uses: \"classroom-resources/autograding-grading-reporter@v1\"\n        env:\n");
    for (key, value) in &env {
        out.push_str(&format!("          {key}: {}\n", json(value)));
    }
    out.push_str(&format!("        with:\n          runners: {}\n", json(&runners.join(","))));
    out
}

/// Writes `value` at `indent` spaces: block mappings and sequences, plain keys, JSON scalars.
fn write(value: &Yaml, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Yaml::Map(entries) => {
            for (key, item) in entries {
                match item {
                    Yaml::Map(_) | Yaml::Seq(_) => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        write(item, indent + 2, out);
                    }
                    scalar => out.push_str(&format!("{pad}{key}: {}\n", scalar_text(scalar))),
                }
            }
        }
        Yaml::Seq(items) => {
            for item in items {
                let mut inner = String::new();
                write(item, indent + 2, &mut inner);
                // The item's first line goes on the dash's line.
                out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
            }
        }
        scalar => out.push_str(&format!("{pad}{}\n", scalar_text(scalar))),
    }
}

fn scalar_text(value: &Yaml) -> String {
    match value {
        Yaml::Str(s) => json(s),
        Yaml::Num(n) => n.to_string(),
        Yaml::Map(_) | Yaml::Seq(_) => unreachable!("collections are written as blocks"),
    }
}

/// `text` as a JSON string, which is also a YAML double-quoted scalar.
fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}
