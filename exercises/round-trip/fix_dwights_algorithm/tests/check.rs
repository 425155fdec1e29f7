// Stage checks for `fix_dwights_algorithm`; the solution runs this same file.
//
// Each check registers the crate's `dunder_mifflin` module in the embedded interpreter,
// then runs Python (tests/office.py and a few lines per stage) that uses it, and
// reports what that Python printed. When grading, every stage runs a second time on an
// office generated from the grading seed (`held_out_office` in tests/office.py).

use check_support::{Inputs, attach, register_module, run_printing};

/// The office's Python: staff, papers and the table printer.
const OFFICE: &str = include_str!("office.py");

/// Runs `code` after tests/office.py, with `dunder_mifflin` importable.
fn office(code: &str) -> String {
    attach(|py| {
        let module = pyo3::wrap_pymodule!(fix_dwights_algorithm::dunder_mifflin)(py);
        register_module(py, "dunder_mifflin", module.bind(py))?;
        run_printing(py, &[], &format!("{OFFICE}\n{code}"))
    })
}

/// Rule: `Paper` and `Employee` are `#[pyclass]` types Python builds, reads, shreds and prints.
#[test]
fn paper_and_employee_are_classes() {
    check_support::observe_held_out!("paper_and_employee_are_classes", |inputs: Inputs| {
        office(&format!(
            r#"
SEED = {}
if SEED is None:
    contents, pam = "Do not shred: the Michael Scott Paper Company", STAFF[3]
else:
    staff, papers = held_out_office(SEED)
    contents, pam = papers[0][0], staff[-1]
paper = dm.Paper(contents)
print(repr(paper), paper.contents, paper.shredded, paper.faxed_to)
paper.shred()
print("after shred():", paper.shredded)
pam = dm.Employee(pam.name, pam.email)
print(repr(pam), pam.name, pam.email)
print(type(paper).__module__, type(paper).__name__, type(pam).__name__)
# A #[pyclass] defines its methods and fields in Rust: Python sees descriptors of C code.
kinds = [(c.__name__, a, type(getattr(c, a, None)).__name__) for c, a in [(dm.Paper, "shred"), (dm.Paper, "contents"), (dm.Employee, "email")]]
print("defined in Rust:", ", ".join(f"{{c}}.{{a}} is a {{k}}" for c, a, k in kinds))
"#,
            inputs.python()
        ))
    });
}

/// Rule: `process` calls the algorithm with the paper itself, so a paper Jim's algorithm shreds is shredded.
#[test]
fn jims_algorithm_shreds_everything() {
    check_support::observe_held_out!("jims_algorithm_shreds_everything", |inputs: Inputs| office(&format!("table('jim', {})", inputs.python())));
}

/// Rules: `process` loads each algorithms file once, in order, and adds what the algorithm returns to `faxed_to`.
#[test]
fn pams_algorithm_faxes_and_files_load_once() {
    check_support::observe_held_out!("pams_algorithm_faxes_and_files_load_once", |inputs: Inputs| {
        office(&format!(
            r#"
import sys
SEED = {}
for module in ("algorithms", "fixed_algorithms"):
    sys.modules.pop(module, None)
# The fixed file imports the office's: asked for first, it needs that one loaded before it.
try:
    dm.process(dm.Paper("Do not shred"), [], "dwight-fixed")
except ImportError as error:
    print("loading dwight-fixed first:", type(error).__name__, error)
except Exception:
    pass  # what the algorithm itself does is stages 3 and 4
print("modules loaded:", [m for m in ("algorithms", "fixed_algorithms") if m in sys.modules])
staff = STAFF if SEED is None else held_out_office(SEED)[0]
dm.process(dm.Paper("warm-up"), [], "pam")
loaded = sys.modules.get("algorithms")
# Who is away is Python's data, changed at run time: only Pam's Python function knows it.
away = {{"michael", "toby"}} if SEED is None else {{e.name.lower() for e in random.Random(SEED).sample(staff, 2)}}
setattr(loaded, "OUT_OF_OFFICE", away)
print("out of office:", sorted(away))
try:
    table("pam", SEED)
finally:
    setattr(loaded, "OUT_OF_OFFICE", set())
print("the office's file loaded once:", sys.modules.get("algorithms") is loaded)
paper = dm.Paper("Do not shred: sent twice")
first = dm.process(paper, staff[:2], "pam")
second = dm.process(paper, staff[1:3], "pam")
print("returned", first, "then", second, "; faxed_to", paper.faxed_to)
"#,
            inputs.python()
        ))
    });
}

