//! The files `cargo xtask new` writes for each kind of exercise, repository-relative,
//! with their text. Each kind follows the course's model exercise of that kind:
//! `call_function` (embedding), `errors_enum` (extension module), `add_numbers` (C ABI).
//!
//! Every scaffold is unfinished on purpose, so that `cargo xtask verify` fails until the
//! author fills it in: the solution is a `todo!()` naming what to do, the stage test's
//! snapshot does not exist until `cargo xtask bless`, and the recorded wrong and right
//! answers (`tests/wrong/`, `tests/right/`, see `xtask/src/answers.rs`) do not compile
//! until they are written.

use crate::exercise_pages::{self, BOOK_SRC};
use crate::flags::NewKind;
use std::path::{Path, PathBuf};

/// What the scaffold of one exercise is made from.
pub struct Names<'a> {
    pub name: &'a str,
    pub part: &'a str,
    pub kind: NewKind,
}

impl Names<'_> {
    fn starter(&self) -> String {
        format!("exercises/{}/{}", self.part, self.name)
    }

    fn solution(&self) -> String {
        format!("solutions/{}/{}", self.part, self.name)
    }

    /// The editable files, relative to the exercise.
    pub fn editable(&self) -> Vec<&'static str> {
        match self.kind {
            NewKind::Embedding | NewKind::ExtensionModule => vec!["src/lib.rs"],
            NewKind::CAbi => vec!["src/lib.rs", "python/bindings.py"],
        }
    }
}

/// Every new file, repository-relative, with its text.
pub fn files(names: &Names<'_>) -> Vec<(PathBuf, String)> {
    let (starter, solution, name) = (names.starter(), names.solution(), names.name);
    let cargo = cargo_toml(names);
    let solution_cargo = crate::layout::solution_cargo_toml_for(name, &cargo);
    let (starter_lib, solution_lib) = lib_rs(names);
    let mut files: Vec<(PathBuf, String)> = vec![
        (format!("{starter}/Cargo.toml").into(), cargo),
        (format!("{starter}/src/lib.rs").into(), starter_lib),
        (format!("{starter}/tests/check.rs").into(), check_rs(names)),
        (format!("{solution}/Cargo.toml").into(), solution_cargo),
        (format!("{solution}/src/lib.rs").into(), solution_lib),
        (format!("{solution}/tests/check.rs").into(), crate::layout::solution_check_rs_for(name, &starter)),
        (format!("{starter}/tests/wrong/todo_skips_the_lesson/wrong.toml").into(), WRONG_TOML.to_string()),
        (format!("{starter}/tests/wrong/todo_skips_the_lesson/src/lib.rs").into(), WRONG_LIB.to_string()),
        (format!("{starter}/tests/right/todo_another_style/right.toml").into(), RIGHT_TOML.to_string()),
        (format!("{starter}/tests/right/todo_another_style/src/lib.rs").into(), RIGHT_LIB.to_string()),
        (Path::new(BOOK_SRC).join(exercise_pages::default_page(names.part, name)), page(names)),
        (Path::new(BOOK_SRC).join(exercise_pages::default_solution_page(names.part, name)), solution_page(names)),
    ];
    match names.kind {
        NewKind::Embedding => {
            files.push((format!("{starter}/build.rs").into(), BUILD_RS.to_string()));
            files.push((format!("{solution}/build.rs").into(), BUILD_RS.to_string()));
        }
        NewKind::ExtensionModule => {
            for dir in [&starter, &solution] {
                files.push((format!("{dir}/build.rs").into(), BUILD_RS.to_string()));
                files.push((format!("{dir}/pyproject.toml").into(), pyproject(name)));
            }
        }
        NewKind::CAbi => {
            files.push((format!("{starter}/python/bindings.py").into(), bindings_py(name, "exercise", "    # TODO: declare first_step's argtypes and restype.\n")));
            files.push((
                format!("{solution}/python/bindings.py").into(),
                bindings_py(name, "solution", "    lib.first_step.argtypes = [ctypes.c_int32]\n    lib.first_step.restype = ctypes.c_int32\n"),
            ));
            files.push((format!("{starter}/tests/check_{name}.py").into(), check_script(name)));
        }
    }
    files
}

