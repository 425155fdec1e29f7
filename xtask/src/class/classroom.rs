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
//! marks the stage passed (`✓ stage N `, as `show.rs` prints it). Students see their score
//! on each push. The workflow is written as YAML block mappings whose every scalar is a
//! JSON string or number, which YAML reads the same way.

use crate::course::Exercise;
use serde_json::Value;

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

/// The workflow's text.
pub fn workflow(exercises: &[&Exercise]) -> String {
    let mut steps = vec![
        serde_json::json!({"name": "Checkout code", "uses": "actions/checkout@v4"}),
        serde_json::json!({
            "name": "Install Python's headers and venv",
            "run": "sudo apt-get update -qq && sudo apt-get install -y -qq python3-dev python3-venv",
        }),
        serde_json::json!({"name": "Check every exercise", "run": check_script(exercises), "timeout-minutes": 60}),
    ];
    let mut runners = Vec::new();
    let mut env = serde_json::Map::new();
    for exercise in exercises {
        for (i, stage) in exercise.stages.get_ref().iter().enumerate() {
            let number = i + 1;
            let id = runner_id(exercise, number);
            steps.push(serde_json::json!({
                "name": format!("{} stage {number}: {}", exercise.name(), stage.name.get_ref()),
                "id": id,
                "uses": "classroom-resources/autograding-command-grader@v1",
                "with": {
                    "test-name": format!("{} stage {number}: {}", exercise.name(), stage.name.get_ref()),
                    "setup-command": "",
                    "command": stage_command(exercise, number),
                    "timeout": STAGE_MINUTES,
                    "max-score": stage.points.get_ref(),
                },
            }));
            env.insert(format!("{}_RESULTS", id.to_uppercase()), Value::from(format!("${{{{steps.{id}.outputs.result}}}}")));
            runners.push(id);
        }
    }
    steps.push(serde_json::json!({
        "name": "Autograding Reporter",
        "uses": "classroom-resources/autograding-grading-reporter@v1",
        "env": env,
        "with": {"runners": runners.join(",")},
    }));
    let workflow = serde_json::json!({
        "name": "Autograding Tests",
        "on": ["push", "repository_dispatch"],
        "permissions": {"checks": "write", "actions": "read", "contents": "read"},
        "jobs": {"run-autograding-tests": {
            "runs-on": "ubuntu-latest",
            "if": "github.actor != 'github-classroom[bot]'",
            "steps": steps,
        }},
    });
    let mut out = String::from(
        "# GitHub Classroom's autograding: on each push, `cargo xtask check` checks every exercise\n\
         # once, then each stage is one test worth its points. Made by `cargo xtask class export\n\
         # --classroom`; the instructors' chapter of the book explains it.\n",
    );
    yaml(&workflow, 0, &mut out);
    out
}

/// Writes `value` as YAML block mappings and sequences, every scalar as JSON.
fn yaml(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                let key = serde_json::to_string(key).unwrap_or_default();
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        yaml(item, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        yaml(item, indent + 2, out);
                    }
                    _ => out.push_str(&format!("{pad}{key}: {}\n", scalar(item))),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        let mut inner = String::new();
                        yaml(item, indent + 2, &mut inner);
                        // The first key goes on the dash's line.
                        out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", scalar(item))),
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        other => other.to_string(),
    }
}
