//! Archive text made safe to print, for every renderer and every message that quotes a file,
//! and safe to open in a spreadsheet.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;
use std::ops::Range;

/// Archive text made safe to print: every control character (C0 and C1, ESC, DEL, and tab and
/// newline too) written as Rust writes it, `\u{1b}`, so that no file can move the cursor, recolour
/// the terminal or break a table's or an annotation's line. Everything else is kept.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_keeping(s, |_| false)
}

/// [`escape`], keeping the characters `keep` says (a source excerpt keeps its line breaks).
fn escape_keeping(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && !keep(c) {
            let _ = write!(out, "{}", c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A source excerpt escaped as [`escape`] does, keeping its line breaks and its tabs (which the
/// diagnostics renderer turns into spaces, so that indented TOML reads as written), with the byte
/// range `span` moved to where the same text now is.
pub fn escape_excerpt(text: &str, span: &Range<usize>) -> (String, Range<usize>) {
    let keep = |c: char| c == '\n' || c == '\t';
    let moved = |at: usize| {
        let before = text.get(..at).unwrap_or(text);
        at + escape_keeping(before, keep).len() - before.len()
    };
    let span = moved(span.start)..moved(span.end);
    (escape_keeping(text, keep).into_owned(), span)
}

/// The I/O error inside a CSV error, so that a closed pipe is still recognised as one.
pub fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Prefixes `'` to text a spreadsheet would take for a formula.
pub fn formula_safe(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(escape("plain — ü"), "plain — ü");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(
            escape("\u{1b}[31mred\u{7}\u{9b}\u{7f}\ta\nb\r"),
            "\\u{1b}[31mred\\u{7}\\u{9b}\\u{7f}\\u{9}a\\u{a}b\\u{d}"
        );
    }

    #[test]
    fn an_excerpt_keeps_its_lines_and_its_span_follows_the_text() {
        let text = "title = \"\u{1b}[31mX\"\nnext";
        // The span covers the quoted value: `"` at byte 8, ESC at 9, `[31mX` and `"` at 15.
        let (escaped, span) = escape_excerpt(text, &(8..16));
        assert_eq!(escaped, "title = \"\\u{1b}[31mX\"\nnext");
        assert_eq!(&escaped[span], "\"\\u{1b}[31mX\"");
        let (escaped, span) = escape_excerpt("\tid = \"\u{7f}\"", &(6..9));
        assert_eq!((escaped.as_str(), span), ("\tid = \"\\u{7f}\"", 6..14));
    }
}