/// The `[[exercises]]` entry of a new exercise, with one stage.
pub fn entry(names: &Names<'_>) -> String {
    let (name, part) = (names.name, names.part);
    let editable: Vec<String> = names.editable().iter().map(|f| format!("  \"exercises/{part}/{name}/{f}\",\n")).collect();
    format!(
        "[[exercises]]\nname = \"{name}\"\ndir = \"exercises/{part}/{name}\"\npart = \"{part}\"\nkind = \"{}\"\n\
         editable = [\n{}]\nhints = [\n  \"TODO (author): a nudge.\",\n  \"TODO (author): nearly the answer.\",\n]\n\n\
         [[exercises.stages]]\nname = \"{FIRST_STAGE}\"\ntests = [\"first_stage\"]\nheld_out = \"seeded\"\npoints = 1\n\n\
         [[exercises.stages.rules]]\nsays = \"TODO (author): one rule of the stage, in the student's terms.\"\nread = \"{part}/overview.md\"\n",
        names.kind.id(),
        editable.concat()
    )
}

/// The time a new exercise's page suggests, in minutes, which its part's exercise list counts.
pub const MINUTES: u32 = 20;

/// The first stage's name in the entry, which the wrong answer's `fails` names too.
const FIRST_STAGE: &str = "TODO (author): the first stage";

const RIGHT_TOML: &str = "# A recorded right answer (see xtask/src/answers.rs): every rule of every stage kept, in\n\
# another style than the solution. `cargo xtask verify` grades it on three held-out seeds\n\
# and requires full marks.\n\
style = \"TODO (author): how this answer differs from the solution, in one line.\"\n";

const RIGHT_LIB: &str = "// TODO (author): a correct src/lib.rs written from the stage rules alone, in another\n\
// style than the solution (other PyO3 APIs that do the same job, other idioms, your own\n\
// wording where the rules leave it free).\n\
compile_error!(\"write this recorded right answer, then delete this line\");\n";

const WRONG_TOML: &str = "# A recorded wrong answer (see xtask/src/answers.rs): a plausible shortcut that skips the\n\
# stage's lesson. `cargo xtask verify` grades it and requires that stage to fail.\n\
skips = \"TODO (author): the lesson this answer skips, in one line.\"\n\
fails = \"TODO (author): the first stage\"\n";

const WRONG_LIB: &str = "// TODO (author): the solution's src/lib.rs with one lesson skipped (computed in Rust\n\
// instead of calling Python, hard-coded answers...). Other editable files come from the\n\
// solution; add a wrong version of one beside this file to replace it too.\n\
compile_error!(\"write this recorded wrong answer, then delete this line\");\n";

const BUILD_RS: &str = "//! Gives the test binaries a run path to the LIBDIR of the interpreter pyo3 was built\n\
//! for, so that the embedded Python is that interpreter (see `cargo xtask doctor`).\n\
fn main() {\n    pyo3_build_config::add_libpython_rpath_link_args();\n}\n";

