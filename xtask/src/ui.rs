//! Terminal output: one place for styles, so that colors appear only on a terminal
//! (`anstream` strips them when the output is piped or `NO_COLOR` is set).

use anstream::{eprintln, println};
use anstyle::{AnsiColor, Style};

pub const PASS: Style = AnsiColor::Green.on_default().bold();
pub const FAIL: Style = AnsiColor::Red.on_default().bold();
pub const NOTE: Style = AnsiColor::Cyan.on_default();
pub const DIM: Style = Style::new().dimmed();
pub const BOLD: Style = Style::new().bold();

/// `text` wrapped in `style`'s escape codes.
pub fn paint(style: Style, text: impl std::fmt::Display) -> String {
    format!("{style}{text}{style:#}")
}

/// A line about what the xtask is doing.
pub fn note(text: &str) {
    eprintln!("{}", paint(NOTE, text));
}

/// An error, on standard error.
pub fn error(text: &str) {
    eprintln!("{} {text}", paint(FAIL, "error:"));
}

/// A line on standard output.
pub fn line(text: &str) {
    println!("{text}");
}

/// `✓` or `✗`, colored.
pub fn mark(passed: bool) -> String {
    if passed { paint(PASS, "✓") } else { paint(FAIL, "✗") }
}

/// Whether standard output is a terminal, so child processes may color their output too.
pub fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
