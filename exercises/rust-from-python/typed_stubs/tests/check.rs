// Stage checks for `typed_stubs`; the solution runs this same file.
//
// The way a user gets the package: maturin builds a wheel (with the stub and `py.typed`),
// it is installed, then `mypy.stubtest` compares the installed stub with the module Python
// really imports, and `mypy` checks a small program that uses the module. stubtest sees
// names, parameters, defaults and `@final` (of what the stub declares as a def or a class:
// it accepts any name declared as a variable of type `Any` or `Callable[..., T]`, so the
// checks also print how the stub declares each name), but not the types a function returns or
// whether an attribute is read-only: the program shows those, through `reveal_type` and
// through the errors mypy must report. When grading, the program is drawn from the seed.

use check_support::Inputs;
use check_support::maturin::{Install, ensure_installed, installed_wheel, pytest, starter_dir, venv_command};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The crate under test: the starter, or the solution that includes this file.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The folder the wheel was unpacked into when `cargo xtask` built it
/// (`check_report::SITE_VAR`); without the xtask the wheel is installed into the venv.
const SITE_VAR: &str = "CHECK_SITE";

/// Runs `python <args>` from the venv in a fresh temporary folder, with the installed
/// module importable, and returns what it printed (stdout, then stderr). The folder is
/// removed afterwards, so mypy's files never reach the exercise.
fn python_in_scratch(files: &[(&str, &str)], args: &[&str]) -> String {
    let crate_dir = Path::new(CRATE_DIR);
    ensure_installed(crate_dir, Install::ReleaseWheel);
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let work: PathBuf = std::env::temp_dir().join(format!("typed-stubs-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap_or_else(|e| panic!("creating {}: {e}", work.display()));
    for (name, text) in files {
        std::fs::write(work.join(name), text).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    }
    let mut cmd = venv_command(crate_dir, "python");
    cmd.current_dir(&work).args(args);
    if let Some(site) = std::env::var_os(SITE_VAR) {
        cmd.env("PYTHONPATH", site);
    }
    let output = check_support::process::output(&mut cmd).unwrap_or_else(|e| panic!("could not start the venv's python: {e}"));
    let _ = std::fs::remove_dir_all(&work);
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Reads the installed stub (`typed_stubs/__init__.pyi`) and says how it declares each
/// name given: stubtest accepts a function or a class declared as a variable
/// (`price: Callable[..., float]`, `Order: Any`), which describes no parameter or member.
const DECLARATIONS: &str = include_str!("declarations.py");

/// How the installed stub declares `names` (`the stub declares price as a def`).
fn declarations(names: &[&str]) -> String {
    let mut args = vec!["-c", DECLARATIONS];
    args.extend_from_slice(names);
    python_in_scratch(&[], &args)
}

/// `mypy.stubtest`'s report on the installed module, one line per error (`--concise`),
/// run once per test process.
fn stubtest() -> &'static str {
    static REPORT: OnceLock<String> = OnceLock::new();
    REPORT.get_or_init(|| {
        let allowlist = starter_dir(Path::new(CRATE_DIR)).join("tests").join("stubtest-allowlist.txt");
        let allowlist = allowlist.to_string_lossy().into_owned();
        python_in_scratch(&[], &["-m", "mypy.stubtest", "typed_stubs", "--concise", "--allowlist", &allowlist])
    })
}

/// The lines of stubtest's report about `names` (`typed_stubs.price is inconsistent, ...`),
/// and every line about no name at all (a stub mypy cannot read stops every check).
fn stubtest_about(names: &[&str]) -> String {
    let lines: Vec<&str> = stubtest()
        .lines()
        .filter(|line| match line.strip_prefix("typed_stubs.") {
            Some(rest) => {
                let name = rest.split(|c: char| c == '.' || c == ' ').next().unwrap_or_default();
                names.contains(&name)
            }
            None => !line.trim().is_empty(),
        })
        .collect();
    if lines.is_empty() {
        format!("stubtest: {} match the module\n", names.join(", "))
    } else {
        lines.iter().map(|l| format!("stubtest: {l}\n")).collect()
    }
}

/// The wheel holds the stub and `py.typed`, and the stub declares `reams_for`, `price` and
/// `badge` as defs whose names, parameters, defaults and keyword-only markers stubtest
/// finds equal to the module's.
#[test]
fn functions_match_the_module() {
    let crate_dir = Path::new(CRATE_DIR);
    let runtime = pytest(crate_dir, Install::ReleaseWheel, &["tests/test_wheel.py"]);
    let wheel = installed_wheel(crate_dir).unwrap_or_else(|e| panic!("{e}"));
    let listing = python_in_scratch(&[], &["-m", "zipfile", "-l", &wheel.to_string_lossy()]);
    let mut typing: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| name.ends_with(".pyi") || name.ends_with("py.typed"))
        .collect();
    typing.sort_unstable();
    let names = ["reams_for", "price", "badge"];
    let report = format!("{runtime}the wheel holds: {}\n{}{}", typing.join(", "), declarations(&names), stubtest_about(&names));
    check_support::observe!("functions_match_the_module", report);
}

/// The stub declares `Order` as a `@final` class and `largest` as a def that stubtest finds
/// equal to the module's, and the module's `__all__`.
#[test]
fn the_class_matches_the_module() {
    let report = format!("{}{}", declarations(&["Order", "largest"]), stubtest_about(&["Order", "largest", "__all__"]));
    check_support::observe!("the_class_matches_the_module", report);
}

/// A program that uses the module: every line asks mypy to reveal a type or must be an
/// error. On held-out inputs the values, the order and the choice of lines come from the seed.
fn usage(inputs: Inputs) -> String {
    let mut rng = inputs.seed().map(check_support::Rng::with_seed);
    let mut pick = |public: u64, low: u64, high: u64| rng.as_mut().map_or(public, |r| r.u64(low..=high));
    let (sheets, reams, parts) = (pick(501, 1, 5000), pick(12, 1, 40), pick(5, 1, 9));
    let mut lines = vec![
        format!("reveal_type(ts.reams_for({sheets}))"),
        format!("reveal_type(ts.price({reams}, bulk=False))"),
        "reveal_type(ts.badge(\"Dwight\", department=\"Sales\"))".to_string(),
        format!("reveal_type(order.split({parts}))"),
        "reveal_type(ts.largest([order]))".to_string(),
        "reveal_type(order.reams)".to_string(),
        "reveal_type(order.total(4.5))".to_string(),
        "order.customer = \"Vance Refrigeration\"  # must be an error: read-only".to_string(),
        "ts.price(2, 4.5, True)  # must be an error: bulk is keyword-only".to_string(),
        format!("ts.reams_for(\"{sheets}\")  # must be an error: not an int"),
        "class Mine(ts.Order): ...  # must be an error: Order is final".to_string(),
        "ts.badge(\"Jim\", \"Sales\")  # must be an error: department is keyword-only".to_string(),
        format!("ts.price(\"{reams}\")  # must be an error: reams is an int"),
        "ts.price(1, \"4.5\")  # must be an error: per_ream is a float".to_string(),
        "ts.price(1, bulk=\"yes\")  # must be an error: bulk is a bool".to_string(),
        "ts.badge(42)  # must be an error: name is a str".to_string(),
        "ts.badge(\"Jim\", department=7)  # must be an error: department is a str or None".to_string(),
        format!("ts.Order({reams})  # must be an error: customer is a str"),
        format!("order.split(\"{parts}\")  # must be an error: parts is an int"),
        "order.total(\"4.5\")  # must be an error: per_ream is a float".to_string(),
        "ts.largest(order)  # must be an error: largest takes a list of orders".to_string(),
    ];
    if let Some(rng) = rng.as_mut() {
        rng.shuffle(&mut lines);
        lines.truncate(rng.usize(8..=lines.len()));
    }
    format!("import typed_stubs as ts\n\norder = ts.Order(\"Blue Cross\", {reams})\n{}\n", lines.join("\n"))
}

/// mypy's report with each error cut to its line and code (`usage.py:10: error [misc]`),
/// the revealed types kept, and the other notes left out: two stubs that make one line an
/// error of one kind (a read-only `@property`, a `Final` attribute) pass alike.
fn errors_and_revealed_types(report: &str) -> String {
    let mut out = String::new();
    for line in report.lines() {
        if let Some((place, message)) = line.split_once(": error: ") {
            let code = message.rsplit_once("  [").map_or("[no code]".to_string(), |(_, code)| format!("[{code}"));
            out.push_str(&format!("{place}: error {code}\n"));
        } else if line.contains(": note: ") && !line.contains("Revealed type is") {
            continue;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// mypy reveals the precise type of every call and reports an error on every line that
/// misuses the module (a wrong argument type, a keyword-only parameter passed by
/// position, the read-only `customer` assigned, `Order` subclassed); of an error, only its
/// line and code are compared, not mypy's wording.
#[test]
fn mypy_checks_a_program_with_the_stubs() {
    check_support::observe_held_out!("mypy_checks_a_program_with_the_stubs", |inputs: Inputs| {
        let program = usage(inputs);
        let args = [
            "-m", "mypy", "--no-incremental", "--cache-dir=/dev/null", "--hide-error-context", "--no-error-summary",
            "--show-error-codes", "--no-color-output", "--no-pretty", "usage.py",
        ];
        let report = errors_and_revealed_types(&python_in_scratch(&[("usage.py", &program)], &args));
        let numbered: String = program.lines().enumerate().map(|(i, l)| format!("{:>2} | {l}\n", i + 1)).collect();
        format!("{numbered}mypy says:\n{report}")
    });
}
