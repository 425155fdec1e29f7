//! Text that Python versions print differently, made the same for every supported version
//! (3.10 to 3.13), so that one snapshot serves them all.
//!
//! What differs, and what this module does with it:
//! - 3.12 and later append a suggestion to some messages: `AttributeError: module 'm' has
//!   no attribute 'stamp'. Did you mean: 'stump'?`, `NameError: name 'sys' is not
//!   defined. Did you forget to import 'sys'?`. The suggestion is removed.
//! - 3.11 and later underline the failing expression of a traceback frame with a line of
//!   `^` and `~`; 3.10 has no such line, and 3.13 leaves it out when it would underline the
//!   whole line. Those lines are removed. The caret of a `SyntaxError`, which every version
//!   prints the same way, is kept: it follows a frame line without `, in NAME`.

/// The beginnings of the suggestions that 3.12 and later append to a message line.
const SUGGESTIONS: [&str; 3] = [". Did you mean: '", ". Did you mean '", ". Did you forget to import '"];

/// `text` as Python 3.10 and 3.11 would print it: suggestions appended to messages and
/// the underline lines of traceback frames removed; every other line unchanged.
pub fn version_independent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: [&str; 2] = ["", ""];
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if is_underline(body) && is_frame(previous[0]) {
            previous = [previous[1], body];
            continue;
        }
        out.push_str(&without_suggestion(body));
        out.push_str(&line[body.len()..]);
        previous = [previous[1], body];
    }
    out
}

/// `line` without a trailing suggestion (`. Did you mean: 'x'?`), keeping the message's own
/// text; a line with none is returned as it is.
fn without_suggestion(line: &str) -> std::borrow::Cow<'_, str> {
    for start in SUGGESTIONS {
        if let Some(at) = line.rfind(start)
            && line.ends_with("'?")
            && !line[at + start.len()..line.len() - 2].contains('\'')
        {
            return line[..at].into();
        }
    }
    line.into()
}

/// Whether `line` is a traceback frame's first line: `  File "x.py", line 3, in main`.
fn is_frame(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("File \"") && line.contains("\", line ") && line.contains(", in ")
}

/// Whether `line` only underlines: spaces, then `^` and `~` (at least one).
fn is_underline(line: &str) -> bool {
    let marks = line.trim();
    !marks.is_empty() && marks.chars().all(|c| matches!(c, '^' | '~'))
}

#[cfg(test)]
mod tests {
    use super::version_independent;

    #[test]
    fn suggestions_of_3_12_are_removed() {
        assert_eq!(
            version_independent("AttributeError: module 'plugin_d' has no attribute 'stamp'. Did you mean: 'stump'?\nnext\n"),
            "AttributeError: module 'plugin_d' has no attribute 'stamp'\nnext\n"
        );
        assert_eq!(
            version_independent("NameError: name 'sys' is not defined. Did you forget to import 'sys'?"),
            "NameError: name 'sys' is not defined"
        );
    }

    #[test]
    fn a_message_that_asks_a_question_itself_is_kept() {
        let text = "ValueError: what did you mean by 'x'?\n";
        assert_eq!(version_independent(text), text);
    }

    #[test]
    fn frame_underlines_of_3_11_and_later_are_removed() {
        let text = "Traceback (most recent call last):\n  File \"<stage check>\", line 2, in <module>\n    total = order(3) + bonus\n            ~~~~~~~~~^^^^^^^\nTypeError: boom\n";
        assert_eq!(
            version_independent(text),
            "Traceback (most recent call last):\n  File \"<stage check>\", line 2, in <module>\n    total = order(3) + bonus\nTypeError: boom\n"
        );
    }

    #[test]
    fn the_caret_of_a_syntax_error_is_kept() {
        let text = "  File \"b_syntax.py\", line 1\n    def stamp(text)\n                   ^\nSyntaxError: expected ':'\n";
        assert_eq!(version_independent(text), text);
    }
}
