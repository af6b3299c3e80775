//! The CSV cells of a sheet, with where each starts: a small reader, because findings must
//! point at the cell, and because the delimiter is guessed from the header line.

use std::borrow::Cow;
use std::ops::Range;

use crate::model::names::trim;

/// The delimiters a sheet may use.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// One cell: its text (quotes removed) and where it is in the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell<'t> {
    /// The text, unquoted, not trimmed (borrowed from the sheet unless a doubled quote in it
    /// was made one).
    pub value: Cow<'t, str>,
    /// Byte range in the sheet's text, quotes included.
    pub span: Range<usize>,
    /// Whether the cell was quoted.
    pub quoted: bool,
}

impl<'t> Cell<'t> {
    /// The text without surrounding white space.
    pub fn trimmed(&self) -> &str {
        trim(&self.value)
    }

    /// [`Cell::trimmed`], borrowed from the sheet when the cell's text is.
    pub fn trimmed_text(&self) -> Cow<'t, str> {
        match &self.value {
            Cow::Borrowed(text) => Cow::Borrowed(trim(text)),
            Cow::Owned(text) => Cow::Owned(trim(text).to_string()),
        }
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

/// Why a record is not CSV (RFC 4180 quoting), with byte offsets into the sheet's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// A quoted cell that is never closed: its opening quote. Reading stops there, since the
    /// rest of the file would be one cell.
    Unclosed {
        /// The opening quote.
        quote: usize,
    },
    /// Text between a quoted cell's closing quote and the next delimiter (`"a"b`).
    AfterQuote {
        /// The first byte after the closing quote.
        at: usize,
        /// The cell's opening quote, which may be lines before.
        quote: usize,
    },
    /// A quote inside a cell that does not start with one (`a"b`).
    StrayQuote {
        /// The quote.
        at: usize,
    },
}

/// A record left out because it is not CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken {
    /// What is wrong, and where.
    pub syntax: Syntax,
    /// Byte offset where the record starts.
    pub record: usize,
}

