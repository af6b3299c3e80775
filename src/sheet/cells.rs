//! The CSV cells of a sheet, with where each starts: a small reader, because findings must
//! point at the cell, and because the delimiter is guessed from the header line.

use std::borrow::Cow;
use std::ops::Range;

/// The delimiters a sheet may use.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// One cell: its text (quotes removed) and where it is in the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell<'t> {
    /// The text, unquoted, not trimmed (borrowed from the sheet unless it was quoted).
    pub value: Cow<'t, str>,
    /// Byte range in the sheet's text, quotes included.
    pub span: Range<usize>,
    /// Whether the cell was quoted.
    pub quoted: bool,
}

impl Cell<'_> {
    /// The text without surrounding white space.
    pub fn trimmed(&self) -> &str {
        self.value.trim()
    }
}

/// One line of the sheet (more when a quoted cell holds line breaks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record<'t> {
    /// The cells, in order.
    pub cells: Vec<Cell<'t>>,
    /// Byte offset just past the last cell, before the line end.
    pub end: usize,
}

impl Record<'_> {
    /// Byte offset where the record starts.
    pub fn start(&self) -> usize {
        self.cells.first().map_or(self.end, |c| c.span.start)
    }

    /// The span of cell `i`, or an empty span at the end of the record when the row is short.
    pub fn span(&self, i: usize) -> Range<usize> {
        self.cells.get(i).map_or(self.end..self.end, |c| c.span.clone())
    }

    /// The trimmed text of cell `i` ("" when the row is short).
    pub fn text(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", Cell::trimmed)
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trimmed().is_empty())
    }
}

/// The delimiter of a sheet: the one of comma, semicolon and tab that appears most often
/// outside quotes on the header line (on a tie: tab, then semicolon, since a comma is the
/// likeliest to appear in a criterion's name); a comma when there is none.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text.trim_start_matches(['\n', ' ']).as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    // Later entries win ties: comma < semicolon < tab.
    let best = (0..3).max_by_key(|&i| (counts[i], i)).unwrap_or(0);
    if counts[best] == 0 { b',' } else { DELIMITERS[best] }
}

/// A quoted cell that is never closed: the byte offset of its opening quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unclosed(pub usize);

/// Splits `text` (line ends already `\n`) into records. Empty lines are skipped. A quote only
/// opens a quoted cell at the start of a cell; elsewhere it is text. Stops at a quoted cell that
/// is never closed, returning the records before it.
pub fn records(text: &str, delimiter: u8) -> (Vec<Record<'_>>, Option<Unclosed>) {
    let b = text.as_bytes();
    let len = b.len();
    let until_end_of_cell = |from: usize| {
        b[from..]
            .iter()
            .position(|&c| c == delimiter || c == b'\n')
            .map_or(len, |p| from + p)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        if b[i] == b'\n' {
            i += 1;
            continue;
        }
        let mut cells = Vec::new();
        loop {
            let start = i;
            let cell = if i < len && b[i] == b'"' {
                let mut value = String::new();
                let mut from = i + 1;
                loop {
                    let Some(q) = b[from..].iter().position(|&c| c == b'"').map(|p| from + p) else {
                        return (out, Some(Unclosed(start)));
                    };
                    value.push_str(&text[from..q]);
                    if b.get(q + 1) == Some(&b'"') {
                        value.push('"');
                        from = q + 2;
                    } else {
                        i = q + 1;
                        break;
                    }
                }
                // Text after the closing quote is kept as written (`"7"5` reads `75`).
                let end = until_end_of_cell(i);
                value.push_str(&text[i..end]);
                i = end;
                Cell {
                    value: Cow::Owned(value),
                    span: start..i,
                    quoted: true,
                }
            } else {
                i = until_end_of_cell(i);
                Cell {
                    value: Cow::Borrowed(&text[start..i]),
                    span: start..i,
                    quoted: false,
                }
            };
            cells.push(cell);
            if i < len && b[i] == delimiter {
                i += 1;
            } else {
                break;
            }
        }
        out.push(Record { cells, end: i });
        // Past the line end.
        i += 1;
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, d: u8) -> Vec<Vec<String>> {
        let (recs, unclosed) = records(text, d);
        assert_eq!(unclosed, None);
        recs.iter()
            .map(|r| r.cells.iter().map(|c| c.value.to_string()).collect())
            .collect()
    }

    #[test]
    fn delimiters_are_detected_outside_quotes() {
        assert_eq!(detect_delimiter("application,impact,design\n1;2;3;4;5"), b',');
        assert_eq!(detect_delimiter("application;impact;design\n"), b';');
        assert_eq!(detect_delimiter("application\timpact\tdesign"), b'\t');
        assert_eq!(detect_delimiter("application;\"a,b,c\";design"), b';');
        assert_eq!(
            detect_delimiter("application;Impact, reach"),
            b';',
            "a tie goes to the semicolon"
        );
        assert_eq!(detect_delimiter("application"), b',');
        assert_eq!(detect_delimiter(""), b',');
    }

    #[test]
    fn cells_quotes_and_spans() {
        let text = "a,\"b,\"\"c\"\"\",d\n\n1,,\"x\ny\"\n";
        let (recs, _) = records(text, b',');
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].cells[1].value, "b,\"c\"");
        assert_eq!(recs[0].cells[1].span, 2..11);
        assert!(recs[0].cells[1].quoted);
        assert_eq!(recs[0].end, 13);
        assert_eq!(recs[1].cells.len(), 3);
        assert_eq!(recs[1].cells[2].value, "x\ny");
        assert_eq!(recs[1].start(), 15);
        assert_eq!(recs[1].span(5), recs[1].end..recs[1].end);
    }

    #[test]
    fn trailing_delimiter_makes_an_empty_cell() {
        assert_eq!(values("a,b,\n", b','), vec![vec!["a", "b", ""]]);
        assert_eq!(values("a;7,5", b';'), vec![vec!["a", "7,5"]]);
        assert_eq!(values("\"7\"5,x", b','), vec![vec!["75", "x"]]);
        assert_eq!(values("a\"b,c", b','), vec![vec!["a\"b", "c"]]);
    }

    #[test]
    fn an_unclosed_quote_stops_the_reading() {
        let (recs, unclosed) = records("a,b\n1,\"open\n2,3\n", b',');
        assert_eq!(recs.len(), 1);
        assert_eq!(unclosed, Some(Unclosed(6)));
    }
}