fn cargo_toml(names: &Names<'_>) -> String {
    let lib_path_reason = crate::layout::LIB_PATH_REASON.replace('\n', "\n# ");
    let head = format!(
        "[package]\nname = \"{}\"\nversion = \"0.1.0\"\nedition.workspace = true\npublish.workspace = true\n\n[lib]\n# {lib_path_reason}\npath = \"src/lib.rs\"\n",
        names.name
    );
    let pyo3 = "[dependencies]\npyo3.workspace = true\n\n[build-dependencies]\npyo3-build-config.workspace = true\n\n\
                [dev-dependencies]\ncheck-support = { path = \"../../check-support\" }\ninsta.workspace = true\n";
    match names.kind {
        NewKind::Embedding => format!("{head}\n{pyo3}"),
        NewKind::ExtensionModule => {
            format!("{head}# `cdylib` is the shared library Python imports; `rlib` lets Rust tests use the crate.\ncrate-type = [\"cdylib\", \"rlib\"]\n\n{pyo3}")
        }
        NewKind::CAbi => format!(
            "{head}# A C-compatible shared library for ctypes (cdylib), and a Rust library for the tests (rlib).\ncrate-type = [\"cdylib\", \"rlib\"]\n\n\
             [dev-dependencies]\nc-abi-support = {{ path = \"../../check-support/c-abi\" }}\ninsta.workspace = true\n"
        ),
    }
}

fn pyproject(name: &str) -> String {
    format!(
        "# maturin builds this crate into a Python package: `maturin develop` in this folder.\n[build-system]\nrequires = [\"maturin>=1.16,<2\"]\nbuild-backend = \"maturin\"\n\n\
         [project]\nname = \"{}\"\nrequires-python = \">=3.10\"\ndynamic = [\"version\"]\n\n[tool.maturin]\nmodule-name = \"{name}\"\n",
        name.replace('_', "-")
    )
}

/// The starter's and the solution's `src/lib.rs`.
fn lib_rs(names: &Names<'_>) -> (String, String) {
    let name = names.name;
    let head = format!("//! Exercise `{name}`: TODO (author): one sentence on what the student builds.\n//!\n//! Run `cargo xtask check {name}` after each edit.\n\n");
    let todo_solution = format!("todo!(\"author: write the solution of `{name}` here, then run `cargo xtask bless {name}`\")");
    match names.kind {
        NewKind::Embedding => {
            let lib = |anchor: &str, body: &str| {
                format!(
                    "{head}use pyo3::prelude::*;\n\n// ANCHOR: {anchor}\n/// TODO (author): what this function returns, for the office.\n///\n/// # Errors\n/// Any exception Python raises.\n\
                     pub fn first_step(py: Python<'_>, n: u64) -> PyResult<String> {{\n    let _ = (py, n);\n{body}}}\n// ANCHOR_END: {anchor}\n"
                )
            };
            (lib("exercise", "    // TODO: the student's first step.\n    todo!(\"the first step\")\n"), lib("solution", &format!("    {todo_solution}\n")))
        }
        NewKind::ExtensionModule => {
            let lib = |anchor: &str, body: &str| {
                format!(
                    "{head}use pyo3::prelude::*;\n\n// ANCHOR: {anchor}\n/// TODO (author): what this function returns, for the office.\n#[pyfunction]\nfn first_step(n: u64) -> u64 {{\n    let _ = n;\n{body}}}\n\n\
                     /// The module Python imports as `{name}`.\n#[pymodule]\npub fn {name}(m: &Bound<'_, PyModule>) -> PyResult<()> {{\n    m.add_function(wrap_pyfunction!(first_step, m)?)?;\n    Ok(())\n}}\n// ANCHOR_END: {anchor}\n"
                )
            };
            (lib("exercise", "    // TODO: the student's first step.\n    todo!(\"the first step\")\n"), lib("solution", &format!("    {todo_solution}\n")))
        }
        NewKind::CAbi => {
            let lib = |anchor: &str, body: &str| {
                format!(
                    "{head}// ANCHOR: {anchor}\n/// TODO (author): what this function returns, for the office. C: `int32_t first_step(int32_t n);`\n\
                     #[unsafe(no_mangle)]\npub extern \"C\" fn first_step(n: i32) -> i32 {{\n    let _ = n;\n{body}}}\n// ANCHOR_END: {anchor}\n"
                )
            };
            (lib("exercise", "    // TODO: the student's first step.\n    0\n"), lib("solution", &format!("    {todo_solution}\n")))
        }
    }
}