/// Splits `text` (line ends already `\n`) into records, strictly: a quote opens a quoted cell
/// only at the start of a cell (spaces before it and after its closing quote aside), must be
/// doubled inside one, and may not appear in a cell that is not quoted. A record with such a
/// mistake is left out of the records and reported once, at its first mistake, so that one
/// stray quote never turns rows into a comment unnoticed; reading goes on at the next line.
/// A quoted cell that is never closed ends the reading. Empty lines are skipped.
pub fn records(text: &str, delimiter: u8) -> (Vec<Record<'_>>, Vec<Broken>) {
    let b = text.as_bytes();
    let len = b.len();
    let until_end_of_cell = |from: usize| memchr::memchr2(delimiter, b'\n', &b[from..]).map_or(len, |p| from + p);
    // Spaces around a quoted cell are not part of it (a delimiter is never skipped as space).
    let skip_space = |from: usize| {
        b[from..]
            .iter()
            .position(|&c| !(c == b' ' || c == b'\t') || c == delimiter)
            .map_or(len, |p| from + p)
    };
    let mut out = Vec::new();
    let mut broken = Vec::new();
    let mut i = 0;
    while i < len {
        if b[i] == b'\n' {
            i += 1;
            continue;
        }
        let record = i;
        // As many cells as the record before: one allocation per record, not three.
        let mut cells = Vec::with_capacity(out.last().map_or(0, |r: &Record| r.cells.len()));
        let mut mistake = None;
        loop {
            let start = i;
            let opening = skip_space(i);
            let cell = if opening < len && b[opening] == b'"' {
                // Borrowed from the sheet unless a doubled quote has to be made one.
                let mut value: Option<String> = None;
                let mut from = opening + 1;
                let value = loop {
                    let Some(q) = memchr::memchr(b'"', &b[from..]).map(|p| from + p) else {
                        broken.push(Broken {
                            syntax: Syntax::Unclosed { quote: opening },
                            record,
                        });
                        return (out, broken);
                    };
                    if b.get(q + 1) == Some(&b'"') {
                        let unquoted = value.get_or_insert_with(String::new);
                        unquoted.push_str(&text[from..q]);
                        unquoted.push('"');
                        from = q + 2;
                    } else {
                        i = skip_space(q + 1);
                        break match value {
                            None => Cow::Borrowed(&text[from..q]),
                            Some(mut unquoted) => {
                                unquoted.push_str(&text[from..q]);
                                Cow::Owned(unquoted)
                            }
                        };
                    }
                };
                let end = until_end_of_cell(i);
                if end > i {
                    mistake.get_or_insert(Syntax::AfterQuote { at: i, quote: opening });
                }
                i = end;
                Cell {
                    value,
                    span: start..i,
                    quoted: true,
                }
            } else {
                i = until_end_of_cell(i);
                if let Some(q) = b[start..i].iter().position(|&c| c == b'"') {
                    mistake.get_or_insert(Syntax::StrayQuote { at: start + q });
                }
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
        match mistake {
            Some(syntax) => broken.push(Broken { syntax, record }),
            None => out.push(Record { cells, end: i }),
        }
        // Past the line end.
        i += 1;
    }
    (out, broken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, d: u8) -> Vec<Vec<String>> {
        let (recs, broken) = records(text, d);
        assert_eq!(broken, vec![]);
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
    }

    #[test]
    fn spaces_around_a_quoted_cell_are_not_part_of_it() {
        let (recs, broken) = records("a, \"b, c\" ,d\n", b',');
        assert_eq!(broken, vec![]);
        assert_eq!(recs[0].cells[1].value, "b, c");
        assert_eq!(recs[0].cells[1].span, 2..10);
        assert_eq!(recs[0].cells[2].value, "d");
        // A tab delimiter is not skipped as space.
        assert_eq!(values("a\t\"b\"\t\tc", b'\t'), vec![vec!["a", "b", "", "c"]]);
    }

    #[test]
    fn an_unclosed_quote_stops_the_reading() {
        let (recs, broken) = records("a,b\n1,\"open\n2,3\n", b',');
        assert_eq!(recs.len(), 1);
        assert_eq!(
            broken,
            vec![Broken {
                syntax: Syntax::Unclosed { quote: 6 },
                record: 4
            }]
        );
    }

    #[test]
    fn quotes_out_of_place_leave_their_record_out_and_reading_goes_on() {
        // Offsets: "a,b\n" is 0–3; `1,"7"5` starts at 4, its quote at 6, the `5` at 9;
        // `2,a"b` starts at 11, its quote at 14; `3,4` starts at 17.
        let (recs, broken) = records("a,b\n1,\"7\"5\n2,a\"b\n3,4\n", b',');
        assert_eq!(
            broken,
            vec![
                Broken {
                    syntax: Syntax::AfterQuote { at: 9, quote: 6 },
                    record: 4
                },
                Broken {
                    syntax: Syntax::StrayQuote { at: 14 },
                    record: 11
                },
            ]
        );
        let firsts: Vec<&str> = recs.iter().map(|r| r.text(0)).collect();
        assert_eq!(firsts, vec!["a", "3"]);
    }

    #[test]
    fn a_quote_opened_by_mistake_is_caught_where_it_closes() {
        // The cell opened on the second line runs to the quote on the fourth, and `b` follows.
        let text = "a,b\n1,\"x\n2,y\n3,z \"b\n4,w\n";
        let (recs, broken) = records(text, b',');
        assert_eq!(broken.len(), 1);
        let Syntax::AfterQuote { at, quote } = broken[0].syntax else {
            panic!("{broken:?}")
        };
        assert_eq!((&text[quote..=quote], &text[at..=at]), ("\"", "b"));
        assert_eq!(recs.len(), 2, "the header and the row after the broken one");
    }
}
