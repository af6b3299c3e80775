//! A text file of the archive, with what it takes to turn byte offsets into lines and columns.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Mutex, OnceLock};

use crate::diagnostics::finding::{Excerpt, Finding, Position, Severity};

/// A decoded text file and its path relative to the archive root.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the archive root, `/`-separated.
    pub path: String,
    /// The text, without any byte-order mark.
    pub text: String,
    /// Byte offsets where lines start, built on first use.
    line_starts: OnceLock<Vec<usize>>,
    /// The last position computed, from which the next is counted when it comes later in
    /// the file: a sheet's rows, or an application's fields, are met in file order.
    cursor: Mutex<Cursor>,
}

/// A byte offset with its 1-based line and character column.
#[derive(Clone, Copy, Debug)]
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    const START: Cursor = Cursor {
        offset: 0,
        line: 1,
        column: 1,
    };
}

/// How far ahead of the last position a position is counted from it rather than found
/// through the index of line starts.
const COUNTED_AHEAD: usize = 64 * 1024;

/// Source lines longer than this are not copied into findings (the position is still exact).
pub const MAX_EXCERPT_BYTES: usize = 4096;

impl SourceFile {
    /// Wraps already-decoded text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
            cursor: Mutex::new(Cursor::START),
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let mut cursor = self.cursor.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if offset < cursor.offset || offset - cursor.offset > COUNTED_AHEAD {
            *cursor = self.line_start_before(offset);
        }
        // From the cursor: the line breaks between, then the characters after the last one.
        let between = &self.text.as_bytes()[cursor.offset..offset];
        let from = match memchr::memrchr(b'\n', between) {
            None => cursor.offset,
            Some(last) => {
                cursor.line += memchr::memchr_iter(b'\n', between).count();
                cursor.column = 1;
                cursor.offset + last + 1
            }
        };
        cursor.column += self.text[from..offset].chars().count();
        cursor.offset = offset;
        (cursor.line, cursor.column)
    }

    /// The start of the line holding `offset`, as a cursor.
    fn line_start_before(&self, offset: usize) -> Cursor {
        // Near the start of a file with no index yet (an application: its id, its name), the
        // line breaks before the offset are counted: cheaper than indexing the whole file.
        const COUNTED: usize = 2048;
        if self.line_starts.get().is_none() && offset <= COUNTED {
            return Cursor::START;
        }
        // An index of line starts keeps many findings in one large file (a roster of a
        // thousand judges, a sheet) from rescanning the text for each.
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset);
        Cursor {
            offset: starts[line - 1],
            line,
            column: 1,
        }
    }

    /// The source line holding `span.start`, with the part of the span on that line.
    pub fn excerpt(&self, span: &Range<usize>) -> Excerpt {
        excerpt(&self.text, span)
    }

    /// The position of `span`, to make findings with later.
    pub fn position(&self, span: &Range<usize>) -> Position {
        let (line, column) = self.line_col(span.start);
        Position {
            line,
            column,
            excerpt: capped_excerpt(&self.text, span),
        }
    }

    /// A finding pointing at `span` in this file.
    pub fn finding(
        &self,
        severity: Severity,
        code: impl Into<Cow<'static, str>>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Finding {
        Finding::at(severity, code, self.path.clone(), &self.position(&span), message)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The line of `text` that `span` starts on, with the part `span` covers underlined.
pub fn excerpt(source: &str, span: &Range<usize>) -> Excerpt {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
    let mut text = &source[line_start..line_end];
    if let Some(stripped) = text.strip_suffix('\r') {
        text = stripped;
    }
    // The span may start after the line's visible end (just past a stripped `\r`).
    let start = start.min(line_start + text.len());
    let end = floor_char_boundary(source, span.end.max(start).min(line_start + text.len()));
    Excerpt {
        text: text.to_string(),
        underline: start - line_start..end - line_start,
    }
}

/// [`excerpt`], or `None` for a line over [`MAX_EXCERPT_BYTES`], which is not shown.
pub fn capped_excerpt(text: &str, span: &Range<usize>) -> Option<Excerpt> {
    let excerpt = excerpt(text, span);
    (excerpt.text.len() <= MAX_EXCERPT_BYTES).then_some(excerpt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new("a.toml", "x = 1\nname = \"Bogotá\" # é\n");
        let hash = f.text.find('#').unwrap();
        assert_eq!(f.line_col(hash), (2, 17));
        assert_eq!(f.line_col(0), (1, 1));
    }

    #[test]
    fn spans_past_a_stripped_carriage_return_do_not_panic() {
        let f = SourceFile::new("a.toml", "title = \"x\"\r");
        let e = f.excerpt(&(12..12));
        assert_eq!((e.text.as_str(), e.underline.clone()), ("title = \"x\"", 11..11));
        let f = SourceFile::new("a.toml", "'id = 1\r\nx = 2\r\n");
        let _ = f.position(&(8..9));
    }

    #[test]
    fn columns_on_one_long_line_are_right_in_any_order() {
        let line = "é".repeat(10) + &"a".repeat(10);
        let f = SourceFile::new("a.toml", format!("x\n{line}\n"));
        assert_eq!(f.line_col(2 + 20), (2, 11));
        assert_eq!(f.line_col(2 + 25), (2, 16));
        assert_eq!(f.line_col(2 + 4), (2, 3));
        assert_eq!(f.line_col(0), (1, 1));
    }

    #[test]
    fn counted_and_indexed_lines_agree() {
        let text: String = (0..400).map(|i| format!("{}é\n", "x".repeat(i % 17))).collect();
        let counted = SourceFile::new("a.csv", text.clone());
        let indexed = SourceFile::new("a.csv", text.clone());
        let _ = indexed.line_col(text.len());
        for offset in (0..text.len()).step_by(7) {
            assert_eq!(counted.line_col(offset), indexed.line_col(offset), "{offset}");
        }
    }

    /// Line and column as a reader counts them: line breaks before the offset, characters
    /// since the last one (the offset first moved back to a character's start).
    fn counted_by_hand(text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }

    proptest::proptest! {
        #[test]
        fn positions_in_any_order_are_those_counted_by_hand(
            lines in proptest::collection::vec("[aé\r,\"]{0,40}", 0..60),
            long in 0usize..3,
            offsets in proptest::collection::vec(0usize..200_000, 1..40),
        ) {
            // Some texts long enough for the index and for a jump past the counted distance.
            let mut text = lines.join("\n");
            for _ in 0..long {
                text = format!("{text}\n{}", "x,é\n".repeat(20_000));
            }
            let f = SourceFile::new("a.csv", text.clone());
            for offset in offsets {
                let offset = offset % (text.len() + 2);
                proptest::prop_assert_eq!(f.line_col(offset), counted_by_hand(&text, offset), "{}", offset);
            }
        }
    }

    #[test]
    fn excerpt_is_one_line_without_crlf() {
        let f = SourceFile::new("a.toml", "a = 1\r\nb = [\r\n  2]\r\n");
        let b = f.text.find('b').unwrap();
        let e = f.excerpt(&(b..f.text.len()));
        assert_eq!(e.text, "b = [");
        assert_eq!(e.underline, 0..5);
    }
}