/// Rule: an algorithm that raises or returns None is an `AlgorithmError` from its `__name__`, with the raised exception as `__cause__`.
#[test]
fn dwights_bugs_surface_as_algorithm_errors() {
    check_support::observe_held_out!("dwights_bugs_surface_as_algorithm_errors", |inputs: Inputs| office(&format!("table('dwight', {})", inputs.python())));
}

/// Rule: a return that is not a list of the employees' addresses, or addresses for a shredded paper, is an `AlgorithmError` from its `__name__`.
#[test]
fn every_broken_rule_is_an_algorithm_error() {
    check_support::observe_held_out!("every_broken_rule_is_an_algorithm_error", |inputs: Inputs| {
        office(&format!(
            r#"
SHOW_CAUSE = False
for name in ["ryan", "kevin", "michael"]:
    print(f"== {{name}}")
    table(name, {})
"#,
            inputs.python()
        ))
    });
}

/// Rule: an unknown algorithm name is a `ValueError` whose message lists the names there are.
#[test]
fn an_unknown_algorithm_is_a_value_error() {
    check_support::observe_held_out!("an_unknown_algorithm_is_a_value_error", |inputs: Inputs| {
        office(&format!(
            r#"
SEED = {}
name = "toby" if SEED is None else random.Random(SEED).choice(["creed", "oscar", "stanley", "kelly"]) + "-" + str(SEED % 97)
NAMES = ["dwight", "jim", "pam", "ryan", "kevin", "michael", "dwight-fixed"]
try:
    dm.process(dm.Paper("Do not shred"), STAFF, name)
    print(f"{{name!r}} raised nothing")
except ValueError as error:
    # The words are the student's: the rule asks for a ValueError that lists the names.
    print(f"{{name!r}} -> ValueError; names missing from its message: {{[n for n in NAMES if n not in str(error)]}}")
except Exception as error:
    print(f"{{name!r}} -> {{type(error).__name__}}, not a ValueError")
"#,
            inputs.python()
        ))
    });
}

/// Rule: the fixed Python function decides every paper: whole-word names, each once, in the staff list's order; other papers shredded.
#[test]
fn fixed_algorithm_faxes_and_shreds() {
    check_support::observe_held_out!("fixed_algorithm_faxes_and_shreds", |inputs: Inputs| {
        office(&format!(
            r#"
import functools
import sys
SEED = {}
try:
    dm.process(dm.Paper("warm-up"), [], "dwight-fixed")
except Exception:
    pass  # loading the fixed file is stage 2; what it decides is the table below
fixed = sys.modules.get("fixed_algorithms")
real = getattr(fixed, "dwights_ai_decision_algorithm", None)
decided = []
if real is not None:
    # The fix lives in Python: count the papers the fixed Python function decides.
    @functools.wraps(real)
    def counted(paper, employees):
        decided.append(paper)
        return real(paper, employees)
    fixed.dwights_ai_decision_algorithm = counted
try:
    table("dwight-fixed", SEED)
finally:
    if real is not None:
        fixed.dwights_ai_decision_algorithm = real
papers = len(PAPERS if SEED is None else held_out_office(SEED)[1])
print(f"papers the fixed Python function decided: {{len(decided)}} of {{papers}}")
"#,
            inputs.python()
        ))
    });
}