fn check_rs(names: &Names<'_>) -> String {
    let (name, part) = (names.name, names.part);
    let header = format!("// Stage checks for `{name}`; the solution runs this same file.\n");
    let numbers = "if SEED is None else [rng.randint(0, 1000) for _ in range(3)]";
    match names.kind {
        NewKind::Embedding => format!(
            "{header}//\n// TODO (author): what each check observes, beyond the result (that Python was called...).\n\n\
             use check_support::{{Inputs, attach}};\nuse {name}::first_step;\n\n\
             #[test]\nfn first_stage() {{\n    check_support::observe_held_out!(\"first_stage\", |inputs: Inputs| {{\n        \
             let numbers = match inputs.seed() {{\n            None => vec![1, 2, 3],\n            Some(seed) => {{\n                let mut rng = check_support::Rng::with_seed(seed);\n                \
             (0..3).map(|_| rng.u64(0..1000)).collect()\n            }}\n        }};\n        \
             numbers.iter().map(|&n| attach(|py| first_step(py, n))).collect::<Vec<_>>().join(\"\\n\")\n    }});\n}}\n"
        ),
        NewKind::ExtensionModule => format!(
            "{header}//\n// Each check registers the crate's module in the embedded interpreter, runs a few lines\n// of Python that call it, and reports what they printed; when grading, again on inputs\n// drawn from the grading seed.\n\n\
             use check_support::{{Inputs, attach, register_module, run_printing}};\n\n\
             /// Runs `code` on `inputs` with `{name}` imported.\nfn scenario(inputs: Inputs, code: &str) -> String {{\n    attach(|py| {{\n        \
             let module = pyo3::wrap_pymodule!({name}::{name})(py);\n        register_module(py, \"{name}\", module.bind(py))?;\n        \
             run_printing(py, &[], &format!(\"{{}}\\nimport {name}\\n{{code}}\", inputs.python_prelude()))\n    }})\n}}\n\n\
             #[test]\nfn first_stage() {{\n    check_support::observe_held_out!(\"first_stage\", |inputs| {{\n        \
             scenario(inputs, \"for n in ([1, 2, 3] {numbers}):\\n    print(n, {name}.first_step(n))\")\n    }});\n}}\n"
        ),
        NewKind::CAbi => format!(
            "{header}//\n// Each check runs tests/check_{name}.py with the venv's Python, on this crate's cdylib and\n// python/bindings.py, and reports what it printed; when grading, again on inputs\n// generated from the grading seed.\n\n\
             use c_abi_support::Inputs;\nuse std::path::Path;\n\n\
             /// The starter's tests/ folder, which the solution shares.\nconst TESTS: &str = concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/../../../exercises/{part}/{name}/tests\");\n\n\
             /// Runs one scenario of the script against this crate's library and bindings.\nfn scenario(name: &str, inputs: Inputs) -> String {{\n    \
             let bindings = concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/python\").to_string();\n    let mut args = vec![bindings, name.to_string()];\n    \
             args.extend(inputs.seed().map(|seed| seed.to_string()));\n    \
             c_abi_support::run_with_cdylib(&Path::new(TESTS).join(\"check_{name}.py\"), env!(\"CARGO_PKG_NAME\"), &args)\n}}\n\n\
             #[test]\nfn first_stage() {{\n    c_abi_support::observe_held_out!(\"first_stage\", |inputs| scenario(\"first_step\", inputs));\n}}\n"
        ),
    }
}

fn bindings_py(name: &str, anchor: &str, declarations: &str) -> String {
    format!(
        "\"\"\"ctypes bindings of the office's Rust library (exercise `{name}`).\"\"\"\n\nimport ctypes\n\n\n# ANCHOR: {anchor}\n\
         def load(path):\n    \"\"\"Loads the cdylib at `path` and declares the C signatures of its functions.\"\"\"\n    lib = ctypes.CDLL(path)\n\
         {declarations}    return lib\n# ANCHOR_END: {anchor}\n"
    )
}

fn check_script(name: &str) -> String {
    format!(
        "\"\"\"Stage checks of `{name}`, run by tests/check.rs.\n\nUsage: python check_{name}.py LIBRARY BINDINGS_DIR SCENARIO [SEED]\n\
         LIBRARY is the built cdylib, BINDINGS_DIR the folder of the crate's bindings.py. With\nSEED (grading's held-out inputs), the scenario runs on inputs generated from it.\n\"\"\"\n\n\
         import random\nimport sys\n\nlibrary, bindings_dir, scenario = sys.argv[1:4]\nrng = random.Random(int(sys.argv[4])) if len(sys.argv) > 4 else None\n\
         sys.path.insert(0, bindings_dir)\nimport bindings  # noqa: E402  (the student's module, found through sys.path)\n\nlib = bindings.load(library)\n\n\
         if scenario == \"first_step\":\n    numbers = [1, 2, 3] if rng is None else [rng.randint(0, 1000) for _ in range(3)]\n    for n in numbers:\n        \
         print(f\"first_step({{n}}) = {{lib.first_step(n)}}\")\nelse:\n    sys.exit(f\"unknown scenario {{scenario!r}}\")\n"
    )
}

fn page(names: &Names<'_>) -> String {
    let (name, starter) = (names.name, names.starter());
    let edits: Vec<String> = names.editable().iter().map(|f| format!("`{starter}/{f}`")).collect();
    let include = match names.kind {
        NewKind::CAbi => format!("```rust\n{{{{#include ../../../../{starter}/src/lib.rs:exercise}}}}\n```\n\n<!-- python: not run (a fragment of the exercise's bindings; the check runs it) -->\n```python\n{{{{#include ../../../../{starter}/python/bindings.py:exercise}}}}\n```"),
        _ => format!("```rust\n{{{{#include ../../../../{starter}/src/lib.rs:exercise}}}}\n```"),
    };
    format!(
        "# Exercise: {name}\n\n*Time: about {MINUTES} minutes.*\n<!-- TODO (author): measure it; the part's pages add it up (`cargo xtask verify --scope book`) -->\n\n\
         **Goal.** TODO (author): what the student builds, for the office, in two sentences.\n\n\
         **Edit** {}, then run:\n\n<!-- console: exits 1 (the starter fails stage 1) -->\n```console\n$ cargo xtask check {name}\n```\n\n\
         {{{{#include rules/{name}.md}}}}\n\n**What each check looks at**\n\n1. *TODO (author): the first stage*: what it observes beyond the result, and how.\n\n**Starter code**\n\n\
         {include}\n\nStuck? `cargo xtask hint {name}`.\n\n<details>\n<summary>Instructor notes</summary>\n\n\
         TODO (author): timing, common mistakes, a question for the room.\n</details>\n\n\
         ## References\n\n- TODO (author): the docs.rs pages of the items the exercise uses, and the PyO3 guide's section.\n",
        edits.join(" and ")
    )
}

/// The solutions page, laid out as the course's: the link back to the exercise, the
/// solution's code by anchor, then each stage: why the solution works, another answer that
/// passes, the recorded wrong answers with what the check prints for them, the points.
fn solution_page(names: &Names<'_>) -> String {
    let (name, part) = (names.name, names.part);
    format!(
        "# Solution: {name}\n\n[The exercise](../../{part}/exercises/{name}.md).\n\n```rust\n{{{{#include ../../../../{}/src/lib.rs:solution}}}}\n```\n\n\
         **Stage 1, {FIRST_STAGE} (1 point).** TODO (author): why the solution works. *Also passes:* TODO (author): another answer \
         (`tests/right/`). *Wrong:* `todo_skips_the_lesson`, TODO (author): the shortcut, and the lines `cargo xtask check` prints for it.\n",
        names.solution()
    )
}
